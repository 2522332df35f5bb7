package dev.wasrisc.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a run's instructions went: per function, the instructions executed in it (its own, not its
 * callees'), and for runs profiled by the plugin the {@link CallTree call tree} they come from. A
 * translation block never spans a call or return, so all of its instructions belong to the function
 * it starts in. The functions' counts sum exactly to the run's instruction count.
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
    private final CallTree callTree;

    private Profile(long total, List<FunctionCount> functions, CallTree callTree) {
        this.total = total;
        this.functions = List.copyOf(functions);
        this.callTree = callTree;
    }

    /** A profile as a report recorded it: its total and the functions it listed, without stacks. */
    public static Profile of(long total, List<FunctionCount> functions) {
        return new Profile(total, functions, null);
    }

    /** The functions of a call tree, with the tree. */
    public static Profile of(CallTree tree) {
        long total = tree.total();
        List<FunctionCount> functions = new ArrayList<>();
        tree.selfByFunction().forEach((name, instructions) -> {
            if (instructions > 0) {
                functions.add(new FunctionCount(name, instructions, total == 0 ? 0 : (double) instructions / total));
            }
        });
        functions.sort(Comparator.comparingLong(FunctionCount::instructions).reversed()
                .thenComparing(FunctionCount::function));
        return new Profile(total, functions, tree);
    }

    /** The call stacks; empty for a profile read back from a report, which keeps only the functions. */
    public java.util.Optional<CallTree> callTree() {
        return java.util.Optional.ofNullable(callTree);
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
