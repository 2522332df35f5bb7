package dev.wasrisc.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's instructions went: the plugin's per-translation-block counts, attributed to the
 * function each block starts in. A block never spans a call or return, so all of its instructions
 * belong to that function. The functions' counts sum exactly to the run's instruction count.
 *
 * <pre>{@code
 * GuestRun run = binary.profile();
 * run.profile().top(20).forEach(System.out::println);
 * }</pre>
 */
public final class Profile {

    /** One function's share of a run. */
    public record FunctionCount(String function, long instructions, double share) {
        @Override
        public String toString() {
            return String.format("%,15d  %5.1f%%  %s", instructions, 100 * share, function);
        }
    }

    private final long total;
    private final List<FunctionCount> functions;

    private Profile(long total, List<FunctionCount> functions) {
        this.total = total;
        this.functions = List.copyOf(functions);
    }

    /** A profile as a report recorded it: its total and the functions it listed. */
    public static Profile of(long total, List<FunctionCount> functions) {
        return new Profile(total, functions);
    }

    /**
     * Reads the plugin's block file ({@code VADDR INSNS EXECUTIONS} per line) and names each block
     * after the function of {@code elf} it starts in.
     */
    public static Profile read(Path blockFile, Path elf) throws IOException {
        ElfSymbols symbols = ElfSymbols.read(elf);
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(blockFile)) {
            String[] fields = line.split(" ");
            if (fields.length != 3) {
                throw new IOException("malformed profile line in " + blockFile + ": " + line);
            }
            long instructions = Long.parseLong(fields[1]) * Long.parseLong(fields[2]);
            counts.merge(symbols.nameOf(Long.parseUnsignedLong(fields[0], 16)), instructions, Long::sum);
            total += instructions;
        }
        List<FunctionCount> functions = new ArrayList<>();
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            functions.add(new FunctionCount(SymbolNames.readable(count.getKey()), count.getValue(),
                    total == 0 ? 0 : (double) count.getValue() / total));
        }
        functions.sort(Comparator.comparingLong(FunctionCount::instructions).reversed()
                .thenComparing(FunctionCount::function));
        return new Profile(total, functions);
    }

    /** The sum over all functions; equal to the run's instruction count. */
    public long total() {
        return total;
    }

    /** Every function that ran, most instructions first. */
    public List<FunctionCount> functions() {
        return functions;
    }

    /** The {@code n} functions with the most instructions, most first. */
    public List<FunctionCount> top(int n) {
        return functions.subList(0, Math.min(n, functions.size()));
    }

    /** The instructions of the function with this (demangled) name; 0 when it did not run. */
    public long instructionsIn(String function) {
        return functions.stream().filter(f -> f.function().equals(function)).mapToLong(FunctionCount::instructions)
                .sum();
    }

    /** A table of the top {@code n} functions, for logs and closing notes. */
    public String format(int n) {
        StringBuilder text = new StringBuilder(String.format("%15s  %6s  %s%n", "instructions", "share", "function"));
        top(n).forEach(f -> text.append(f).append('\n'));
        return text.toString();
    }
}
