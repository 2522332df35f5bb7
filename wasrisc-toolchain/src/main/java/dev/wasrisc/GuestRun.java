package dev.wasrisc;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.profile.Profile;
import dev.wasrisc.run.AcceleratorUse;
import dev.wasrisc.run.ZiskCost;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One run of a built guest under its target's emulator (qemu-riscv64 with the instruction-counting
 * plugin, or ZisK's): the binary that ran, what it was given, how it ended and what it measured.
 * The parts' values are also read directly, as {@code run.instructions()} or {@code run.stdout()}.
 *
 * @param build the guest and cell that made the binary, and what the build gave
 * @param args the guest's command-line arguments
 * @param input what the guest read on standard input ({@link GuestInput#none()} when nothing)
 * @param outcome how the run ended and what the guest printed
 * @param measurement what the emulator counted, and the work the guest reported
 */
public record GuestRun(Build build, List<String> args, GuestInput input, Outcome outcome, Measurement measurement) {

    /**
     * The binary that ran.
     *
     * @param code what the binary compiles beyond its cell's name, such as {@code cgo} (a Go guest's
     *     native imports linked through cgo): reports show it next to the count
     * @param rewrites what the rewrites of generated C for the cell's options changed, by what they
     *     rewrite; empty for cells without them, and for runs read back from a results file
     * @param builtNow whether the run's session built the binary rather than finding it in the cache
     */
    public record Build(String guest, String language, Pipeline pipeline, Target target, long binaryBytes,
            Duration buildTime, List<String> code, Map<String, Long> rewrites, boolean builtNow) {
        public Build {
            code = List.copyOf(code);
            rewrites = Collections.unmodifiableMap(new LinkedHashMap<>(rewrites));
        }
    }

    /**
     * How the run ended and what the guest printed.
     *
     * @param written bytes the guest wrote to stdout and stderr in all; beyond {@code
     *     wasrisc.output.maxBytes} a stream keeps only its first and last bytes (see {@link
     *     #truncationNotes()})
     */
    public record Outcome(int exitCode, String stdout, String stderr, boolean timedOut, OutputSizes written) {
        public Outcome {
            Objects.requireNonNull(written, "written");
        }

        /** Exit code 0 within the time limit. */
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** Whether stdout keeps only its first and last bytes: an assertion on it must not compare a part. */
        public boolean stdoutTruncated() {
            return written.stdoutTruncated();
        }

        /** One line per truncated stream, e.g. "stdout truncated: 4.0 GB written, first and last 16.0 MiB kept". */
        public List<String> truncationNotes() {
            return written.notes();
        }
    }

    /**
     * What the run measured.
     *
     * @param instructions guest instructions executed, counted exactly by the plugin (ZisK steps for
     *     {@link Target#ZISK}); -1 when the emulator ended before it could report (it was killed at
     *     the timeout)
     * @param threads guest threads seen. A multi-threaded guest (Go or Rust on riscv64 Linux) does
     *     timing-dependent work on its other threads (Go's sysmon, idle workers), so its count varies
     *     between runs by a few percent; see {@link #exactCount()}
     * @param work the work the guest reported doing (gas, for a block), read from its stdout by the
     *     pattern in its {@code wasrisc.json}; null when it reports none
     * @param profile where the instructions went, for runs made with {@link GuestBinary#profile};
     *     null otherwise (its accessor throws then: ask {@link #profiled()})
     * @param cost ZisK's proving cost ({@code ziskemu -X}), for ZisK runs made with {@link
     *     GuestBinary#profile}; null otherwise
     * @param accelerators the zkVM accelerators the guest called, by name, with their calls, bytes in
     *     and the instructions spent inside them (qemu runs); empty when it called none
     */
    public record Measurement(long instructions, int threads, Duration wallTime, Work work, Profile profile,
            ZiskCost cost, List<AcceleratorUse> accelerators) {

        public Measurement {
            accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
        }

        /** A measurement of a run that called no accelerators. */
        public Measurement(long instructions, int threads, Duration wallTime, Work work, Profile profile,
                ZiskCost cost) {
            this(instructions, threads, wallTime, work, profile, cost, List.of());
        }

        /**
         * The instructions spent outside the accelerators: what a zkVM that serves them as
         * precompiles would still execute. The whole count when none were called; -1 without a count.
         */
        public long instructionsOutsideAccelerators() {
            return instructions < 0 ? -1 : instructions - AcceleratorUse.instructions(accelerators);
        }

        /** One accelerator's use, or none when the guest did not call it. */
        public java.util.Optional<AcceleratorUse> accelerator(String name) {
            return accelerators.stream().filter(use -> use.name().equals(name)).findFirst();
        }

        /**
         * Where the instructions went, by function.
         *
         * @throws IllegalStateException when the run was not profiled
         */
        @Override
        public Profile profile() {
            if (profile == null) {
                throw new IllegalStateException("the run was not profiled");
            }
            return profile;
        }

        public boolean profiled() {
            return profile != null;
        }

        /**
         * Whether the count repeats to the instruction for the same binary and arguments: true for
         * single-threaded runs (every bare-metal guest), false when the guest started threads.
         */
        public boolean exactCount() {
            return instructions >= 0 && threads <= 1;
        }

        /** Instructions per unit of work (per gas), or NaN when the run reported no work or no count. */
        public double instructionsPerWork() {
            return work == null || work.amount() <= 0 || instructions < 0 ? Double.NaN
                    : (double) instructions / work.amount();
        }
    }

    /** An amount of work in a unit, such as 2,131,457 gas. */
    public record Work(String unit, long amount) {
        @Override
        public String toString() {
            return String.format("%,d %s", amount, unit);
        }
    }

    public GuestRun {
        Objects.requireNonNull(build, "build");
        args = List.copyOf(args);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(measurement, "measurement");
    }

    /**
     * A run from its values one by one, as runs were made before they had parts; the build's
     * rewrites are empty and it counts as found in the cache.
     */
    public GuestRun(String guest, String language, Pipeline pipeline, Target target, List<String> args,
            GuestInput input, int exitCode, String stdout, String stderr, long instructions, int threads,
            Duration wallTime, boolean timedOut, long binaryBytes, Duration buildTime, List<String> code, Work work,
            Profile profile, ZiskCost cost, OutputSizes written) {
        this(new Build(guest, language, pipeline, target, binaryBytes, buildTime, code, Map.of(), false), args, input,
                new Outcome(exitCode, stdout, stderr, timedOut, written),
                new Measurement(instructions, threads, wallTime, work, profile, cost));
    }

    public String guest() {
        return build.guest();
    }

    public String language() {
        return build.language();
    }

    public Pipeline pipeline() {
        return build.pipeline();
    }

    public Target target() {
        return build.target();
    }

    public long binaryBytes() {
        return build.binaryBytes();
    }

    public Duration buildTime() {
        return build.buildTime();
    }

    /** What the binary compiles beyond its cell's name, such as {@code cgo}; see {@link Build#code()}. */
    public List<String> code() {
        return build.code();
    }

    public int exitCode() {
        return outcome.exitCode();
    }

    public String stdout() {
        return outcome.stdout();
    }

    public String stderr() {
        return outcome.stderr();
    }

    public boolean timedOut() {
        return outcome.timedOut();
    }

    /** Bytes the guest wrote to stdout and stderr in all; see {@link Outcome#written()}. */
    public OutputSizes written() {
        return outcome.written();
    }

    /** Guest instructions executed (ZisK steps on ZisK), or -1; see {@link Measurement#instructions()}. */
    public long instructions() {
        return measurement.instructions();
    }

    public int threads() {
        return measurement.threads();
    }

    public Duration wallTime() {
        return measurement.wallTime();
    }

    /** The work the guest reported doing, or null; see {@link Measurement#work()}. */
    public Work work() {
        return measurement.work();
    }

    /** The zkVM accelerators the guest called; see {@link Measurement#accelerators()}. */
    public List<AcceleratorUse> accelerators() {
        return measurement.accelerators();
    }

    /** See {@link Measurement#instructionsOutsideAccelerators()}. */
    public long instructionsOutsideAccelerators() {
        return measurement.instructionsOutsideAccelerators();
    }

    /** ZisK's proving cost for profiled ZisK runs, or null; see {@link Measurement#cost()}. */
    public ZiskCost cost() {
        return measurement.cost();
    }

    /** Instructions per unit of work (per gas), or NaN when the run reported no work or no count. */
    public double instructionsPerWork() {
        return measurement.instructionsPerWork();
    }

    /** Whether stdout keeps only its first and last bytes: an assertion on it must not compare a part. */
    public boolean stdoutTruncated() {
        return outcome.stdoutTruncated();
    }

    /** One line per truncated stream, e.g. "stdout truncated: 4.0 GB written, first and last 16.0 MiB kept". */
    public List<String> truncationNotes() {
        return outcome.truncationNotes();
    }

    /**
     * Where the instructions went, by function.
     *
     * @throws IllegalStateException when the run was not profiled
     */
    public Profile profile() {
        if (!measurement.profiled()) {
            throw new IllegalStateException(coordinates() + " was not profiled: run it with GuestBinary.profile(args) "
                    + "or set -Dwasrisc.profile=true");
        }
        return measurement.profile();
    }

    public boolean profiled() {
        return measurement.profiled();
    }

    /** Exit code 0 within the time limit. */
    public boolean succeeded() {
        return outcome.succeeded();
    }

    /**
     * Whether the count repeats to the instruction for the same binary and arguments: true for
     * single-threaded runs (every bare-metal guest), false when the guest started threads.
     */
    public boolean exactCount() {
        return measurement.exactCount();
    }

    /** Guest, input, pipeline and target, for messages. */
    public String coordinates() {
        return guest() + (input.isNone() ? "" : " < " + input.name()) + " via " + pipeline().displayName()
                + (code().isEmpty() ? "" : " [" + String.join(", ", code()) + "]") + " (" + target() + ")";
    }

    /** A one-line summary for logs and the command line. */
    public String summary() {
        String outcome = timedOut() ? "timed out after " + wallTime().toMillis() + " ms" : "exit " + exitCode();
        return coordinates() + ": " + outcome + ", " + String.format("%,d", instructions())
                + (target() == Target.ZISK ? " ZisK steps, " : " instructions, ") + wallTime().toMillis() + " ms"
                + (cost() == null ? "" : "; " + cost())
                + truncationNotes().stream().map(note -> "; " + note).collect(Collectors.joining());
    }
}
