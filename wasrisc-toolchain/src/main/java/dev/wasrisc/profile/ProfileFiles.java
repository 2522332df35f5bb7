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
        Files.createDirectories(dir);
        Path folded = dir.resolve(name + ".folded");
        Path svg = dir.resolve(name + ".svg");
        Path pprof = dir.resolve(name + ".pb.gz");
        writeAtomically(folded, String.join("\n", tree.folded()) + "\n");
        writeAtomically(svg, FlameGraph.svg(tree, title, "flame-" + name));
        writeAtomically(pprof, Pprof.gzipped(tree, name));
        return List.of(folded, svg, pprof);
    }

    /** Writes {@code NAME.diff.svg} and {@code NAME.diff.txt}: how {@code other} differs from {@code base}. */
    public static List<Path> writeDifference(Path dir, String name, CallTree base, CallTree other, String baseName,
            String otherName, String title) throws IOException {
        Files.createDirectories(dir);
        Path svg = dir.resolve(name + ".diff.svg");
        Path table = dir.resolve(name + ".diff.txt");
        writeAtomically(svg, FlameGraph.differential(base, other, baseName, otherName, title, "diff-" + name));
        writeAtomically(table, ProfileDiff.of(Profile.of(base), Profile.of(other)).formatGrowth(30, baseName, otherName));
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
