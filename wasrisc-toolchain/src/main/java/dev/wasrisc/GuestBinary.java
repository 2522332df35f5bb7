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
    /** null: the guest's default input, resolved when a run starts. */
    private final GuestInput input;
    private final List<String> code;

    GuestBinary(Wasrisc wasrisc, Guest guest, Pipeline pipeline, Target target, Path elf, List<String> launchArgs,
            long bytes, Duration buildTime, boolean builtNow, Duration timeout, Consumer<GuestRun> observer,
            GuestInput input, List<String> code) {
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
        this.input = input;
        this.code = code;
    }

    /**
     * Runs with the given arguments (none: the guest's default arguments from wasrisc.json) and this
     * binary's input on standard input (by default the guest's {@code "input"} from wasrisc.json).
     */
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
            GuestRun run = wasrisc.runner().run(this, argv, input(), timeout, profile);
            observer.accept(run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("running " + guest.name() + " via " + pipeline + " failed to start", e);
        }
    }

    /** The same binary with another run time limit. */
    public GuestBinary withTimeout(Duration newTimeout) {
        return new GuestBinary(wasrisc, guest, pipeline, target, elf, launchArgs, bytes, buildTime, builtNow, newTimeout,
                observer, input, code);
    }

    /** The same binary, whose runs read this input on standard input. */
    public GuestBinary withInput(GuestInput newInput) {
        return new GuestBinary(wasrisc, guest, pipeline, target, elf, launchArgs, bytes, buildTime, builtNow, timeout,
                observer, java.util.Objects.requireNonNull(newInput, "input"), code);
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

    /** What the binary compiles beyond its cell's name, such as {@code cgo}; see {@link GuestRun#code()}. */
    public List<String> code() {
        return code;
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
