package dev.wasrisc.guest;

import dev.wasrisc.cell.Target;
import dev.wasrisc.tool.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A guest language's front end: how its sources become a WebAssembly module (for the WASM
 * pipelines) and a native RISC-V program (for {@code direct}). Adding a language is adding one
 * implementation and listing it in {@link Languages}.
 */
public interface Language {

    /** The folder name under {@code guests/}, such as {@code c}. */
    String name();

    /** Whether a guest folder holds a program in this language. */
    boolean recognizes(Path guestDir);

    /** Tools needed to build a {@code wasm32-wasip1} command module. */
    List<Tool> wasmTools();

    /** Builds {@code module.wasm} (debug info stripped) into the context's work folder. */
    Path buildWasm(BuildContext context) throws IOException;

    /**
     * Folders outside the guest's folder whose sources its build reads, such as the local
     * {@code replace} targets of a Go module: they key its builds as its own files do.
     */
    default List<Path> localDependencies(Path guestDir) throws IOException {
        return List.of();
    }

    /** Why {@code direct} cannot build guests of this language (a prebuilt module has no sources); empty when it can. */
    default Optional<String> whyNotDirect() {
        return Optional.empty();
    }

    /** What {@code direct} builds for this language. */
    Target directTarget();

    /** Tools needed by {@link #buildDirect}. */
    List<Tool> directTools();

    /** Builds the native program at {@link BuildContext#output()}. */
    void buildDirect(BuildContext context) throws IOException;
}
