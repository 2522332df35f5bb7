package dev.wasrisc.policy;

import dev.wasrisc.GuestRun;

/**
 * One way a finished run broke its {@link RunPolicy}.
 *
 * @param message what a failing test or {@code bench} says, word for word
 * @param comparison the other cell's run a ratio budget compared with; null for the other kinds
 */
public record Violation(Kind kind, String message, GuestRun run, GuestRun comparison) {

    public enum Kind {
        /** More instructions than an instruction budget allows, or no count to hold to one. */
        BUDGET,
        /** More than a ratio budget's multiple of another cell's count. */
        RATIO_BUDGET,
        /** Above the committed baseline by more than the tolerance. */
        BASELINE_REGRESSION,
        /** Below the committed baseline by more than the tolerance, where improvements fail too. */
        BASELINE_IMPROVEMENT
    }
}
