package dev.wasrisc.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Content-addressed store of build outputs. An entry is a directory {@code builds/KEY} that
 * appears whole or not at all: it is built in a private temporary directory and renamed into place,
 * so a killed build leaves no half entry. A lock per key (a file lock shared by every JVM, plus an
 * in-JVM lock because file locks are per process) makes concurrent builders of the same key wait
 * for one another instead of duplicating the work.
 */
public final class BuildCache {

    /** Marks a complete entry; written last, inside the temporary directory. */
    public static final String COMPLETE_MARKER = "build.json";

    private final Path root;
    private final ConcurrentHashMap<String, ReentrantLock> jvmLocks = new ConcurrentHashMap<>();

    public BuildCache(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    /** Builds what an entry holds into the given (empty) directory; must write {@link #COMPLETE_MARKER}. */
    @FunctionalInterface
    public interface Builder {
        void build(Path dir) throws IOException;
    }

    /** The result of a lookup: where the entry is and whether this call built it. */
    public record Entry(Path dir, boolean built) {}

    public Entry getOrBuild(String key, Builder builder) throws IOException {
        Path entry = root.resolve("builds").resolve(key);
        if (isComplete(entry)) {
            return new Entry(entry, false);
        }
        ReentrantLock jvmLock = jvmLocks.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(root.resolve("locks"));
            try (FileChannel channel = FileChannel.open(root.resolve("locks").resolve(key + ".lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (isComplete(entry)) {
                    return new Entry(entry, false);
                }
                Path tmp = root.resolve("tmp").resolve(key + "-" + UUID.randomUUID());
                Files.createDirectories(tmp);
                try {
                    builder.build(tmp);
                    if (!isComplete(tmp)) {
                        throw new IllegalStateException("cache builder for " + key + " wrote no " + COMPLETE_MARKER);
                    }
                    Files.createDirectories(entry.getParent());
                    publish(tmp, entry);
                } finally {
                    deleteTree(tmp);
                }
                return new Entry(entry, true);
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private static boolean isComplete(Path entry) {
        return Files.isRegularFile(entry.resolve(COMPLETE_MARKER));
    }

    private static void publish(Path tmp, Path entry) throws IOException {
        try {
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // A stale incomplete directory (from a tool that wrote into the cache by hand): replace it.
            if (isComplete(entry)) {
                return;
            }
            deleteTree(entry);
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the build cache at " + entry.getParent()
                    + " must be on one file system (atomic rename failed)", e);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
