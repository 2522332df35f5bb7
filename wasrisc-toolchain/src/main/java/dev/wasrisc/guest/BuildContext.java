package dev.wasrisc.guest;

import dev.wasrisc.build.Action;
import dev.wasrisc.build.ActionCache;
import dev.wasrisc.build.BuildException;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.build.PathPlaceholders;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.tool.Tool;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Everything one build of one guest through one pipeline cell needs, and the log of what it ran. */
public final class BuildContext {

    private final BuildServices services;
    private final Guest guest;
    private final Pipeline pipeline;
    private final String label;
    private final boolean multiValue;
    private final Path workDir;
    private final Path output;
    private final List<Tool> tools;
    private volatile PathPlaceholders folders;
    private volatile String toolIdentity;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param label what messages call the build: the cell's display name, or what is built when it
     *     is not a whole cell (the front end alone, for the reference interpreter)
     * @param multiValue whether the module may use WebAssembly's multi-value feature (w2c2
     *     transpiles no multi-value functions, so a front end that can avoid them must)
     * @param tools every tool the build may use: their identities are part of every action's key
     */
    public BuildContext(BuildServices services, Guest guest, Pipeline pipeline, String label, boolean multiValue,
            Path workDir, Path output, List<Tool> tools) {
        this.services = services;
        this.guest = guest;
        this.pipeline = pipeline;
        this.label = label;
        this.multiValue = multiValue;
        this.workDir = workDir;
        this.output = output;
        this.tools = List.copyOf(tools);
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
        // A cell for ZisK builds with platform/zisk wherever a recipe asks for the bare-metal folder.
        // And one for the zkVM standard target with platform/zkvm_standard.
        return pipeline.has(CellOption.ZISK) ? services.platform().forZisk()
                : pipeline.has(CellOption.ZKVM) ? services.platform().forStandardTarget() : services.platform();
    }

    /**
     * The action with the guest's sources as its inputs: its folder and its language's local
     * dependencies ({@link Guest#sourceDirs()}), without its inputs and settings.
     */
    public Action withGuestSources(Action action) {
        for (Path dir : guest.sourceDirs()) {
            action.inputTree(dir, Guest::isBuildSource);
        }
        return action;
    }

    /** Whether the module may use multi-value functions; see the constructor. */
    public boolean multiValue() {
        return multiValue;
    }

    /**
     * Custom import implementations linked into every binary of the guest: the guest's own, then
     * the platform's. The platform's are weak defaults; the guest's come first so that, in the
     * {@code libwasrisc_imports.a} of Go and Rust builds, the linker takes a guest's replacement
     * before it reaches the default.
     */
    public List<Path> importSources() {
        List<Path> sources = new ArrayList<>();
        for (String extra : guest.settings().imports()) {
            Path file = guest.dir().resolve(extra);
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalArgumentException("guest " + guest.name() + " names import implementation "
                        + extra + " in " + GuestSettings.FILE_NAME + ", but " + file + " does not exist");
            }
            sources.add(file);
        }
        sources.addAll(services.platform().importSources());
        return sources;
    }

    public Path tool(Tool tool) {
        return services.toolchain().path(tool);
    }

    /** The version the toolchain found for a tool, as the cache key and the build record hold it. */
    public String toolVersion(Tool tool) {
        return services.toolchain().require(tool).version();
    }

    /** A tool's path with symbolic links followed, where the build's commands run. */
    public Path realPath(Tool tool) throws IOException {
        return services.executor().realPath(tool(tool));
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

    private final Map<String, Long> rewrites = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * Counts what rewrites of generated C changed, by what they rewrite (such as {@code functions
     * threaded}), for the build record: a count tells whether an option did anything.
     */
    public void noteRewrites(Map<String, Long> counts) {
        counts.forEach((what, count) -> rewrites.merge(what, count, Long::sum));
    }

    public Map<String, Long> rewrites() {
        synchronized (rewrites) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(rewrites));
        }
    }

    /**
     * The failure of a step that runs no command, named as {@link #run}'s failures are.
     *
     * @param stage what the step is, such as {@code rewrite generated C}
     * @param reason what went wrong and what to do about it
     */
    public BuildException failure(String stage, String reason) {
        return new BuildException(guest.name(), label, stage, reason);
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
        Command built = command.inUnlessSet(workDir).timeout(services.stepTimeout()).build();
        commands.add(built.commandLine());
        return execute(stage, built);
    }

    /**
     * Runs an expensive step through the action cache: when the same command has run over the same
     * inputs before (in any build, on any machine sharing the remote cache), its outputs are copied
     * into place instead.
     *
     * @return whether the command ran
     * @throws BuildException as {@link #run} does
     */
    public boolean perform(Action action) throws IOException {
        Command built = action.command().inUnlessSet(workDir).timeout(services.stepTimeout()).build();
        commands.add(built.commandLine());
        PathPlaceholders folders = folders();
        String key = ActionCache.key(action, built, folders, toolIdentity());
        boolean ran = services.actions().perform(action, built, key, folders,
                command -> execute(action.stage(), command), guest.name() + " · " + label);
        synchronized (actions) {
            actions.computeIfAbsent(ran ? "ran" : "cached", outcome -> new TreeMap<>()).merge(action.stage(), 1L, Long::sum);
        }
        return ran;
    }

    private final Map<String, Map<String, Long>> actions = new TreeMap<>();

    /** The cached steps so far, by outcome ({@code ran}, {@code cached}) and stage, with how many. */
    public Map<String, Map<String, Long>> actions() {
        synchronized (actions) {
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            actions.forEach((outcome, stages) -> copy.put(outcome, Map.copyOf(stages)));
            return copy;
        }
    }

    /** The text with this build's folders replaced by placeholders, as action keys hold paths. */
    public String withoutBuildFolders(String text) {
        return folders().abstracted(text);
    }

    /**
     * The folders a command line may name that differ from build to build and machine to machine;
     * the cache's root stands for the shared folders (cargo's) within it.
     */
    private PathPlaceholders folders() {
        if (folders == null) {
            Map<String, Path> named = new LinkedHashMap<>();
            named.put("work", workDir);
            named.put("out", output.getParent());
            named.put("guest", guest.dir());
            named.put("platform", platform().dir());
            named.put("cache", services.sharedRoot().getParent());
            folders = PathPlaceholders.of(named);
        }
        return folders;
    }

    private String toolIdentity() {
        if (toolIdentity == null) {
            Map<String, Tool> byName = new TreeMap<>();
            tools.forEach(tool -> byName.putIfAbsent(tool.name(), tool));
            StringBuilder identity = new StringBuilder();
            byName.values().forEach(tool -> identity.append(services.toolchain().identity(tool)).append('\n'));
            toolIdentity = identity.toString();
        }
        return toolIdentity;
    }

    private CommandResult execute(String stage, Command built) throws IOException {
        CommandResult result;
        services.processSlots().acquireUninterruptibly();
        try {
            try (BuildProgress.Step step = services.progress().started(guest.name() + " · " + label + " · " + stage)) {
                result = services.executor().execute(built);
            }
        } finally {
            services.processSlots().release();
        }
        if (result.timedOut()) {
            throw new BuildException(guest.name(), label, stage, built.commandLine(),
                    "timed out after " + services.stepTimeout().toSeconds() + " s\n" + result.outputTail(20));
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
        return java.nio.file.Files.createDirectories(services.sharedRoot().resolve(name));
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
