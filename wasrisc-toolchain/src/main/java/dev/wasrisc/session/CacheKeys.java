package dev.wasrisc.session;

import dev.wasrisc.build.Hashing;
import dev.wasrisc.build.RecipeCode;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.tool.ResolvedTool;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Toolchain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A build's cache key: everything that reaches the binary. The guest's files (not its inputs), the
 * platform's files by relative path (so its location does not matter), each tool's path and
 * version, and the recipe itself, which is Java code: all of it ({@link RecipeCode}). A cell
 * whose key is new is built again, but its expensive steps come from the action cache unless
 * their commands or inputs changed. Thread-safe.
 */
final class CacheKeys {

    /** Bump when the layout of cache entries or the way keys are made changes. */
    private static final String CACHE_FORMAT = "wasrisc-build-v2";

    private final Platform platform;
    private final Toolchain toolchain;
    private volatile String platformHash;

    CacheKeys(Platform platform, Toolchain toolchain) {
        this.platform = platform;
        this.toolchain = toolchain;
    }

    /** The key of a guest's build through a cell, as {@code GUEST-CELL-HASH}. */
    String build(Guest guest, Pipeline pipeline, List<Tool> tools) throws IOException {
        Backend backend = Pipelines.backend(pipeline.name());
        List<Path> platformInputs = new ArrayList<>(backend.platformInputs(platform));
        if (pipeline.has(CellOption.ZISK)) {
            platformInputs.add(platform.forZisk().rv64im());
        }
        if (pipeline.has(CellOption.ZKVM)) {
            platformInputs.add(platform.forStandardTarget().rv64im());
        }
        if (guest.settings().accelerators()) {
            platformInputs.add(platform.zkvm());
        }
        return guest.name().replace('/', '-') + "-" + pipeline.id() + "-" + hash(guest, pipeline.id(),
                platformInputs, tools);
    }

    /** The key of a guest's WebAssembly module alone. */
    String wasmModule(Guest guest, List<Tool> tools) throws IOException {
        return guest.name().replace('/', '-') + "-wasm-" + hash(guest, "wasm", List.of(), tools);
    }

    /** The key of the reactor module of a guest's import implementations, exporting {@code symbols}. */
    String importsReactor(Guest guest, List<String> symbols, List<Tool> tools) throws IOException {
        return guest.name().replace('/', '-') + "-imports-" + hash(guest, "imports " + String.join(",", symbols),
                List.of(), tools);
    }

    private String hash(Guest guest, String cell, List<Path> platformInputs, List<Tool> tools) throws IOException {
        Hashing hash = new Hashing().add(CACHE_FORMAT)
                .add(guest.language().name())
                .add(cell)
                .add(platformHash());
        addPlatformFolders(hash, platformInputs);
        // All the code, not a list of the classes that make commands: a list is kept by hand and goes stale.
        hash.add(RecipeCode.of(CacheKeys.class));
        for (Tool tool : tools) {
            ResolvedTool resolved = toolchain.require(tool);
            hash.add(tool.name()).add(resolved.path().toString()).add(resolved.version());
        }
        // Inputs and the default-input setting reach runs only: one build serves every input.
        hash.add(guest.settings().buildRelevant());
        for (Path dir : guest.sourceDirs()) {
            // By path relative to the guest, so where the checkout is does not reach the key.
            hash.add(guest.dir().relativize(dir).toString()).addTree(dir, Guest::isBuildSource);
        }
        return hash.hex().substring(0, 24);
    }

    /** By path relative to the platform, so where the platform lives does not reach the key. */
    private Hashing addPlatformFolders(Hashing hash, List<Path> dirs) throws IOException {
        for (Path dir : dirs) {
            hash.add(platform.dir().relativize(dir).toString()).addTree(dir);
        }
        return hash;
    }

    private String platformHash() throws IOException {
        if (platformHash == null) {
            platformHash = addPlatformFolders(new Hashing(), platform.buildInputs()).hex();
        }
        return platformHash;
    }
}
