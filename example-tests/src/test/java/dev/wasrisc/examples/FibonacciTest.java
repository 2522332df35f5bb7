package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

@WasriscTest
class FibonacciTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2})
    void fib30(Pipeline pipeline, @Guest("c/fibonacci") GuestProgram fib) {
        GuestRun run = fib.build(pipeline).run("30");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("832040\n");
        assertThat(run.instructions()).isPositive().isLessThan(1_000_000);
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2})
    void largestThatFitsInSixtyFourBits(Pipeline pipeline, @Guest("c/fibonacci") GuestProgram fib) {
        GuestRun run = fib.build(pipeline).run("93");

        assertThat(run.stdout()).isEqualTo("12200160415121876738\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2})
    void moreWorkCostsMoreInstructions(Pipeline pipeline, @Guest("c/fibonacci") GuestProgram fib) {
        var binary = fib.build(pipeline);

        long ten = binary.run("10").instructions();
        long ninety = binary.run("90").instructions();

        assertThat(ninety).isGreaterThan(ten);
    }
}
