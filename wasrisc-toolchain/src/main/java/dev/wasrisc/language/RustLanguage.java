package dev.wasrisc.language;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.recipe.NativeImports;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rust guests: a cargo package with one binary. Built with Debian's rustc-web and
 * {@code -Zbuild-std}, which compiles std for {@code wasm32-wasip1} (linked by wasm-ld against
 * Debian's wasi-libc) and for {@code riscv64gc-unknown-linux-gnu} (static, linked by
 * riscv64-linux-gnu-gcc).
 *
 * <p>One cargo target folder in the build cache serves every Rust guest, so std is compiled once
 * per target and optimisation level, not once per guest. Anything that differs per build (the
 * imports library's folder) is passed to the guest crate alone, after {@code cargo rustc --},
 * because a change to RUSTFLAGS would rebuild std.
 */
public final class RustLanguage implements Language {

    static final String WASM_TARGET = "wasm32-wasip1";
    static final String LINUX_TARGET = "riscv64gc-unknown-linux-gnu";
    private static final Pattern PATH_VALUE = Pattern.compile("(?m)\\bpath\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PACKAGE_NAME = Pattern.compile("(?m)^name\\s*=\\s*\"([^\"]+)\"");

    @Override
    public String name() {
        return "rust";
    }

    @Override
    public boolean recognizes(Path guestDir) {
        return Files.isRegularFile(guestDir.resolve("Cargo.toml"));
    }

    @Override
    public List<Tool> wasmTools() {
        return List.of(Tools.CARGO_WEB, Tools.RUSTC_WEB, Tools.RUST_SRC, Tools.WASM_LD, Tools.WASI_LIBC);
    }

    @Override
    public Path buildWasm(BuildContext context) throws IOException {
        // The module is the WASM pipelines' input: always a release build (opt-level 3).
        String rustflags = "-C linker=" + context.tool(Tools.WASM_LD) + " -C link-self-contained=no"
                + " -L /usr/lib/wasm32-wasi -C link-arg=/usr/lib/wasm32-wasi/crt1-command.o";
        String folder = "O3";
        if (!context.multiValue()) {
            // std too must be built without it, so it gets a folder of its own.
            rustflags += " -C target-feature=-multivalue";
            folder = "O3-nomultivalue";
        }
        Path wasm = context.workDir().resolve("module.wasm");
        cargo(context, WASM_TARGET, 3, folder, rustflags, List.of(), ".wasm", wasm);
        return wasm;
    }

    /**
     * The folders of {@code path = "…"} entries of Cargo.toml outside the guest's folder: a path
     * dependency, or a target's source file (its folder: {@code ../stateless/src/main.rs} reads
     * {@code ../stateless/src}).
     */
    @Override
    public List<Path> localDependencies(Path guestDir) throws IOException {
        List<Path> dirs = new java.util.ArrayList<>();
        Matcher path = PATH_VALUE.matcher(Files.readString(guestDir.resolve("Cargo.toml")));
        while (path.find()) {
            Path target = guestDir.resolve(path.group(1)).normalize();
            Path dir = path.group(1).endsWith(".rs") ? target.getParent() : target;
            if (!dir.startsWith(guestDir) && !dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    @Override
    public Target directTarget() {
        return Target.RISCV64_LINUX;
    }

    @Override
    public List<Tool> directTools() {
        return List.of(Tools.CARGO_WEB, Tools.RUSTC_WEB, Tools.RUST_SRC, Tools.RISCV64_LINUX_GCC, Tools.QEMU_RISCV64);
    }

    @Override
    public void buildDirect(BuildContext context) throws IOException {
        Path imports = NativeImports.buildLinuxLibrary(context);
        cargo(context, LINUX_TARGET, context.optLevel(), "O" + context.optLevel(),
                "-C linker=" + context.tool(Tools.RISCV64_LINUX_GCC) + " -C target-feature=+crt-static",
                List.of(imports), "", context.output());
    }

    /**
     * Builds in the shared target folder {@code folder}: each opt level and set of RUSTFLAGS gets
     * its own std, since one shared folder would rebuild std on every switch. The artifact is
     * copied to {@code destination}, which the action cache keeps (cargo's folder is cargo's).
     *
     * @param nativeLibraries folders of native libraries the crate links (the import implementations)
     */
    private static void cargo(BuildContext context, String target, int optLevel, String folder, String rustflags,
            List<Path> nativeLibraries, String extension, Path destination) throws IOException {
        Path targetDir = context.sharedDir("cargo-target").resolve(folder);
        Command.Builder cargo = Command.of(context.tool(Tools.CARGO_WEB))
                .args(List.of("rustc", "--release", "--locked", "--target", target,
                        "-Zbuild-std=std,panic_abort", "--target-dir", targetDir.toString(), "--"))
                .args(nativeLibraries.stream().flatMap(dir -> Stream.of("-L", "native=" + dir)).toList())
                .in(context.guest().dir())
                .env("RUSTC", context.tool(Tools.RUSTC_WEB).toString())
                .env("RUSTC_BOOTSTRAP", "1")
                .env("RUSTFLAGS", rustflags)
                .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", Integer.toString(optLevel));
        Action build = context.withGuestSources(Action.of("cargo build " + target, cargo))
                .output(destination)
                .then(() -> Files.copy(built(targetDir, target, context.guest().dir(), extension), destination));
        nativeLibraries.forEach(build::inputTree);
        context.perform(build);
    }

    /** Where cargo put the crate's artifact: under the package's name, or the binary's. */
    private static Path built(Path targetDir, String target, Path guestDir, String extension) {
        String binary = packageName(guestDir).replace('-', '_');
        Path dir = targetDir.resolve(target).resolve("release");
        Path output = dir.resolve(packageName(guestDir) + extension);
        if (!Files.isRegularFile(output)) {
            output = dir.resolve(binary + extension);
        }
        return output;
    }

    static String packageName(Path guestDir) {
        try {
            Matcher matcher = PACKAGE_NAME.matcher(Files.readString(guestDir.resolve("Cargo.toml")));
            if (!matcher.find()) {
                throw new IllegalArgumentException(guestDir.resolve("Cargo.toml") + " names no package");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
