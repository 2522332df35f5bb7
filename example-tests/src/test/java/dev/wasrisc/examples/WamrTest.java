package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.FullMatrix;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every guest through WAMR's AOT compiler and runtime behaves as it does natively and in the
 * reference interpreter. WAMR is on no package registry: without the user's wamrc and WAMR source
 * tree, these cells are skipped with the hint.
 *
 * <p>By default Go is represented by go/with_import: wamrc takes about 2 minutes per Go module at -O3,
 * so the other Go guests are in the full matrix ({@code -Dwasrisc.matrix=full}).
 */
@WasriscTest
class WamrTest {

    @ParameterizedTest
    @PipelineSource(pipelines = "wamr", optLevels = 3, guests = PipelineSource.ALL_GUESTS, languages = {"c", "rust"})
    void sameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @ParameterizedTest
    @PipelineSource(pipelines = "wamr", optLevels = 3, guests = "go/with_import")
    void goSameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @FullMatrix
    @ParameterizedTest
    @PipelineSource(pipelines = "wamr", optLevels = 3, guests = PipelineSource.ALL_GUESTS, languages = "go")
    void everyGoGuestSameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
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
