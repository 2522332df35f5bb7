package dev.wasrisc.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the local build cache holds, and pruning it: entries least recently used first (an entry's
 * folder time is set on each use, see {@link BuildCache}). An entry is removed under the same lock
 * its builders take, by renaming it out of {@code builds/} first, so no session sees half of one.
 */
public final class CacheInventory {

    /** One cache entry: its key, size and last use. */
    public record Item(String key, long bytes, Instant lastUsed) {
        /** Whether the entry is one build step's ({@link ActionCache}), not a cell's. */
        public boolean isAction() {
            return key.startsWith(ActionCache.ENTRY_PREFIX);
        }
    }

    private final Path root;

    public CacheInventory(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    /** Every complete entry, least recently used first. */
    public List<Item> entries() throws IOException {
        Path builds = root.resolve("builds");
        List<Item> items = new ArrayList<>();
        if (Files.isDirectory(builds)) {
            try (Stream<Path> dirs = Files.list(builds)) {
                for (Path dir : dirs.toList()) {
                    if (Files.isRegularFile(dir.resolve(BuildCache.COMPLETE_MARKER))) {
                        items.add(new Item(dir.getFileName().toString(), size(dir),
                                Files.getLastModifiedTime(dir).toInstant()));
                    }
                }
            }
        }
        items.sort(Comparator.comparing(Item::lastUsed));
        return items;
    }

    /** An entry that does not match its manifest, or has none; {@code problem} names the file. */
    public record Finding(String key, String problem, boolean damaged) {}

    /**
     * Checks every entry against its manifest, in full. An entry without a manifest (written
     * before manifests) is listed but not damaged: its first use adopts it.
     */
    public List<Finding> verify() throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (Item item : entries()) {
            Path entry = root.resolve("builds").resolve(item.key());
            if (!EntryManifest.exists(entry)) {
                findings.add(new Finding(item.key(), "no manifest (written before manifests; its next use adopts it)",
                        false));
                continue;
            }
            EntryManifest.problem(entry).ifPresent(problem -> findings.add(new Finding(item.key(), problem, true)));
        }
        return findings;
    }

    /** Bytes under {@code name} (tmp, shared, platform), 0 when absent. */
    public long size(String name) throws IOException {
        return size(root.resolve(name));
    }

    /** Temporary folders (with or without a live owner). */
    public long temporaryFolders() throws IOException {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(Files::isDirectory).count();
        }
    }

    /**
     * Removes entries last used before {@code now - olderThan} (null: no age limit), then more,
     * least recently used first, until the entries fit in {@code maxBytes} (negative: no limit).
     * Also removes abandoned temporary folders. Returns what it removed.
     */
    public List<Item> prune(Duration olderThan, long maxBytes, Instant now) throws IOException {
        TempFolders.removeAbandoned(root.resolve("tmp"));
        List<Item> items = entries();
        long total = items.stream().mapToLong(Item::bytes).sum();
        List<Item> removed = new ArrayList<>();
        for (Item item : items) {
            boolean old = olderThan != null && item.lastUsed().isBefore(now.minus(olderThan));
            boolean over = maxBytes >= 0 && total > maxBytes;
            if (!old && !over) {
                break;
            }
            if (remove(item.key())) {
                removed.add(item);
                total -= item.bytes();
            }
        }
        return removed;
    }

    private boolean remove(String key) throws IOException {
        Files.createDirectories(root.resolve("locks"));
        try (FileChannel channel = FileChannel.open(root.resolve("locks").resolve(key + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Path entry = root.resolve("builds").resolve(key);
            if (!Files.exists(entry)) {
                return false;
            }
            // Out of builds/ first, owned like a build's folder: a prune killed midway leaves no half
            // entry, and the next session removes the rest.
            Path doomed = TempFolders.claim(root.resolve("tmp"), key + "-pruned");
            Files.move(entry, doomed);
            TempFolders.delete(doomed);
            Files.deleteIfExists(root.resolve("locks").resolve(key + ".lock"));
            return true;
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed while counting
                }
            }).sum();
        }
    }
}
