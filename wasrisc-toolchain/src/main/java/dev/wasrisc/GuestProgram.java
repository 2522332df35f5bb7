package dev.wasrisc;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.session.CellBuilds;
import dev.wasrisc.session.CellRuns;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A guest as a test sees it: build it through any pipeline cell, then run it.
 *
 * <pre>{@code
 * GuestRun run = wasrisc.guest("c/fibonacci").build(Pipeline.of("wasm2c", 2)).run("30");
 * }</pre>
 */
public final class GuestProgram {

    private final CellBuilds builds;
    private final CellRuns runs;
    private final Duration runTimeout;
    private final Guest guest;
    private final Consumer<GuestRun> observer;

    GuestProgram(CellBuilds builds, CellRuns runs, Duration runTimeout, Guest guest, Consumer<GuestRun> observer) {
        this.builds = builds;
        this.runs = runs;
        this.runTimeout = runTimeout;
        this.guest = guest;
        this.observer = observer;
    }

    /**
     * Builds the guest through the pipeline cell, or takes it from the build cache.
     *
     * @throws dev.wasrisc.tool.ToolMissingException when the pipeline's tools are not installed
     * @throws dev.wasrisc.build.BuildException when a build step fails
     */
    public GuestBinary build(Pipeline pipeline) {
        return new GuestBinary(runs, guest, pipeline, builds.build(guest, pipeline), runTimeout, observer, null);
    }

    public Guest guest() {
        return guest;
    }

    public String name() {
        return guest.name();
    }

    @Override
    public String toString() {
        return guest.name();
    }
}
