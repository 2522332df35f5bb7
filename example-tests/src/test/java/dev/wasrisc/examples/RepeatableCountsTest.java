package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** Instruction counts are only worth a budget if they repeat to the instruction. */
@WasriscTest
class RepeatableCountsTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2}, guests = {"c/hello_world", "c/fibonacci", "c/with_import", "c/trap",
            "rust/hello_world", "rust/with_import"})
    void twoRunsCountTheSame(Pipeline pipeline, GuestProgram guest) {
        GuestBinary binary = guest.build(pipeline);

        GuestRun first = binary.run();
        GuestRun second = binary.run();

        assertThat(first.exactCount()).isTrue();
        assertThat(first.instructions()).isPositive().isEqualTo(second.instructions());
        assertThat(first.stdout()).isEqualTo(second.stdout());
    }

    /**
     * Go's runtime runs threads on Linux (sysmon, idle workers) whose work depends on wall-clock
     * timing, so direct Go counts vary a little and say so; through WebAssembly the same program
     * is single-threaded and its count repeats exactly.
     */
    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 0, guests = {"go/hello_world", "go/with_import"})
    void goCountsRepeatExactlyExceptOnLinuxThreads(Pipeline pipeline, GuestProgram guest) {
        GuestBinary binary = guest.build(pipeline);

        GuestRun first = binary.run();
        GuestRun second = binary.run();

        if (binary.target() == Target.RV64IM) {
            assertThat(first.exactCount()).isTrue();
            assertThat(first.instructions()).isEqualTo(second.instructions());
        } else {
            assertThat(first.threads()).isGreaterThan(1);
            assertThat(first.exactCount()).isFalse();
            assertThat(second.instructions()).isCloseTo(first.instructions(), withinPercentage(25));
        }
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2}, guests = {"c/hello_world", "c/fibonacci", "c/with_import",
            "rust/hello_world", "rust/fibonacci", "rust/with_import"})
    void everyPipelinePrintsWhatDirectPrints(Pipeline pipeline, GuestProgram guest) {
        GuestRun direct = guest.build(Pipeline.of("direct", 2)).run();
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.stdout()).isEqualTo(direct.stdout());
        assertThat(run.exitCode()).isEqualTo(direct.exitCode());
    }
}
