package dev.wasrisc.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a build cache entry with their sizes and SHA-256, written into the entry before it
 * is published and checked when it is used: a flipped byte, a truncated or missing file is found
 * before a binary runs, instead of showing up as a guest that dies of SIGILL.
 */
public final class EntryManifest {

    /** The manifest's file in an entry; it lists every other file. */
    public static final String FILE = "manifest.sha256";

    private static final String HEADER = "wasrisc-entry-manifest 1";

    /** What the manifest says of one file. */
    public record Line(String path, long size, String sha256) {}

    /** A file's size and modification time, the fast check of an entry already verified in full. */
    public record Stamp(long size, long modified) {}

    private EntryManifest() {}

    public static boolean exists(Path entry) {
        return Files.isRegularFile(entry.resolve(FILE));
    }

    /** Digests every file under {@code entry} (not yet published) and writes the manifest there. */
    public static void write(Path entry) throws IOException {
        Files.writeString(entry.resolve(FILE), text(entry), StandardCharsets.UTF_8);
    }

    /**
     * Gives a published entry from before manifests its manifest: written in {@code scratch} and
     * renamed in, so a reader sees none or all of it.
     */
    public static void adopt(Path entry, Path scratch) throws IOException {
        Path file = Files.writeString(scratch.resolve(FILE), text(entry), StandardCharsets.UTF_8);
        Files.move(file, entry.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(Path entry) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Path> file : files(entry).entrySet()) {
            text.append(sha256(file.getValue())).append(' ').append(Files.size(file.getValue())).append(' ')
                    .append(file.getKey()).append('\n');
        }
        return text.toString();
    }

    /**
     * What is wrong with the entry, naming the file, or empty when every file is as the manifest
     * says and no other file is there.
     */
    public static Optional<String> problem(Path entry) throws IOException {
        List<Line> lines;
        try {
            lines = read(entry);
        } catch (IllegalArgumentException e) {
            return Optional.of(FILE + ": " + e.getMessage());
        }
        Map<String, Path> present = files(entry);
        for (Line line : lines) {
            Path file = present.remove(line.path());
            if (file == null) {
                return Optional.of(line.path() + ": missing");
            }
            long size = Files.size(file);
            if (size != line.size()) {
                return Optional.of(line.path() + ": " + size + " bytes, the manifest says " + line.size());
            }
            String digest = sha256(file);
            if (!digest.equals(line.sha256())) {
                return Optional.of(line.path() + ": SHA-256 " + digest + ", the manifest says " + line.sha256());
            }
        }
        return present.keySet().stream().findFirst().map(extra -> extra + ": not in the manifest");
    }

    /** The size and modification time of every file of the entry, the manifest's own included. */
    public static Map<String, Stamp> stamps(Path entry) throws IOException {
        Map<String, Stamp> stamps = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files(entry).entrySet()) {
            stamps.put(file.getKey(), stamp(file.getValue()));
        }
        stamps.put(FILE, stamp(entry.resolve(FILE)));
        return stamps;
    }

    private static Stamp stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    static List<Line> read(Path entry) throws IOException {
        List<String> text = Files.readAllLines(entry.resolve(FILE), StandardCharsets.UTF_8);
        if (text.isEmpty() || !text.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("does not start with '" + HEADER + "'");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < text.size(); i++) {
            String[] fields = text.get(i).split(" ", 3);
            if (fields.length != 3 || !fields[0].matches("[0-9a-f]{64}") || !fields[1].matches("\\d{1,18}")) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not 'SHA256 SIZE PATH': " + text.get(i));
            }
            lines.add(new Line(fields[2], Long.parseLong(fields[1]), fields[0]));
        }
        return lines;
    }

    /** The entry's files but the manifest, by path relative to the entry, sorted. */
    private static Map<String, Path> files(Path entry) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(entry)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = entry.relativize(file).toString();
                if (!relative.equals(FILE)) {
                    files.put(relative, file);
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(Hashing.fileSha256(file));
    }
}
