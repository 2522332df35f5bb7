package dev.wasrisc.cgen;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.wasm.LinearMemoryImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The memory options for w2c2, which has none itself: its loads and stores (in {@code w2c2_base.h},
 * from the w2c2 build) read the memory's base through the instance and copy each value with
 * {@code memcpy}, and the generated code copies the data segments in at instantiation. The build
 * compiles against a rewritten copy of the installed header and, for a fixed memory, drops the
 * copies; each rewrite names the text it expects ({@link CRewrite}), so another w2c2 fails the
 * build rather than building the default.
 */
public final class W2c2MemoryModel {

    private static final Pattern LOAD_DATA = Pattern.compile(
            "^LOAD_DATA\\(\\(\\*i->m0\\), \\d+U, (d\\d+), (\\d+)\\);\\n", Pattern.MULTILINE);

    private static final Pattern SEGMENT_ARRAY = Pattern.compile("^const U8 (d\\d+)\\[\\]=\\{[^}]*\\};\\n",
            Pattern.MULTILINE);

    /** How the header's loads and stores take their address, a 32-bit WebAssembly pointer. */
    private static final String ADDRESS_PARAMETER = "(wasmMemory* mem, WasmPtr addr";

    /** A load's or store's call up to the end of its address, {@code si0} or {@code si0+8U}. */
    private static final Pattern ACCESS_CALL = Pattern.compile(
            "\\b((?:i32|i64|f32|f64)_(?:load|store)\\w*\\(i->m0,)(si\\d+)(?:\\+(\\d+)U)?(?=[,)])");

    private static final String SIGNED_ADDRESSES = "addresses sign-extended";

    private W2c2MemoryModel() {}

    /** Whether the cell compiles against a rewritten header. */
    public static boolean rewritesHeader(Pipeline cell) {
        return cell.has(CellOption.FIXED) || cell.has(CellOption.UNALIGNED);
    }

    /**
     * {@code w2c2_base.h} for the cell's options, from the installed one. At the fixed base, w2c2
     * checking no bounds, loads and stores take a 64-bit address, which {@link #transpiled} makes
     * the sign-extended pointer plus the static offset, as in wasm2c's unchecked cells
     * ({@link Wasm2cMemoryModel#requireSignedIndexRange}).
     */
    static String header(CRewrite rewrite, String header, Pipeline cell) {
        String access = TranspiledMemory.ACCESS;
        String result = header;
        if (cell.has(CellOption.UNALIGNED)) {
            result = UnalignedAccess.apply(rewrite, result, "memcpy", access);
            result = UnalignedAccess.withWordCopy(rewrite, result, "memmove(\n        destinationMemory->data");
        }
        if (cell.has(CellOption.FIXED)) {
            result = rewrite.replace(result, "accesses at the fixed base", access,
                    "&" + LinearMemoryImage.FIXED_BASE_VALUE + "[" + Wasm2cMemoryModel.SIGNED_INDEX + "]");
            result = LinearMemoryImage.FIXED_BASE_DECLARATIONS + rewrite.replace(result, "64-bit access addresses",
                    ADDRESS_PARAMETER, "(wasmMemory* mem, I64 addr");
        }
        return result;
    }

    /** Writes {@link #header} into {@code dir}, under the installed header's name; returns dir. */
    public static Path writeHeader(CRewrite rewrite, Path installedHeader, Path dir, Pipeline cell) throws IOException {
        String header = header(rewrite, Files.readString(installedHeader), cell);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(installedHeader.getFileName()), header);
        return dir;
    }

    /** The generated main C file without the copies of the segments the image holds. */
    public static String withoutSegmentCopies(String c, LinearMemoryImage image) throws IOException {
        return TranspiledMemory.withoutSegmentCopies(c, image, LOAD_DATA, SEGMENT_ARRAY, "w2c2");
    }

    /**
     * A generated C file of a fixed-memory cell, its loads' and stores' addresses sign-extended
     * and their offsets added in 64 bits ({@code (I64)(I32)si0+8} for {@code si0+8U}, a 32-bit
     * sum): see {@link Wasm2cMemoryModel#requireSignedIndexRange}. A file may hold no access; the
     * module must ({@link #requireSignedAddresses}).
     */
    public static String transpiled(CRewrite rewrite, String c) {
        return rewrite.replace(c, SIGNED_ADDRESSES, ACCESS_CALL, access -> access.group(1) + "(I64)(I32)"
                + access.group(2) + (access.group(3) == null ? "" : "+" + access.group(3)), 0);
    }

    /** Fails unless {@link #transpiled} rewrote an access in some file of the module. */
    public static void requireSignedAddresses(CRewrite rewrite) {
        rewrite.requireSome(SIGNED_ADDRESSES, ACCESS_CALL.pattern());
    }
}
