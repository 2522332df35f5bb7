package dev.wasrisc.exec;

import java.io.IOException;

/**
 * Runs commands. Everything that starts a process goes through this, so the toolchain never knows
 * whether tools run on this machine or in the toolchain image.
 */
public interface Executor {

    /**
     * The machine commands run on, as tool discovery sees it: by default this one. An executor
     * that runs commands elsewhere answers for that place.
     */
    default boolean isExecutableFile(java.nio.file.Path path) {
        return java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.isExecutable(path);
    }

    default boolean isFile(java.nio.file.Path path) {
        return java.nio.file.Files.isRegularFile(path);
    }

    /** The directories of PATH where commands run. */
    default java.util.List<String> searchPath() {
        return java.util.List.of(System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":"));
    }

    /** The file a path names once symbolic links are followed. */
    default java.nio.file.Path realPath(java.nio.file.Path path) throws IOException {
        return path.toRealPath();
    }

    /**
     * A file's digest where commands run, for a tool's identity in build actions' keys: the SHA-256
     * of its length in decimal, a colon and its bytes (the form cache keys hash each part in), read
     * in pieces, so a binary of any size costs no memory and no kept output.
     */
    default String keyDigest(java.nio.file.Path path) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        sha.update((java.nio.file.Files.size(path) + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (java.io.InputStream in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(path), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** The bytes of a (small) file, for hashing data files that are tools. */
    default byte[] readFile(java.nio.file.Path path) throws IOException {
        return java.nio.file.Files.readAllBytes(path);
    }

    /**
     * Runs the command to completion or until its timeout. A timeout is a result ({@link
     * CommandResult#timedOut()}), not an exception, because a guest that loops forever is an
     * outcome a test wants to see.
     *
     * @throws IOException when the program cannot be started at all
     */
    CommandResult execute(Command command) throws IOException;
}
