package dev.wasrisc.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Go guest's local replace targets outside its folder are its build's sources too. */
class GoLocalDependenciesTest {

    @Test
    void localReplaceTargetsOutsideTheGuestAreDependencies(@TempDir Path guests) throws IOException {
        Path guest = Files.createDirectories(guests.resolve("go/variant"));
        Files.writeString(guest.resolve("go.mod"), """
                module example.com/variant

                require example.com/base v0.0.0

                replace example.com/base => ../base

                replace (
                	example.com/inside => ./inside
                	example.com/proxy => example.com/fork v1.2.3
                	example.com/shared => ../../shared/lib
                )
                """);

        assertThat(new GoLanguage().localDependencies(guest))
                .containsExactly(guests.resolve("go/base"), guests.resolve("shared/lib"));
    }
}
