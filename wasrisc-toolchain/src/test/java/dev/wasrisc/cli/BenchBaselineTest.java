package dev.wasrisc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.TestGuests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dwasrisc.baseline=update|check} holds bench's runs to a baseline through the tests' RunPolicy. */
class BenchBaselineTest {

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        System.clearProperty("wasrisc.baseline");
        System.clearProperty("wasrisc.baseline.file");
    }

    @Test
    void updateRecordsTheCountsAndCheckFailsOnARegression() throws Exception {
        Path file = dir.resolve("bench-baseline.json");
        System.setProperty("wasrisc.baseline.file", file.toString());
        System.setProperty("wasrisc.baseline", "update");

        Bench updated = bench();

        assertThat(updated.exit()).as(updated.text()).isZero();
        assertThat(updated.text()).contains("Baseline written to " + file.toAbsolutePath());
        String recorded = Files.readString(file);
        assertThat(recorded).contains("\"bench | c/hot_function | direct -O2 | rv64im | args=");

        // As if the committed count were 10% lower: this run is now a regression.
        Matcher count = Pattern.compile(": (\\d+)").matcher(recorded);
        assertThat(count.find()).isTrue();
        long lowered = Long.parseLong(count.group(1)) * 9 / 10;
        Files.writeString(file, recorded.replace(": " + count.group(1), ": " + lowered));
        System.setProperty("wasrisc.baseline", "check");

        Bench checked = bench();

        assertThat(checked.exit()).as(checked.text()).isEqualTo(1);
        assertThat(checked.text()).contains("Baseline " + file.toAbsolutePath() + ":")
                .containsPattern("  instruction count regression: c/hot_function via direct -O2 \\(rv64im\\): [\\d,]+ "
                        + "instructions, baseline [\\d,]+: \\+[\\d,]+ \\(\\+\\d+\\.\\d\\d%\\), tolerance 0\\.50%");
    }

    @Test
    void withoutTheSettingBenchSaysNothingOfABaseline() {
        Bench bench = bench();

        assertThat(bench.exit()).as(bench.text()).isZero();
        assertThat(bench.text()).doesNotContain("Baseline").doesNotContain("baseline");
    }

    private record Bench(int exit, String text) {}

    private Bench bench() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new BenchCommand(TestGuests.wasrisc(cache), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, new BenchConsole(System.err, false, false))
                .run(List.of("c/hot_function", "--pipelines", "direct-O2", "--out", dir.resolve("report").toString()));
        return new Bench(exit, out.toString(StandardCharsets.UTF_8));
    }
}
