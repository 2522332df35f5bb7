package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.build.BuildException;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.GuestNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad guests fail with messages that say what, where and why, using the real tools. */
class BadInputTest {

    @TempDir
    static Path cache;

    private static Wasrisc wasrisc() {
        return TestGuests.wasrisc(cache);
    }

    @Test
    void compilerErrorNamesGuestPipelineStageCommandAndStderr() {
        assertThatThrownBy(() -> wasrisc().guest("c/syntax_error").build(Pipeline.of("wasm2c", 2)))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("building c/syntax_error with wasm2c -O2 failed at stage 'compile to wasm'")
                .hasMessageContaining("bin/clang -fuse-ld=").hasMessageContaining("--target=wasm32-wasi")
                .hasMessageContaining("this_is_not_declared");
    }

    @Test
    void directCompilerErrorIsReportedTheSameWay() {
        assertThatThrownBy(() -> wasrisc().guest("c/syntax_error").build(Pipeline.of("direct", 0)))
                .isInstanceOfSatisfying(BuildException.class, e -> {
                    assertThat(e.guest()).isEqualTo("c/syntax_error");
                    assertThat(e.pipeline()).isEqualTo("direct -O0");
                    assertThat(e.stage()).isEqualTo("compile");
                    assertThat(e.commandLine()).contains("riscv64-unknown-elf-gcc", "main.c");
                    assertThat(e.outputTail()).contains("error:", "this_is_not_declared");
                });
    }

    @Test
    void unimplementedImportFailsAtLinkNamingTheFunction() {
        assertThatThrownBy(() -> wasrisc().guest("c/unknown_import").build(Pipeline.of("wasm2c", 0)))
                .isInstanceOfSatisfying(BuildException.class, e -> {
                    assertThat(e.stage()).isEqualTo("link");
                    assertThat(e.outputTail()).contains("nosuchmodule_missing");
                });
    }

    @Test
    void failedBuildLeavesNothingInTheCache() throws Exception {
        try {
            wasrisc().guest("c/syntax_error").build(Pipeline.of("direct", 2));
        } catch (BuildException expected) {
            // the point is what it left behind
        }
        try (var entries = Files.list(Files.createDirectories(cache.resolve("builds")))) {
            assertThat(entries.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith("c-syntax_error"));
        }
        try (var leftovers = Files.list(Files.createDirectories(cache.resolve("tmp")))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void missingGuestNamesThePathItLookedFor() {
        assertThatThrownBy(() -> wasrisc().guest("c/no_such_guest"))
                .isInstanceOf(GuestNotFoundException.class)
                .hasMessageContaining("guest 'c/no_such_guest' not found")
                .hasMessageContaining(Path.of("src/test/resources/guests/c/no_such_guest").toAbsolutePath().toString());
    }

    @Test
    void guestThatNeverEndsIsKilledAtTheTimeout() {
        for (String pipeline : new String[] {"direct", "wasm2c"}) {
            GuestRun run = wasrisc().guest("c/infinite_loop").build(Pipeline.of(pipeline, 2))
                    .withTimeout(Duration.ofSeconds(2))
                    .run();

            assertThat(run.timedOut()).as(pipeline).isTrue();
            assertThat(run.succeeded()).isFalse();
            assertThat(run.wallTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(30));
            assertThat(run.summary()).contains("timed out after");
        }
    }
}
