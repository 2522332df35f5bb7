package dev.wasrisc.junit;

import dev.wasrisc.GuestRun;
import org.assertj.core.api.Assertions;

/**
 * Entry point for WASRISC's AssertJ assertions and all of AssertJ's own, with one static import:
 * {@code import static dev.wasrisc.junit.WasriscAssertions.assertThat;} covers
 * {@code assertThat(run)} and {@code assertThat(run.stdout())} alike.
 */
public class WasriscAssertions extends Assertions {

    protected WasriscAssertions() {}

    public static GuestRunAssert assertThat(GuestRun run) {
        return new GuestRunAssert(run);
    }
}
