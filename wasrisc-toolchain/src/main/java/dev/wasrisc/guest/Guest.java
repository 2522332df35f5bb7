package dev.wasrisc.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;

/**
 * A guest program: a folder {@code guests/LANGUAGE/NAME} of sources in one language.
 *
 * @param name the guest's name relative to the guests folder, such as {@code c/fibonacci}
 */
public record Guest(String name, Path dir, Language language, GuestSettings settings) {

    /**
     * Inputs live in this folder of a guest; it is not part of the guest's build (its cache key),
     * so adding or changing an input never rebuilds a binary.
     */
    public static final String INPUTS_DIR = "inputs";

    /**
     * Whether a file of the guest's folder (by its path relative to it) reaches its build: all but
     * its inputs and its settings, whose build-relevant part keys builds on its own.
     */
    public static boolean isBuildSource(Path relative) {
        return !relative.getName(0).toString().equals(INPUTS_DIR) && !relative.toString().equals(GuestSettings.FILE_NAME);
    }

    /** The source folders the build reads: the guest's own, then its language's local dependencies. */
    public List<Path> sourceDirs() {
        List<Path> dirs = new ArrayList<>(List.of(dir));
        try {
            dirs.addAll(language.localDependencies(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the local dependencies of guest " + name + ": " + e.getMessage(), e);
        }
        return dirs;
    }

    /**
     * The input named by {@code wasrisc.json}'s {@code "input"}, or {@link GuestInput#none()}.
     *
     * @throws IllegalArgumentException naming the guest and the path looked at, when the file is missing
     */
    public GuestInput defaultInput() {
        if (settings.input() == null) {
            return GuestInput.none();
        }
        Path file = dir.resolve(settings.input()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("guest " + name + ": input file not found: looked for " + file
                    + " (named by \"input\" in " + dir.resolve(GuestSettings.FILE_NAME) + ")");
        }
        return GuestInput.of(file);
    }

    @Override
    public String toString() {
        return name;
    }
}
