package dev.wasrisc.examples;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every guest through wasmtime and wasmer (its Cranelift and its LLVM compiler) behaves as it does
 * natively and in the reference interpreter. Skipped, naming the installer step, until
 * {@code platform/install-runners.sh} has run.
 */
@WasriscTest
class RuntimePipelinesTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"wasmtime", "wasmer", "wasmer_llvm"}, optLevels = 2,
            guests = PipelineSource.ALL_GUESTS)
    void sameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    /** LLVM's other levels (the runner maps 0..3 to LLVM's own), on guests that compile quickly. */
    @ParameterizedTest
    @PipelineSource(pipelines = "wasmer_llvm", optLevels = {0, 3}, guests = {"c/trap", "rust/sha256", "go/fibonacci"})
    void llvmLevelsAgree(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }
}
