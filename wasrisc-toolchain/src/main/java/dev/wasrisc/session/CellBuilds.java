package dev.wasrisc.session;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.Guest;

/** Builds guests through cells: what a guest program needs of its session to give binaries. */
public interface CellBuilds {

    /**
     * The guest built through the cell, or taken from the build cache.
     *
     * @throws dev.wasrisc.tool.ToolMissingException when the cell's tools are not installed
     * @throws dev.wasrisc.build.BuildException when a build step fails
     */
    BuiltCell build(Guest guest, Pipeline pipeline);
}
