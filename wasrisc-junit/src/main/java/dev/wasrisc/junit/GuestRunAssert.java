package dev.wasrisc.junit;

import dev.wasrisc.GuestRun;

/** Assertions for a guest run: see {@link AbstractGuestRunAssert}. */
public class GuestRunAssert extends AbstractGuestRunAssert<GuestRunAssert> {

    public GuestRunAssert(GuestRun actual) {
        super(actual, GuestRunAssert.class);
    }
}
