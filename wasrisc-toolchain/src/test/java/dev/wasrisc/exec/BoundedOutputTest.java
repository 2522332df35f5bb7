package dev.wasrisc.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output beyond the limit keeps its two ends and says what it dropped, with real processes. */
class BoundedOutputTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheFirstAndLastHalfOfTheLimitWhateverTheWriteSizes() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int limit = 2 + random.nextInt(300);
            byte[] all = new byte[random.nextInt(1000)];
            random.nextBytes(all);
            BoundedOutputStream bounded = new BoundedOutputStream(limit);
            for (int at = 0; at < all.length; ) {
                int n = Math.min(all.length - at, random.nextInt(limit + 40));
                bounded.write(all, at, n);
                at += n;
            }
            CapturedOutput captured = bounded.captured();

            assertThat(captured.written()).isEqualTo(all.length);
            if (all.length <= limit) {
                assertThat(captured.truncated()).isFalse();
                assertThat(captured.head()).isEqualTo(all);
            } else {
                assertThat(captured.truncated()).isTrue();
                assertThat(captured.head()).isEqualTo(Arrays.copyOf(all, limit / 2));
                assertThat(captured.tail()).isEqualTo(Arrays.copyOfRange(all, all.length - (limit - limit / 2), all.length));
                assertThat(captured.dropped()).isEqualTo(all.length - limit);
            }
        }
    }

    @Test
    void aProcessWritingMoreThanTheLimitKeepsBothEndsAndCountsEverything() throws Exception {
        Command command = Command.of("sh", "-c", "echo first; head -c 50000000 /dev/zero | tr '\\0' x; echo; "
                        + "echo last; echo err >&2")
                .in(dir).maxOutputBytes(1 << 20).timeout(Duration.ofMinutes(2)).build();

        CommandResult result = new LocalExecutor().execute(command);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().written()).isEqualTo(6 + 50_000_000 + 1 + 5);
        assertThat(result.stdout().truncated()).isTrue();
        assertThat(result.stdoutText()).startsWith("first\nxxx").endsWith("xxx\nlast\n")
                .contains("[wasrisc: " + String.format("%,d", 50_000_012 - (1 << 20)) + " bytes dropped here]");
        assertThat(result.stdout().note("stdout")).isEqualTo(
                "stdout truncated: 47.7 MiB written, first and last 524,288 bytes kept (wasrisc.output.maxBytes)");
        assertThat(result.stderrText()).isEqualTo("err\n");
        assertThat(result.stderr().truncated()).isFalse();
    }

    @Test
    void outputUnderTheLimitIsKeptWhole() throws Exception {
        CommandResult result = new LocalExecutor().execute(Command.of("sh", "-c", "printf 'a\\nb\\n'; printf c >&2")
                .in(dir).maxOutputBytes(4).build());

        assertThat(result.stdoutText()).isEqualTo("a\nb\n");
        assertThat(result.stdout().truncated()).isFalse();
        assertThat(result.stderrText()).isEqualTo("c");
    }

    @Test
    void aWholeOutputIsRefusedWhenPartOfItWasDropped() {
        CapturedOutput captured = new CapturedOutput(new byte[] {'a'}, new byte[] {'z'}, 10);

        assertThatThrownBy(() -> captured.complete("cat x: stdout"))
                .hasMessageContaining("cat x: stdout truncated: 10 bytes written");
    }

    @Test
    void aTimedOutProcessStillReturnsWhatItWrote() throws Exception {
        CommandResult result = new LocalExecutor().execute(Command.of("sh", "-c", "echo started; exec sleep 60")
                .in(dir).timeout(Duration.ofSeconds(1)).build());

        assertThat(result.timedOut()).isTrue();
        assertThat(result.stdoutText()).isEqualTo("started\n");
        assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(30));
    }
}
