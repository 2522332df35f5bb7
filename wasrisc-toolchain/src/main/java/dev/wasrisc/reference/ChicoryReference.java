package dev.wasrisc.reference;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs a module in Chicory, a WebAssembly interpreter on the JVM, with WASI preview 1 and the
 * platform's custom imports implemented again in Java. What the guest can observe matches the
 * RISC-V platform: argv[0] {@code guest}, no environment, no preopened folders, a fixed clock and
 * a seeded random source.
 */
public final class ChicoryReference {

    private ChicoryReference() {}

    public static ReferenceRun run(String guest, Path module, List<String> args) {
        return run(guest, module, args, new byte[0]);
    }

    /** Runs the module with {@code stdin} as its standard input. */
    public static ReferenceRun run(String guest, Path module, List<String> args, byte[] stdin) {
        long start = System.nanoTime();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
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
            ImportValues imports = ImportValues.builder()
                    .addFunction(wasi.toHostFunctions())
                    .addFunction(testfunc(stdout))
                    .build();
            // withStart(false): _start is called below, so proc_exit's exception comes to this frame.
            Instance instance = Instance.builder(parsed).withImportValues(imports).withStart(false).build();
            instance.export("_start").apply();
        } catch (WasiExitException e) {
            exitCode = e.exitCode();
        } catch (ChicoryException e) {
            trap = e.getMessage();
        } catch (StackOverflowError e) {
            trap = "call stack exhausted";
        }
        return new ReferenceRun(guest, args, exitCode, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8), trap, Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code testmodule.testfunc}, as {@code platform/imports/testmodule.c} implements it. */
    private static HostFunction testfunc(ByteArrayOutputStream stdout) {
        return new HostFunction("testmodule", "testfunc", List.of(ValType.I32, ValType.I32), List.of(ValType.I32),
                (instance, values) -> {
                    long a = values[0] & 0xffffffffL;
                    long b = values[1] & 0xffffffffL;
                    PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                    out.print("testfunc called with " + a + ", " + b + "\n");
                    out.flush();
                    return new long[] {(a + b) & 0xffffffffL};
                });
    }
}
