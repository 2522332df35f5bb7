package dev.wasrisc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasrisc.build.BuildCache;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.build.HeartbeatProgress;
import dev.wasrisc.build.BuildRecord;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.reference.ChicoryReference;
import dev.wasrisc.reference.ReferenceRun;
import dev.wasrisc.exec.Executors;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestLocator;
import dev.wasrisc.guest.Language;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.pipeline.DirectBackend;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.pipeline.BuildContext;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.pipeline.Platform;
import dev.wasrisc.run.InstructionCounterPlugin;
import dev.wasrisc.run.QemuRunner;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.ToolMissingException;
import dev.wasrisc.settings.Settings;
import dev.wasrisc.tool.Toolchain;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The entry point: finds guests, builds them through pipelines (via the build cache) and runs them.
 * One instance serves a whole test run or command; it is thread-safe.
 */
public final class Wasrisc {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final WasriscConfig config;
    private final Executor executor;
    private final Toolchain toolchain;
    private final GuestLocator guests;
    private final Platform platform;
    private final BuildCache cache;
    private final BuildProgress progress;
    /** Bounds compiler processes across all builds of this session, however they are nested. */
    private final Semaphore processSlots = new Semaphore(Runtime.getRuntime().availableProcessors());
    private volatile QemuRunner runner;
    private final Map<String, ReferenceRun> references = new java.util.concurrent.ConcurrentHashMap<>();
    private final CacheKeys keys;

    public Wasrisc(WasriscConfig config, Executor executor, BuildProgress progress) {
        this(config, executor, progress, Settings.systemProperties());
    }

    /** {@code settings} also name tools' paths ({@code wasrisc.tool.NAME}). */
    public Wasrisc(WasriscConfig config, Executor executor, BuildProgress progress, Settings settings) {
        this.config = config;
        this.executor = executor;
        this.toolchain = new Toolchain(executor, settings);
        this.guests = new GuestLocator(config.guestsDir());
        this.platform = new Platform(config.platformDir());
        this.cache = new BuildCache(config.cacheDir());
        this.keys = new CacheKeys(platform, toolchain);
        this.progress = progress;
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
        return new GuestProgram(this, guests.find(name), observer);
    }

    /** Why the cell means nothing for this guest (direct for a prebuilt module); empty when it applies. */
    public Optional<String> notApplicable(Guest guest, Pipeline pipeline) {
        return notApplicable(guest.language(), pipeline.name());
    }

    /** Why a pipeline means nothing for guests in {@code language}; empty when it applies. */
    public static Optional<String> notApplicable(Language language, String pipeline) {
        return pipeline.equals(DirectBackend.NAME) ? language.whyNotDirect() : Optional.empty();
    }

    /** Tools the cell needs for this guest that are not installed; empty when it can run. */
    public List<Tool> missingTools(Guest guest, Pipeline pipeline) {
        return toolchain.missing(Pipelines.backend(pipeline.name()).tools(guest.language()));
    }

    GuestBinary build(Guest guest, Pipeline pipeline, Consumer<GuestRun> observer) {
        if (!pipeline.appliesTo(guest.language())) {
            throw new IllegalArgumentException("cell " + pipeline + " names a Go toolchain, but " + guest.name()
                    + " is a " + guest.language().name() + " guest");
        }
        Optional<String> notApplicable = notApplicable(guest, pipeline);
        if (notApplicable.isPresent()) {
            throw new NotApplicableException("cell " + pipeline + " for " + guest.name() + ": " + notApplicable.get());
        }
        Backend backend = Pipelines.backend(pipeline.name());
        List<Tool> tools = backend.tools(guest.language());
        List<Tool> missing = toolchain.missing(tools);
        if (!missing.isEmpty()) {
            throw new ToolMissingException("pipeline " + pipeline + " for " + guest.language().name() + " guest "
                    + guest.name(), missing);
        }
        Target target = backend.target(guest.language());
        try {
            String key = keys.build(guest, pipeline, tools);
            BuildCache.Entry entry = cache.getOrBuild(key, dir -> buildInto(dir, guest, pipeline, backend, target, tools));
            Path elf = entry.dir().resolve("guest.elf");
            BuildRecord record = JSON.readValue(entry.dir().resolve(BuildCache.COMPLETE_MARKER).toFile(), BuildRecord.class);
            List<String> launchArgs = record.launchArgs().stream()
                    .map(arg -> arg.replace(BuildContext.ENTRY_DIR, entry.dir().toString())).toList();
            return new GuestBinary(this, guest, pipeline, target, elf, launchArgs, Files.size(elf),
                    Duration.ofMillis(record.buildMillis()), entry.built(), config.runTimeout(), observer, null,
                    record.code());
        } catch (IOException e) {
            throw new UncheckedIOException("building " + guest.name() + " via " + pipeline + " failed", e);
        }
    }

    private void buildInto(Path dir, Guest guest, Pipeline pipeline, Backend backend, Target target, List<Tool> tools)
            throws IOException {
        long start = System.nanoTime();
        Path work = Files.createDirectories(dir.resolve("work"));
        BuildContext context = new BuildContext(guest, pipeline, work, dir.resolve("guest.elf"), toolchain, executor,
                platform, config.buildTimeout(), progress, processSlots,
                cache.root().resolve("shared"));
        backend.build(context);
        if (Files.isRegularFile(work.resolve("module.wasm"))) {
            Files.move(work.resolve("module.wasm"), dir.resolve("module.wasm"));
        }
        BuildCache.deleteTree(work);
        Map<String, String> versions = new LinkedHashMap<>();
        for (Tool tool : tools) {
            versions.put(tool.name(), toolchain.require(tool).version());
        }
        BuildRecord record = new BuildRecord(guest.name(), guest.language().name(), pipeline.name(),
                pipeline.optLevel(), target.id(), Duration.ofNanos(System.nanoTime() - start).toMillis(), versions,
                context.commands(), context.launchArgs(), context.code());
        JSON.writeValue(dir.resolve(BuildCache.COMPLETE_MARKER).toFile(), record);
    }

    /**
     * The guest run by the reference interpreter (Chicory) on its WebAssembly module, with the
     * same arguments: what a correct pipeline prints and how it ends. Built and run once per guest
     * and arguments in this session.
     *
     * @throws UnsupportedOperationException when the guest brings its own import implementations
     *     (C files), which the interpreter cannot run
     */
    public ReferenceRun reference(String guestName, List<String> args) {
        return reference(guestName, args, GuestInput.none());
    }

    /** As {@link #reference(String, List)}, with {@code input} on the module's standard input. */
    public ReferenceRun reference(String guestName, List<String> args, GuestInput input) {
        Guest guest = guests.find(guestName);
        if (!guest.settings().imports().isEmpty()) {
            throw new UnsupportedOperationException(guest.name() + " brings its own import implementations "
                    + guest.settings().imports() + " in C, which the reference interpreter cannot run");
        }
        return references.computeIfAbsent(guestName + "\u0000" + input.sha256() + "\u0000" + String.join("\u0000", args),
                key -> ChicoryReference.run(guest.name(), wasmModule(guest), args, input.readAllBytes()));
    }

    /** The guest's WebAssembly module, as the WASM pipelines start from; built once and cached. */
    public Path wasmModule(Guest guest) {
        List<Tool> tools = guest.language().wasmTools();
        List<Tool> missing = toolchain.missing(tools);
        if (!missing.isEmpty()) {
            throw new ToolMissingException("the WebAssembly module of " + guest.language().name() + " guest "
                    + guest.name(), missing);
        }
        try {
            String key = keys.wasmModule(guest, tools);
            BuildCache.Entry entry = cache.getOrBuild(key, dir -> {
                long start = System.nanoTime();
                Path work = Files.createDirectories(dir.resolve("work"));
                BuildContext context = new BuildContext(guest, Pipeline.of("wasm2c", 2), "wasm module", work,
                        dir.resolve("module.wasm"), toolchain, executor, platform, config.buildTimeout(), progress,
                        processSlots, cache.root().resolve("shared"));
                Files.move(guest.language().buildWasm(context), dir.resolve("module.wasm"));
                BuildCache.deleteTree(work);
                JSON.writeValue(dir.resolve(BuildCache.COMPLETE_MARKER).toFile(), new BuildRecord(guest.name(),
                        guest.language().name(), "wasm", 0, "wasm32-wasip1",
                        Duration.ofNanos(System.nanoTime() - start).toMillis(), Map.of(), context.commands(),
                        List.of(), List.of()));
            });
            return entry.dir().resolve("module.wasm");
        } catch (IOException e) {
            throw new UncheckedIOException("building the WebAssembly module of " + guest.name() + " failed", e);
        }
    }

    QemuRunner runner() throws IOException {
        if (runner == null) {
            synchronized (this) {
                if (runner == null) {
                    Path plugin = InstructionCounterPlugin.build(platform.qemuPlugin(), cache, toolchain, executor);
                    runner = new QemuRunner(executor, toolchain.path(Tools.QEMU_RISCV64), plugin);
                }
            }
        }
        return runner;
    }
}
