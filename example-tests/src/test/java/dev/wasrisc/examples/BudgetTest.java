package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.InstructionBudget;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Cost ceilings as ordinary assertions. Besides these budgets, every run in example-tests is held
 * to the committed wasrisc-baseline.json (0.5% tolerance); refresh it with
 * {@code ./wasrisc test -pl example-tests -am -Dwasrisc.baseline=update}.
 */
@WasriscTest
class BudgetTest {

    @ParameterizedTest
    @PipelineSource(guests = {"c/fibonacci", "rust/fibonacci"})
    @InstructionBudget(100_000)
    @InstructionBudget(value = 2_000, pipeline = "direct", guest = "c/fibonacci")
    @InstructionBudget(value = 30_000, pipeline = "wasm2c", optLevel = 2)
    void fibonacciStaysWithinBudget(Pipeline pipeline, GuestProgram fib) {
        GuestRun run = fib.build(pipeline).run("30");

        assertThat(run).succeeded().printed("832040\n").usedAtMostInstructions(100_000);
    }

    @ParameterizedTest
    @PipelineSource(pipelines = "wasm2c", optLevels = {0, 2}, guests = "go/hello_world")
    @InstructionBudget(value = 20_000_000, optLevel = 0)
    @InstructionBudget(value = 8_000_000, optLevel = 2)
    void goHelloWorldThroughWasm(Pipeline pipeline, GuestProgram hello) {
        assertThat(hello.build(pipeline).run()).succeeded().printed("Hello, world!\n");
    }
}
