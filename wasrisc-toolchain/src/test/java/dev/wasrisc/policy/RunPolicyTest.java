package dev.wasrisc.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.report.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts on made-up runs: no toolchain, no qemu. */
class RunPolicyTest {

    private static final Pipeline DIRECT = Pipeline.of("direct", 2);
    private static final Pipeline WASM2C = Pipeline.of("wasm2c", 2);
    private static final RunPolicy.Comparisons NO_COMPARISONS = (like, cell) -> {
        throw new AssertionError("no ratio budget applies, yet " + cell.id() + " was asked for");
    };

    @TempDir
    Path dir;

    @Test
    void aRunOverItsBudgetIsAViolationGivingCountBudgetAndExcess() {
        RunPolicy policy = new RunPolicy("T#m", List.of(new RunPolicy.Budget(1_000)), List.of(), BaselineCheck.off());

        Verdicts verdicts = policy.verdicts(run(DIRECT, 1_250), NO_COMPARISONS);

        assertThat(verdicts.held()).isFalse();
        assertThat(verdicts.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Violation.Kind.BUDGET);
            assertThat(violation.message()).isEqualTo(String.format(
                    "c/fibonacci via direct -O2 (rv64im) used %,d instructions, over its budget of %,d by %,d (+25.00%%)",
                    1_250, 1_000, 250));
            assertThat(violation.comparison()).isNull();
        });
        assertThat(policy.verdicts(run(DIRECT, 1_000), NO_COMPARISONS)).isEqualTo(Verdicts.NONE);
    }

    @Test
    void aBudgetHoldsOnlyTheRunsItIsNarrowedTo() {
        RunPolicy policy = new RunPolicy("T#m", List.of(new RunPolicy.Budget(10, "wasm2c", -1, ""),
                new RunPolicy.Budget(10, "", 0, ""), new RunPolicy.Budget(10, "", -1, "c/other")), List.of(),
                BaselineCheck.off());

        assertThat(policy.verdicts(run(DIRECT, 1_000), NO_COMPARISONS).held()).isTrue();
        assertThat(policy.verdicts(run(WASM2C, 1_000), NO_COMPARISONS).violations()).hasSize(1);
    }

    @Test
    void aRunWithoutACountBreaksAnyBudgetThatHoldsIt() {
        assertThat(RunPolicy.overBudget(run(DIRECT, -1), 1_000)).get().extracting(Violation::message)
                .isEqualTo("c/fibonacci via direct -O2 (rv64im) has no instruction count (timed out or killed)");
    }

    @Test
    void aRatioBudgetComparesWithTheOtherCellsRunAndNotThatCellWithItself() {
        GuestRun direct = run(DIRECT, 500);
        List<Pipeline> asked = new ArrayList<>();
        RunPolicy policy = new RunPolicy("T#m", List.of(),
                List.of(new RunPolicy.RatioBudget(2, DIRECT, "", -1, "")), BaselineCheck.off());
        RunPolicy.Comparisons comparisons = (like, cell) -> {
            asked.add(cell);
            return direct;
        };

        Verdicts over = policy.verdicts(run(WASM2C, 7_500), comparisons);
        Verdicts within = policy.verdicts(run(WASM2C, 1_000), comparisons);
        Verdicts itself = policy.verdicts(direct, comparisons);

        assertThat(over.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Violation.Kind.RATIO_BUDGET);
            assertThat(violation.message()).isEqualTo(String.format("c/fibonacci via wasm2c -O2 (rv64im) used %,d "
                    + "instructions, %.2f× the %,d of c/fibonacci via direct -O2 (rv64im); its budget is %.2f×",
                    7_500, 15.0, 500, 2.0));
            assertThat(violation.comparison()).isSameAs(direct);
        });
        assertThat(within.held()).isTrue();
        assertThat(itself.held()).isTrue();
        assertThat(asked).containsExactly(DIRECT, DIRECT);
    }

    @Test
    void everyBrokenBudgetIsAViolationInOrder() {
        RunPolicy policy = new RunPolicy("T#m", List.of(new RunPolicy.Budget(100), new RunPolicy.Budget(50)),
                List.of(new RunPolicy.RatioBudget(2, DIRECT, "", -1, "")), BaselineCheck.off());

        Verdicts verdicts = policy.verdicts(run(WASM2C, 1_000), (like, cell) -> run(DIRECT, 100));

        assertThat(verdicts.violations()).extracting(Violation::kind)
                .containsExactly(Violation.Kind.BUDGET, Violation.Kind.BUDGET, Violation.Kind.RATIO_BUDGET);
        assertThat(verdicts.violations().get(1).message()).contains("over its budget of 50");
    }

    @Test
    void driftBeyondTheBaselinesToleranceIsARegressionAndWithinItNothing() throws Exception {
        GuestRun committed = run(DIRECT, 10_000);
        RunPolicy policy = new RunPolicy("T#m", List.of(), List.of(), check(committed, false));

        Verdicts beyond = policy.verdicts(run(DIRECT, 10_100), NO_COMPARISONS);
        Verdicts within = policy.verdicts(run(DIRECT, 10_040), NO_COMPARISONS);

        assertThat(beyond.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Violation.Kind.BASELINE_REGRESSION);
            assertThat(violation.message()).isEqualTo(String.format("instruction count regression: c/fibonacci via "
                    + "direct -O2 (rv64im): %,d instructions, baseline %,d: %+,d (%+.2f%%), tolerance %.2f%% [%s]",
                    10_100, 10_000, 100, 1.0, 0.5, dir.resolve("baseline.json")));
        });
        assertThat(within).isEqualTo(Verdicts.NONE);
    }

    @Test
    void anImprovementIsANoteUnlessImprovementsFail() throws Exception {
        GuestRun committed = run(DIRECT, 10_000);

        Verdicts noted = new RunPolicy("T#m", List.of(), List.of(), check(committed, false))
                .verdicts(run(DIRECT, 9_000), NO_COMPARISONS);
        Verdicts failed = new RunPolicy("T#m", List.of(), List.of(), check(committed, true))
                .verdicts(run(DIRECT, 9_000), NO_COMPARISONS);

        assertThat(noted.held()).isTrue();
        assertThat(noted.notes()).singleElement().asString().startsWith("instruction count improvement beyond tolerance");
        assertThat(failed.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.BASELINE_IMPROVEMENT);
    }

    @Test
    void aRunWithoutABaselineEntryIsANote() throws Exception {
        Verdicts verdicts = new RunPolicy("Other#m", List.of(), List.of(), check(run(DIRECT, 10_000), false))
                .verdicts(run(DIRECT, 10_000), NO_COMPARISONS);

        assertThat(verdicts.held()).isTrue();
        assertThat(verdicts.notes()).containsExactly("no baseline for Other#m | c/fibonacci | direct -O2 | rv64im | "
                + "args=30 (record it with -Dwasrisc.baseline=update)");
    }

    @Test
    void aRunOverItsBudgetIsNeitherComparedWithTheBaselineNorRecordedInIt() throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineCheck update = BaselineCheck.from(dev.wasrisc.settings.Settings.of(Map.of(
                "wasrisc.baseline", "update", "wasrisc.baseline.file", file.toString())));
        RunPolicy policy = new RunPolicy("T#m", List.of(new RunPolicy.Budget(100)), List.of(), update);

        assertThat(policy.verdicts(run(DIRECT, 1_000), NO_COMPARISONS).violations()).hasSize(1);
        assertThat(policy.verdicts(run(WASM2C, 50), NO_COMPARISONS).held()).isTrue();
        update.save();

        assertThat(Files.readString(file)).contains("wasm2c -O2").doesNotContain("direct -O2");
    }

    /** A baseline file holding {@code committed}'s count under test {@code T#m}, checked at the default tolerances. */
    private BaselineCheck check(GuestRun committed, boolean failOnImprovement) throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\n  \"" + Baseline.key("T#m", committed) + "\" : " + committed.instructions() + "\n}\n");
        return new BaselineCheck(BaselineCheck.Mode.CHECK, Baseline.load(file, 0.5, 25), failOnImprovement);
    }

    private static GuestRun run(Pipeline pipeline, long instructions) {
        return new GuestRun("c/fibonacci", "c", pipeline, Target.RV64IM, List.of("30"), GuestInput.none(), 0,
                "832040\n", "", instructions, 1, Duration.ofMillis(5), false, 1_000, Duration.ZERO, List.of(), null,
                null, null, OutputSizes.whole("832040\n", ""));
    }
}
