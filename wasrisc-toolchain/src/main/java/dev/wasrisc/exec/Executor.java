package dev.wasrisc.exec;

import java.io.IOException;

/**
 * Runs commands. Everything that starts a process goes through this, so the toolchain never knows
 * whether tools run on this machine or in the toolchain image.
 */
public interface Executor {

    /**
     * Runs the command to completion or until its timeout. A timeout is a result ({@link
     * CommandResult#timedOut()}), not an exception, because a guest that loops forever is an
     * outcome a test wants to see.
     *
     * @throws IOException when the program cannot be started at all
     */
    CommandResult execute(Command command) throws IOException;
}
