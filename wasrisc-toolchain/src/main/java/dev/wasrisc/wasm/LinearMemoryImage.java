package dev.wasrisc.wasm;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A module's linear memory as instantiation leaves it: its active data segments at their offsets,
 * zeros elsewhere. For cells with a fixed memory ({@code CellOption.FIXED}) the linker lays this
 * image out at the start of the platform's linear-memory region (the linker script's
 * {@code .wasrisc_linear_memory_image} input section), so start-up copies nothing and the
 * transpiled C holds no segment arrays to compile.
 *
 * @param bytes the image, up to the end of the last active segment
 * @param segments how many active segments with at least one byte it holds
 */
public record LinearMemoryImage(byte[] bytes, int segments) {

    private static final int MEMORY_SECTION = 5;
    private static final int DATA_SECTION = 11;
    private static final int PAGE = 65536;
    private static final int I32_CONST = 0x41;
    private static final int END = 0x0b;

    /** The linker script's symbol for the region's start, where the image goes: the fixed base. */
    public static final String FIXED_BASE = "__wasrisc_linear_memory_start";

    /** The constant pointer to {@link #FIXED_BASE} that the transpiled C reads the base through. */
    private static final String BASE_POINTER = "wasrisc_linear_memory_base";

    /** How the transpiled C reads the fixed base: see {@link #FIXED_BASE_DECLARATIONS}. */
    public static final String FIXED_BASE_VALUE = BASE_POINTER;

    /**
     * The C that declares the fixed base for the transpiled code: a constant pointer, defined
     * beside the image ({@link #write}). gcc loads it once per function and keeps it in a
     * register, since it cannot change; each access is then base plus address, with the static
     * offset in the load's immediate. Taken as the linker's symbol, a link-time constant, the base
     * would instead absorb each access's offset, and gcc would materialise every sum (auipc, addi).
     */
    public static final String FIXED_BASE_DECLARATIONS = "#include <stdint.h>\n"
            + "extern uint8_t* const " + BASE_POINTER + ";\n";

    /** The C that declares the fixed base as the linker's symbol, for accesses whose index carries the offset. */
    public static final String FIXED_BASE_SYMBOL = "#include <stdint.h>\nextern uint8_t " + FIXED_BASE + "[];\n";

    /** The assembly file that places the image; the build assembles it with the module's C. */
    public static final String ASSEMBLY = "linear_memory_image.S";

    /**
     * The image's bytes, next to {@link #ASSEMBLY}, which names it relative to the folder: an
     * absolute path would put the build's folder into the unit's text, and so into its cache key.
     */
    public static final String BINARY = "linear_memory_image.bin";

    public static LinearMemoryImage read(Path wasm) throws IOException {
        if (WasmModule.read(wasm).importsMemory()) {
            throw new IOException("the module imports its linear memory; a fixed memory needs the module to "
                    + "define it");
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(wasm)).order(ByteOrder.LITTLE_ENDIAN);
        in.position(8); // magic and version, checked by the pipeline's transpiler already
        try {
            return read(in);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IOException("cannot read the data segments of " + wasm + ": it ends early", e);
        }
    }

    private static LinearMemoryImage read(ByteBuffer in) throws IOException {
        long initialPages = -1;
        byte[] image = new byte[0];
        int segments = 0;
        while (in.hasRemaining()) {
            int id = in.get() & 0xff;
            int size = (int) Leb128.unsigned(in);
            int end = in.position() + size;
            if (id == MEMORY_SECTION && Leb128.unsigned(in) > 0) {
                in.get(); // limits flags
                initialPages = Leb128.unsigned(in);
            } else if (id == DATA_SECTION) {
                long count = Leb128.unsigned(in);
                for (long i = 0; i < count; i++) {
                    int flags = (int) Leb128.unsigned(in);
                    if (flags == 1) { // passive: copied by memory.init at the guest's request
                        int length = (int) Leb128.unsigned(in);
                        in.position(in.position() + length);
                        continue;
                    }
                    if (flags == 2 && Leb128.unsigned(in) != 0) {
                        throw new IOException("data segment " + i + " is for memory other than the first");
                    }
                    long offset = constantOffset(in, i);
                    int length = (int) Leb128.unsigned(in);
                    long segmentEnd = offset + length;
                    if (segmentEnd > Integer.MAX_VALUE) {
                        throw new IOException("data segment " + i + " ends at " + segmentEnd + ", beyond 2 GiB");
                    }
                    if (segmentEnd > image.length) {
                        image = Arrays.copyOf(image, (int) segmentEnd);
                    }
                    in.get(image, (int) offset, length);
                    segments += length > 0 ? 1 : 0;
                }
            }
            in.position(end);
        }
        if (segments > 0 && (long) image.length > initialPages * PAGE) {
            throw new IOException("the data segments end at byte " + image.length + ", beyond the memory's "
                    + initialPages + " initial pages: instantiating the module would trap");
        }
        return new LinearMemoryImage(image, segments);
    }

    /** An active segment's offset: only {@code i32.const N; end} can be laid out before the module runs. */
    private static long constantOffset(ByteBuffer in, long segment) throws IOException {
        int opcode = in.get() & 0xff;
        if (opcode != I32_CONST) {
            throw new IOException("data segment " + segment + "'s offset is not a constant (opcode 0x"
                    + Integer.toHexString(opcode) + "); a fixed memory needs constant offsets");
        }
        long value = Leb128.signed(in);
        if ((in.get() & 0xff) != END) {
            throw new IOException("data segment " + segment + "'s offset is more than one constant");
        }
        return value & 0xffffffffL; // an i32 address is unsigned
    }

    /** Writes the image and {@link #ASSEMBLY}, which puts it in the linker script's image section. */
    public Path write(Path dir) throws IOException {
        Files.write(dir.resolve(BINARY), bytes);
        return Files.writeString(dir.resolve(ASSEMBLY), """
                /* The module's linear memory at instantiation (%d active data segments, %d bytes). */
                    .section .wasrisc_linear_memory_image,"aw",@progbits
                    .incbin "%s"

                /* The transpiled code's constant pointer to it (FIXED_BASE_DECLARATIONS). */
                    .section .rodata.%s,"a",@progbits
                    .globl %s
                    .balign 8
                %s:
                    .dword %s
                """.formatted(segments, bytes.length, BINARY, BASE_POINTER, BASE_POINTER, BASE_POINTER,
                FIXED_BASE));
    }
}
