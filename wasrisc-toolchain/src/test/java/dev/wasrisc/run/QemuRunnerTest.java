package dev.wasrisc.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.LocalExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QemuRunnerTest {

    /**
     * The executable's path reached the guest (qemu copies it onto the stack; a static glibc reads
     * /proc/self/exe), so with the build cache in folders whose names differ in length
     * c/read_input direct -O2 (1,000 bytes, "count") counted 857 instructions or, for one length in
     * eight, 867, and rust/hello_world direct -O2 26,801 or 27,048. The binary is built once and
     * its cache entry copied into eight caches whose paths cover every length mod 8.
     */
    @ParameterizedTest
    @CsvSource({"c/read_input, count", "rust/hello_world, ''"})
    void theCountDoesNotDependOnWhereTheBuildCacheIs(String guest, String arg, @TempDir Path dir) throws Exception {
        WasriscConfig config = WasriscConfig.fromSystemProperties();
        GuestBinary built = session(config).guest(guest).build(Pipeline.parse("direct-O2"));
        Path entry = built.elf().getParent();

        Set<Long> counts = new TreeSet<>();
        for (int length = 1; length <= 8; length++) {
            Path cache = Files.createDirectories(dir.resolve("c".repeat(length)));
            copyTree(entry, cache.resolve("builds").resolve(entry.getFileName()));
            GuestBinary copy = session(config.withCacheDir(cache)).guest(guest).build(Pipeline.parse("direct-O2"));
            GuestRun run = (guest.startsWith("c/") ? copy.withInput(new byte[1000]) : copy)
                    .run(arg.isEmpty() ? new String[0] : new String[] {arg});
            assertThat(copy.elf()).startsWith(cache);
            counts.add(run.instructions());
        }

        assertThat(counts).hasSize(1);
    }

    private static Wasrisc session(WasriscConfig config) {
        return new Wasrisc(config, new LocalExecutor(), BuildProgress.silent());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
