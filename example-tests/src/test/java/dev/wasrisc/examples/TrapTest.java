package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** A guest that traps is a failed run with the reason on stderr, and still has a count. */
@WasriscTest
class TrapTest {

    @ParameterizedTest
    @PipelineSource(pipelines = "wasm2c", optLevels = {0, 2})
    void webAssemblyTrapIsReported(Pipeline pipeline, @Guest("c/trap") GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.stdout()).isEqualTo("about to trap\n");
        assertThat(run.exitCode()).isEqualTo(134);
        assertThat(run.stderr()).isEqualTo("wasm trap: Unreachable instruction executed\n");
        assertThat(run.instructions()).isPositive();
    }

    @ParameterizedTest
    @PipelineSource(pipelines = "direct", optLevels = {0, 2})
    void machineTrapIsReported(Pipeline pipeline, @Guest("c/trap") GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.stdout()).isEqualTo("about to trap\n");
        assertThat(run.exitCode()).isEqualTo(128 + 5); // SIGTRAP: gcc's __builtin_trap is ebreak
        assertThat(run.stderr()).isEqualTo("trap: breakpoint or trap instruction (SIGTRAP)\n");
        assertThat(run.instructions()).isPositive();
    }
}
