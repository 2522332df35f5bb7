package dev.wasrisc;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.profile.Profile;
import dev.wasrisc.run.ZiskCost;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One run of a built guest under qemu-riscv64 with the instruction-counting plugin.
 *
 * @param instructions guest instructions executed, counted exactly by the plugin; -1 when the
 *     emulator ended before the plugin could report (it was killed at the timeout)
 * @param threads guest threads seen. A multi-threaded guest (Go or Rust on riscv64 Linux) does
 *     timing-dependent work on its other threads (Go's sysmon, idle workers), so its count varies
 *     between runs by a few percent; see {@link #exactCount()}
 * @param input what the guest read on standard input ({@link GuestInput#none()} when nothing)
 * @param code what the binary compiles beyond its cell's name, such as {@code cgo} (a Go guest's
 *     native imports linked through cgo): reports show it next to the count
 * @param work the work the guest reported doing (gas, for a block), read from its stdout by the
 *     pattern in its {@code wasrisc.json}; null when it reports none
 * @param cost ZisK's proving cost ({@code ziskemu -X}), for ZisK runs made with {@link
 *     GuestBinary#profile}; null otherwise
 * @param profile where the instructions went, for runs made with {@link GuestBinary#profile}; null
 *     otherwise
 * @param written bytes the guest wrote to stdout and stderr in all; beyond {@code
 *     wasrisc.output.maxBytes} a stream keeps only its first and last bytes (see {@link
 *     #truncationNotes()})
 */
public record GuestRun(
        String guest,
        String language,
        Pipeline pipeline,
        Target target,
        List<String> args,
        GuestInput input,
        int exitCode,
        String stdout,
        String stderr,
        long instructions,
        int threads,
        Duration wallTime,
        boolean timedOut,
        long binaryBytes,
        Duration buildTime,
        List<String> code,
        Work work,
        Profile profile,
        ZiskCost cost,
        OutputSizes written) {

    /** An amount of work in a unit, such as 2,131,457 gas. */
    public record Work(String unit, long amount) {
        @Override
        public String toString() {
            return String.format("%,d %s", amount, unit);
        }
    }

    /** Instructions per unit of work (per gas), or NaN when the run reported no work or no count. */
    public double instructionsPerWork() {
        return work == null || work.amount() <= 0 || instructions < 0 ? Double.NaN
                : (double) instructions / work.amount();
    }

    public GuestRun {
        args = List.copyOf(args);
        code = List.copyOf(code);
        Objects.requireNonNull(written, "written");
    }

    /** Whether stdout keeps only its first and last bytes: an assertion on it must not compare a part. */
    public boolean stdoutTruncated() {
        return written.stdoutTruncated();
    }

    /** One line per truncated stream, e.g. "stdout truncated: 4.0 GB written, first and last 16.0 MiB kept". */
    public List<String> truncationNotes() {
        return written.notes();
    }

    /**
     * Where the instructions went, by function.
     *
     * @throws IllegalStateException when the run was not profiled
     */
    @Override
    public Profile profile() {
        if (profile == null) {
            throw new IllegalStateException(coordinates() + " was not profiled: run it with GuestBinary.profile(args) "
                    + "or set -Dwasrisc.profile=true");
        }
        return profile;
    }

    public boolean profiled() {
        return profile != null;
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

    /** Guest, input, pipeline and target, for messages. */
    public String coordinates() {
        return guest + (input.isNone() ? "" : " < " + input.name()) + " via " + pipeline.displayName()
                + (code.isEmpty() ? "" : " [" + String.join(", ", code) + "]") + " (" + target + ")";
    }

    /** A one-line summary for logs and the command line. */
    public String summary() {
        String outcome = timedOut ? "timed out after " + wallTime.toMillis() + " ms" : "exit " + exitCode;
        return coordinates() + ": " + outcome + ", " + String.format("%,d", instructions)
                + (target == Target.ZISK ? " ZisK steps, " : " instructions, ") + wallTime.toMillis() + " ms"
                + (cost == null ? "" : "; " + cost)
                + truncationNotes().stream().map(note -> "; " + note).collect(Collectors.joining());
    }
}
