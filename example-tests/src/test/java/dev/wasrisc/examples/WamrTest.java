package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every guest through WAMR's AOT compiler and runtime behaves as it does natively and in the
 * reference interpreter. WAMR is on no package registry: without the user's wamrc and WAMR source
 * tree, these cells are skipped with the hint.
 */
@WasriscTest
class WamrTest {

    @ParameterizedTest
    @PipelineSource(pipelines = "wamr", optLevels = 3, guests = PipelineSource.ALL_GUESTS)
    void sameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    // Go stays out of the in-place cells: wamrc --xip takes up to 9 minutes per Go module.
    @ParameterizedTest
    @PipelineSource(pipelines = {"wamr", "wamr_xip"}, optLevels = {0, 3}, guests = {
            "c/fibonacci", "c/trap", "c/with_import", "rust/sha256", "rust/with_import"})
    void unoptimisedAndInPlace(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run()).matchesReference();
    }
}
