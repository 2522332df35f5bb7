package dev.wasrisc.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasrisc.build.BuildCache;
import dev.wasrisc.build.BuildRecord;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.BuildServices;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.recipe.ImportsReactor;
import dev.wasrisc.resolve.CellResolver;
import dev.wasrisc.resolve.Resolution;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.ToolMissingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds guests through cells and their WebAssembly modules, through the build cache: checks that
 * the cell applies and its tools are there, runs the recipe in a cache entry's folder and records
 * what it ran. Thread-safe.
 */
public final class CellBuilder implements CellBuilds {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String IMPORTS_REACTOR = "imports.wasm";

    private final BuildServices services;
    private final BuildCache cache;
    private final CacheKeys keys;
    private final CellResolver resolver;

    public CellBuilder(BuildServices services, BuildCache cache) {
        this.services = services;
        this.cache = cache;
        this.resolver = new CellResolver(services.toolchain());
        this.keys = new CacheKeys(services.platform(), services.toolchain());
    }

    @Override
    public BuiltCell build(Guest guest, Pipeline pipeline) {
        Resolution.Plan plan = resolver.resolve(guest, pipeline).orThrow();
        Backend backend = plan.backend();
        List<Tool> tools = plan.tools();
        Target target = plan.target();
        try {
            String key = keys.build(guest, pipeline, tools);
            BuildCache.Entry entry = cache.getOrBuild(key, dir -> buildInto(dir, guest, pipeline, backend, target, tools));
            Path elf = entry.dir().resolve("guest.elf");
            BuildRecord record = JSON.readValue(entry.dir().resolve(BuildCache.COMPLETE_MARKER).toFile(), BuildRecord.class);
            List<String> launchArgs = record.launchArgs().stream()
                    .map(arg -> arg.replace(BuildContext.ENTRY_DIR, entry.dir().toString())).toList();
            return new BuiltCell(target, elf, launchArgs, Files.size(elf), Duration.ofMillis(record.buildMillis()),
                    entry.built(), record.code(), record.rewrites());
        } catch (IOException e) {
            throw new UncheckedIOException("building " + guest.name() + " via " + pipeline + " failed: " + e.getMessage(), e);
        }
    }

    private void buildInto(Path dir, Guest guest, Pipeline pipeline, Backend backend, Target target, List<Tool> tools)
            throws IOException {
        long start = System.nanoTime();
        Path work = Files.createDirectories(dir.resolve("work"));
        BuildContext context = new BuildContext(services, guest, pipeline, pipeline.toString(),
                backend.acceptsMultiValue(), work, dir.resolve("guest.elf"), tools);
        backend.build(context);
        if (Files.isRegularFile(work.resolve("module.wasm"))) {
            Files.move(work.resolve("module.wasm"), dir.resolve("module.wasm"));
        }
        BuildCache.deleteTree(work);
        Map<String, String> versions = new LinkedHashMap<>();
        for (Tool tool : tools) {
            versions.put(tool.name(), services.toolchain().require(tool).version());
        }
        BuildRecord record = new BuildRecord(guest.name(), guest.language().name(), pipeline.name(),
                pipeline.optLevel(), target.id(), Duration.ofNanos(System.nanoTime() - start).toMillis(), versions,
                context.commands(), context.launchArgs(), context.code(), context.rewrites(), context.actions());
        JSON.writeValue(dir.resolve(BuildCache.COMPLETE_MARKER).toFile(), record);
    }

    /** The guest's WebAssembly module, as the WASM pipelines start from; built once and cached. */
    public Path wasmModule(Guest guest) {
        List<Tool> tools = guest.language().wasmTools();
        List<Tool> missing = services.toolchain().missing(tools);
        if (!missing.isEmpty()) {
            throw new ToolMissingException("the WebAssembly module of " + guest.language().name() + " guest "
                    + guest.name(), missing);
        }
        try {
            String key = keys.wasmModule(guest, tools);
            BuildCache.Entry entry = cache.getOrBuild(key, dir -> {
                long start = System.nanoTime();
                Path work = Files.createDirectories(dir.resolve("work"));
                // The module the interpreter runs is the one every multi-value-capable cell starts from.
                BuildContext context = new BuildContext(services, guest, Pipeline.of("wasm2c", 2), "wasm module", true,
                        work, dir.resolve("module.wasm"), tools);
                Files.move(guest.language().buildWasm(context), dir.resolve("module.wasm"));
                BuildCache.deleteTree(work);
                JSON.writeValue(dir.resolve(BuildCache.COMPLETE_MARKER).toFile(), new BuildRecord(guest.name(),
                        guest.language().name(), "wasm", 0, "wasm32-wasip1",
                        Duration.ofNanos(System.nanoTime() - start).toMillis(), Map.of(), context.commands(),
                        List.of(), List.of(), Map.of(), context.actions()));
            });
            return entry.dir().resolve("module.wasm");
        } catch (IOException e) {
            throw new UncheckedIOException("building the WebAssembly module of " + guest.name() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The guest's import implementations as a WASI reactor exporting {@code symbols} (see
     * {@link ImportsReactor}); built once and cached.
     */
    Path importsReactor(Guest guest, List<String> symbols) {
        List<Tool> missing = services.toolchain().missing(ImportsReactor.TOOLS);
        if (!missing.isEmpty()) {
            throw new ToolMissingException("the import implementations of " + guest.name()
                    + " for the reference interpreter", missing);
        }
        try {
            String key = keys.importsReactor(guest, symbols, ImportsReactor.TOOLS);
            BuildCache.Entry entry = cache.getOrBuild(key, dir -> {
                long start = System.nanoTime();
                Path work = Files.createDirectories(dir.resolve("work"));
                BuildContext context = new BuildContext(services, guest, Pipeline.of("wasm2c", 2), "imports reactor",
                        true, work, dir.resolve(IMPORTS_REACTOR), ImportsReactor.TOOLS);
                ImportsReactor.build(context, symbols);
                BuildCache.deleteTree(work);
                JSON.writeValue(dir.resolve(BuildCache.COMPLETE_MARKER).toFile(), new BuildRecord(guest.name(),
                        "c", "imports", 2, "wasm32-wasip1", Duration.ofNanos(System.nanoTime() - start).toMillis(),
                        Map.of(), context.commands(), List.of(), List.of(), Map.of()));
            });
            return entry.dir().resolve(IMPORTS_REACTOR);
        } catch (IOException e) {
            throw new UncheckedIOException("building the import implementations of " + guest.name()
                    + " for the reference interpreter failed: " + e.getMessage(), e);
        }
    }
}
