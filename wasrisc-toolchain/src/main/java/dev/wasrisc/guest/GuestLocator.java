package dev.wasrisc.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds guests by name under a guests folder. */
public final class GuestLocator {

    private final Path guestsDir;
    private final List<Language> detectionOrder;

    /** @param detectionOrder the languages, the first that recognizes a folder wins */
    public GuestLocator(Path guestsDir, List<Language> detectionOrder) {
        this.guestsDir = guestsDir.toAbsolutePath().normalize();
        this.detectionOrder = List.copyOf(detectionOrder);
    }

    public Path guestsDir() {
        return guestsDir;
    }

    public Guest find(String name) {
        Path dir = guestsDir.resolve(name).normalize();
        if (!dir.startsWith(guestsDir) || !Files.isDirectory(dir)) {
            throw new GuestNotFoundException("guest '" + name + "' not found: looked for the folder " + dir
                    + " (guests live in " + guestsDir + "/LANGUAGE/NAME; set -Dwasrisc.guests to use another folder)");
        }
        Language language = detect(dir).orElseThrow(() -> new GuestNotFoundException(
                "guest '" + name + "' at " + dir + " is in no language WASRISC knows: expected *.c files, "
                        + "go.mod or Cargo.toml"));
        try {
            return new Guest(name, dir, language, GuestSettings.read(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every guest, as {@code LANGUAGE/NAME}, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> languages = Files.list(guestsDir)) {
            for (Path languageDir : languages.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> guests = Files.list(languageDir)) {
                    guests.filter(Files::isDirectory)
                            .filter(dir -> detect(dir).isPresent())
                            .sorted()
                            .forEach(dir -> names.add(guestsDir.relativize(dir).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list guests in " + guestsDir, e);
        }
        return names;
    }

    private Optional<Language> detect(Path dir) {
        return detectionOrder.stream().filter(language -> language.recognizes(dir)).findFirst();
    }
}
