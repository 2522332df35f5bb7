package dev.wasrisc.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The fixed memory ({@code CellOption.FIXED}) for w2c2, which has no such option itself: its loads
 * and stores (in {@code w2c2_base.h}, from the w2c2 build) read the memory's base through the
 * instance, and the generated code copies the data segments in at instantiation. The build
 * compiles against a rewritten copy of the installed header and drops the copies; each rewrite
 * names the text it expects, so another w2c2 fails the build rather than building the default.
 */
final class W2c2FixedMemory {



    private static final Pattern LOAD_DATA = Pattern.compile(
            "^LOAD_DATA\\(\\(\\*i->m0\\), \\d+U, (d\\d+), (\\d+)\\);\\n", Pattern.MULTILINE);

    private static final Pattern SEGMENT_ARRAY = Pattern.compile("^const U8 (d\\d+)\\[\\]=\\{[^}]*\\};\\n",
            Pattern.MULTILINE);

    private W2c2FixedMemory() {}

    /**
     * Writes {@code w2c2_base.h} with loads and stores at the fixed base into {@code dir}; returns
     * dir. w2c2 checks no bounds, so addresses are signed offsets as in wasm2c's unchecked cells
     * ({@link Wasm2cMemoryModel#requireSignedIndexRange}).
     */
    static Path header(Path installedHeader, Path dir) throws IOException {
        String header = Files.readString(installedHeader);
        String access = LinearMemoryImage.TRANSPILED_ACCESS;
        if (!header.contains(access)) {
            throw new IOException(installedHeader + " does not contain '" + access + "' (its loads and stores); the "
                    + "fixed memory supports w2c2 2a31254's header");
        }
        Files.createDirectories(dir);
        String base = LinearMemoryImage.FIXED_BASE;
        Files.writeString(dir.resolve(installedHeader.getFileName()), "extern unsigned char " + base + "[];\n"
                + "#include <stdint.h>\n"
                + header.replace(access, "&" + base + "[" + Wasm2cMemoryModel.SIGNED_INDEX + "]"));
        return dir;
    }

    /** The generated main C file without the copies of the segments the image holds. */
    static String transpiled(String c, LinearMemoryImage image) throws IOException {
        return image.withoutCopies(c, LOAD_DATA, SEGMENT_ARRAY, "w2c2");
    }
}
