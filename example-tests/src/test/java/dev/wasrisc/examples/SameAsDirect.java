package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;

/** The check every further pipeline must pass: the reference interpreter's outcome, and direct's output. */
final class SameAsDirect {

    private SameAsDirect() {}

    static void check(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();
        GuestRun direct = guest.build(Pipeline.of("direct", 2)).run();

        assertThat(run).matchesReference();
        org.assertj.core.api.Assertions.assertThat(run.stdout()).isEqualTo(direct.stdout());
    }
}
