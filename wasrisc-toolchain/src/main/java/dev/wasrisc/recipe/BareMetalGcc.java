package dev.wasrisc.recipe;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.conformance.StandardTarget;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * riscv64-unknown-elf-gcc with picolibc for the bare-metal rv64im target: compiles C into objects
 * and links them with the platform's start-up code and syscalls into a static ELF. Cells that
 * choose clang compile every C file with clang for the same target, against picolibc's headers;
 * gcc still links, because picolibc's specs and multilib layout are gcc's.
 */
public final class BareMetalGcc {

    public static final List<Tool> TOOLS = List.of(Tools.RISCV64_ELF_GCC, Tools.PICOLIBC, Tools.QEMU_RISCV64);

    /** What a program's main is called on the zkVM standard target, where main is the platform's. */
    static final String STANDARD_PROGRAM_MAIN = "__wasrisc_program_main";

    private BareMetalGcc() {}

    /**
     * Flags for every compile and the link. picolibc's release build type matters: its default
     * build copies memory byte by byte, which would dominate instruction counts.
     */
    static List<String> commonFlags(BuildContext context) {
        List<String> flags = new ArrayList<>(List.of("-march=rv64im", "-mabi=lp64", "-mcmodel=medany",
                "--specs=picolibc.specs", "--picolibc-buildtype=release",
                "-O" + context.optLevel(), "-ffunction-sections", "-fdata-sections"));
        flags.addAll(prefixMaps(context));
        return flags;
    }

    /** clang's equivalent of {@link #commonFlags}: its own builtin headers, then picolibc's. */
    static List<String> clangFlags(BuildContext context) {
        Path picolibcInclude = context.tool(Tools.PICOLIBC).getParent().resolve("include");
        List<String> flags = new ArrayList<>(List.of("--target=riscv64-unknown-elf", "-march=rv64im", "-mabi=lp64",
                "-mcmodel=medany", "-nostdlibinc", "-isystem", picolibcInclude.toString(),
                "-O" + context.optLevel(), "-ffunction-sections", "-fdata-sections"));
        flags.addAll(prefixMaps(context));
        return flags;
    }

    /**
     * Paths that reach a binary through {@code __FILE__} (assert messages in transpiled C, in
     * guests, in the platform) would make its layout, and so its count, depend on where the build
     * folder, the checkout and the cache happen to be: a longer path shifts {@code .rodata}, and one
     * unaligned memcpy cost 12,000 instructions that way. Mapped to fixed names, they cannot.
     */
    public static List<String> prefixMaps(BuildContext context) {
        return List.of(
                "-ffile-prefix-map=" + context.workDir() + "=build",
                "-ffile-prefix-map=" + context.guest().dir() + "=guest",
                "-ffile-prefix-map=" + context.platform().dir() + "=platform");
    }

    /** Compiles one C (or assembly) file into {@code obj/NAME.o} and returns the object's path. */
    public static Path compile(BuildContext context, String stage, Path source, List<String> extraFlags)
            throws IOException {
        return compile(context, stage, source, extraFlags, List.of());
    }

    /**
     * As {@link #compile(BuildContext, String, Path, List)}, for a unit that reads files its
     * preprocessed text does not show (see {@link CompileAction#run}).
     */
    public static Path compile(BuildContext context, String stage, Path source, List<String> extraFlags,
            List<Path> unlisted) throws IOException {
        Path objDir = context.workDir().resolve("obj");
        Files.createDirectories(objDir);
        String base = source.getFileName().toString().replaceAll("\\.[cS]$", "");
        // Creating the file claims its name: parallel compiles of units with one name take the next.
        Path object = objDir.resolve(base + ".o");
        for (int i = 2; !claimed(object); i++) {
            object = objDir.resolve(base + "-" + i + ".o");
        }
        List<String> compiler = new ArrayList<>();
        if (context.pipeline().compiler().equals(Pipeline.CLANG)) {
            compiler.add(context.tool(Tools.CLANG).toString());
            compiler.addAll(clangFlags(context));
        } else {
            compiler.add(context.tool(Tools.RISCV64_ELF_GCC).toString());
            compiler.addAll(commonFlags(context));
        }
        compiler.add("-I" + context.platform().include());
        if (context.platform().standardTarget() && !source.startsWith(context.platform().rv64im())) {
            // The standard's _start calls main(void), which the platform defines; the program's own is renamed.
            compiler.add("-Dmain=" + STANDARD_PROGRAM_MAIN);
        }
        compiler.addAll(extraFlags);
        CompileAction.run(context, stage, compiler, source, object, unlisted);
        return object;
    }

    private static boolean claimed(Path file) throws IOException {
        try {
            Files.createFile(file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * The part every WebAssembly runtime on the platform shares (the linear memory in the linker
     * script's region, and how a trap ends the run), so wasm2c's, w2c2's and WAMR's agree.
     */
    public static Path compileWasmSupport(BuildContext context) throws IOException {
        return compile(context, "compile runtime", context.platform().rv64im().resolve("wasm_support.c"), List.of());
    }

    /** Links objects with the platform's start-up, syscalls and custom imports into the output ELF. */
    public static void link(BuildContext context, List<Path> objects) throws IOException {
        Platform platform = context.platform();
        List<Path> all = new ArrayList<>();
        for (Path source : platform.startupSources()) {
            all.add(compile(context, "compile platform", source, List.of()));
        }
        all.add(compile(context, "compile platform", platform.stdio().resolve("stdin.c"), List.of()));
        for (Path imports : context.importSources()) {
            all.add(compile(context, "compile imports", imports, List.of()));
        }
        all.addAll(objects);
        GuestSettings settings = context.guest().settings();
        if (settings.accelerators()) {
            all.addAll(Accelerators.bareMetalObjects(context));
        }
        Command.Builder link = Command.of(context.tool(Tools.RISCV64_ELF_GCC))
                .args(commonFlags(context))
                .arg("-nostartfiles")
                .arg("-T").arg(platform.linkerScript())
                .arg("-Wl,--gc-sections");
        if (settings.heapBytes() > 0) {
            link.arg("-Wl,--defsym=__wasrisc_heap_size=" + settings.heapBytes());
        }
        if (settings.linearMemoryBytes() > 0) {
            link.arg("-Wl,--defsym=__wasrisc_linear_memory_size=" + settings.linearMemoryBytes());
        }
        // The linker script may INCLUDE others from its folder, which the command line does not name.
        context.perform(Action.of("link", link.args(all).arg("-o").arg(context.output()))
                .inputTree(platform.rv64im())
                .output(context.output()));
        if (platform.standardTarget()) {
            checkStandardTarget(context);
        }
    }

    /**
     * Fails the build of a binary for the zkVM standard target that does not conform to it (see
     * {@link StandardTarget}), at stage {@code conformance}, saying what broke.
     */
    private static void checkStandardTarget(BuildContext context) throws IOException {
        Path objdump = context.tool(Tools.RISCV64_ELF_GCC).resolveSibling("riscv64-unknown-elf-objdump");
        String disassembly = context.run("conformance", Command.of(objdump).arg("-d").arg("-M").arg("no-aliases")
                .arg(context.output()).maxOutputBytes(512L << 20)).stdoutText();
        List<String> violations = StandardTarget.violations(context.output(), disassembly);
        if (!violations.isEmpty()) {
            throw context.failure("conformance", "the binary does not conform to the zkVM standard target "
                    + StandardTarget.TRIPLE + ":\n  " + String.join("\n  ", violations));
        }
    }
}
