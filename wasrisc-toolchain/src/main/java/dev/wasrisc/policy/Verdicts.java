package dev.wasrisc.policy;

import java.util.List;

/**
 * What a {@link RunPolicy} says about one finished run.
 *
 * @param violations what fails the run, in the order the policy checks: instruction budgets,
 *     ratio budgets, baseline
 * @param notes what is worth saying but fails nothing: a run with no baseline yet, an improvement
 *     within a baseline that does not fail on them
 */
public record Verdicts(List<Violation> violations, List<String> notes) {

    public static final Verdicts NONE = new Verdicts(List.of(), List.of());

    public Verdicts {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    static Verdicts violation(Violation violation) {
        return new Verdicts(List.of(violation), List.of());
    }

    static Verdicts note(String note) {
        return new Verdicts(List.of(), List.of(note));
    }

    /** Whether the run met its policy. */
    public boolean held() {
        return violations.isEmpty();
    }
}
