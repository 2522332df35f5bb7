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

    private static EmulatorRun read(CommandResult result) {
        return ZiskRunner.read(result, 1_000, dev.wasrisc.exec.Command.DEFAULT_MAX_OUTPUT_BYTES);
    }

    @Test
    void theMetricsLineGivesTheStepsAndIsNotTheGuestsOutput() {
        EmulatorRun run = read(result(0, "Hello, world!\nprocess_rom() steps=660057 duration=0.0123 "
                + "tp=53.6 Msteps/s freq=3000.0 55.9 clocks/step\n", ""));

        assertThat(run.stdout()).isEqualTo("Hello, world!\n");
        assertThat(run.instructions()).isEqualTo(660_057);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void theEmulatorsSegmentWarningGoesToStderr() {
        String box = """

                ############################################################################
                #                              WARNING !!!                                 #
                #   ELF PT_LOAD segment at 0x90000000 is PF_X | PF_R (execute-and-read)    #
                ############################################################################

                """;
        EmulatorRun run = read(result(0, box + "Hello, world!\n#### not the emulator's\nprocess_rom() steps=7 duration=0.1 "
                + "tp=1 Msteps/s freq=2 MHz clocks=3 clocks/step\n", ""));

        assertThat(run.stdout()).isEqualTo("Hello, world!\n#### not the emulator's\n");
        assertThat(run.stderr()).contains("PF_X | PF_R");
        assertThat(run.instructions()).isEqualTo(7);
    }

    @Test
    void anUntranslatableWordIsExplained() {
        EmulatorRun run = read(result(101, "", "thread 'main' panicked at src/riscv2zisk_context.rs:760:17:\n"
                + "Riscv2ZiskContext::convert() found invalid riscv_instruction.inst_name=clmulh\n"));

        assertThat(run.instructions()).isEqualTo(-1);
        assertThat(run.stderr()).contains("inst_name=clmulh", "translates every word of the ELF's executable segments");
    }

    @Test
    void aGuestThatPrintsNoNewlineKeepsItsOutputWhole() {
        EmulatorRun run = read(result(0, "no newline at the endprocess_rom() steps=12 duration=0.1 tp=1 Msteps/s "
                + "freq=1 1 clocks/step\n", ""));

        assertThat(run.stdout()).isEqualTo("no newline at the end");
        assertThat(run.instructions()).isEqualTo(12);
    }

    @Test
    void theCostReportIsReadAndIsNotTheGuestsOutput() {
        EmulatorRun run = read(result(0, """
                Hello, world!

                REPORT (cost version 1)
                ----------------------------------------
                STEPS                        157,817,492

                COST DISTRIBUTION                   COST       %
                ------------------------------------------------
                MAIN                       9,784,684,504  50.41%
                OPCODES                    7,598,203,936  39.15%
                PRECOMPILES                            0   0.00%
                MEMORY                     1,740,245,070   8.97%
                                        ------------------------
                VARIABLE                  19,123,133,510  98.53%
                BASE                         285,212,672   1.47%
                                        ------------------------
                TOTAL                     19,408,346,182 100.00%
                process_rom() steps=157817492 duration=3.1634 tp=49.8884 Msteps/s freq=2299.0000 46.0829 clocks/step
                """, ""));

        assertThat(run.stdout()).isEqualTo("Hello, world!\n");
        assertThat(run.instructions()).isEqualTo(157_817_492);
        assertThat(run.cost()).isEqualTo(new ZiskCost(19_408_346_182L, 19_123_133_510L, 9_784_684_504L,
                7_598_203_936L, 0, 1_740_245_070L));
    }

    @Test
    void runningOutOfStepsReadsAsATimeout() {
        EmulatorRun run = read(result(1, "partial output\n", "Error during emulation: EmulationNoCompleted\n"));

        assertThat(run.timedOut()).isTrue();
        assertThat(run.instructions()).isEqualTo(-1);
        assertThat(run.stderr()).contains("did not end within 1,000 steps (wasrisc.zisk.maxSteps)");
    }
}
