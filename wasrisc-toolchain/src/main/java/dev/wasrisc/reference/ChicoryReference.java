package dev.wasrisc.reference;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.wasrisc.exec.BoundedOutputStream;
import dev.wasrisc.exec.Command;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs a module in Chicory, a WebAssembly interpreter on the JVM, with WASI preview 1. Custom
 * imports are served by a second module, a WASI reactor compiled from the same C the pipelines
 * link, whose exports are the imports' C functions. What the guest can observe matches the
 * RISC-V platform: argv[0] {@code guest}, no environment, no preopened folders, a fixed clock and
 * a seeded random source.
 */
public final class ChicoryReference {

    private ChicoryReference() {}

    /** WASI preview 1, which the interpreter implements itself. */
    public static final String WASI_MODULE = "wasi_snapshot_preview1";

    /** A function a module imports. */
    public record Import(String module, String field) {}

    /** The module's function imports other than WASI's and the accelerators', each once, in the module's order. */
    public static List<Import> customImports(Path module) {
        return Parser.parse(module).importSection().stream()
                .filter(i -> i instanceof FunctionImport && custom(i.module(), i.name()))
                .map(i -> new Import(i.module(), i.name()))
                .distinct()
                .toList();
    }

    public static ReferenceRun run(String guest, Path module, List<String> args) {
        return run(guest, module, null, Map.of(), args, new byte[0], Command.DEFAULT_MAX_OUTPUT_BYTES);
    }

    /**
     * Runs the module with {@code stdin} as its standard input.
     *
     * @param importsReactor the reactor that implements the module's custom imports; null when it
     *     has none
     * @param symbols for each custom import, the reactor's export that implements it
     * @param maxOutputBytes bytes kept of stdout and of stderr, as for a qemu run: the reference
     *     runs inside the JVM, and must not fill it
     */
    public static ReferenceRun run(String guest, Path module, Path importsReactor, Map<Import, String> symbols,
            List<String> args, byte[] stdin, long maxOutputBytes) {
        long start = System.nanoTime();
        BoundedOutputStream stdout = new BoundedOutputStream(maxOutputBytes);
        BoundedOutputStream stderr = new BoundedOutputStream(maxOutputBytes);
        List<String> argv = new ArrayList<>();
        argv.add("guest");
        argv.addAll(args);
        WasiOptions options = WasiOptions.builder()
                .withStdin(new java.io.ByteArrayInputStream(stdin))
                .withStdout(stdout)
                .withStderr(stderr)
                .withArguments(argv)
                .withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .withRandom(new Random(1))
                .build();
        int exitCode = 0;
        String trap = null;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            WasmModule parsed = Parser.parse(module);
            ImportValues.Builder imports = ImportValues.builder().addFunction(wasi.toHostFunctions());
            if (importsReactor != null) {
                imports.addFunction(customImports(parsed, importsReactor, symbols, wasi));
            }
            imports.addFunction(accelerators(parsed));
            // withStart(false): _start is called below, so proc_exit's exception comes to this frame.
            Instance instance = Instance.builder(parsed).withImportValues(imports.build()).withStart(false).build();
            instance.export("_start").apply();
        } catch (WasiExitException e) {
            exitCode = e.exitCode();
        } catch (ChicoryException e) {
            trap = e.getMessage();
        } catch (StackOverflowError e) {
            trap = "call stack exhausted";
        }
        return new ReferenceRun(guest, args, exitCode, stdout.captured().text(), stderr.captured().text(), trap, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Host functions that call the reactor's exports. The reactor shares the guest's WASI (its
     * stdout and stderr): WASI calls act on the memory of the instance that makes them.
     */
    private static HostFunction[] customImports(WasmModule guest, Path importsReactor, Map<Import, String> symbols,
            WasiPreview1 wasi) {
        Instance reactor = Instance.builder(Parser.parse(importsReactor))
                .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                .withStart(false)
                .build();
        reactor.export("_initialize").apply();
        Map<Import, HostFunction> functions = new LinkedHashMap<>();
        guest.importSection().stream()
                .filter(i -> i instanceof FunctionImport && custom(i.module(), i.name()))
                .forEach(i -> {
                    Import key = new Import(i.module(), i.name());
                    FunctionType type = guest.typeSection().getType(((FunctionImport) i).typeIndex());
                    ExportFunction target = reactor.export(symbols.get(key));
                    functions.putIfAbsent(key, new HostFunction(i.module(), i.name(), type.params(), type.returns(),
                            (instance, values) -> target.apply(values)));
                });
        return functions.values().toArray(HostFunction[]::new);
    }

    /** The guest's imports of the {@code zkvm} module, each once. */
    private static HostFunction[] accelerators(WasmModule guest) {
        Map<String, HostFunction> functions = new LinkedHashMap<>();
        guest.importSection().stream()
                .filter(i -> i instanceof FunctionImport && ZkvmReference.serves(i.module(), i.name()))
                .forEach(i -> functions.computeIfAbsent(i.module() + "." + i.name(), key -> ZkvmReference.function(
                        i.module(), i.name(), guest.typeSection().getType(((FunctionImport) i).typeIndex()))));
        return functions.values().toArray(HostFunction[]::new);
    }

    /** Whether the import is a guest's own: neither WASI's nor an accelerator, which the interpreter serves. */
    private static boolean custom(String module, String field) {
        return !module.equals(WASI_MODULE) && !ZkvmReference.serves(module, field);
    }
}
