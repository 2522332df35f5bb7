package dev.wasrisc.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.exec.CommandResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How ziskemu's output becomes a run: the guest's output, and the step count of its metrics line. */
class ZiskRunnerTest {

    private static CommandResult result(int exit, String stdout, String stderr) {
        return new CommandResult(exit, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8),
                Duration.ofMillis(10), false);
    }

    @Test
    void theMetricsLineGivesTheStepsAndIsNotTheGuestsOutput() {
        QemuRun run = ZiskRunner.read(result(0, "Hello, world!\nprocess_rom() steps=660057 duration=0.0123 "
                + "tp=53.6 Msteps/s freq=3000.0 55.9 clocks/step\n", ""));

        assertThat(run.stdout()).isEqualTo("Hello, world!\n");
        assertThat(run.instructions()).isEqualTo(660_057);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aGuestThatPrintsNoNewlineKeepsItsOutputWhole() {
        QemuRun run = ZiskRunner.read(result(0, "no newline at the endprocess_rom() steps=12 duration=0.1 tp=1 Msteps/s "
                + "freq=1 1 clocks/step\n", ""));

        assertThat(run.stdout()).isEqualTo("no newline at the end");
        assertThat(run.instructions()).isEqualTo(12);
    }

    @Test
    void runningOutOfStepsReadsAsATimeout() {
        QemuRun run = ZiskRunner.read(result(1, "partial output\n", "Error during emulation: EmulationNoCompleted\n"));

        assertThat(run.timedOut()).isTrue();
        assertThat(run.instructions()).isEqualTo(-1);
        assertThat(run.stderr()).contains("did not end within");
    }
}
