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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Content-addressed store of build outputs. An entry is a directory {@code builds/KEY} that
 * appears whole or not at all: it is built in a private temporary directory and renamed into place,
 * so a killed build leaves no half entry. A lock per key (a file lock shared by every JVM, plus an
 * in-JVM lock because file locks are per process) makes concurrent builders of the same key wait
 * for one another instead of duplicating the work.
 *
 * <p>With a {@link RemoteCache}, a local miss asks the remote first and a local build is stored
 * there too. Temporary folders name their owner process, so those of a killed build are removed
 * by a later session ({@link TempFolders}).
 */
public final class BuildCache {

    /** Marks a complete entry; written last, inside the temporary directory. */
    public static final String COMPLETE_MARKER = "build.json";

    private final Path root;
    private final RemoteCache remote;
    private final ConcurrentHashMap<String, ReentrantLock> jvmLocks = new ConcurrentHashMap<>();
    private final AtomicBoolean swept = new AtomicBoolean();

    public BuildCache(Path root) {
        this(root, null);
    }

    /** @param remote where entries are also fetched from and stored to; null for none */
    public BuildCache(Path root, RemoteCache remote) {
        this.root = root.toAbsolutePath();
        this.remote = remote;
    }

    public Optional<RemoteCache> remote() {
        return Optional.ofNullable(remote);
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
            return used(entry, false);
        }
        if (swept.compareAndSet(false, true)) {
            TempFolders.removeAbandoned(root.resolve("tmp"));
        }
        ReentrantLock jvmLock = jvmLocks.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(root.resolve("locks"));
            try (FileChannel channel = FileChannel.open(root.resolve("locks").resolve(key + ".lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (isComplete(entry)) {
                    return used(entry, false);
                }
                Files.createDirectories(entry.getParent());
                if (remote != null && fetchFromRemote(key, entry)) {
                    return used(entry, false);
                }
                Path tmp = TempFolders.create(root.resolve("tmp"), key);
                try {
                    builder.build(tmp);
                    if (!isComplete(tmp)) {
                        throw new IllegalStateException("cache builder for " + key + " wrote no " + COMPLETE_MARKER);
                    }
                    publish(tmp, entry);
                } finally {
                    TempFolders.delete(tmp);
                }
                if (remote != null) {
                    Path scratch = TempFolders.create(root.resolve("tmp"), key + "-upload");
                    try {
                        remote.store(key, entry, scratch);
                    } finally {
                        TempFolders.delete(scratch);
                    }
                }
                return new Entry(entry, true);
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private boolean fetchFromRemote(String key, Path entry) throws IOException {
        Path scratch = TempFolders.create(root.resolve("tmp"), key + "-remote");
        try {
            Path unpacked = scratch.resolve("entry");
            Files.createDirectories(unpacked);
            if (!remote.fetch(key, unpacked, scratch) || !isComplete(unpacked)) {
                return false;
            }
            publish(unpacked, entry);
            return true;
        } finally {
            TempFolders.delete(scratch);
        }
    }

    /** Marks an entry as used now: pruning removes the least recently used first. */
    private static Entry used(Path entry, boolean built) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // A read-only cache is still a cache; it just prunes by build time.
        }
        return new Entry(entry, built);
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
