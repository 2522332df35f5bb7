package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** testmodule.testfunc is a WebAssembly import in the wasm pipelines and a linked C function in direct. */
@WasriscTest
class CustomImportTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2})
    void hostFunctionAddsItsArguments(Pipeline pipeline, @Guest("c/with_import") GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("testfunc called with 1, 2\ntestfunc(1, 2) = 3\n");
    }
}
