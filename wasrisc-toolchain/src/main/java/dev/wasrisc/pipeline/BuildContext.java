package dev.wasrisc.pipeline;

import dev.wasrisc.Pipeline;
import dev.wasrisc.build.BuildException;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Toolchain;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Everything one build of one guest through one pipeline cell needs, and the log of what it ran. */
public final class BuildContext {

    private final Guest guest;
    private final Pipeline pipeline;
    private final Path workDir;
    private final Path output;
    private final Toolchain toolchain;
    private final Executor executor;
    private final Platform platform;
    private final Duration stepTimeout;
    private final BuildProgress progress;
    private final Semaphore processSlots;
    private final Path sharedRoot;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    /** What messages call this build: the pipeline cell, or the front end alone. */
    private final String label;

    public BuildContext(Guest guest, Pipeline pipeline, Path workDir, Path output, Toolchain toolchain,
            Executor executor, Platform platform, Duration stepTimeout, BuildProgress progress,
            Semaphore processSlots, Path sharedRoot) {
        this(guest, pipeline, pipeline.displayName(), workDir, output, toolchain, executor, platform, stepTimeout,
                progress, processSlots, sharedRoot);
    }

    /**
     * @param label what messages call the build when it is not a whole pipeline cell (the
     *     front end alone, building the module for the reference interpreter)
     */
    public BuildContext(Guest guest, Pipeline pipeline, String label, Path workDir, Path output, Toolchain toolchain,
            Executor executor, Platform platform, Duration stepTimeout, BuildProgress progress,
            Semaphore processSlots, Path sharedRoot) {
        this.label = label;
        this.guest = guest;
        this.pipeline = pipeline;
        this.workDir = workDir;
        this.output = output;
        this.toolchain = toolchain;
        this.executor = executor;
        this.platform = platform;
        this.stepTimeout = stepTimeout;
        this.progress = progress;
        this.processSlots = processSlots;
        this.sharedRoot = sharedRoot;
    }

    public Guest guest() {
        return guest;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public int optLevel() {
        return pipeline.optLevel();
    }

    public Path workDir() {
        return workDir;
    }

    /** Where the finished binary must be written. */
    public Path output() {
        return output;
    }

    public Platform platform() {
        return platform;
    }

    public Path tool(Tool tool) {
        return toolchain.path(tool);
    }

    /** A tool's path with symbolic links followed, where the build's commands run. */
    public Path realPath(Tool tool) throws IOException {
        return executor.realPath(tool(tool));
    }

    private volatile List<String> launchArgs = List.of();

    /**
     * Stands for the cache entry's folder in launch arguments: the build happens in a temporary
     * folder that is renamed into place afterwards.
     */
    public static final String ENTRY_DIR = "${entry}";

    /**
     * For pipelines whose binary is a runtime that loads the guest: the arguments it needs before
     * the guest's own (kept in the build record, passed on every run).
     */
    public void launchWith(List<String> args) {
        launchArgs = List.copyOf(args);
    }

    public List<String> launchArgs() {
        return launchArgs;
    }

    private final List<String> code = Collections.synchronizedList(new ArrayList<>());

    /**
     * Flags the binary as compiling something the cell's name does not say (such as {@code cgo}),
     * so every report of its runs shows it: a ratio between cells that compile different code
     * must be labelled as such.
     */
    public void noteCode(String flag) {
        if (!code.contains(flag)) {
            code.add(flag);
        }
    }

    public List<String> code() {
        return List.copyOf(code);
    }

    /** Every command run so far, as shell lines. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Runs one build step, in the work folder unless the command names another.
     *
     * @param stage what the step is, for the error message (such as {@code transpile})
     * @throws BuildException naming guest, pipeline, stage, command and the tool's output tail
     */
    public CommandResult run(String stage, Command.Builder command) throws IOException {
        Command built = command.inUnlessSet(workDir).timeout(stepTimeout).build();
        commands.add(built.commandLine());
        CommandResult result;
        processSlots.acquireUninterruptibly();
        try {
            try (BuildProgress.Step step = progress.started(guest.name() + " · " + label + " · " + stage)) {
                result = executor.execute(built);
            }
        } finally {
            processSlots.release();
        }
        if (result.timedOut()) {
            throw new BuildException(guest.name(), label, stage, built.commandLine(),
                    "timed out after " + stepTimeout.toSeconds() + " s\n" + result.outputTail(20));
        }
        if (result.exitCode() != 0) {
            throw new BuildException(guest.name(), label, stage, built.commandLine(),
                    "exit code " + result.exitCode() + "\n" + result.outputTail(20));
        }
        return result;
    }

    /**
     * A folder that outlives this build and is shared by all builds, for tools that keep their own
     * consistent incremental state (cargo's target folder).
     */
    public Path sharedDir(String name) throws IOException {
        return java.nio.file.Files.createDirectories(sharedRoot.resolve(name));
    }

    /** How many build processes may run at once on this machine. */
    public int parallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A step applied to each item of a list, possibly in parallel. */
    @FunctionalInterface
    public interface Step<T, R> {
        R apply(T item) throws IOException;
    }

    /**
     * Applies {@code step} to every item in parallel and returns the results in order. The
     * processes the steps start still share the machine-wide slots, so this never oversubscribes.
     */
    public <T, R> List<R> parallel(List<T> items, Step<T, R> step) throws IOException {
        if (items.size() == 1) {
            return List.of(step.apply(items.get(0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while building " + guest.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
