package dev.wasrisc.wasm;

import java.nio.ByteBuffer;

/**
 * LEB128, the variable-length integers of the WebAssembly binary format (section sizes, counts,
 * indices, constants): one reader for every parser of modules in the project.
 */
public final class Leb128 {

    private Leb128() {}

    /** An unsigned LEB128 integer ({@code u32}, {@code u64}), read from {@code in}'s position. */
    public static long unsigned(ByteBuffer in) {
        return read(in, false);
    }

    /** A signed LEB128 integer ({@code i32}, {@code i64}, as in {@code i32.const}), sign-extended to 64 bits. */
    public static long signed(ByteBuffer in) {
        return read(in, true);
    }

    private static long read(ByteBuffer in, boolean signed) {
        long result = 0;
        int shift = 0;
        byte b;
        do {
            b = in.get();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (signed && shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }
}
