package dev.wasrisc.profile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ELF's functions numbered for the profiling plugin: the file it attributes blocks by (one
 * {@code START END} line per function, hex, sorted; function N is line N, 0 is no symbol) and the
 * names to read its call tree back with.
 */
public final class FunctionTable {

    private final Path elf;
    private final List<ElfSymbols.Function> functions;

    private FunctionTable(Path elf, List<ElfSymbols.Function> functions) {
        this.elf = elf;
        this.functions = functions;
    }

    public static FunctionTable of(Path elf) throws IOException {
        return new FunctionTable(elf, ElfSymbols.read(elf).functions());
    }

    /** Writes the plugin's {@code functions=} file. */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            for (ElfSymbols.Function function : functions) {
                out.write(Long.toHexString(function.start()) + " " + Long.toHexString(function.end()) + "\n");
            }
        }
    }

    /** Reads the plugin's {@code callgraph=} file, naming frames as people read them. */
    public CallTree readCallTree(Path callGraph) throws IOException {
        List<String> symbols = new ArrayList<>(functions.size() + 1);
        symbols.add(ElfSymbols.NO_SYMBOL);
        functions.forEach(function -> symbols.add(function.name()));
        return CallTree.read(callGraph, symbols, FrameNames.forBinary(elf));
    }
}
