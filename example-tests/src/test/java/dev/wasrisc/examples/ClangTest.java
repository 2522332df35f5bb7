package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** The transpiled C compiled by gcc and by clang: the same behaviour, each with its own count. */
@WasriscTest
class ClangTest {

    @ParameterizedTest
    @PipelineSource(pipelines = "wasm2c", optLevels = {0, 2}, compilers = {"gcc", "clang"},
            guests = {"c/fibonacci", "c/trap", "c/with_import", "rust/sha256"})
    void bothCompilersMatchTheReference(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run).matchesReference();
    }
}
