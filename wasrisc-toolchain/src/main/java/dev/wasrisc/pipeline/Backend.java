package dev.wasrisc.pipeline;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.tool.Tool;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One pipeline: how a guest becomes a RISC-V binary. Adding a pipeline is adding one implementation
 * and listing it in {@link Pipelines}.
 */
public interface Backend {

    /** The name tests and the command line use, such as {@code wasm2c}. */
    String name();

    /** One line for {@code doctor} and the README. */
    String description();

    /** What the binary is, for guests of the given language. */
    Target target(Language language);

    /** Every tool the build and run need, front end included. */
    List<Tool> tools(Language language);

    /** The tools a cell with options needs: those of {@link #tools(Language)} unless an option adds one. */
    default List<Tool> tools(Language language, Pipeline cell) {
        return tools(language);
    }

    /** The cell options ({@link CellOption}) this pipeline builds; none unless it says so. */
    default Set<CellOption> options() {
        return Set.of();
    }

    /** Whether the pipeline compiles transpiled C, so that gcc or clang can be chosen for it. */
    default boolean compilesTranspiledC() {
        return false;
    }

    /**
     * Whether the pipeline takes modules whose functions return several values. Front ends that
     * emit them by default (Rust since 1.82) build without them for a pipeline that does not.
     */
    default boolean acceptsMultiValue() {
        return true;
    }

    /**
     * Whether its binaries can link the zkVM accelerators ({@code platform/zkvm}) for guests that
     * call them: the pipelines that link the platform's C, on bare metal or (direct) Linux.
     */
    default boolean servesAccelerators() {
        return false;
    }

    /**
     * The platform folders only this pipeline builds from, besides the shared ones of
     * {@link Platform#buildInputs}: their files go into its cache keys alone.
     */
    default List<java.nio.file.Path> platformInputs(Platform platform) {
        return List.of();
    }

    /** Builds the binary at {@link BuildContext#output()}. */
    void build(BuildContext context) throws IOException;
}
