package dev.wasrisc;

import dev.wasrisc.guest.Guest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** A guest built through one pipeline cell, ready to run. Obtained from {@link GuestProgram#build}. */
public final class GuestBinary {

    private final Wasrisc wasrisc;
    private final Guest guest;
    private final Pipeline pipeline;
    private final Target target;
    private final Path elf;
    private final List<String> launchArgs;
    private final long bytes;
    private final Duration buildTime;
    private final boolean builtNow;
    private final Duration timeout;
    private final Consumer<GuestRun> observer;

    GuestBinary(Wasrisc wasrisc, Guest guest, Pipeline pipeline, Target target, Path elf, List<String> launchArgs,
            long bytes, Duration buildTime, boolean builtNow, Duration timeout, Consumer<GuestRun> observer) {
        this.wasrisc = wasrisc;
        this.guest = guest;
        this.pipeline = pipeline;
        this.target = target;
        this.elf = elf;
        this.launchArgs = launchArgs;
        this.bytes = bytes;
        this.buildTime = buildTime;
        this.builtNow = builtNow;
        this.timeout = timeout;
        this.observer = observer;
    }

    /** Runs with the given arguments (none: the guest's default arguments from wasrisc.json). */
    public GuestRun run(String... args) {
        return run(wasrisc.config().profileAll(), args);
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
        try {
            GuestRun run = wasrisc.runner().run(this, argv, timeout, profile);
            observer.accept(run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("running " + guest.name() + " via " + pipeline + " failed to start", e);
        }
    }

    /** The same binary with another run time limit. */
    public GuestBinary withTimeout(Duration newTimeout) {
        return new GuestBinary(wasrisc, guest, pipeline, target, elf, launchArgs, bytes, buildTime, builtNow, newTimeout,
                observer);
    }

    public Guest guest() {
        return guest;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Target target() {
        return target;
    }

    public Path elf() {
        return elf;
    }

    /**
     * Arguments the ELF takes before the guest's: for a runtime that loads the guest (wasmtime's
     * {@code run module.cwasm}); empty for native binaries.
     */
    public List<String> launchArgs() {
        return launchArgs;
    }

    public long bytes() {
        return bytes;
    }

    /** How long the build took when it ran (also for a binary that came from the cache). */
    public Duration buildTime() {
        return buildTime;
    }

    /** Whether this call built it, rather than finding it in the cache. */
    public boolean builtNow() {
        return builtNow;
    }
}
