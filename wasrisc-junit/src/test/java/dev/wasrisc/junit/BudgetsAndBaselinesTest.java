package dev.wasrisc.junit;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.cell.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class BudgetsAndBaselinesTest {

    @org.junit.jupiter.api.BeforeAll
    static void isolateFromTheOuterRun() {
        NestedRuns.clearOuterSettings();
    }

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        System.clearProperty("wasrisc.baseline");
        System.clearProperty("wasrisc.baseline.file");
        System.clearProperty("wasrisc.profile.dir");
    }

    @Test
    void budgetFailureSaysWhereTheInstructionsWentAndLeavesAFlameGraph() {
        System.setProperty("wasrisc.profile.dir", dir.toString());

        Events tests = run(TightBudget.class);

        tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.contains("over its budget of 100")
                        && m.matches("(?s).*Where the instructions went \\(profiled again\\):\\s+instructions\\s+share\\s+function.*")
                        && m.contains(dir.resolve("TightBudget_prints-c_hello_world-direct-O2.svg").toString())))));
        assertThat(dir.resolve("TightBudget_prints-c_hello_world-direct-O2.svg")).content().startsWith("<svg").contains("puts");
        assertThat(dir.resolve("TightBudget_prints-c_hello_world-direct-O2.folded")).content().contains("_start;main;puts");
    }

    @Test
    void ratioBudgetFailureSaysWhichFunctionsGrewAgainstTheComparedCell() {
        System.setProperty("wasrisc.profile.dir", dir.toString());

        Events tests = run(TightRatio.class);

        tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.contains("its budget is 2.00×")
                        && m.contains("Where the extra instructions went (profiled again), against direct -O2:")
                        && m.matches("(?s).*\\(all \\d+ functions\\).*")))));
        assertThat(dir.resolve("TightRatio_prints-c_hello_world-wasm2c-O2-vs-direct-O2.diff.svg")).exists();
        assertThat(dir.resolve("TightRatio_prints-c_hello_world-wasm2c-O2-vs-direct-O2.diff.txt")).content()
                .contains("difference");
    }

    @Test
    void budgetFailureNamesGuestPipelineCountBudgetAndExcess() {
        Events tests = run(TightBudget.class);

        tests.assertStatistics(stats -> stats.failed(1).succeeded(1));
        tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.matches("(?s)c/hello_world via direct -O2 \\(rv64im\\) used [\\d,]+ instructions, over its budget "
                        + "of 100 by [\\d,]+ \\(\\+\\d+\\.\\d\\d%\\).*")))));
    }

    @Test
    void ratioBudgetFailureGivesBothCountsAndTheRatio() {
        Events tests = run(TightRatio.class);

        // c/hello_world: wasm2c -O2 runs ~15× direct's instructions (7,765 against 525), over 2× and under 100×.
        tests.assertStatistics(stats -> stats.failed(1).succeeded(2));
        tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m -> m.matches(
                "(?s)c/hello_world via wasm2c -O2 \\(rv64im\\) used [\\d,]+ instructions, \\d+\\.\\d\\d× the [\\d,]+ "
                        + "of c/hello_world via direct -O2 \\(rv64im\\); its budget is 2\\.00×.*")))));
    }

    @Test
    void updateRecordsSortedCountsAndRewritesNothingWhenNothingChanged() throws Exception {
        Path file = dir.resolve("baseline.json");
        System.setProperty("wasrisc.baseline.file", file.toString());
        System.setProperty("wasrisc.baseline", "update");

        run(Hello.class).assertStatistics(stats -> stats.succeeded(2));
        String first = Files.readString(file);
        long written = Files.getLastModifiedTime(file).toMillis();
        Thread.sleep(20);
        run(Hello.class);

        assertThat(first).contains("\"Hello#prints | c/hello_world | direct -O2 | rv64im | args=\" : ",
                "\"Hello#prints | c/hello_world | wasm2c -O2 | rv64im | args=\" : ");
        assertThat(first.indexOf("direct -O2")).isLessThan(first.indexOf("wasm2c -O2"));
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(written);
    }

    @Test
    void countAboveTheBaselineFailsWithOldNewAndDelta() throws Exception {
        Path file = dir.resolve("baseline.json");
        System.setProperty("wasrisc.baseline.file", file.toString());
        System.setProperty("wasrisc.baseline", "update");
        run(Hello.class);
        // Pretend the committed counts were 10% lower: this run is now a regression.
        String lowered = Files.readString(file).lines()
                .map(line -> line.matches(".* : \\d+,?") ? lowerCount(line) : line)
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(file, lowered);
        System.setProperty("wasrisc.baseline", "check");

        Events tests = run(Hello.class);

        tests.assertStatistics(stats -> stats.failed(2));
        tests.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.startsWith("instruction count regression: c/hello_world via direct -O2 (rv64im): ")
                        && m.matches("(?s).*instructions, baseline [\\d,]+: \\+[\\d,]+ \\(\\+\\d+\\.\\d\\d%\\), tolerance 0\\.50%.*")))));
    }

    private static String lowerCount(String line) {
        int colon = line.lastIndexOf(": ");
        boolean comma = line.endsWith(",");
        long count = Long.parseLong(line.substring(colon + 2, line.length() - (comma ? 1 : 0)));
        return line.substring(0, colon + 2) + (count * 9 / 10) + (comma ? "," : "");
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true) // -D properties and junit-platform.properties, as Surefire
                .selectors(selectClass(testClass)).execute().testEvents();
    }

    static class TightBudget {
        @ParameterizedTest
        @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 2)
        @InstructionBudget(value = 100, pipeline = "direct")
        void prints(Pipeline pipeline, @Guest("c/hello_world") GuestProgram hello) {
            assertThat(hello.build(pipeline).run()).succeeded().printed("Hello, world!\n");
        }
    }

    static class TightRatio {
        @ParameterizedTest
        @PipelineSource(cells = {"direct-O2", "wasm2c-O2", "wasm2c-O0"})
        @RatioBudget(value = 2, pipeline = "wasm2c", optLevel = 2)
        @RatioBudget(value = 100, pipeline = "wasm2c", optLevel = 0)
        void prints(Pipeline pipeline, @Guest("c/hello_world") GuestProgram hello) {
            assertThat(hello.build(pipeline).run()).succeeded();
        }
    }

    static class Hello {
        @ParameterizedTest
        @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 2)
        void prints(Pipeline pipeline, @Guest("c/hello_world") GuestProgram hello) {
            assertThat(hello.build(pipeline).run()).succeeded();
        }
    }
}
