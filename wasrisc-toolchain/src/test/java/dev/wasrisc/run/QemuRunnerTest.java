package dev.wasrisc.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Pipeline;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.exec.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuRunnerTest {

    /**
     * qemu-user puts the executable's path on the guest's stack: with the build cache in folders
     * whose names differ in length, c/read_input direct -O2 (1,000 bytes, "count") counted 857
     * instructions, or 867 for one length in eight. Eight caches cover every length mod 8.
     */
    @Test
    void theCountDoesNotDependOnWhereTheBuildCacheIs(@TempDir Path dir) throws Exception {
        Set<Long> counts = new TreeSet<>();
        for (int length = 1; length <= 8; length++) {
            Path cache = Files.createDirectories(dir.resolve("c".repeat(length)));
            counts.add(run(cache, "direct-O2").instructions());
        }

        assertThat(counts).hasSize(1);
    }

    private static GuestRun run(Path cache, String cell) {
        Wasrisc wasrisc = new Wasrisc(WasriscConfig.fromSystemProperties().withCacheDir(cache), new LocalExecutor(),
                BuildProgress.silent());
        return wasrisc.guest("c/read_input").build(Pipeline.parse(cell)).withInput(new byte[1000]).run("count");
    }
}
