package dev.wasrisc.cli;

import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;

/**
 * One cell of the bench table: a run, or why there is none.
 *
 * @param cached whether its binary came from the build cache (local or remote) instead of a build
 */
record BenchCell(String guest, Pipeline pipeline, GuestRun run, String status, String detail, boolean failed,
        boolean cached) {

    static BenchCell ran(GuestRun run, boolean expectTrap, boolean cached) {
        boolean trapped = !run.timedOut() && run.exitCode() != 0;
        if (run.timedOut()) {
            return new BenchCell(run.guest(), run.pipeline(), run, "timeout", "timed out after "
                    + run.wallTime().toSeconds() + " s", true, cached);
        }
        if (trapped != expectTrap) {
            return new BenchCell(run.guest(), run.pipeline(), run, "exit " + run.exitCode(),
                    "exit code " + run.exitCode() + ", stderr: " + run.stderr().strip(), true, cached);
        }
        return new BenchCell(run.guest(), run.pipeline(), run, trapped ? "trap" : "", null, false, cached);
    }

    static BenchCell skipped(String guest, Pipeline pipeline, String why) {
        return new BenchCell(guest, pipeline, null, "skipped", "skipped: " + why, false, false);
    }

    /** A cell another machine measures ({@code bench --shard}): not a skip worth a line of its own. */
    static BenchCell otherShard(String guest, Pipeline pipeline, int shard) {
        return new BenchCell(guest, pipeline, null, "shard " + shard, null, false, false);
    }

    static BenchCell failed(String guest, Pipeline pipeline, String status, String detail) {
        return new BenchCell(guest, pipeline, null, status, detail, true, false);
    }
}
