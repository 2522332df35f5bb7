package dev.wasrisc.build;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The build cache's temporary folders, each with an owner file beside it ({@code NAME.owner}:
 * host, process id and the process's start time). A build killed with SIGKILL cannot delete its
 * folder; the next session removes folders whose owner process on this host is gone, so a killed
 * go-ethereum build's 180 MB do not stay for good. The owner file sits beside the folder, not in
 * it, because the folder becomes the cache entry as it is.
 */
public final class TempFolders {

    private static final String OWNER = ".owner";

    /** Folders without an owner file (made before owners were recorded) are left this long. */
    private static final Duration UNOWNED_GRACE = Duration.ofHours(6);

    private TempFolders() {}

    public static Path create(Path tmpRoot, String name) throws IOException {
        return Files.createDirectory(claim(tmpRoot, name));
    }

    /**
     * A fresh path in {@code tmpRoot} with this process's owner file beside it, for a folder moved
     * there (an entry being pruned) rather than made; {@link #delete} removes both.
     */
    public static Path claim(Path tmpRoot, String name) throws IOException {
        Files.createDirectories(tmpRoot);
        Path dir = tmpRoot.resolve(name + "-" + UUID.randomUUID());
        Files.writeString(ownerFile(dir), me());
        return dir;
    }

    public static void delete(Path dir) {
        BuildCache.deleteTree(dir);
        try {
            Files.deleteIfExists(ownerFile(dir));
        } catch (IOException e) {
            // An owner file without its folder is removed by the next sweep.
        }
    }

    /** Removes the folders (and owner files) of processes that no longer run; returns how many. */
    public static int removeAbandoned(Path tmpRoot) {
        if (!Files.isDirectory(tmpRoot)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmpRoot)) {
            for (Path entry : entries) {
                boolean ownerFile = entry.getFileName().toString().endsWith(OWNER);
                Path dir = ownerFile ? entry.resolveSibling(entry.getFileName().toString()
                        .substring(0, entry.getFileName().toString().length() - OWNER.length())) : entry;
                if (ownerFile && Files.exists(dir)) {
                    continue; // judged with its folder
                }
                if (abandoned(dir)) {
                    delete(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            // Hygiene must never fail a build: the next session tries again.
        }
        return removed;
    }

    static boolean abandoned(Path dir) throws IOException {
        Path owner = ownerFile(dir);
        if (!Files.exists(owner)) {
            return !Files.exists(dir)
                    || Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(UNOWNED_GRACE));
        }
        String[] fields = Files.readString(owner).strip().split(" ");
        if (fields.length != 3 || !fields[0].equals(host())) {
            // Another machine's build (a cache on a shared disk): only that machine can tell.
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[1]));
        return process.isEmpty() || !process.get().info().startInstant().map(Instant::toString).orElse("?").equals(fields[2]);
    }

    private static Path ownerFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + OWNER);
    }

    private static String me() {
        ProcessHandle self = ProcessHandle.current();
        return host() + " " + self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("?") + "\n";
    }

    private static volatile String host;

    private static String host() {
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName().replace(' ', '_');
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return host;
    }
}
