package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning removes the least recently used entries first, and a use makes an entry recent again. */
class CacheInventoryTest {

    @TempDir
    Path root;

    private final Instant now = Instant.parse("2026-12-05T12:00:00Z");

    private void entry(BuildCache cache, String key, int kilobytes, Duration age) throws Exception {
        BuildCache.Entry entry = cache.getOrBuild(key, dir -> {
            Files.write(dir.resolve("guest.elf"), new byte[kilobytes * 1024]);
            Files.writeString(dir.resolve(BuildCache.COMPLETE_MARKER), "{}");
        });
        Files.setLastModifiedTime(entry.dir(), FileTime.from(now.minus(age)));
    }

    @Test
    void pruneBySizeRemovesTheLeastRecentlyUsedUntilTheRestFits() throws Exception {
        BuildCache cache = new BuildCache(root);
        entry(cache, "old", 100, Duration.ofDays(40));
        entry(cache, "middle", 100, Duration.ofDays(10));
        entry(cache, "new", 100, Duration.ofHours(1));

        var removed = new CacheInventory(root).prune(null, 250 * 1024, now);

        assertThat(removed).extracting(CacheInventory.Item::key).containsExactly("old");
        assertThat(new CacheInventory(root).entries()).extracting(CacheInventory.Item::key).containsExactly("middle", "new");
    }

    @Test
    void pruneByAgeKeepsWhatWasUsedSince() throws Exception {
        BuildCache cache = new BuildCache(root);
        entry(cache, "old", 10, Duration.ofDays(40));
        entry(cache, "used-again", 10, Duration.ofDays(50));
        entry(cache, "new", 10, Duration.ofHours(1));
        cache.getOrBuild("used-again", dir -> {
            throw new AssertionError("a hit builds nothing");
        });

        var removed = new CacheInventory(root).prune(Duration.ofDays(30), -1, Instant.now());

        assertThat(removed).extracting(CacheInventory.Item::key).containsExactly("old");
        assertThat(new CacheInventory(root).entries()).extracting(CacheInventory.Item::key)
                .containsExactlyInAnyOrder("used-again", "new");
        try (var tmp = Files.list(root.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }
}
