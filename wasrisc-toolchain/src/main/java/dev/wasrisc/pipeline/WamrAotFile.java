package dev.wasrisc.pipeline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * What the wamr pipeline reads of the AOT file wamrc wrote (WAMR's own format, not WebAssembly's):
 * where its code lies, for the assembly that embeds the file.
 */
final class WamrAotFile {

    /** AOT_SECTION_TYPE_TEXT in WAMR's aot_runtime.h. */
    private static final int TEXT_SECTION = 2;

    private WamrAotFile() {}

    /**
     * The padding wamr_aot.S puts before the module (0 or 4) so that its text section starts
     * 8-aligned: WAMR's loader copies the code out of the module, and picolibc's memcpy copies
     * byte by byte when source and destination disagree modulo 8 (a Go module's 20 MB of code
     * would cost about 90 million instructions more). The file is a magic and a version (4 bytes
     * each), then sections at 4-byte alignment: type and size (u32, little-endian), then the body.
     */
    static int textPadding(Path aot) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(aot.toFile(), "r")) {
            long length = file.length();
            long offset = 8;
            while (true) {
                offset = (offset + 3) & ~3L;
                if (offset + 8 > length) {
                    return 0;
                }
                file.seek(offset);
                int type = Integer.reverseBytes(file.readInt());
                long size = Integer.toUnsignedLong(Integer.reverseBytes(file.readInt()));
                long body = offset + 8;
                if (type == TEXT_SECTION) {
                    return body % 8 == 0 ? 0 : 4;
                }
                offset = body + size;
            }
        }
    }
}
