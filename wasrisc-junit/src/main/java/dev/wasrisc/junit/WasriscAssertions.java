package dev.wasrisc.junit;

import dev.wasrisc.GuestRun;

/** Entry point for WASRISC's AssertJ assertions: {@code import static dev.wasrisc.junit.WasriscAssertions.assertThat;}. */
public final class WasriscAssertions {

    private WasriscAssertions() {}

    public static GuestRunAssert assertThat(GuestRun run) {
        return new GuestRunAssert(run);
    }
}
