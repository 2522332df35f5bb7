package dev.wasrisc.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 over build inputs, for cache keys. */
public final class Hashing {

    private final MessageDigest digest;

    public Hashing() {
        digest = newSha256();
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The SHA-256 of a file's bytes alone (no length prefix, unlike {@link #sha256(byte[])}), read
     * in pieces, so a file of any size costs no more memory.
     */
    public static byte[] fileSha256(Path file) throws IOException {
        MessageDigest sha = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha.digest();
    }

    public static String sha256(byte[] bytes) {
        return new Hashing().add(bytes).hex();
    }

    public Hashing add(byte[] bytes) {
        // Length-prefix every part so that ("ab","c") and ("a","bc") hash differently.
        digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    public Hashing add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds every regular file under {@code dir} (relative path and content), in a stable order. */
    public Hashing addTree(Path dir) throws IOException {
        return addTree(dir, relative -> true);
    }

    /** Adds the regular files under {@code dir} whose path relative to it {@code include} accepts. */
    public Hashing addTree(Path dir, java.util.function.Predicate<Path> include) throws IOException {
        for (Path file : filesUnder(dir)) {
            if (!include.test(dir.relativize(file))) {
                continue;
            }
            add(dir.relativize(file).toString());
            add(Files.readAllBytes(file));
        }
        return this;
    }

    /** Regular files under {@code dir}, sorted, skipping build output folders. */
    public static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !isBuildOutput(dir.relativize(file)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isBuildOutput(Path relative) {
        String first = relative.getName(0).toString();
        return first.equals("target") || first.equals(".git") || first.startsWith(".wasrisc");
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
