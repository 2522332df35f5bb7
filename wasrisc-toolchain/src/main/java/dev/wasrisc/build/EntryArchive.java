package dev.wasrisc.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One cache entry as one file, for the remote cache: a magic line, the SHA-256 of the rest, then a
 * gzip stream of (relative path, executable?, size, bytes) records. The checksum is checked over
 * the whole file before anything is unpacked, so a truncated or altered body is refused before it
 * can reach the local cache.
 */
public final class EntryArchive {

    private static final byte[] MAGIC = "WASRISC-ENTRY-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;

    private EntryArchive() {}

    /** Writes the files under {@code entry} to {@code archive}; returns its size. */
    public static long pack(Path entry, Path archive) throws IOException {
        Path body = archive.resolveSibling(archive.getFileName() + ".body");
        try {
            List<Path> files = Hashing.filesUnder(entry);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(body), 1 << 16)))) {
                out.writeInt(files.size());
                for (Path file : files) {
                    out.writeUTF(entry.relativize(file).toString());
                    out.writeBoolean(Files.isExecutable(file));
                    out.writeLong(Files.size(file));
                    Files.copy(file, out);
                }
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive))) {
                out.write(MAGIC);
                out.write(Hashing.fileSha256(body));
                Files.copy(body, out);
            }
            return Files.size(archive);
        } finally {
            Files.deleteIfExists(body);
        }
    }

    /**
     * Checks {@code archive} and unpacks it into the empty folder {@code dir}.
     *
     * @throws CorruptArchiveException when the file is not a whole, unaltered archive
     */
    public static void unpack(Path archive, Path dir) throws IOException {
        byte[] expected = new byte[DIGEST_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CorruptArchiveException("it does not start as a WASRISC cache entry");
            }
            if (in.readNBytes(expected, 0, DIGEST_BYTES) != DIGEST_BYTES) {
                throw new CorruptArchiveException("it ends inside its header");
            }
            MessageDigest sha = Hashing.newSha256();
            in.transferTo(new DigestOutput(sha));
            if (!Arrays.equals(sha.digest(), expected)) {
                throw new CorruptArchiveException("its checksum does not match its content (truncated or altered)");
            }
        }
        try (InputStream raw = Files.newInputStream(archive)) {
            raw.skipNBytes(MAGIC.length + DIGEST_BYTES);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)))) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    Path file = dir.resolve(in.readUTF()).normalize();
                    if (!file.startsWith(dir)) {
                        throw new CorruptArchiveException("it names a file outside its entry: " + file);
                    }
                    boolean executable = in.readBoolean();
                    long size = in.readLong();
                    Files.createDirectories(file.getParent());
                    try (OutputStream out = Files.newOutputStream(file)) {
                        copy(in, out, size);
                    }
                    if (executable) {
                        file.toFile().setExecutable(true, false);
                    }
                }
            } catch (EOFException e) {
                throw new CorruptArchiveException("it ends early");
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static final class DigestOutput extends OutputStream {
        private final MessageDigest sha;

        DigestOutput(MessageDigest sha) {
            this.sha = sha;
        }

        @Override
        public void write(int b) {
            sha.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
        }
    }

    /** The archive is not what {@link #pack} wrote. */
    public static final class CorruptArchiveException extends IOException {
        CorruptArchiveException(String reason) {
            super(reason);
        }
    }
}
