package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote cache against a real nginx with WebDAV PUT, and against servers that misbehave. */
class RemoteCacheTest {

    @TempDir
    Path dir;

    private NginxServer server;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final AtomicInteger builds = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        assumeTrue(NginxServer.installed(), "nginx is not installed (platform/install-toolchain.sh installs it)");
        server = NginxServer.start(dir.resolve("server"));
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private BuildCache cache(String name, boolean push) {
        return cache(name, new RemoteCache(server.url(), push, Optional.empty(), Duration.ofSeconds(2), reports::add));
    }

    private BuildCache cache(String name, RemoteCache remote) {
        return new BuildCache(dir.resolve(name), remote);
    }

    /** An entry like a cell's: a record and an executable. */
    private BuildCache.Builder entry(String content) {
        return out -> {
            builds.incrementAndGet();
            Path elf = out.resolve("guest.elf");
            Files.writeString(elf, content);
            elf.toFile().setExecutable(true);
            Files.createDirectories(out.resolve("obj"));
            Files.write(out.resolve("obj/blob"), new byte[300_000]);
            Files.writeString(out.resolve(BuildCache.COMPLETE_MARKER), "{\"buildMillis\": 5000}");
        };
    }

    private long storedEntries() throws IOException {
        if (!Files.isDirectory(server.store())) {
            return 0;
        }
        try (var files = Files.list(server.store())) {
            return files.count();
        }
    }

    @Test
    void aBuildIsStoredAndAnEmptyLocalCacheFetchesItInsteadOfBuilding() throws Exception {
        BuildCache first = cache("first", true);
        first.getOrBuild("c-hello-wasm2c-O2-0123", entry("elf one"));
        assertThat(first.remote().orElseThrow().stats().misses()).isEqualTo(1);
        assertThat(first.remote().orElseThrow().stats().uploads()).isEqualTo(1);
        assertThat(storedEntries()).isEqualTo(1);

        BuildCache second = cache("second", true);
        BuildCache.Entry fetched = second.getOrBuild("c-hello-wasm2c-O2-0123", entry("never built"));

        assertThat(builds).hasValue(1);
        assertThat(fetched.built()).isFalse();
        assertThat(Files.readString(fetched.dir().resolve("guest.elf"))).isEqualTo("elf one");
        assertThat(Files.isExecutable(fetched.dir().resolve("guest.elf"))).isTrue();
        assertThat(Files.size(fetched.dir().resolve("obj/blob"))).isEqualTo(300_000);
        RemoteCache.Stats stats = second.remote().orElseThrow().stats();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.bytesDown()).isPositive();
        assertThat(stats.secondsSaved()).isGreaterThan(4.0);
        assertThat(reports).isEmpty();
    }

    @Test
    void aGuestBuiltOnOneMachineRunsOnAnotherWithoutBuilding() throws Exception {
        dev.wasrisc.settings.Settings remote = dev.wasrisc.settings.Settings.of(java.util.Map.of(
                "wasrisc.cache.remote", server.url().toString())).orElse(dev.wasrisc.settings.Settings.systemProperties());
        dev.wasrisc.WasriscConfig config = dev.wasrisc.WasriscConfig.fromSystemProperties();
        dev.wasrisc.cell.Pipeline cell = dev.wasrisc.cell.Pipeline.of("wasm2c", 0);
        dev.wasrisc.Wasrisc first = new dev.wasrisc.Wasrisc(config.withCacheDir(dir.resolve("laptop")),
                new dev.wasrisc.exec.LocalExecutor(), BuildProgress.silent(), remote);
        dev.wasrisc.GuestRun built = first.guest("c/hello_world").build(cell).run();

        dev.wasrisc.Wasrisc second = new dev.wasrisc.Wasrisc(config.withCacheDir(dir.resolve("ci")),
                new dev.wasrisc.exec.LocalExecutor(), BuildProgress.silent(), remote);
        dev.wasrisc.GuestBinary fetched = second.guest("c/hello_world").build(cell);

        assertThat(fetched.builtNow()).isFalse();
        assertThat(fetched.run().instructions()).isEqualTo(built.instructions());
        // Every entry is stored once: the module, the cell and each of their build steps (actions).
        // The other machine needs the module and the cell alone: with the cell, no step runs.
        try (var entries = java.nio.file.Files.list(dir.resolve("laptop/builds"))) {
            assertThat(first.remoteCache().orElseThrow().stats().uploads()).isEqualTo(entries.count()).isGreaterThan(2);
        }
        assertThat(second.remoteCache().orElseThrow().stats().hits()).isEqualTo(2);
        assertThat(second.remoteCache().orElseThrow().stats().misses()).isZero();
    }

    @Test
    void aReadOnlyClientFetchesButNeverStores() throws Exception {
        BuildCache readOnly = cache("ro", false);
        readOnly.getOrBuild("k-1", entry("local"));

        assertThat(storedEntries()).isZero();
        cache("writer", true).getOrBuild("k-2", entry("shared"));
        assertThat(cache("ro2", false).getOrBuild("k-2", entry("x")).built()).isFalse();
        assertThat(builds).hasValue(2);
    }

    @Test
    void aCorruptStoredEntryIsReportedBuiltLocallyAndReplaced() throws Exception {
        cache("first", true).getOrBuild("k", entry("good"));
        Path stored;
        try (var files = Files.list(server.store())) {
            stored = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(stored, bytes);

        BuildCache second = cache("second", true);
        BuildCache.Entry entry = second.getOrBuild("k", entry("good"));

        assertThat(entry.built()).isTrue();
        assertThat(reports).singleElement().asString().contains("corrupt").contains("checksum");
        assertThat(second.remote().orElseThrow().stats().corrupt()).isEqualTo(1);
        assertThat(cache("third", true).getOrBuild("k", entry("never")).built()).isFalse();
        assertThat(builds).hasValue(2);
    }

    @Test
    void aTruncatedOrForeignBodyNeverReachesTheLocalCache() throws Exception {
        BuildCache first = cache("first", true);
        first.getOrBuild("t", entry("good"));
        Path stored;
        try (var files = Files.list(server.store())) {
            stored = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        Files.write(stored, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BuildCache second = cache("second", false);
        assertThat(second.getOrBuild("t", entry("good")).built()).isTrue();

        Files.writeString(stored, "<html>a proxy's error page</html>");
        BuildCache third = cache("third", false);
        assertThat(third.getOrBuild("t", entry("good")).built()).isTrue();

        assertThat(reports).hasSize(2).allMatch(report -> report.contains("corrupt"));
        try (var leftovers = Files.list(dir.resolve("third").resolve("tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void aServerStoppedMidRunIsReportedOnceAndEveryBuildStillHappens() throws Exception {
        BuildCache cache = cache("local", true);
        cache.getOrBuild("a", entry("a"));
        server.stop();

        for (String key : List.of("b", "c", "d")) {
            assertThat(cache.getOrBuild(key, entry(key)).built()).isTrue();
        }

        assertThat(builds).hasValue(4);
        assertThat(reports).singleElement().asString().contains("not usable").contains("building locally");
        assertThat(cache.remote().orElseThrow().stats().errors()).isEqualTo(1);
    }

    @Test
    void aServerThatNeverAnswersCostsOneTimeoutNotOnePerBuild() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.start();
            RemoteCache remote = new RemoteCache(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), true,
                    Optional.empty(), Duration.ofSeconds(1), reports::add);
            BuildCache cache = cache("local", remote);
            long start = System.nanoTime();

            for (String key : List.of("a", "b", "c")) {
                assertThat(cache.getOrBuild(key, entry(key)).built()).isTrue();
            }

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(reports).singleElement().asString().contains("not usable");
        }
    }

    @Test
    void twoJvmsRacingOnOneKeyBothSucceedAndLeaveOneGoodEntry() throws Exception {
        Process one = jvm("one");
        Process two = jvm("two");

        assertThat(one.waitFor()).as(output(one)).isZero();
        assertThat(two.waitFor()).as(output(two)).isZero();

        assertThat(storedEntries()).isEqualTo(1);
        BuildCache.Entry fetched = cache("third", true).getOrBuild("race", entry("never"));
        assertThat(fetched.built()).isFalse();
        assertThat(Files.readString(fetched.dir().resolve("guest.elf"))).isEqualTo("raced");
    }

    private Process jvm(String name) throws IOException {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), RemoteCacheRaceMain.class.getName(),
                dir.resolve(name).toString(), server.url().toString(), "race")
                .redirectErrorStream(true).start();
    }

    private static String output(Process process) throws IOException {
        try (InputStream in = process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
