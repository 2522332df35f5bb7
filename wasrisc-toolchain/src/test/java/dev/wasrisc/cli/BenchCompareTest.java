package dev.wasrisc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.TestGuests;
import dev.wasrisc.Wasrisc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --compare CELL}: the same counts again, each cell's ratio to CELL, with real builds and runs. */
class BenchCompareTest {

    @TempDir
    static Path cache;

    private static Wasrisc wasrisc() {
        return TestGuests.wasrisc(cache);
    }

    @Test
    void aSecondTableGivesEveryCellsRatioToTheNamedCell(@TempDir Path reports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new BenchCommand(wasrisc(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                new BenchConsole(System.err, false, false))
                .run(List.of("c/hot_function", "--pipelines", "direct-O2,wasm2c-O0", "--compare", "wasm2c-O0",
                        "--out", reports.toString()));
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(text).isZero();
        String compared = text.substring(text.indexOf("The same counts with ratios to wasm2c -O0"));
        // In the first table direct is the base; in the second, direct's ratio to wasm2c -O0 is below 1.
        List<Long> counts = counts(firstRow(text));
        long direct = counts.get(0);
        long wasm2c = counts.get(1);
        assertThat(direct).isLessThan(wasm2c);
        assertThat(firstRow(compared)).contains(String.format("%,d (%.2f×)", direct, (double) direct / wasm2c))
                .contains(String.format("%,d", wasm2c)).doesNotContain("(1.00×)");
    }

    @Test
    void aCellThatIsNotBenchedIsAUsageError() {
        assertThatThrownBy(() -> new BenchCommand(wasrisc(), System.out, System.err, new BenchConsole(System.err, false, false))
                .run(List.of("c/hot_function", "--pipelines", "direct-O2,wasm2c-O0", "--compare", "wasm2c-O2")))
                .isInstanceOf(Args.UsageException.class)
                .hasMessageContaining("one of the cells benched (direct-O2, wasm2c-O0)")
                .hasMessageContaining("was 'wasm2c-O2'");
    }

    /** The counts of a table row, column by column (ratios and tags left out). */
    private static List<Long> counts(String row) {
        Matcher numbers = Pattern.compile("(\\d[\\d,]*)(?: \\(|\\s|$)").matcher(row.substring("c/hot_function".length()));
        return numbers.results().map(m -> Long.parseLong(m.group(1).replace(",", ""))).toList();
    }

    private static String firstRow(String table) {
        return table.lines().filter(line -> line.startsWith("c/hot_function")).findFirst().orElseThrow();
    }
}
