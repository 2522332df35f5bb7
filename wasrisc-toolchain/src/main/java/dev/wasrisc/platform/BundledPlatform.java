package dev.wasrisc.platform;

import dev.wasrisc.build.BuildCache;
import dev.wasrisc.build.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The platform folder that ships inside the toolchain jar, as resources under
 * {@value #RESOURCE_ROOT}/. Compilers need files, so it is copied once into the build cache, in a
 * folder named by its content ({@code platform/<hash>}): two jars with the same platform share it,
 * a changed platform gets a new folder, and the copy appears whole or not at all (it is written
 * beside the cache and renamed into place).
 */
public final class BundledPlatform {

    static final String RESOURCE_ROOT = "wasrisc-platform";
    private static final String MARKER = "include/wasrisc.h";

    private BundledPlatform() {}

    /** The jar's platform, read once per JVM: a session is made per test run, and tests make many. */
    private static volatile Contents contents;

    private record Contents(Map<String, byte[]> files, String hash) {}

    /** The bundled platform's folder in {@code cacheDir}, extracting it on first use. */
    public static Path extract(Path cacheDir) {
        try {
            Contents bundled = contents();
            Map<String, byte[]> files = bundled.files();
            Path target = cacheDir.resolve("platform").resolve(bundled.hash());
            if (Files.isDirectory(target)) {
                return target;
            }
            Path staging = cacheDir.resolve("tmp").resolve("platform-" + UUID.randomUUID());
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path out = staging.resolve(file.getKey());
                Files.createDirectories(out.getParent());
                Files.write(out, file.getValue());
                if (file.getKey().endsWith(".sh")) {
                    out.toFile().setExecutable(true);
                }
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
                BuildCache.deleteTree(staging); // another JVM put the same content there first
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled platform into " + cacheDir, e);
        }
    }

    /**
     * Synchronized: two sessions made at once (parallel test classes) would otherwise both read the
     * jar, and the one that opened its file system could close it under the other
     * (ClosedFileSystemException).
     */
    private static synchronized Contents contents() throws IOException {
        if (contents == null) {
            Map<String, byte[]> files = read();
            Hashing hash = new Hashing();
            files.forEach((name, bytes) -> hash.add(name).add(bytes));
            contents = new Contents(files, hash.hex().substring(0, 16));
        }
        return contents;
    }

    /** Every file of the bundled platform, by its path relative to the platform folder. */
    static Map<String, byte[]> read() throws IOException {
        URL marker = BundledPlatform.class.getResource("/" + RESOURCE_ROOT + "/" + MARKER);
        if (marker == null) {
            throw new IllegalStateException("the wasrisc-toolchain classes on the class path carry no platform ("
                    + RESOURCE_ROOT + "/" + MARKER + " is missing); set wasrisc.platform to a platform folder");
        }
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!uri.getScheme().equals("jar")) {
            return readTree(Path.of(uri).getParent().getParent()); // target/classes, in this repository's builds
        }
        FileSystem jar;
        boolean opened = false;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
        }
        try {
            return readTree(jar.getPath("/" + RESOURCE_ROOT));
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
