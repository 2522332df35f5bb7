package org.example.zkguests;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

@WasriscTest
class GuestsTest {

    /** c/tripler calls an import of its own, host.triple, implemented in its triple.c. */
    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O0", "wasm2c-O2", "w2c2-O2", "wamr-O3", "wasmtime-O2", "wasmer-O2"},
            guests = "c/tripler")
    void ownImportOnEveryPipeline(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run("14");

        assertThat(run).succeeded().printed("triple(14) = 42\n").usedAtMostInstructions(5_000_000).matchesReference();
    }

    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O0"}, guests = {"go/collatz", "rust/collatz"})
    void collatzStepsOf27(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run("27");

        assertThat(run).succeeded().printed("steps(27) = 111\n");
    }
}
