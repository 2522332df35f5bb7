package dev.wasrisc;

import java.time.Duration;
import java.util.List;

/**
 * One run of a built guest under qemu-riscv64 with the instruction-counting plugin.
 *
 * @param instructions guest instructions executed, counted exactly by the plugin; -1 when the
 *     emulator ended before the plugin could report (it was killed at the timeout)
 * @param threads guest threads seen. A multi-threaded guest (Go or Rust on riscv64 Linux) does
 *     timing-dependent work on its other threads (Go's sysmon, idle workers), so its count varies
 *     between runs by a few percent; see {@link #exactCount()}
 */
public record GuestRun(
        String guest,
        String language,
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

    /**
     * Whether the count repeats to the instruction for the same binary and arguments: true for
     * single-threaded runs (every bare-metal guest), false when the guest started threads.
     */
    public boolean exactCount() {
        return instructions >= 0 && threads <= 1;
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
