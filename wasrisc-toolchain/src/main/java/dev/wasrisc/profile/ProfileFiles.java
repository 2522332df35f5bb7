package dev.wasrisc.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A profiled run's call tree on disk, in the forms people open: folded stacks (flamegraph.pl,
 * inferno, speedscope), a flame graph SVG (a browser) and pprof ({@code go tool pprof}); and the
 * difference of two runs as a differential flame graph and a table. Each file is written whole
 * under a temporary name and then moved into place, so a reader never sees half of one.
 */
public final class ProfileFiles {

    private ProfileFiles() {}

    /** Writes {@code NAME.folded}, {@code NAME.svg} and {@code NAME.pb.gz} into {@code dir}. */
    public static List<Path> write(Path dir, String name, CallTree tree, String title) throws IOException {
        return writeDrawn(dir, name, tree, FlameGraph.svg(tree, title, flameId(name)));
    }

    /**
     * As {@link #write}, with the flame graph already drawn (with the id {@link #flameId}), for a
     * report that also embeds it.
     */
    public static List<Path> writeDrawn(Path dir, String name, CallTree tree, String flameGraph) throws IOException {
        Files.createDirectories(dir);
        Path folded = dir.resolve(name + ".folded");
        Path svg = dir.resolve(name + ".svg");
        Path pprof = dir.resolve(name + ".pb.gz");
        writeAtomically(folded, String.join("\n", tree.folded()) + "\n");
        writeAtomically(svg, flameGraph);
        writeAtomically(pprof, Pprof.gzipped(tree, name));
        return List.of(folded, svg, pprof);
    }

    /** The id of the flame graph of the files called {@code name}, unique within a report. */
    public static String flameId(String name) {
        return "flame-" + name;
    }

    /** The id of the differential flame graph of the files called {@code name}. */
    public static String differenceId(String name) {
        return "diff-" + name;
    }

    /** Writes {@code NAME.diff.svg} and {@code NAME.diff.txt}: how {@code other} differs from {@code base}. */
    public static List<Path> writeDifference(Path dir, String name, CallTree base, CallTree other, String baseName,
            String otherName, String title) throws IOException {
        return writeDifferenceDrawn(dir, name,
                FlameGraph.differential(base, other, baseName, otherName, title, differenceId(name)),
                ProfileDiff.of(Profile.of(base), Profile.of(other)), baseName, otherName);
    }

    /** As {@link #writeDifference}, with the differential flame graph (id {@link #differenceId}) and the difference made. */
    public static List<Path> writeDifferenceDrawn(Path dir, String name, String flameGraph, ProfileDiff diff,
            String baseName, String otherName) throws IOException {
        Files.createDirectories(dir);
        Path svg = dir.resolve(name + ".diff.svg");
        Path table = dir.resolve(name + ".diff.txt");
        writeAtomically(svg, flameGraph);
        writeAtomically(table, diff.formatGrowth(30, baseName, otherName));
        return List.of(svg, table);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
