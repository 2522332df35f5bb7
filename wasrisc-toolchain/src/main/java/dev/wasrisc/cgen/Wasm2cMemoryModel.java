package dev.wasrisc.cgen;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.wasm.LinearMemoryImage;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Rewrites the C that wabt 1.0.32's wasm2c writes for a cell's memory options. wasm2c has no such
 * options of its own: its loads and stores go through the instance's memory (base and size are
 * loads, because a byte store may alias them) behind a bounds check, and its data segments are
 * copied in at instantiation, and each access is a {@code memcpy} ({@link UnalignedAccess}). Each
 * rewrite names the text it expects ({@link CRewrite}), so a wasm2c that writes something else
 * fails the build instead of silently building the default model.
 */
public final class Wasm2cMemoryModel {

    /** The bounds check of every load and store; {@code RANGE_CHECK} stays for bulk memory operations. */
    private static final String MEMCHECK = "#define MEMCHECK(mem, a, t) RANGE_CHECK(mem, a, sizeof(t))";


    /**
     * The index of an unchecked access: the address as the caller computed it, in 64 bits (see
     * {@link #requireSignedIndexRange}).
     */
    static final String SIGNED_INDEX = "(int64_t)addr";

    private static final long MAX_SIGNED_REGION = 1L << 31;

    /** The start of a load's or store's call, up to its address's zero-extension {@code (u64)(}. */
    private static final Pattern ACCESS_CALL = Pattern.compile(
            "\\b((?:i32|i64|f32|f64)_(?:load|store)\\w*\\(&instance->w2c_memory, )\\(u64\\)\\(");


    private static final Pattern LOAD_DATA = Pattern.compile(
            "^  LOAD_DATA\\(instance->w2c_memory, \\d+u, (data_segment_data_w2c_\\w+), (\\d+)\\);\\n",
            Pattern.MULTILINE);

    private static final Pattern SEGMENT_ARRAY = Pattern.compile(
            "^static const u8 (data_segment_data_w2c_\\w+)\\[\\] = \\{[^}]*\\};\\n", Pattern.MULTILINE);

    private Wasm2cMemoryModel() {}

    /** The C for the cell's options; the text unchanged for a cell without memory options. */
    public static String apply(CRewrite rewrite, String c, Pipeline cell, LinearMemoryImage image) throws IOException {
        String result = c;
        if (cell.has(CellOption.UNALIGNED)) {
            result = UnalignedAccess.apply(rewrite, result, "wasm_rt_memcpy", TranspiledMemory.ACCESS);
            result = UnalignedAccess.withWordCopy(rewrite, result,
                    "memmove(dest->data + dest_addr, src->data + src_addr, n);");
        }
        if (cell.has(CellOption.UNCHECKED)) {
            result = rewrite.replace(result, "bounds checks taken out", MEMCHECK, "#define MEMCHECK(mem, a, t)");
            result = rewrite.replace(result, "addresses sign-extended", ACCESS_CALL,
                    access -> access.group(1) + "(u64)(s64)(s32)(", 1);
        }
        // Checked accesses index with the zero-extended address plus offset, a sum the linker's
        // symbol absorbs as well as a pointer would; only the 64-bit offsets need the pointer.
        boolean basePointer = cell.has(CellOption.UNCHECKED);
        String base = !cell.has(CellOption.FIXED) ? "mem->data"
                : basePointer ? LinearMemoryImage.FIXED_BASE_VALUE : LinearMemoryImage.FIXED_BASE;
        String index = cell.has(CellOption.UNCHECKED) ? SIGNED_INDEX : "addr";
        result = rewrite.replace(result, "accesses at the cell's base and index", TranspiledMemory.ACCESS,
                "&" + base + "[" + index + "]");
        if (cell.has(CellOption.FIXED)) {
            result = (basePointer ? LinearMemoryImage.FIXED_BASE_DECLARATIONS : LinearMemoryImage.FIXED_BASE_SYMBOL)
                    + TranspiledMemory.withoutSegmentCopies(result, image, LOAD_DATA, SEGMENT_ARRAY, "wasm2c");
        }
        return result;
    }

    /**
     * Unchecked accesses sign-extend the 32-bit address and add the static offset to it in 64 bits
     * ({@code (u64)(s64)(s32)(addr) + 8u}, where wasm2c zero-extends). RV64 keeps 32-bit values
     * sign-extended in registers, so the extension costs nothing and the offset folds into the
     * load's immediate; the base plus the address is then shared by all accesses through one
     * pointer, such as Go's stack frame. Zero-extending costs two shifts per access on rv64im, and
     * adding the offset in 32 bits an addw and an add. For every address inside a region of at
     * most 2 GiB all give the same byte, so the platform's region must be no larger.
     */
    public static void requireSignedIndexRange(GuestSettings settings) throws IOException {
        if (settings.linearMemoryBytes() > MAX_SIGNED_REGION) {
            throw new IOException("an unchecked or fixed memory addresses at most 2 GiB of linear memory; the guest's "
                    + "linear memory size is " + settings.linearMemoryBytes() + " bytes");
        }
    }
}
