package dev.wasrisc.build;

import dev.wasrisc.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A build cache shared over HTTP: {@code GET} and {@code PUT} of {@code URL/NAME}, where NAME is
 * the SHA-256 (hex) of the entry's key, as bazel-remote, a Gradle build-cache node, nginx's WebDAV
 * or an S3-style store take them. Entries travel as {@link EntryArchive}s, checked before they are
 * published into the local cache.
 *
 * <p>It never fails a build: a remote that is down, slow or answers with an error is reported once
 * (to {@code report}) and left alone for the rest of the session; a corrupt entry is reported and
 * built locally, and the good build then replaces it (unless read-only).
 */
public final class RemoteCache {

    /** Bump when {@link EntryArchive}'s format changes, so old and new clients do not meet. */
    private static final String NAMESPACE = "wasrisc-remote-v1/";

    private final URI base;
    private final boolean push;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final Consumer<String> report;
    private final HttpClient http;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Stats stats = new Stats();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wasrisc-remote-cache-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param push false for a read-only client (pull requests)
     * @param timeout how long the remote may take to answer, and to send the next bytes of a body
     * @param report where the one-line reports of trouble go (stderr)
     */
    public RemoteCache(URI base, boolean push, Optional<String> authorization, Duration timeout, Consumer<String> report) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.push = push;
        this.authorization = authorization;
        this.timeout = timeout;
        this.report = report;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The Authorization header from the environment: {@code WASRISC_CACHE_TOKEN} (bearer) or
     * {@code WASRISC_CACHE_USER} and {@code WASRISC_CACHE_PASSWORD} (basic).
     */
    public static Optional<String> authorizationFrom(Map<String, String> environment) {
        String token = environment.get("WASRISC_CACHE_TOKEN");
        if (token != null && !token.isBlank()) {
            return Optional.of("Bearer " + token.strip());
        }
        String user = environment.get("WASRISC_CACHE_USER");
        if (user != null && !user.isBlank()) {
            String pair = user + ":" + environment.getOrDefault("WASRISC_CACHE_PASSWORD", "");
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /**
     * The remote cache the settings name, if any: {@code wasrisc.cache.remote} (URL), {@code
     * wasrisc.cache.remote.push} (default true), {@code wasrisc.cache.remote.timeout} (seconds,
     * default 10), credentials from the environment ({@link #authorizationFrom}).
     */
    public static Optional<RemoteCache> from(Settings settings, Consumer<String> report) {
        return settings.get("wasrisc.cache.remote").map(String::strip).filter(url -> !url.isEmpty()).map(url -> {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?")) {
                throw new IllegalArgumentException("wasrisc.cache.remote must be an http:// or https:// URL, was '" + url + "'");
            }
            return new RemoteCache(uri, !settings.get("wasrisc.cache.remote.push", "true").strip().equals("false"),
                    authorizationFrom(System.getenv()), Duration.ofSeconds(settings.number("wasrisc.cache.remote.timeout", 10)),
                    report);
        });
    }

    public URI base() {
        return base;
    }

    public boolean pushes() {
        return push;
    }

    public Stats stats() {
        return stats;
    }

    /** Where an entry lives on the remote. */
    URI location(String key) {
        return base.resolve(Hashing.sha256((NAMESPACE + key).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Fetches the entry into the empty folder {@code dir}. False on a miss, a corrupt entry or a
     * remote in trouble; {@code dir} may then hold a partial unpack, which the caller discards with
     * {@code scratch}, where the archive is downloaded.
     */
    boolean fetch(String key, Path dir, Path scratch) {
        if (down.get()) {
            return false;
        }
        long start = System.nanoTime();
        Path archive = scratch.resolve("remote.entry");
        try {
            HttpResponse<InputStream> response = http.send(request(key).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    stats.misses.incrementAndGet();
                    return false;
                }
                if (response.statusCode() != 200) {
                    fail("GET " + location(key) + " answered " + response.statusCode());
                    return false;
                }
                long bytes = copyWatched(body, archive, "GET " + location(key));
                EntryArchive.unpack(archive, dir);
                stats.hits.incrementAndGet();
                stats.bytesDown.addAndGet(bytes);
                stats.millisSaved.addAndGet(Math.max(0, buildMillis(dir) - (System.nanoTime() - start) / 1_000_000));
                return true;
            }
        } catch (EntryArchive.CorruptArchiveException e) {
            stats.corrupt.incrementAndGet();
            report.accept("remote cache: the entry of " + key + " at " + location(key) + " is corrupt (" + e.getMessage()
                    + "); building it here" + (push ? " and replacing it" : ""));
            return false;
        } catch (IOException e) {
            fail("GET " + location(key) + " failed: " + describe(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Uploads a published entry, packed in {@code scratch} (the caller's to delete); trouble is reported, never thrown. */
    void store(String key, Path entry, Path scratch) {
        if (!push || down.get()) {
            return;
        }
        Path archive = scratch.resolve("remote.entry");
        try {
            long bytes = EntryArchive.pack(entry, archive);
            HttpResponse<Void> response = http.send(request(key).PUT(HttpRequest.BodyPublishers.ofFile(archive)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                fail("PUT " + location(key) + " answered " + response.statusCode());
                return;
            }
            stats.uploads.incrementAndGet();
            stats.bytesUp.addAndGet(bytes);
        } catch (IOException e) {
            fail("PUT " + location(key) + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder request(String key) {
        // The timeout covers the wait for the answer's head; copyWatched covers the body.
        HttpRequest.Builder request = HttpRequest.newBuilder(location(key)).timeout(timeout)
                .header("User-Agent", "wasrisc-remote-cache");
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    /** Copies a body, giving up when no byte comes for {@link #timeout} (a remote that stalls). */
    private long copyWatched(InputStream body, Path file, String what) throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastProgress.get() > timeout.toNanos()) {
                stalled.set(true);
                try {
                    body.close();
                } catch (IOException e) {
                    // The reader sees the closed stream.
                }
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
                lastProgress.set(System.nanoTime());
            }
        } catch (IOException e) {
            if (stalled.get()) {
                throw new IOException(what + " sent nothing for " + timeout.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            check.cancel(false);
        }
        return total;
    }

    /** The recorded build time of an entry: what fetching it instead of building it saved. */
    private static long buildMillis(Path entry) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(entry.resolve(BuildCache.COMPLETE_MARKER).toFile()).path("buildMillis").asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private void fail(String what) {
        stats.errors.incrementAndGet();
        if (down.compareAndSet(false, true)) {
            report.accept("remote cache " + base + " is not usable (" + what + "); building locally for the rest "
                    + "of this run");
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** What the remote did for this session, for reports. */
    public static final class Stats {
        final AtomicLong hits = new AtomicLong();
        final AtomicLong misses = new AtomicLong();
        final AtomicLong corrupt = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong uploads = new AtomicLong();
        final AtomicLong bytesDown = new AtomicLong();
        final AtomicLong bytesUp = new AtomicLong();
        final AtomicLong millisSaved = new AtomicLong();

        public long hits() {
            return hits.get();
        }

        public long misses() {
            return misses.get();
        }

        public long corrupt() {
            return corrupt.get();
        }

        public long errors() {
            return errors.get();
        }

        public long uploads() {
            return uploads.get();
        }

        public long bytesDown() {
            return bytesDown.get();
        }

        public long bytesUp() {
            return bytesUp.get();
        }

        /** Build time of the entries fetched, less the time fetching them took. */
        public double secondsSaved() {
            return millisSaved.get() / 1000.0;
        }

        public Map<String, Object> asMap() {
            return Map.of("hits", hits(), "misses", misses(), "corrupt", corrupt(), "errors", errors(),
                    "uploads", uploads(), "bytesDown", bytesDown(), "bytesUp", bytesUp(), "secondsSaved", secondsSaved());
        }

        @Override
        public String toString() {
            return String.format("remote cache: %d hits, %d misses, %d corrupt, %d errors, %d uploads, %.1f MB down, "
                    + "%.1f MB up, %.0f s of building saved", hits(), misses(), corrupt(), errors(), uploads(),
                    bytesDown() / 1e6, bytesUp() / 1e6, secondsSaved());
        }
    }
}
