package dev.wasrisc.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The function symbols of a 64-bit little-endian ELF file (every RISC-V binary this project
 * builds), read from its {@code .symtab}, to name the function an address belongs to.
 *
 * <p>Read in Java rather than with the cross binutils so profiles need no extra tool, and because
 * the few fields needed are fixed by the ELF64 format.
 */
public final class ElfSymbols {

    /** Where code without a symbol (a stripped library, a JIT's output) is counted. */
    public static final String NO_SYMBOL = "[no symbol]";

    private static final int SHT_SYMTAB = 2;
    private static final int STT_NOTYPE = 0;
    private static final int STT_FUNC = 2;

    private record Symbol(long address, long size, String name) {}

    private final long[] starts;
    private final Symbol[] symbols;

    private ElfSymbols(List<Symbol> symbols) {
        symbols.sort(Comparator.comparingLong(Symbol::address).thenComparing(s -> s.size() != 0));
        this.symbols = symbols.toArray(Symbol[]::new);
        this.starts = Arrays.stream(this.symbols).mapToLong(Symbol::address).toArray();
    }

    public static ElfSymbols read(Path elf) throws IOException {
        ByteBuffer file;
        try (FileChannel channel = FileChannel.open(elf, StandardOpenOption.READ)) {
            file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (file.limit() < 64 || file.getInt(0) != 0x464c457f || file.get(4) != 2 || file.get(5) != 1) {
            throw new IOException(elf + " is not a 64-bit little-endian ELF file");
        }
        long sectionTable = file.getLong(0x28);
        int sectionSize = Short.toUnsignedInt(file.getShort(0x3a));
        int sections = Short.toUnsignedInt(file.getShort(0x3c));
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            int header = (int) (sectionTable + (long) i * sectionSize);
            if (file.getInt(header + 4) != SHT_SYMTAB) {
                continue;
            }
            int offset = (int) file.getLong(header + 0x18);
            int size = (int) file.getLong(header + 0x20);
            int strings = (int) (sectionTable + (long) file.getInt(header + 0x28) * sectionSize);
            int stringsOffset = (int) file.getLong(strings + 0x18);
            for (int entry = offset; entry + 24 <= offset + size; entry += 24) {
                int type = file.get(entry + 4) & 0xf;
                int sectionIndex = Short.toUnsignedInt(file.getShort(entry + 6));
                long value = file.getLong(entry + 8);
                if ((type != STT_FUNC && type != STT_NOTYPE) || sectionIndex == 0 || sectionIndex >= 0xff00 || value == 0) {
                    continue;
                }
                String name = string(file, stringsOffset + file.getInt(entry));
                // Assembler-local labels and RISC-V mapping symbols name no function.
                if (name.isEmpty() || name.startsWith(".L") || name.startsWith("$")) {
                    continue;
                }
                if (type == STT_NOTYPE && !isExecutable(file, sectionTable, sectionSize, sectionIndex)) {
                    continue;
                }
                symbols.add(new Symbol(value, file.getLong(entry + 16), name));
            }
        }
        return new ElfSymbols(symbols);
    }

    private static boolean isExecutable(ByteBuffer file, long sectionTable, int sectionSize, int index) {
        long flags = file.getLong((int) (sectionTable + (long) index * sectionSize) + 8);
        return (flags & 0x4) != 0;
    }

    private static String string(ByteBuffer file, int start) {
        int end = start;
        while (file.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        file.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return symbols.length;
    }

    /** A function as the profiler's plugin sees it: where it starts, where it ends (0 when unsized). */
    public record Function(long start, long end, String name) {}

    /**
     * One function per start address, the symbol {@link #nameOf} chooses there, sorted by address:
     * the table the plugin attributes blocks by, so that it names every address as {@code nameOf} does.
     */
    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && starts[i + 1] == starts[i]) {
                continue;
            }
            Symbol symbol = symbols[i];
            functions.add(new Function(symbol.address(), symbol.size() > 0 ? symbol.address() + symbol.size() : 0,
                    symbol.name()));
        }
        return functions;
    }

    /**
     * The function that contains {@code address}: the nearest symbol at or below it, unless that
     * symbol's size says the address lies past its end.
     */
    public String nameOf(long address) {
        int index = Arrays.binarySearch(starts, address);
        if (index < 0) {
            index = -index - 2;
        } else {
            // Several symbols may start here (aliases); take the last with a size, as sorted.
            while (index + 1 < starts.length && starts[index + 1] == address) {
                index++;
            }
        }
        if (index < 0) {
            return NO_SYMBOL;
        }
        Symbol symbol = symbols[index];
        if (symbol.size() > 0 && address >= symbol.address() + symbol.size()) {
            return NO_SYMBOL;
        }
        return symbol.name();
    }
}
