package dev.wasrisc.language;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasrisc.build.Action;
import dev.wasrisc.build.BuildCache;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.guest.Language;
import dev.wasrisc.recipe.NativeImports;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Go guests: a module ({@code go.mod}) whose main package is the guest folder. WebAssembly comes
 * from {@code GOOS=wasip1 GOARCH=wasm}; {@code direct} builds {@code GOOS=linux GOARCH=riscv64}, a
 * static riscv64 Linux program, without cgo: with cgo, libraries switch to C code a WebAssembly
 * build can never take (go-ethereum to libsecp256k1), and {@code direct} would compare different
 * code. Only a guest that needs C — custom imports as a cgo binding to the platform's C
 * implementation in a {@code !wasip1} file, next to {@code //go:wasmimport} in a {@code wasip1}
 * file — is built with cgo, linking the platform's import implementations as
 * {@code libwasrisc_imports.a}; its binaries are flagged {@code cgo}.
 *
 * <p>The cell's Go toolchain ({@code direct-go1.25.6-O2}) is passed as {@code GOTOOLCHAIN}; the
 * {@code purego} variant of {@code direct} adds {@code -tags purego}, which turns off the
 * hand-written riscv64 assembly of Go's crypto, so it compiles what the WebAssembly build compiles.
 */
public final class GoLanguage implements Language {

    @Override
    public String name() {
        return "go";
    }

    @Override
    public boolean recognizes(Path guestDir) {
        return Files.isRegularFile(guestDir.resolve("go.mod"));
    }

    @Override
    public List<Tool> wasmTools() {
        return List.of(Tools.GO);
    }

    @Override
    public Path buildWasm(BuildContext context) throws IOException {
        Path wasm = context.workDir().resolve("module.wasm");
        context.perform(context.withGuestSources(Action.of("compile to wasm", goBuild(context, wasm)
                .env("GOOS", "wasip1").env("GOARCH", "wasm").env("CGO_ENABLED", "0")))
                .output(wasm));
        return wasm;
    }

    @Override
    public Target directTarget() {
        return Target.RISCV64_LINUX;
    }

    @Override
    public List<Tool> directTools() {
        return List.of(Tools.GO, Tools.RISCV64_LINUX_GCC, Tools.QEMU_RISCV64);
    }

    @Override
    public void buildDirect(BuildContext context) throws IOException {
        Command.Builder build = goBuild(context, context.output())
                .env("GOOS", "linux").env("GOARCH", "riscv64");
        Action compile = context.withGuestSources(Action.of("compile", build)).output(context.output());
        if (usesCgo(context.guest())) {
            Path libDir = NativeImports.buildLinuxLibrary(context);
            build.env("CGO_ENABLED", "1")
                    .env("CC", context.tool(Tools.RISCV64_LINUX_GCC).toString())
                    .env("CGO_LDFLAGS", "-L" + libDir + " -lwasrisc_imports");
            compile.inputTree(libDir);
            context.noteCode("cgo");
        } else {
            build.env("CGO_ENABLED", "0");
        }
        context.perform(compile);
    }

    @Override
    public List<Path> localDependencies(Path guestDir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Matcher replace = LOCAL_REPLACE.matcher(Files.readString(guestDir.resolve("go.mod")));
        while (replace.find()) {
            Path target = guestDir.resolve(replace.group(1)).normalize();
            if (!target.startsWith(guestDir) && !dirs.contains(target)) {
                dirs.add(target);
            }
        }
        return dirs;
    }

    /** {@code replace M => ./dir} or {@code ../dir}, alone or in a {@code replace ( … )} block. */
    private static final Pattern LOCAL_REPLACE = Pattern.compile("(?m)=>\\s*(\\.{1,2}/\\S*)\\s*$");

    /**
     * The {@code -overlay} (and {@code -modfile}) arguments for the guest's {@code goOverlay}, whose
     * files are written next to {@code output}. The go command refuses to overlay files in its
     * module cache, so a module other than the guest's is overlaid in a copy (one per machine, in
     * the build cache's shared folder), which a copy of go.mod replaces the module with.
     */
    private static List<String> overlay(BuildContext context, Path output) throws IOException {
        Path guestDir = context.guest().dir();
        Map<String, String> replace = new TreeMap<>();
        StringBuilder modfile = new StringBuilder(Files.readString(guestDir.resolve("go.mod")));
        boolean replacesModules = false;
        for (Map.Entry<String, Map<String, String>> module : context.guest().settings().goOverlay().entrySet()) {
            Path moduleDir = guestDir;
            if (!module.getKey().equals(".")) {
                moduleDir = copyOfModule(context, module.getKey());
                replacesModules = true;
                modfile.append("\nreplace ").append(module.getKey()).append(" => ").append(moduleDir).append('\n');
            }
            for (Map.Entry<String, String> file : module.getValue().entrySet()) {
                Path replaced = moduleDir.resolve(file.getKey()).normalize();
                if (!file.getValue().isEmpty() && !Files.isRegularFile(guestDir.resolve(file.getValue()))) {
                    throw context.failure("go overlay", "goOverlay in " + GuestSettings.FILE_NAME + " replaces "
                            + module.getKey() + "/" + file.getKey() + " with " + file.getValue() + ", which is not a file of "
                            + guestDir);
                }
                if (file.getValue().isEmpty() && !Files.isRegularFile(replaced)) {
                    throw context.failure("go overlay", "goOverlay deletes " + module.getKey() + "/" + file.getKey()
                            + ", which " + moduleDir + " does not have: the module changed, so the overlay would not apply");
                }
                replace.put(replaced.toString(),
                        file.getValue().isEmpty() ? "" : guestDir.resolve(file.getValue()).normalize().toString());
            }
        }
        Path overlay = output.resolveSibling(output.getFileName() + ".overlay.json");
        Files.writeString(overlay, new ObjectMapper().writeValueAsString(Map.of("Replace", replace)));
        List<String> args = new ArrayList<>(List.of("-overlay=" + overlay));
        if (replacesModules) {
            Path mod = output.resolveSibling(output.getFileName() + ".go.mod");
            Files.writeString(mod, modfile);
            Files.copy(guestDir.resolve("go.sum"), output.resolveSibling(output.getFileName() + ".go.sum"),
                    StandardCopyOption.REPLACE_EXISTING);
            args.add("-modfile=" + mod);
        }
        return args;
    }

    /**
     * A copy of a required module's folder outside the module cache, made once per machine and
     * version (the module cache's copy is keyed by go.sum, so a copy never goes stale).
     */
    private static Path copyOfModule(BuildContext context, String module) throws IOException {
        Path source = moduleDir(context, module);
        Path copy = context.sharedDir("go-module-copies").resolve(source.getFileName().toString().replace('/', '_'));
        if (Files.isDirectory(copy)) {
            return copy;
        }
        Path partial = Files.createTempDirectory(copy.getParent(), copy.getFileName() + ".partial-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = partial.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        try {
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another build made the copy first: keep that one.
            BuildCache.deleteTree(partial);
            if (!Files.isDirectory(copy)) {
                throw raced;
            }
        }
        return copy;
    }

    /** The folder of a module the guest requires, as {@code go list -m} resolves it (downloading it if needed). */
    private static Path moduleDir(BuildContext context, String module) throws IOException {
        Command.Builder list = Command.of(context.tool(Tools.GO), "list", "-m", "-f", "{{.Dir}}", module)
                .in(context.guest().dir());
        if (!context.pipeline().goToolchain().isEmpty()) {
            list.env("GOTOOLCHAIN", context.pipeline().goToolchain());
        }
        String dir = context.run("go overlay", list).stdoutText().strip();
        if (dir.isEmpty()) {
            throw context.failure("go overlay", "go list -m found no folder for " + module
                    + ", which goOverlay names: the guest's go.mod must require it");
        }
        return Path.of(dir);
    }

    /**
     * Whether a Go file of the main package imports "C" (a build-tagged native binding counts), or a
     * file the guest's overlay puts into a package does.
     */
    static boolean usesCgo(Guest guest) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(guest.dir())) {
            listed.filter(f -> f.getFileName().toString().endsWith(".go")).forEach(files::add);
        }
        guest.settings().goOverlay().values().forEach(module -> module.values().stream()
                .filter(with -> with.endsWith(".go")).forEach(with -> files.add(guest.dir().resolve(with))));
        for (Path file : files) {
            if (CGO_IMPORT.matcher(Files.readString(file)).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern CGO_IMPORT = Pattern.compile("(?m)^import\\s+\"C\"");

    private static Command.Builder goBuild(BuildContext context, Path output) throws IOException {
        List<String> args = new ArrayList<>(List.of("build", "-trimpath", "-buildvcs=false"));
        if (!context.guest().settings().goOverlay().isEmpty()) {
            args.addAll(overlay(context, output));
        }
        if (context.pipeline().sameCodeAsWasm() && output.equals(context.output())) {
            args.add("-tags=purego");
        }
        if (context.optLevel() == 0 && output.equals(context.output())) {
            // Go has no -O levels; -O0 means what it means for C: no optimisation, no inlining.
            args.add("-gcflags=all=-N -l");
        }
        if (output.equals(context.output())) {
            // Static even when cgo links the import implementations; symbols stay for profiles.
            args.add("-ldflags=-extldflags=-static");
        }
        args.add("-o");
        args.add(output.toString());
        args.add(".");
        Command.Builder command = Command.of(context.tool(Tools.GO)).args(args).in(context.guest().dir());
        if (!context.pipeline().goToolchain().isEmpty()) {
            // The go command downloads that release through the module proxy on first use.
            command.env("GOTOOLCHAIN", context.pipeline().goToolchain());
        }
        return command;
    }
}
