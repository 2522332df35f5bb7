package dev.wasrisc.junit;

import org.assertj.core.api.AbstractLongAssert;

/**
 * How often a run called one zkVM accelerator, as an AssertJ long assertion with the words a budget
 * uses: {@code assertThat(run).calledAccelerator("keccak256").atMost(600)}. A run that never called
 * it called it 0 times.
 */
public final class AcceleratorCallsAssert extends AbstractLongAssert<AcceleratorCallsAssert> {

    AcceleratorCallsAssert(long calls, String description) {
        super(calls, AcceleratorCallsAssert.class);
        describedAs(description);
    }

    public AcceleratorCallsAssert atMost(long calls) {
        return isLessThanOrEqualTo(calls);
    }

    public AcceleratorCallsAssert atLeast(long calls) {
        return isGreaterThanOrEqualTo(calls);
    }

    public AcceleratorCallsAssert exactly(long calls) {
        return isEqualTo(calls);
    }
}
