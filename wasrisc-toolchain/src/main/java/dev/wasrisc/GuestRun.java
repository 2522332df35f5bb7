package dev.wasrisc;

import java.time.Duration;
import java.util.List;

/**
 * One run of a built guest under qemu-riscv64 with the instruction-counting plugin.
 *
 * @param instructions guest instructions executed, counted exactly by the plugin; -1 when the
 *     emulator ended before the plugin could report (it was killed at the timeout)
 * @param threads guest threads seen; above 1 the count may be inexact (the plugin's counter is
 *     shared by threads running in parallel)
 */
public record GuestRun(
        String guest,
        Pipeline pipeline,
        Target target,
        List<String> args,
        int exitCode,
        String stdout,
        String stderr,
        long instructions,
        int threads,
        Duration wallTime,
        boolean timedOut,
        long binaryBytes,
        Duration buildTime) {

    public GuestRun {
        args = List.copyOf(args);
    }

    /** Exit code 0 within the time limit. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** Guest, pipeline and target, for messages. */
    public String coordinates() {
        return guest + " via " + pipeline.displayName() + " (" + target + ")";
    }

    /** A one-line summary for logs and the command line. */
    public String summary() {
        String outcome = timedOut ? "timed out after " + wallTime.toMillis() + " ms" : "exit " + exitCode;
        return coordinates() + ": " + outcome + ", " + String.format("%,d", instructions) + " instructions, "
                + wallTime.toMillis() + " ms";
    }
}
