package dev.wasrisc.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.guest.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguagesTest {

    @Test
    void aGoGuestHoldingItsImportsInCIsAGoGuest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("go.mod"), "module guest\n");
        Files.writeString(dir.resolve("main.go"), "package main\nfunc main() {}\n");
        Files.writeString(dir.resolve("imports.c"), "int testmodule_testfunc(int a, int b) { return a + b; }\n");

        assertThat(Languages.detect(dir)).map(Language::name).contains("go");
    }

    @Test
    void aRustGuestHoldingItsImportsInCIsARustGuest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"guest\"\n");
        Files.writeString(dir.resolve("imports.c"), "int f(void) { return 0; }\n");

        assertThat(Languages.detect(dir)).map(Language::name).contains("rust");
    }

    @Test
    void onlyCFilesIsACGuest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");

        assertThat(Languages.detect(dir)).map(Language::name).contains("c");
    }
}
