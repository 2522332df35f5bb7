package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.cell.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bare-metal C's stdin (picolibc over the platform's block reads, with its own fread) behaves as
 * wasi-libc's does inside the WebAssembly cells: the same bytes, in order, through getchar,
 * ungetc and freads smaller and larger than a block, and the same end-of-file and error flags.
 */
class StdinTest {

    @TempDir
    static Path cache;

    @Test
    void everyStdioPathSeesTheSameInputAsWasiLibc() {
        byte[] input = new byte[200_000];
        new java.util.Random(5).nextBytes(input);
        long sum = 0;
        for (int i = 11; i < input.length; i++) {
            sum = sum * 31 + (input[i] & 0xff);
        }
        String expected = String.format("first=%d second=%d small=10:%d,%d big=100000 rest=%d sum=%s eof=1 error=0%n",
                input[0] & 0xff, input[1] & 0xff, input[1] & 0xff, input[10] & 0xff, input.length - 100_011,
                Long.toUnsignedString(sum));
        GuestProgram guest = TestGuests.wasrisc(cache).guest("c/stdin_stdio");

        for (String cell : new String[] {"direct-O2", "wasm2c-O2"}) {
            GuestRun run = guest.build(Pipeline.parse(cell)).withInput("random", input).run();

            assertThat(run.exitCode()).as(cell + ": " + run.stderr()).isZero();
            assertThat(run.stdout()).as(cell).isEqualTo(expected);
        }
    }
}
