package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** The transpiled C compiled by gcc and by clang: the same behaviour, each with its own count. */
@WasriscTest
class ClangTest {

    // Not c/with_import yet: clang keeps an assert's __FILE__, the build folder's path, in the
    // transpiled code, and its length shifts .rodata enough to make one memcpy run unaligned
    // (+12,309 instructions with the cache under /tmp/coldcache instead of ~/.cache/wasrisc).
    // The fix is -ffile-prefix-map for the build folder, which changes every bare-metal cache key.
    @ParameterizedTest
    @PipelineSource(pipelines = "wasm2c", optLevels = {0, 2}, compilers = {"gcc", "clang"},
            guests = {"c/fibonacci", "c/trap", "rust/sha256"})
    void bothCompilersMatchTheReference(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run).matchesReference();
    }
}
