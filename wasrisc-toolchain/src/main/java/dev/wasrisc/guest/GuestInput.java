package dev.wasrisc.guest;

import dev.wasrisc.build.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Bytes a run hands the guest on its standard input (WASI fd 0; the Linux {@code read} of a native
 * binary). Its name, size and SHA-256 belong to the run's identity — baseline keys, reports,
 * report entries — and never to a build's cache key: one build serves every input.
 *
 * <p>An input is either a file, read when the run starts (so a 10 MB block is never held twice
 * in memory), or bytes held here.
 */
public final class GuestInput {

    private static final GuestInput NONE = new GuestInput("", null, new byte[0], 0, sha256Of(new byte[0]));

    private final String name;
    private final Path file;
    private final byte[] bytes;
    private final long size;
    private final String sha256;

    private GuestInput(String name, Path file, byte[] bytes, long size, String sha256) {
        this.name = name;
        this.file = file;
        this.bytes = bytes;
        this.size = size;
        this.sha256 = sha256;
    }

    /** No input: the guest's standard input is empty (it reads end of file at once). */
    public static GuestInput none() {
        return NONE;
    }

    /**
     * The file's bytes, named by the file name.
     *
     * @throws IllegalArgumentException naming the path when there is no such file
     */
    public static GuestInput of(Path file) {
        return of(file, file.getFileName().toString());
    }

    /** The file's bytes under a name of the caller's choosing (such as its path in the guest folder). */
    public static GuestInput of(Path file, String name) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("input file not found: looked for " + absolute);
        }
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(absolute), Hashing.newSha256())) {
            long size = in.transferTo(java.io.OutputStream.nullOutputStream());
            return new GuestInput(name, absolute, null, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("input file not found: looked for " + absolute, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input file " + absolute, e);
        }
    }

    /** Bytes from memory, reported under {@code name}. */
    public static GuestInput of(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        byte[] copy = bytes.clone();
        return new GuestInput(name, null, copy, copy.length, sha256Of(copy));
    }

    /**
     * An input known only by its description, as a report recorded it ({@code wasrisc merge} reads
     * runs back from results.json); it has no bytes to give a guest.
     */
    public static GuestInput described(String name, long size, String sha256) {
        return new GuestInput(Objects.requireNonNull(name, "name"), null, null, size, sha256);
    }

    public boolean isNone() {
        return this == NONE;
    }

    /** The file name, or the name given to in-memory bytes; empty for {@link #none()}. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /**
     * How the input appears in keys and table rows: name, size and the first 16 hex digits of its
     * SHA-256, so two inputs of the same name cannot share a baseline entry.
     */
    public String id() {
        return isNone() ? "" : name + " (" + size + " bytes, sha256 " + sha256.substring(0, 16) + ")";
    }

    /** The file it was read from, or null for in-memory bytes. */
    public Path file() {
        return file;
    }

    /**
     * Puts the bytes at {@code target} (a run's private folder), so every executor can hand the
     * same file to the guest. A file is copied by the file system, never through the JVM's heap.
     */
    public void copyTo(Path target) throws IOException {
        requireContent();
        if (file != null) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(target) != size) {
                throw new IOException("input file " + file + " changed while in use: it had " + size + " bytes, now "
                        + Files.size(target));
            }
        } else {
            Files.write(target, bytes);
        }
    }

    /** The bytes, for the reference interpreter (which takes its standard input from memory). */
    public byte[] readAllBytes() {
        requireContent();
        try {
            return file != null ? Files.readAllBytes(file) : bytes.clone();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input file " + file, e);
        }
    }

    private void requireContent() {
        if (file == null && bytes == null) {
            throw new IllegalStateException("input " + name + " is only described (read back from a report): it has "
                    + "no bytes");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuestInput that && name.equals(that.name) && sha256.equals(that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, sha256);
    }

    @Override
    public String toString() {
        return isNone() ? "no input" : id();
    }

    private static String sha256Of(byte[] bytes) {
        return HexFormat.of().formatHex(Hashing.newSha256().digest(bytes));
    }
}
