package dev.wasrisc.session;

import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.run.EmulatorRun;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs built cells under their target's emulator: what a binary needs of its session to run. */
public interface CellRuns {

    /** Whether every run is profiled ({@code wasrisc.profile}), not only those asked to be. */
    boolean profileAll();

    EmulatorRun run(BuiltCell cell, List<String> args, GuestInput input, Duration timeout, boolean profile)
            throws IOException;
}
