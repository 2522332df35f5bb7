package dev.wasrisc.pipeline;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pipeline matrix, in one place: every pipeline WASRISC knows, in the order reports show them,
 * and the cells that {@code bench} and a bare {@code @PipelineSource} use.
 */
public final class Pipelines {

    private static final List<Backend> BACKENDS = List.of(
            new DirectBackend(),
            new Wasm2cBackend(),
            new WasmtimeBackend(),
            new WasmerBackend(),
            new WasmerLlvmBackend(),
            new W2c2Backend(),
            new WamrBackend(),
            WamrBackend.executeInPlace(),
            new ZiskWasmBackend());

    /** The default matrix: the baseline, and each WASM pipeline unoptimised and optimised. */
    private static final List<String> DEFAULT_CELLS = List.of(
            "direct-O2",
            "wasm2c-O0",
            "wasm2c-O2");

    /**
     * What {@code bench} shows by default: the default matrix and each further pipeline's usual
     * cell. Kept apart from the default matrix because tests without attributes should not grow a
     * column whenever a pipeline is added.
     */
    private static final List<String> BENCH_EXTRA_CELLS = List.of("wasmtime-O2", "wasmer-O2", "wasmer_llvm-O2",
            "w2c2-O2", "wamr-O3");

    /**
     * The pipelines whose bare-metal binaries also build for ZisK's emulator ({@code -zisk}): those
     * that link with the platform's start-up (direct only for C, whose direct build is bare-metal).
     * WAMR only with --xip (code run in place from ROM): plain wamrc code is copied into RAM and
     * relocated there, and its R_RISCV_HI20 relocations cannot reach ZisK's RAM, all above 2 GiB
     * (WAMR: "relocation truncated to fit R_RISCV_HI20").
     */
    static final List<String> ZISK_TARGETS = List.of("direct", "wasm2c", "w2c2", "wamr_xip");

    private static final String WAMR_ON_ZISK = "its loader copies the code into RAM and relocates it there, and "
            + "the R_RISCV_HI20 relocations cannot reach ZisK's RAM, all above 2 GiB (use wamr_xip, run in place)";

    private Pipelines() {}

    public static List<Backend> all() {
        return BACKENDS;
    }

    public static Backend backend(String name) {
        return BACKENDS.stream()
                .filter(backend -> backend.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pipeline '" + name + "'; known: "
                        + BACKENDS.stream().map(Backend::name).collect(Collectors.joining(", "))));
    }

    /**
     * The backend that builds the cell, checking that the cell's options mean something for it.
     *
     * @throws IllegalArgumentException for an unknown pipeline (listing the known ones) or a
     *     compiler choice for a pipeline that compiles no transpiled C, or an option the pipeline
     *     does not have
     */
    public static Backend backend(Pipeline cell) {
        Backend backend = backend(cell.name());
        if (cell.compiler().equals(Pipeline.CLANG) && !backend.compilesTranspiledC()) {
            throw new IllegalArgumentException("pipeline " + cell.name() + " compiles no transpiled C, so it has no "
                    + "compiler choice; clang is for " + BACKENDS.stream().filter(Backend::compilesTranspiledC)
                            .map(Backend::name).toList());
        }
        for (CellOption option : cell.options()) {
            if (option == CellOption.ZISK && !ZISK_TARGETS.contains(backend.name())) {
                throw new IllegalArgumentException("pipeline " + cell.name() + " does not build for ZisK's emulator "
                        + "(option 'zisk')" + (backend.name().equals("wamr") ? ": " + WAMR_ON_ZISK : "")
                        + "; the pipelines that do: " + ZISK_TARGETS);
            }
            // Whether a pipeline builds for the zkVM standard target is CellResolver's to say, with the reason.
            if (option != CellOption.ZISK && option != CellOption.ZKVM && !backend.options().contains(option)) {
                throw new IllegalArgumentException("pipeline " + cell.name() + " has no option '" + option + "'"
                        + (backend.options().isEmpty() ? "" : "; its options: " + backend.options().stream()
                                .sorted().map(CellOption::word).collect(Collectors.joining(", "))));
            }
        }
        return backend;
    }

    /** The cell parsed from its text (see {@link Pipeline#parse}) and checked against the matrix. */
    public static Pipeline parse(String text) {
        Pipeline cell = Pipeline.parse(text);
        backend(cell);
        return cell;
    }

    public static List<Pipeline> defaultCells() {
        return DEFAULT_CELLS.stream().map(Pipeline::parse).toList();
    }

    public static List<Pipeline> benchCells() {
        return java.util.stream.Stream.concat(DEFAULT_CELLS.stream(), BENCH_EXTRA_CELLS.stream()).map(Pipeline::parse)
                .toList();
    }
}
