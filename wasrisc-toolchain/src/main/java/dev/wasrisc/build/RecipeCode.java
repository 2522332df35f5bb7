package dev.wasrisc.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The digest of all the code a class ships in: every file of its jar or classes folder, by name
 * and content (not a jar's time stamps, and not {@code META-INF}, where Maven writes the build
 * date). A cell's cache key holds it, so no change to any recipe, helper or nested class can leave
 * a stale binary behind; what such a change costs is bounded by the action cache, which re-runs
 * only the steps whose commands or inputs changed.
 */
public final class RecipeCode {

    private static final Map<Path, String> DIGESTS = new ConcurrentHashMap<>();

    private RecipeCode() {}

    /** The digest of the jar or folder {@code type} was loaded from. */
    public static String of(Class<?> type) {
        try {
            return of(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    /** The digest of a jar or a classes folder; computed once per JVM. */
    public static String of(Path codeSource) {
        return DIGESTS.computeIfAbsent(codeSource.toAbsolutePath().normalize(), path -> {
            try {
                return Files.isDirectory(path) ? folderDigest(path) : jarDigest(path);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the code in " + path + " for the cache key", e);
            }
        });
    }

    private static String folderDigest(Path dir) throws IOException {
        Hashing hash = new Hashing();
        for (Path file : Hashing.filesUnder(dir)) {
            String name = dir.relativize(file).toString();
            if (!name.startsWith("META-INF")) {
                hash.add(name).add(Files.readAllBytes(file));
            }
        }
        return hash.hex();
    }

    private static String jarDigest(Path jar) throws IOException {
        Hashing hash = new Hashing();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>(Collections.list(file.entries()));
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry entry : entries) {
                if (entry.isDirectory() || entry.getName().startsWith("META-INF")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    hash.add(entry.getName()).add(in.readAllBytes());
                }
            }
        }
        return hash.hex();
    }
}
