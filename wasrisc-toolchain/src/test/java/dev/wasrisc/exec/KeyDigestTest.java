package dev.wasrisc.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.build.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool's digest is read in pieces (a Docker executor's cat kept at most wasrisc.output.maxBytes
 * of a 26 MB cargo), and equals what cache keys held before, so no key moved.
 */
class KeyDigestTest {

    @Test
    void aFileLargerThanTheKeptOutputIsDigestedAsKeysHashAPart(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[(int) (Command.DEFAULT_MAX_OUTPUT_BYTES + 12_345)];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("tool"), bytes);

        assertThat(new LocalExecutor().keyDigest(file)).isEqualTo(Hashing.sha256(bytes));
    }
}
