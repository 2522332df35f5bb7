package dev.wasrisc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where things are and how long things may take. {@link #fromSystemProperties()} reads the
 * {@code wasrisc.*} system properties (Maven passes {@code -D} options through to tests):
 *
 * <ul>
 *   <li>{@code wasrisc.root}: the project folder holding {@code platform/} and {@code guests/};
 *       by default the nearest such folder above the working directory
 *   <li>{@code wasrisc.guests}, {@code wasrisc.platform}: the two folders, when elsewhere
 *   <li>{@code wasrisc.cache}: the build cache (default {@code $XDG_CACHE_HOME/wasrisc} or
 *       {@code ~/.cache/wasrisc})
 *   <li>{@code wasrisc.strict}: {@code true} turns missing tools into failures instead of skips
 *   <li>{@code wasrisc.timeout}: seconds a guest may run (default 600)
 *   <li>{@code wasrisc.profile}: {@code true} profiles every run (see {@link GuestBinary#profile}),
 *       so the reports show where each cell's instructions go
 * </ul>
 */
public record WasriscConfig(
        Path guestsDir, Path platformDir, Path cacheDir, boolean strict, Duration runTimeout, Duration buildTimeout,
        boolean profileAll) {

    public static WasriscConfig fromSystemProperties() {
        Path root = Optional.ofNullable(System.getProperty("wasrisc.root"))
                .map(Path::of)
                .orElseGet(WasriscConfig::findProjectRoot);
        Path guests = Path.of(System.getProperty("wasrisc.guests", root.resolve("guests").toString()));
        Path platform = Path.of(System.getProperty("wasrisc.platform", root.resolve("platform").toString()));
        Path cache = Path.of(System.getProperty("wasrisc.cache", defaultCacheDir().toString()));
        boolean strict = Boolean.parseBoolean(System.getProperty("wasrisc.strict", "false"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(System.getProperty("wasrisc.timeout", "600")));
        boolean profile = Boolean.parseBoolean(System.getProperty("wasrisc.profile", "false"));
        return new WasriscConfig(guests.toAbsolutePath(), platform.toAbsolutePath(), cache.toAbsolutePath(), strict,
                timeout, Duration.ofMinutes(60), profile);
    }

    public WasriscConfig withCacheDir(Path dir) {
        return new WasriscConfig(guestsDir, platformDir, dir, strict, runTimeout, buildTimeout, profileAll);
    }

    public WasriscConfig withGuestsDir(Path dir) {
        return new WasriscConfig(dir, platformDir, cacheDir, strict, runTimeout, buildTimeout, profileAll);
    }

    public WasriscConfig withProfileAll(boolean profile) {
        return new WasriscConfig(guestsDir, platformDir, cacheDir, strict, runTimeout, buildTimeout, profile);
    }

    private static Path findProjectRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("platform/include/wasrisc.h")) && Files.isDirectory(dir.resolve("guests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no WASRISC project (a folder with platform/include/wasrisc.h and guests/) "
                + "at or above " + start + "; set -Dwasrisc.root=DIR");
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("wasrisc");
    }
}
