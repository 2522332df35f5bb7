package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every guest, through every pipeline, behaves as its WebAssembly module does in the reference
 * interpreter (Chicory): no expected output is written by hand, so a miscompiling pipeline shows
 * up for any guest, including ones added later.
 */
@WasriscTest
class ReferenceTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 0, guests = {
            "c/fibonacci", "c/hello_world", "c/trap", "c/with_import",
            "go/fibonacci", "go/hello_world", "go/memory_limit", "go/sha256", "go/with_import",
            "rust/fibonacci", "rust/hello_world", "rust/with_import"})
    void unoptimised(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run()).matchesReference();
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 2, guests = {
            "c/fibonacci", "c/hello_world", "c/trap", "c/with_import", "go/hello_world", "rust/sha256"})
    void optimised(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run()).matchesReference();
    }
}
