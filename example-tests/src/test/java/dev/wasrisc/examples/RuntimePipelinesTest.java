package dev.wasrisc.examples;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.FullMatrix;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every guest through wasmtime and wasmer (its Cranelift and its LLVM compiler) behaves as it does
 * natively and in the reference interpreter. Skipped, naming the installer step, until
 * {@code platform/install-runners.sh} has run.
 *
 * <p>wasmer's LLVM compiler takes about 40 seconds per Go module, so by default it sees one Go guest
 * (go/with_import); the others are in the full matrix ({@code -Dwasrisc.matrix=full}).
 */
@WasriscTest
class RuntimePipelinesTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"wasmtime", "wasmer"}, optLevels = 2, guests = PipelineSource.ALL_GUESTS)
    void sameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @ParameterizedTest
    @PipelineSource(pipelines = "wasmer_llvm", optLevels = 2, guests = PipelineSource.ALL_GUESTS, languages = {"c", "rust"})
    void llvmSameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @ParameterizedTest
    @PipelineSource(pipelines = "wasmer_llvm", optLevels = 2, guests = "go/with_import")
    void llvmGoSameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @FullMatrix
    @ParameterizedTest
    @PipelineSource(pipelines = "wasmer_llvm", optLevels = 2, guests = PipelineSource.ALL_GUESTS, languages = "go")
    void llvmEveryGoGuestSameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    /** LLVM's other levels (the runner maps 0..3 to LLVM's own), on guests that compile quickly. */
    @ParameterizedTest
    @PipelineSource(pipelines = "wasmer_llvm", optLevels = {0, 3}, guests = {"c/trap", "rust/sha256"})
    void llvmLevelsAgree(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @FullMatrix
    @ParameterizedTest
    @PipelineSource(pipelines = "wasmer_llvm", optLevels = {0, 3}, guests = "go/fibonacci")
    void llvmLevelsAgreeOnGo(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }
}
