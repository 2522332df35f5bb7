package dev.wasrisc.cli;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One row of the bench table: a guest on one input. */
record BenchRow(GuestProgram program, GuestInput input) {

    String label() {
        return input.isNone() ? program.name() : program.name() + " < " + input.name();
    }

    /** The guest on its default input. */
    static BenchRow of(GuestProgram program) {
        return new BenchRow(program, program.guest().defaultInput());
    }

    /**
     * The guest on every file directly in its {@code inputs/} folder, smallest first (so the rows
     * read as the work grows); on its default input when it has no such folder.
     */
    static List<BenchRow> everyInput(GuestProgram program) {
        Path dir = program.guest().dir().resolve(Guest.INPUTS_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of(of(program));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<BenchRow> rows = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparingLong(BenchRow::size).thenComparing(Path::toString))
                    .forEach(file -> rows.add(new BenchRow(program, GuestInput.of(file))));
            return rows.isEmpty() ? List.of(of(program)) : rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inputs of " + program.name() + " in " + dir, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
