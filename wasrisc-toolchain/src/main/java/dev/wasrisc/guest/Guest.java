package dev.wasrisc.guest;

import java.nio.file.Path;

/**
 * A guest program: a folder {@code guests/LANGUAGE/NAME} of sources in one language.
 *
 * @param name the guest's name relative to the guests folder, such as {@code c/fibonacci}
 */
public record Guest(String name, Path dir, Language language, GuestSettings settings) {

    @Override
    public String toString() {
        return name;
    }
}
