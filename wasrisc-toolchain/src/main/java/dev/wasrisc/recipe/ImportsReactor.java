package dev.wasrisc.recipe;

import dev.wasrisc.build.Action;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The custom import implementations (the guest's C, then the platform's weak defaults) as a WASI
 * reactor module that exports them by their C names, for the reference interpreter: the same C
 * the pipelines link, so the interpreter needs no second definition of any import.
 */
public final class ImportsReactor {

    public static final List<Tool> TOOLS = List.of(Tools.CLANG, Tools.WASM_LD, Tools.WASI_LIBC, Tools.CLANG_RT_WASM32);

    private ImportsReactor() {}

    /** Builds the reactor into the context's output; {@code symbols} are the functions it exports. */
    public static void build(BuildContext context, List<String> symbols) throws IOException {
        // As for C guests' modules: clang by its real path with an empty PATH, so no wasm-opt runs.
        Path emptyPath = Files.createDirectories(context.workDir().resolve("empty-path"));
        Command.Builder clang = Command.of(context.realPath(Tools.CLANG))
                .env("PATH", emptyPath.toString())
                .arg("-fuse-ld=" + context.tool(Tools.WASM_LD))
                .arg("--target=wasm32-wasi").arg("--sysroot=/usr")
                .arg("-mexec-model=reactor")
                .arg("-O2").arg("-g0")
                .args(BareMetalGcc.prefixMaps(context))
                .arg("-I" + context.platform().include())
                .args(context.importSources());
        for (String symbol : symbols) {
            clang.arg("-Wl,--export=" + symbol);
        }
        context.perform(Action.of("compile imports to wasm", clang.arg("-o").arg(context.output()))
                .inputTree(context.platform().include())
                .output(context.output()));
    }
}
