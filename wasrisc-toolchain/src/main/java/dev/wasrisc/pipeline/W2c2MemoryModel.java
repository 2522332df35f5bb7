package dev.wasrisc.pipeline;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The memory options for w2c2, which has none itself: its loads and stores (in {@code w2c2_base.h},
 * from the w2c2 build) read the memory's base through the instance and copy each value with
 * {@code memcpy}, and the generated code copies the data segments in at instantiation. The build
 * compiles against a rewritten copy of the installed header and, for a fixed memory, drops the
 * copies; each rewrite names the text it expects, so another w2c2 fails the build rather than
 * building the default.
 */
final class W2c2MemoryModel {

    private static final Pattern LOAD_DATA = Pattern.compile(
            "^LOAD_DATA\\(\\(\\*i->m0\\), \\d+U, (d\\d+), (\\d+)\\);\\n", Pattern.MULTILINE);

    private static final Pattern SEGMENT_ARRAY = Pattern.compile("^const U8 (d\\d+)\\[\\]=\\{[^}]*\\};\\n",
            Pattern.MULTILINE);

    private W2c2MemoryModel() {}

    /** Whether the cell compiles against a rewritten header. */
    static boolean rewritesHeader(Pipeline cell) {
        return cell.has(CellOption.FIXED) || cell.has(CellOption.UNALIGNED);
    }

    /**
     * Writes {@code w2c2_base.h} for the cell's options into {@code dir}; returns dir. At the fixed
     * base, w2c2 checking no bounds, addresses are signed offsets as in wasm2c's unchecked cells
     * ({@link Wasm2cMemoryModel#requireSignedIndexRange}).
     */
    static Path header(Path installedHeader, Path dir, Pipeline cell) throws IOException {
        String header = Files.readString(installedHeader);
        String access = LinearMemoryImage.TRANSPILED_ACCESS;
        if (!header.contains(access)) {
            throw new IOException(installedHeader + " does not contain '" + access + "' (its loads and stores); the "
                    + "memory options support w2c2 2a31254's header");
        }
        if (cell.has(CellOption.UNALIGNED)) {
            header = UnalignedAccess.apply(header, "memcpy", access, installedHeader.toString());
        }
        if (cell.has(CellOption.FIXED)) {
            String base = LinearMemoryImage.FIXED_BASE;
            header = "extern unsigned char " + base + "[];\n"
                    + "#include <stdint.h>\n"
                    + header.replace(access, "&" + base + "[" + Wasm2cMemoryModel.SIGNED_INDEX + "]");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(installedHeader.getFileName()), header);
        return dir;
    }

    /** The generated main C file without the copies of the segments the image holds. */
    static String transpiled(String c, LinearMemoryImage image) throws IOException {
        return image.withoutCopies(c, LOAD_DATA, SEGMENT_ARRAY, "w2c2");
    }
}
