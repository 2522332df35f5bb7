package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** Instruction counts are only worth a budget if they repeat to the instruction. */
@WasriscTest
class RepeatableCountsTest {

    @ParameterizedTest
    @PipelineSource(optLevels = {0, 2}, guests = {"c/hello_world", "c/fibonacci", "c/with_import", "c/trap"})
    void twoRunsCountTheSame(Pipeline pipeline, GuestProgram guest) {
        GuestBinary binary = guest.build(pipeline);

        GuestRun first = binary.run();
        GuestRun second = binary.run();

        assertThat(first.instructions()).isPositive().isEqualTo(second.instructions());
        assertThat(first.stdout()).isEqualTo(second.stdout());
    }

    @ParameterizedTest
    @PipelineSource(optLevels = {0, 2}, guests = {"c/hello_world", "c/fibonacci", "c/with_import"})
    void everyPipelinePrintsWhatDirectPrints(Pipeline pipeline, GuestProgram guest) {
        GuestRun direct = guest.build(Pipeline.of("direct", 2)).run();
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.stdout()).isEqualTo(direct.stdout());
        assertThat(run.exitCode()).isEqualTo(direct.exitCode());
    }
}
