package dev.wasrisc;

import dev.wasrisc.build.ActionCache;
import dev.wasrisc.build.BuildCache;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.build.HeartbeatProgress;
import dev.wasrisc.build.RemoteCache;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.exec.Executors;
import dev.wasrisc.guest.BuildServices;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.guest.GuestLocator;
import dev.wasrisc.language.Languages;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.reference.ReferenceRun;
import dev.wasrisc.resolve.CellResolver;
import dev.wasrisc.resolve.Resolution;
import dev.wasrisc.run.RunLimits;
import dev.wasrisc.session.CellBuilder;
import dev.wasrisc.session.GuestRunner;
import dev.wasrisc.session.ReferenceRuns;
import dev.wasrisc.settings.Settings;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The entry point: finds guests, builds them through pipelines (via the build cache) and runs them.
 * One instance serves a whole test run or command; it is thread-safe. The work is done by three
 * services it wires together: {@link CellBuilder}, {@link GuestRunner} and {@link ReferenceRuns}.
 */
public final class Wasrisc {

    private final WasriscConfig config;
    private final Toolchain toolchain;
    private final GuestLocator guests;
    private final CellBuilder builder;
    private final GuestRunner runner;
    private final BuildCache cache;
    private final ReferenceRuns references;
    private final CellResolver resolver;

    public Wasrisc(WasriscConfig config, Executor executor, BuildProgress progress) {
        this(config, executor, progress, Settings.systemProperties());
    }

    /** {@code settings} also name tools' paths ({@code wasrisc.tool.NAME}). */
    public Wasrisc(WasriscConfig config, Executor executor, BuildProgress progress, Settings settings) {
        this.config = config;
        this.toolchain = new Toolchain(executor, settings);
        this.resolver = new CellResolver(toolchain);
        this.guests = new GuestLocator(config.guestsDir(), Languages.DETECTION_ORDER);
        Platform platform = new Platform(config.platformDir());
        RemoteCache remote = RemoteCache.from(settings, message -> System.err.println("wasrisc: " + message)).orElse(null);
        BuildCache cache = new BuildCache(config.cacheDir(), remote);
        BuildCache actionTier = config.actionCacheDir().equals(config.cacheDir()) ? cache
                : new BuildCache(config.actionCacheDir(), remote);
        // Bounds compiler processes across all builds of this session, however they are nested.
        Semaphore processSlots = new Semaphore(Runtime.getRuntime().availableProcessors());
        BuildServices services = new BuildServices(toolchain, executor, platform, config.buildTimeout(), progress,
                processSlots, cache.root().resolve("shared"), new ActionCache(actionTier));
        this.cache = cache;
        this.builder = new CellBuilder(services, cache);
        RunLimits limits = RunLimits.from(settings);
        this.runner = new GuestRunner(platform, cache, toolchain, executor, config.profileAll(), limits);
        this.references = new ReferenceRuns(builder, limits.maxOutputBytes());
    }

    /**
     * The session a test run uses. Builds that take longer than {@code wasrisc.progressSeconds}
     * (default 30) report on stderr every so many seconds; quicker ones stay silent.
     */
    public static Wasrisc fromSystemProperties() {
        return from(Settings.systemProperties());
    }

    /** The session for these settings (a test run passes JUnit's configuration parameters). */
    public static Wasrisc from(Settings settings) {
        Duration interval = Duration.ofSeconds(settings.number("wasrisc.progressSeconds", 30));
        WasriscConfig config = WasriscConfig.from(settings);
        return new Wasrisc(config, Executors.from(settings, config.folders()), new HeartbeatProgress(System.err, interval),
                settings);
    }

    /** The remote build cache of this session, when {@code wasrisc.cache.remote} names one. */
    public Optional<RemoteCache> remoteCache() {
        return cache.remote();
    }

    public WasriscConfig config() {
        return config;
    }

    public Toolchain toolchain() {
        return toolchain;
    }

    public GuestLocator guests() {
        return guests;
    }

    public GuestProgram guest(String name) {
        return guest(name, run -> {});
    }

    /** A guest whose every run is also handed to {@code observer} (the JUnit extension reports them). */
    public GuestProgram guest(String name, Consumer<GuestRun> observer) {
        return new GuestProgram(builder, runner, config.runTimeout(), guests.find(name), observer);
    }

    /** Whether cells apply to guests and their tools are installed here: a plan to build, or why not. */
    public CellResolver resolver() {
        return resolver;
    }

    /**
     * Why the cell means nothing for this guest (direct for a prebuilt module, a ZisK cell of a
     * pipeline that makes no bare-metal binary, a Go toolchain for another language); empty when it
     * applies.
     */
    public Optional<String> notApplicable(Guest guest, Pipeline pipeline) {
        return CellResolver.plan(guest, pipeline) instanceof Resolution.Refusal refusal
                && refusal.kind() == Resolution.Kind.NOT_APPLICABLE ? Optional.of(refusal.reason()) : Optional.empty();
    }

    /** Tools the cell needs for this guest that are not installed; empty when it can run. */
    public List<Tool> missingTools(Guest guest, Pipeline pipeline) {
        return toolchain.missing(CellResolver.tools(guest.language(), pipeline));
    }

    /**
     * The guest run by the reference interpreter (Chicory) on its WebAssembly module, with the
     * same arguments: what a correct pipeline prints and how it ends. Built and run once per guest
     * and arguments in this session. Custom imports run the same C as on the pipelines.
     */
    public ReferenceRun reference(String guestName, List<String> args) {
        return reference(guestName, args, GuestInput.none());
    }

    /** As {@link #reference(String, List)}, with {@code input} on the module's standard input. */
    public ReferenceRun reference(String guestName, List<String> args, GuestInput input) {
        return references.of(guests.find(guestName), args, input);
    }

    /** The guest's WebAssembly module, as the WASM pipelines start from; built once and cached. */
    public Path wasmModule(Guest guest) {
        return builder.wasmModule(guest);
    }
}
