package dev.wasrisc.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Content-addressed store of build outputs. An entry is a directory {@code builds/KEY} that
 * appears whole or not at all: it is built in a private temporary directory and renamed into place,
 * so a killed build leaves no half entry. A lock per key (a file lock shared by every JVM, plus an
 * in-JVM lock because file locks are per process) makes concurrent builders of the same key wait
 * for one another instead of duplicating the work.
 *
 * <p>Every entry carries an {@link EntryManifest} of its files' sizes and digests, written before
 * it is published. An entry is checked in full on its first use in a session, and by its files'
 * sizes and times after that; one that does not match is reported, removed and built again, never
 * used. Entries from before manifests existed are adopted: their manifest is written on first use.
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
    private final Consumer<String> reporter;
    /** Entries verified in full in this session, with their files' sizes and times then. */
    private final ConcurrentHashMap<Path, Map<String, EntryManifest.Stamp>> verified = new ConcurrentHashMap<>();

    public BuildCache(Path root) {
        this(root, null);
    }

    /** @param remote where entries are also fetched from and stored to; null for none */
    public BuildCache(Path root, RemoteCache remote) {
        this(root, remote, message -> System.err.println("wasrisc: " + message));
    }

    /** @param reporter where a damaged entry is reported, once, before it is built again */
    public BuildCache(Path root, RemoteCache remote, Consumer<String> reporter) {
        this.root = root.toAbsolutePath();
        this.remote = remote;
        this.reporter = reporter;
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
        if (isComplete(entry) && problem(entry).isEmpty()) {
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
                if (isComplete(entry) && usable(key, entry)) {
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
                    EntryManifest.write(tmp);
                    publish(tmp, entry);
                    verified.put(entry, EntryManifest.stamps(entry));
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
            if (!EntryManifest.exists(unpacked)) {
                // Stored before manifests: the archive's own checksum has vouched for its files.
                EntryManifest.write(unpacked);
            } else {
                Optional<String> problem = EntryManifest.problem(unpacked);
                if (problem.isPresent()) {
                    reporter.accept("the remote cache's entry " + key + " does not match its manifest ("
                            + problem.get() + "): building it here");
                    return false;
                }
            }
            publish(unpacked, entry);
            verified.put(entry, EntryManifest.stamps(entry));
            return true;
        } finally {
            TempFolders.delete(scratch);
        }
    }

    /**
     * What is wrong with a published entry, or empty when it matches its manifest: in full the
     * first time in this session, then by its files' sizes and times. An entry without a manifest
     * is a problem here, for {@link #usable} to settle under the key's lock.
     */
    private Optional<String> problem(Path entry) throws IOException {
        try {
            Map<String, EntryManifest.Stamp> seen = verified.get(entry);
            if (seen != null && seen.equals(EntryManifest.stamps(entry))) {
                return Optional.empty();
            }
            if (!EntryManifest.exists(entry)) {
                return Optional.of(EntryManifest.FILE + ": missing");
            }
            Optional<String> problem = EntryManifest.problem(entry);
            if (problem.isEmpty()) {
                verified.put(entry, EntryManifest.stamps(entry));
            }
            return problem;
        } catch (NoSuchFileException e) {
            return Optional.of(e.getFile() + ": removed while it was checked");
        }
    }

    /**
     * Whether an entry can be used, under its key's lock: an entry from before manifests gets one
     * (written aside and renamed in, so no reader sees half of it); a damaged one is reported and
     * moved out of the way, to be built again.
     */
    private boolean usable(String key, Path entry) throws IOException {
        if (!EntryManifest.exists(entry)) {
            Path scratch = TempFolders.create(root.resolve("tmp"), key + "-manifest");
            try {
                EntryManifest.adopt(entry, scratch);
            } finally {
                TempFolders.delete(scratch);
            }
        }
        Optional<String> problem = problem(entry);
        if (problem.isEmpty()) {
            return true;
        }
        reporter.accept("build cache entry " + key + " is damaged (" + problem.get() + "): building it again");
        verified.remove(entry);
        Path doomed = TempFolders.claim(root.resolve("tmp"), key + "-damaged");
        Files.move(entry, doomed);
        TempFolders.delete(doomed);
        return false;
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
