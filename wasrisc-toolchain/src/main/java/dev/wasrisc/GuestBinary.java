package dev.wasrisc;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.run.EmulatorRun;
import dev.wasrisc.session.BuiltCell;
import dev.wasrisc.session.CellRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A guest built through one pipeline cell, ready to run. Obtained from {@link GuestProgram#build}. */
public final class GuestBinary {

    private final CellRuns runner;
    private final Guest guest;
    private final Pipeline pipeline;
    private final BuiltCell built;
    private final Duration timeout;
    private final Consumer<GuestRun> observer;
    /** null: the guest's default input, resolved when a run starts. */
    private final GuestInput input;

    GuestBinary(CellRuns runner, Guest guest, Pipeline pipeline, BuiltCell built, Duration timeout,
            Consumer<GuestRun> observer, GuestInput input) {
        this.runner = runner;
        this.guest = guest;
        this.pipeline = pipeline;
        this.built = built;
        this.timeout = timeout;
        this.observer = observer;
        this.input = input;
    }

    /**
     * Runs with the given arguments (none: the guest's default arguments from wasrisc.json) and this
     * binary's input on standard input (by default the guest's {@code "input"} from wasrisc.json).
     */
    public GuestRun run(String... args) {
        return run(runner.profileAll(), args);
    }

    /**
     * Runs as {@link #run} does and also records where the instructions go, by function: see
     * {@link GuestRun#profile()}. The count is the same as without profiling; the run is slower.
     */
    public GuestRun profile(String... args) {
        return run(true, args);
    }

    private GuestRun run(boolean profile, String... args) {
        List<String> argv = args.length == 0 ? guest.settings().args() : Arrays.asList(args);
        GuestInput in = input();
        EmulatorRun emulated;
        try {
            emulated = runner.run(built, argv, in, timeout, profile);
        } catch (IOException e) {
            throw new UncheckedIOException("running " + guest.name() + " via " + pipeline + " failed to start", e);
        }
        GuestRun run = new GuestRun(
                new GuestRun.Build(guest.name(), guest.language().name(), pipeline, target(), bytes(), buildTime(),
                        code(), rewrites(), builtNow()),
                argv, in,
                new GuestRun.Outcome(emulated.exitCode(), emulated.stdout(), emulated.stderr(), emulated.timedOut(),
                        emulated.written()),
                new GuestRun.Measurement(emulated.instructions(), emulated.threads(), emulated.wallTime(),
                        work(guest.settings().work(), emulated.stdout()), emulated.profile(), emulated.cost(),
                        emulated.accelerators()));
        observer.accept(run);
        return run;
    }

    private static GuestRun.Work work(GuestSettings.Work measure, String stdout) {
        if (measure == null) {
            return null;
        }
        long amount = measure.amount(stdout);
        return amount < 0 ? null : new GuestRun.Work(measure.unit(), amount);
    }

    /** The same binary with another run time limit. */
    public GuestBinary withTimeout(Duration newTimeout) {
        return new GuestBinary(runner, guest, pipeline, built, newTimeout, observer, input);
    }

    /** The same binary, whose runs read this input on standard input. */
    public GuestBinary withInput(GuestInput newInput) {
        return new GuestBinary(runner, guest, pipeline, built, timeout, observer,
                java.util.Objects.requireNonNull(newInput, "input"));
    }

    /**
     * Runs read this file on standard input; a relative path is taken in the guest folder first
     * (so {@code withInput(Path.of("inputs/block-100.bin"))} works from any working directory).
     *
     * @throws IllegalArgumentException naming the paths looked at when there is no such file
     */
    public GuestBinary withInput(Path file) {
        Path inGuest = guest.dir().resolve(file);
        if (!file.isAbsolute() && java.nio.file.Files.isRegularFile(inGuest)) {
            return withInput(GuestInput.of(inGuest));
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("guest " + guest.name() + ": input file not found: looked for "
                    + file.toAbsolutePath().normalize() + (file.isAbsolute() ? "" : " and " + inGuest.normalize()));
        }
        return withInput(GuestInput.of(file));
    }

    /** Runs read these bytes on standard input, reported as {@code name}. */
    public GuestBinary withInput(String name, byte[] bytes) {
        return withInput(GuestInput.of(name, bytes));
    }

    /** Runs read these bytes on standard input, reported as {@code bytes}. */
    public GuestBinary withInput(byte[] bytes) {
        return withInput("bytes", bytes);
    }

    /** Runs get an empty standard input, even when the guest names a default input. */
    public GuestBinary withoutInput() {
        return withInput(GuestInput.none());
    }

    /** What runs read on standard input: the input given, else the guest's default, else none. */
    public GuestInput input() {
        return input != null ? input : guest.defaultInput();
    }

    public Guest guest() {
        return guest;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Target target() {
        return built.target();
    }

    public Path elf() {
        return built.elf();
    }

    /**
     * Arguments the ELF takes before the guest's: for a runtime that loads the guest (wasmtime's
     * {@code run module.cwasm}); empty for native binaries.
     */
    public List<String> launchArgs() {
        return built.launchArgs();
    }

    /** What the binary compiles beyond its cell's name, such as {@code cgo}; see {@link GuestRun#code()}. */
    public List<String> code() {
        return built.code();
    }

    /**
     * What the rewrites of generated C for the cell's options changed, by what they rewrite (such
     * as {@code functions threaded}); empty for cells without them.
     */
    public Map<String, Long> rewrites() {
        return built.rewrites();
    }

    public long bytes() {
        return built.bytes();
    }

    /** How long the build took when it ran (also for a binary that came from the cache). */
    public Duration buildTime() {
        return built.buildTime();
    }

    /** Whether this call built it, rather than finding it in the cache. */
    public boolean builtNow() {
        return built.builtNow();
    }
}
