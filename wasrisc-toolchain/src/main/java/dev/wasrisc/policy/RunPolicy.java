package dev.wasrisc.policy;

import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a finished run is held to: instruction budgets, ratio budgets against another cell's run of
 * the same guest, arguments and input, and the committed baseline. It judges after the run and
 * returns {@link Verdicts} instead of throwing, so that the JUnit extension fails a test with them
 * and {@code bench} reports them, with the same words.
 */
public final class RunPolicy {

    /** The run of {@code cell} on what {@code like} ran (guest, arguments, input), for a ratio budget. */
    @FunctionalInterface
    public interface Comparisons {
        GuestRun run(GuestRun like, Pipeline cell);
    }

    /**
     * A ceiling on a run's instructions, narrowed to a pipeline name, a level and a guest (empty or
     * -1: any).
     */
    public record Budget(long value, String pipeline, int optLevel, String guest) {
        public Budget(long value) {
            this(value, "", -1, "");
        }

        public boolean appliesTo(GuestRun run) {
            return applies(pipeline, optLevel, guest, run);
        }
    }

    /**
     * A ceiling on a run's instructions as a multiple of {@code to}'s on the same guest, arguments
     * and input; runs of {@code to} itself are not held to it.
     */
    public record RatioBudget(double value, Pipeline to, String pipeline, int optLevel, String guest) {
        public boolean appliesTo(GuestRun run) {
            return !run.pipeline().equals(to) && applies(pipeline, optLevel, guest, run);
        }
    }

    private final String test;
    private final List<Budget> budgets;
    private final List<RatioBudget> ratioBudgets;
    private final BaselineCheck baseline;

    /** @param test what the baseline knows the runs by (a test's name, or {@code bench}) */
    public RunPolicy(String test, List<Budget> budgets, List<RatioBudget> ratioBudgets, BaselineCheck baseline) {
        this.test = test;
        this.budgets = List.copyOf(budgets);
        this.ratioBudgets = List.copyOf(ratioBudgets);
        this.baseline = baseline;
    }

    /**
     * Every budget that applies to the run, then the baseline. {@code comparisons} is asked only for
     * the cells of ratio budgets that apply.
     */
    public Verdicts verdicts(GuestRun run, Comparisons comparisons) {
        List<Violation> violations = new ArrayList<>();
        for (Budget budget : budgets) {
            if (budget.appliesTo(run)) {
                overBudget(run, budget.value()).ifPresent(violations::add);
            }
        }
        for (RatioBudget budget : ratioBudgets) {
            if (budget.appliesTo(run)) {
                overRatio(run, budget.value(), comparisons.run(run, budget.to())).ifPresent(violations::add);
            }
        }
        if (!violations.isEmpty()) {
            // A count its test rejects is not one to compare with the baseline, nor to record in it.
            return new Verdicts(violations, List.of());
        }
        return baseline.check(test, run);
    }

    /** The run against an instruction budget: the message names the run, its count, the budget and the excess. */
    public static Optional<Violation> overBudget(GuestRun run, long budget) {
        if (run.instructions() < 0) {
            return budget(run, String.format("%s has no instruction count (timed out or killed)", run.coordinates()));
        }
        if (run.instructions() > budget) {
            return budget(run, String.format("%s used %,d instructions, over its budget of %,d by %,d (+%.2f%%)",
                    run.coordinates(), run.instructions(), budget, run.instructions() - budget,
                    100.0 * (run.instructions() - budget) / budget));
        }
        return Optional.empty();
    }

    /** The run against {@code maxRatio} times {@code comparison}'s count: the message gives both counts and the ratio. */
    public static Optional<Violation> overRatio(GuestRun run, double maxRatio, GuestRun comparison) {
        if (run.instructions() < 0 || comparison.instructions() <= 0) {
            return ratio(run, comparison, String.format("%s: no ratio to %s: a run has no instruction count",
                    run.coordinates(), comparison.coordinates()));
        }
        double ratio = (double) run.instructions() / comparison.instructions();
        if (ratio > maxRatio) {
            return ratio(run, comparison, String.format("%s used %,d instructions, %.2f× the %,d of %s; its budget is %.2f×",
                    run.coordinates(), run.instructions(), ratio, comparison.instructions(), comparison.coordinates(),
                    maxRatio));
        }
        return Optional.empty();
    }

    private static Optional<Violation> budget(GuestRun run, String message) {
        return Optional.of(new Violation(Violation.Kind.BUDGET, message, run, null));
    }

    private static Optional<Violation> ratio(GuestRun run, GuestRun comparison, String message) {
        return Optional.of(new Violation(Violation.Kind.RATIO_BUDGET, message, run, comparison));
    }

    private static boolean applies(String pipeline, int optLevel, String guest, GuestRun run) {
        return (pipeline.isEmpty() || pipeline.equals(run.pipeline().name()))
                && (optLevel < 0 || optLevel == run.pipeline().optLevel())
                && (guest.isEmpty() || guest.equals(run.guest()));
    }
}
