package dev.wasrisc.recipe;

import dev.wasrisc.build.Action;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The custom import implementations (and the zkVM accelerators, for a guest that calls them) as a
 * riscv64 Linux static library, for {@code direct} builds of languages that bind them natively (Go
 * through cgo, Rust through its linker).
 */
public final class NativeImports {

    public static final String LIBRARY = "libwasrisc_imports.a";

    private NativeImports() {}

    /**
     * The C function that implements import {@code field} of {@code module}, on every pipeline:
     * {@code MODULE_FIELD}, with each character that cannot be part of a C identifier as {@code _}
     * ({@code env.input-data-len} is {@code env_input_data_len}).
     */
    public static String symbol(String module, String field) {
        return identifier(module) + "_" + identifier(field);
    }

    private static String identifier(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Compiles a C file of the platform's for riscv64 Linux programs into {@code object}. */
    static Path compileForLinux(BuildContext context, String stage, Path source, Path object) throws IOException {
        CompileAction.run(context, stage, List.of(context.tool(Tools.RISCV64_LINUX_GCC).toString(), "-O2",
                "-I" + context.platform().include()), source, object, List.of());
        return object;
    }

    /** Builds {@value #LIBRARY} in the work folder; returns the folder holding it. */
    public static Path buildLinuxLibrary(BuildContext context) throws IOException {
        Path dir = Files.createDirectories(context.workDir().resolve("imports"));
        Path gcc = context.tool(Tools.RISCV64_LINUX_GCC);
        List<Path> objects = new ArrayList<>();
        for (Path source : context.importSources()) {
            objects.add(compileForLinux(context, "compile imports", source,
                    dir.resolve(objects.size() + "-" + source.getFileName().toString().replaceAll("\\.c$", ".o"))));
        }
        if (context.guest().settings().accelerators()) {
            objects.addAll(Accelerators.linuxObjects(context));
        }
        Path archiver = gcc.resolveSibling("riscv64-linux-gnu-ar");
        context.perform(Action.of("archive imports", Command.of(archiver, "rcs", dir.resolve(LIBRARY)).args(objects))
                .output(dir.resolve(LIBRARY)));
        return dir;
    }
}
