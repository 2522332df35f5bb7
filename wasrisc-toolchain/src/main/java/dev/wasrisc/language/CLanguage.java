package dev.wasrisc.language;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.Language;
import dev.wasrisc.recipe.BareMetalGcc;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * C guests: every {@code *.c} file in the guest folder. WebAssembly comes from clang with Debian's
 * wasi-libc; {@code direct} compiles the same sources for bare-metal rv64im against picolibc.
 * Guests include {@code wasrisc.h} to declare custom imports that work both ways.
 */
public final class CLanguage implements Language {

    /** The WebAssembly module is the pipelines' input, built the way a release build would be. */
    private static final String WASM_OPT_LEVEL = "-O2";

    @Override
    public String name() {
        return "c";
    }

    @Override
    public boolean recognizes(Path guestDir) {
        return !sources(guestDir).isEmpty();
    }

    @Override
    public List<Tool> wasmTools() {
        return List.of(Tools.CLANG, Tools.WASM_LD, Tools.WASI_LIBC, Tools.CLANG_RT_WASM32);
    }

    @Override
    public Path buildWasm(BuildContext context) throws IOException {
        Path wasm = context.workDir().resolve("module.wasm");
        // clang runs wasm-opt on the module whenever it finds one next to itself or on PATH, which
        // would make the module (and every count) depend on whether binaryen happens to be
        // installed, and would drop the name section profiles use. So clang is called by its real
        // path (not /usr/bin, where binaryen puts wasm-opt), with an empty PATH and the linker
        // named explicitly.
        Path emptyPath = Files.createDirectories(context.workDir().resolve("empty-path"));
        // -g0 and --strip-debug drop DWARF but keep the name section, so transpiled C keeps
        // readable function names for profiles.
        context.perform(Action.of("compile to wasm", Command.of(context.realPath(Tools.CLANG))
                .env("PATH", emptyPath.toString())
                .arg("-fuse-ld=" + context.tool(Tools.WASM_LD))
                .arg("--target=wasm32-wasi").arg("--sysroot=/usr")
                .arg(WASM_OPT_LEVEL).arg("-g0")
                .args(BareMetalGcc.prefixMaps(context))
                .arg("-I" + context.platform().include())
                .args(sources(context.guest()))
                .arg("-Wl,--strip-debug")
                .arg("-o").arg(wasm))
                .inputTree(context.guest().dir(), Guest::isBuildSource)
                .inputTree(context.platform().include())
                .output(wasm));
        return wasm;
    }

    @Override
    public Target directTarget() {
        return Target.RV64IM;
    }

    @Override
    public List<Tool> directTools() {
        return BareMetalGcc.TOOLS;
    }

    @Override
    public void buildDirect(BuildContext context) throws IOException {
        List<Path> objects = new ArrayList<>();
        for (Path source : sources(context.guest())) {
            objects.add(BareMetalGcc.compile(context, "compile", source, List.of()));
        }
        BareMetalGcc.link(context, objects);
    }

    /** The guest's C files, less those it names as import implementations (those are host code). */
    private static List<Path> sources(Guest guest) {
        List<Path> imports = guest.settings().imports().stream().map(f -> guest.dir().resolve(f).normalize()).toList();
        return sources(guest.dir()).stream().filter(f -> !imports.contains(f.normalize())).toList();
    }

    private static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".c")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
