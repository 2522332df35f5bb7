package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build killed with SIGKILL leaves its temporary folder; the next session removes it, and only it. */
class TempFoldersTest {

    @TempDir
    Path cache;

    @Test
    void theFolderOfAKilledBuildIsRemovedByTheNextSessionWhileLiveOnesStay() throws Exception {
        Process killed = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), TempFolderHolderMain.class.getName(), cache.resolve("tmp").toString())
                .redirectErrorStream(true).start();
        Path abandoned;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            abandoned = Path.of(out.readLine());
        }
        assertThat(abandoned).isDirectory();
        killed.destroyForcibly().waitFor();
        Path live = TempFolders.create(cache.resolve("tmp"), "c-hello_world-wasm2c-O2-live");
        Files.writeString(live.resolve("guest.c"), "being written");

        new BuildCache(cache).getOrBuild("k", dir -> Files.writeString(dir.resolve(BuildCache.COMPLETE_MARKER), "{}"));

        assertThat(abandoned).doesNotExist();
        assertThat(abandoned.resolveSibling(abandoned.getFileName() + ".owner")).doesNotExist();
        assertThat(live.resolve("guest.c")).exists();
        TempFolders.delete(live);
        try (var left = Files.list(cache.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
