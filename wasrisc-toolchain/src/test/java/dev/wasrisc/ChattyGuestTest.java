package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.LocalExecutor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest that writes 4 GiB to stdout, run by {@code wasrisc run --json} in a JVM of 256 MB heap:
 * the run ends with its count, the ends of its output and what was dropped, instead of the
 * OutOfMemoryError and the stall until the time limit that an unbounded output gave.
 */
class ChattyGuestTest {

    private static final long FOUR_GIB = 4L << 30;

    @TempDir
    static Path cache;

    @Test
    void fourGigabytesOfOutputEndInBoundedTimeAndMemory() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path guests = Path.of("src/test/resources/guests").toAbsolutePath();
        Command child = Command.of(java, "-Xmx256m", "-Dwasrisc.guests=" + guests, "-Dwasrisc.cache=" + cache,
                        "-Dwasrisc.cache.actions=" + WasriscConfig.fromSystemProperties().actionCacheDir(),
                        "-Dwasrisc.root=" + System.getProperty("wasrisc.root"),
                        "-cp", System.getProperty("java.class.path"), "dev.wasrisc.cli.Main",
                        "run", "c/chatty", "--pipeline", "wasm2c-O2", "--json")
                .in(cache).timeout(Duration.ofMinutes(10)).maxOutputBytes(256L << 20).build();

        CommandResult result = new LocalExecutor().execute(child);

        assertThat(result.timedOut()).as("the run ended on its own").isFalse();
        assertThat(result.stderrText()).doesNotContain("OutOfMemoryError");
        JsonNode json = new ObjectMapper().readTree(result.stdoutText());
        Assumptions.assumeFalse(json.path("stage").asText().equals("missing tools"), json.path("reason").asText());
        assertThat(result.exitCode()).as(result.stderrText()).isZero();
        assertThat(json.path("exitCode").asInt()).isZero();
        assertThat(json.path("instructions").asLong()).isPositive();
        assertThat(json.path("stdoutBytes").asLong()).isEqualTo(11 + FOUR_GIB + 10);
        assertThat(json.path("outputTruncated").get(0).asText())
                .isEqualTo("stdout truncated: 4.3 GB written, first and last 8.0 MiB kept (wasrisc.output.maxBytes)");
        String stdout = json.path("stdout").asText();
        assertThat(stdout).startsWith("first line\nxxxx").endsWith("xxx\nlast line\n")
                .contains("bytes dropped here]");
        assertThat(stdout.length()).isLessThan((16 << 20) + 100);
        assertThat(json.path("stderr").asText()).isEqualTo("chatty: done\n");
        System.out.printf("ChattyGuestTest: 4 GiB through wasm2c -O2 in a 256 MB heap: %d ms (run %d ms)%n",
                result.wallTime().toMillis(), json.path("runMillis").asLong());
    }
}
