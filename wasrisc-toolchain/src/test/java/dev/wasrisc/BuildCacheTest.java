package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.build.BuildCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {

    @TempDir
    Path root;

    @Test
    void buildsOnceThenServesTheEntry() throws IOException {
        BuildCache cache = new BuildCache(root);
        AtomicInteger builds = new AtomicInteger();

        BuildCache.Entry first = cache.getOrBuild("k", dir -> write(dir, builds.incrementAndGet()));
        BuildCache.Entry second = cache.getOrBuild("k", dir -> write(dir, builds.incrementAndGet()));

        assertThat(first.built()).isTrue();
        assertThat(second.built()).isFalse();
        assertThat(second.dir()).isEqualTo(first.dir());
        assertThat(Files.readString(second.dir().resolve("artifact"))).isEqualTo("1");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailingBuildPublishesNothingAndCleansUp() throws IOException {
        BuildCache cache = new BuildCache(root);

        assertThatThrownBy(() -> cache.getOrBuild("k", dir -> {
            Files.writeString(dir.resolve("artifact"), "half");
            throw new IOException("compiler crashed");
        })).hasMessage("compiler crashed");

        assertThat(root.resolve("builds/k")).doesNotExist();
        try (var tmp = Files.list(root.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
        assertThat(cache.getOrBuild("k", dir -> write(dir, 2)).built()).isTrue();
    }

    @Test
    void concurrentBuildersOfOneKeyWaitForEachOther() throws Exception {
        BuildCache cache = new BuildCache(root);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BuildCache.Entry>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.getOrBuild("shared", dir -> {
                        pause();
                        write(dir, builds.incrementAndGet());
                    });
                }));
            }
            start.countDown();
            for (Future<BuildCache.Entry> result : results) {
                assertThat(Files.readString(result.get().dir().resolve("artifact"))).isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    /** Holds the lock long enough for the other builders to queue up behind it. */
    private static void pause() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void write(Path dir, int value) throws IOException {
        Files.writeString(dir.resolve("artifact"), Integer.toString(value));
        Files.writeString(dir.resolve(BuildCache.COMPLETE_MARKER), "{}");
    }
}
