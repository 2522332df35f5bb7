package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.FullMatrix;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every guest through w2c2 behaves as it does natively and in the reference interpreter. w2c2 is on
 * no package registry: without a w2c2 the user built, these cells are skipped with the hint.
 *
 * <p>By default Go goes through w2c2 at -O0 only (go/with_import, with its import, in
 * {@link #unoptimised}): each Go module takes about 4 minutes at w2c2 -O2, so every Go guest at -O2
 * is in the full matrix ({@code -Dwasrisc.matrix=full}).
 */
@WasriscTest
class W2c2Test {

    @ParameterizedTest
    @PipelineSource(pipelines = "w2c2", optLevels = 2, guests = PipelineSource.ALL_GUESTS, languages = {"c", "rust"})
    void sameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    @FullMatrix
    @ParameterizedTest
    @PipelineSource(pipelines = "w2c2", optLevels = 2, guests = PipelineSource.ALL_GUESTS, languages = "go")
    void everyGoGuestSameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    // Go's slow guests stay out at -O0, where they take billions of instructions.
    @ParameterizedTest
    @PipelineSource(pipelines = "w2c2", optLevels = 0, guests = {
            "c/fibonacci", "c/trap", "c/with_import", "go/with_import", "rust/sha256", "rust/with_import"})
    void unoptimised(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run()).matchesReference();
    }

    // Not Go: clang takes over 15 minutes for a Go module's w2c2 output, even at -O0.
    @ParameterizedTest
    @PipelineSource(pipelines = "w2c2", optLevels = {0, 2}, compilers = "clang", guests = {
            "c/fibonacci", "c/trap", "c/with_import", "rust/sha256", "rust/with_import"})
    void withClang(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run()).matchesReference();
    }
}
