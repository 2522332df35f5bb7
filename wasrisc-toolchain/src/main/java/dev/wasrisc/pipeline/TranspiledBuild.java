package dev.wasrisc.pipeline;

import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.recipe.BareMetalGcc;
import dev.wasrisc.wasm.LinearMemoryImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps wasm2c's and w2c2's builds share once the transpiler has written the module's C: the
 * fixed memory's image, the glue, the module's compiles and the link with the platform. What
 * differs (the transpiler's command, the rewrites, the runtime's files and flags) stays in each
 * backend, between these steps.
 */
final class TranspiledBuild {

    /** The module's name in the generated code, and so the name of its C files and header. */
    static final String MODULE = "guest";

    private TranspiledBuild() {}

    /** The object that lays out the module's linear memory at the fixed base (the {@code fixed} option). */
    static Path layOutLinearMemory(BuildContext context, LinearMemoryImage image) throws IOException {
        // The assembler finds the image in the work folder; the compile's key holds the image's digest.
        return BareMetalGcc.compile(context, "lay out linear memory", image.write(context.workDir()),
                List.of("-Wa,-I" + context.workDir()), List.of(context.workDir().resolve(LinearMemoryImage.BINARY)));
    }

    /** The header the transpiler wrote for the module, which the glue is generated from. */
    static String header(BuildContext context) throws IOException {
        return Files.readString(context.workDir().resolve(MODULE + ".h"));
    }

    /** Writes the glue between the module and the platform into the work folder. */
    static Path writeGlue(BuildContext context, String c) throws IOException {
        Path glue = context.workDir().resolve("guest_glue.c");
        Files.writeString(glue, c);
        return glue;
    }

    /** The objects of the transpiled files, compiled in parallel, then of the glue: all with the module's flags. */
    static List<Path> compileModule(BuildContext context, List<Path> transpiled, Path glue, List<String> flags)
            throws IOException {
        List<Path> objects = new ArrayList<>(context.parallel(transpiled,
                source -> BareMetalGcc.compile(context, "compile transpiled C", source, flags)));
        objects.add(BareMetalGcc.compile(context, "compile glue", glue, flags));
        return objects;
    }

    /** Links {@code objects} with the platform's WebAssembly support and WASI core, compiled last. */
    static void linkWithPlatform(BuildContext context, List<Path> objects, List<String> wasiFlags)
            throws IOException {
        List<Path> all = new ArrayList<>(objects);
        all.add(BareMetalGcc.compileWasmSupport(context));
        all.add(BareMetalGcc.compile(context, "compile WASI", context.platform().wasi().resolve("wasi_core.c"),
                wasiFlags));
        BareMetalGcc.link(context, all);
    }
}
