package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatProgressTest {

    @Test
    void quickStepsAreSilentAndLongOnesReportWhileRunningAndAtTheEnd() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HeartbeatProgress progress = new HeartbeatProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMillis(200));

        try (BuildProgress.Step quick = progress.started("c/hello_world · wasm2c -O2 · transpile")) {
            Thread.sleep(20);
        }
        try (BuildProgress.Step slow = progress.started("go/sha256 · wasm2c -O2 · compile part 1/2")) {
            Thread.sleep(700);
        }

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("c/hello_world");
        assertThat(output.lines().filter(l -> l.startsWith("wasrisc: still building go/sha256 · wasm2c -O2 · compile part 1/2 (")))
                .hasSizeBetween(2, 4);
        assertThat(output).contains("wasrisc: finished go/sha256 · wasm2c -O2 · compile part 1/2 after 0 s");
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertThat(HeartbeatProgress.format(Duration.ofSeconds(42).toNanos())).isEqualTo("42 s");
        assertThat(HeartbeatProgress.format(Duration.ofSeconds(412).toNanos())).isEqualTo("6 min 52 s");
    }
}
