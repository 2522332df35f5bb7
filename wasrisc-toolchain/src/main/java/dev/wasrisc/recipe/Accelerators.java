package dev.wasrisc.recipe;

import dev.wasrisc.build.Action;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The zkVM accelerators for executors without precompiles (qemu, bare metal and riscv64 Linux), as
 * objects to link into a guest that calls them: the reference implementations
 * ({@code platform/zkvm/accelerators}, a no_std Rust library), the wrappers that mark each call for
 * the counting plugin ({@code platform/zkvm/qemu}) and the {@code zkvm} import module's adapters for
 * WebAssembly guests ({@code platform/zkvm/zkvm_wasm.c}).
 *
 * <p>The Rust library is linked as one relocatable object whose only global symbols are its
 * {@code wasrisc_accel_*} functions: its own copy of core, alloc and the compiler's builtins stays
 * private, so it links into C, Go and Rust programs without clashing with their runtimes.
 */
public final class Accelerators {

    public static final List<Tool> TOOLS = List.of(Tools.CARGO_WEB, Tools.RUSTC_WEB, Tools.RUST_SRC);

    /**
     * The two ABIs. Bare metal is lp64 (soft-float) and built for rv64imac without compressed
     * instructions: RV64IM has no atomics, without which Rust's {@code alloc} has no {@code Arc},
     * which revm's crates use. Only this library, which stands for a zkVM's precompiles, contains
     * atomic instructions; the guest's own code stays RV64IM. LLVM's {@code c} implies {@code zca},
     * which must be turned off by name, or compressed instructions stay.
     */
    private enum Abi {
        BARE_METAL("riscv64imac-unknown-none-elf", "-C target-feature=-c,-zca", Tools.RISCV64_ELF_GCC, "riscv64-unknown-elf-"),
        LINUX("riscv64gc-unknown-linux-gnu", "", Tools.RISCV64_LINUX_GCC, "riscv64-linux-gnu-");

        final String rustTarget;
        final String rustflags;
        final Tool gcc;
        final String binutilsPrefix;

        Abi(String rustTarget, String rustflags, Tool gcc, String binutilsPrefix) {
            this.rustTarget = rustTarget;
            this.rustflags = rustflags;
            this.gcc = gcc;
            this.binutilsPrefix = binutilsPrefix;
        }
    }

    private Accelerators() {}

    /** The objects a bare-metal (rv64im, picolibc) link adds for a guest that calls the accelerators. */
    public static List<Path> bareMetalObjects(BuildContext context) throws IOException {
        Path zkvm = context.platform().zkvm();
        List<Path> objects = new ArrayList<>();
        objects.add(BareMetalGcc.compile(context, "compile accelerators", zkvm.resolve("qemu/zkvm_qemu.c"), List.of()));
        objects.add(BareMetalGcc.compile(context, "compile accelerators", zkvm.resolve("zkvm_wasm.c"), List.of()));
        objects.add(implementations(context, Abi.BARE_METAL));
        return objects;
    }

    /** As {@link #bareMetalObjects} for riscv64 Linux programs ({@code direct} Go and Rust, the runtimes' runners). */
    public static List<Path> linuxObjects(BuildContext context) throws IOException {
        Path zkvm = context.platform().zkvm();
        Path dir = Files.createDirectories(context.workDir().resolve("accelerators-linux"));
        List<Path> objects = new ArrayList<>();
        for (Path source : List.of(zkvm.resolve("qemu/zkvm_qemu.c"), zkvm.resolve("zkvm_wasm.c"))) {
            objects.add(NativeImports.compileForLinux(context, "compile accelerators", source,
                    dir.resolve(source.getFileName().toString().replaceAll("\\.c$", ".o"))));
        }
        objects.add(implementations(context, Abi.LINUX));
        return objects;
    }

    /** The Rust library for one ABI, as one object with only its {@code wasrisc_accel_*} symbols global. */
    private static Path implementations(BuildContext context, Abi abi) throws IOException {
        Path crate = context.platform().zkvm().resolve("accelerators");
        Path dir = Files.createDirectories(context.workDir().resolve("accelerators-" + abi.name().toLowerCase()));
        Path targetDir = context.sharedDir("cargo-target").resolve("accelerators");
        Path library = dir.resolve("libwasrisc_accelerators.a");
        Command.Builder cargo = Command.of(context.tool(Tools.CARGO_WEB))
                .args(List.of("build", "--release", "--locked", "--target", abi.rustTarget, "-Zbuild-std=core,alloc",
                        "--target-dir", targetDir.toString()))
                .in(crate)
                .env("RUSTC", context.tool(Tools.RUSTC_WEB).toString())
                .env("RUSTC_BOOTSTRAP", "1")
                .env("RUSTFLAGS", abi.rustflags);
        context.perform(Action.of("cargo build accelerators " + abi.rustTarget, cargo)
                .inputTree(crate)
                .output(library)
                .then(() -> Files.copy(targetDir.resolve(abi.rustTarget).resolve("release").resolve(library.getFileName()),
                        library)));
        Path binutils = context.tool(abi.gcc).getParent();
        Path merged = dir.resolve("accelerators-all.o");
        context.perform(Action.of("link accelerators", Command.of(binutils.resolve(abi.binutilsPrefix + "ld"),
                        "-r", "--whole-archive", library, "-o", merged))
                .output(merged));
        Path object = dir.resolve("accelerators.o");
        context.perform(Action.of("link accelerators", Command.of(binutils.resolve(abi.binutilsPrefix + "objcopy"),
                        "--wildcard", "--keep-global-symbol=wasrisc_accel_*", merged, object))
                .output(object));
        return object;
    }
}
