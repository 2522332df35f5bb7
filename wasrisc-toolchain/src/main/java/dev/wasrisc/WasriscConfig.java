package dev.wasrisc;

import dev.wasrisc.platform.BundledPlatform;
import dev.wasrisc.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where things are and how long things may take, read from {@link Settings}: system properties for
 * the command line, JUnit configuration parameters for tests.
 *
 * <ul>
 *   <li>{@code wasrisc.guests}: the guests folder; by default {@code src/test/guests}, else
 *       {@code guests}, in the working directory (the module under test, for Surefire)
 *   <li>{@code wasrisc.platform}: a platform folder (a checkout's {@code platform/}); by default the
 *       one inside the toolchain jar, extracted into the build cache ({@link BundledPlatform})
 *   <li>{@code wasrisc.root}: a WASRISC checkout, meaning its {@code guests/} and {@code platform/}
 *       (the {@code ./wasrisc} launcher sets it)
 *   <li>{@code wasrisc.cache}: the build cache (default {@code $XDG_CACHE_HOME/wasrisc} or
 *       {@code ~/.cache/wasrisc})
 *   <li>{@code wasrisc.cache.actions}: where the build steps' tier of the cache lives (default: the
 *       build cache): a session with a cache of its own can still share compiles with others
 *   <li>{@code wasrisc.strict}: {@code true} turns missing tools into failures instead of skips
 *   <li>{@code wasrisc.timeout}: seconds a guest may run (default 600)
 *   <li>{@code wasrisc.profile}: {@code true} profiles every run (see {@link GuestBinary#profile}),
 *       so the reports show where each cell's instructions go
 * </ul>
 */
public record WasriscConfig(
        Path guestsDir, Path platformDir, Path cacheDir, boolean strict, Duration runTimeout, Duration buildTimeout,
        boolean profileAll, Path actionCacheDir) {

    /** Where a guests folder is looked for, in order, when none is configured. */
    public static final List<String> DEFAULT_GUEST_FOLDERS = List.of("src/test/guests", "guests");

    public static WasriscConfig fromSystemProperties() {
        return from(Settings.systemProperties());
    }

    public static WasriscConfig from(Settings settings) {
        Path workingDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Optional<Path> root = settings.get("wasrisc.root").map(workingDir::resolve);
        Path cache = workingDir.resolve(settings.get("wasrisc.cache").orElseGet(() -> defaultCacheDir().toString()));
        Path guests = settings.get("wasrisc.guests").map(workingDir::resolve)
                .or(() -> root.map(r -> r.resolve("guests")))
                .orElseGet(() -> defaultGuestsDir(workingDir));
        Path platform = settings.get("wasrisc.platform").map(workingDir::resolve)
                .or(() -> root.map(r -> r.resolve("platform")))
                .orElseGet(() -> BundledPlatform.extract(cache));
        Path actions = settings.get("wasrisc.cache.actions").map(workingDir::resolve).orElse(cache);
        return new WasriscConfig(guests.normalize(), platform.normalize(), cache.normalize(),
                settings.flag("wasrisc.strict"), Duration.ofSeconds(settings.number("wasrisc.timeout", 600)),
                Duration.ofMinutes(60), settings.flag("wasrisc.profile"), actions.normalize());
    }

    /** The folders builds and runs read and write: guests, platform, build cache, temporary folder. */
    public List<Path> folders() {
        return List.of(guestsDir, platformDir, cacheDir, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A cache of its own, both tiers. */
    public WasriscConfig withCacheDir(Path dir) {
        return new WasriscConfig(guestsDir, platformDir, dir, strict, runTimeout, buildTimeout, profileAll, dir);
    }

    /** The build steps' tier elsewhere than the cells' (see {@code wasrisc.cache.actions}). */
    public WasriscConfig withActionCacheDir(Path dir) {
        return new WasriscConfig(guestsDir, platformDir, cacheDir, strict, runTimeout, buildTimeout, profileAll, dir);
    }

    /** Where the build cache is when no setting names one. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("wasrisc");
    }

    public WasriscConfig withGuestsDir(Path dir) {
        return new WasriscConfig(dir, platformDir, cacheDir, strict, runTimeout, buildTimeout, profileAll,
                actionCacheDir);
    }

    public WasriscConfig withProfileAll(boolean profile) {
        return new WasriscConfig(guestsDir, platformDir, cacheDir, strict, runTimeout, buildTimeout, profile,
                actionCacheDir);
    }

    private static Path defaultGuestsDir(Path workingDir) {
        return DEFAULT_GUEST_FOLDERS.stream().map(workingDir::resolve).filter(Files::isDirectory).findFirst()
                .orElse(workingDir.resolve(DEFAULT_GUEST_FOLDERS.get(0)));
    }
}
