package dev.wasrisc.run;

import dev.wasrisc.exec.Command;
import dev.wasrisc.settings.Settings;

/**
 * What a guest run may use beyond its time limit, so no guest can take the session with it.
 *
 * @param ziskMaxSteps where ZisK's emulator stops a run, as a timeout ({@code wasrisc.zisk.maxSteps})
 * @param maxOutputBytes bytes kept of each of stdout and stderr, half from each end ({@code
 *     wasrisc.output.maxBytes})
 */
public record RunLimits(long ziskMaxSteps, long maxOutputBytes) {

    public static RunLimits from(Settings settings) {
        return new RunLimits(settings.number("wasrisc.zisk.maxSteps", ZiskRunner.MAX_STEPS),
                settings.number("wasrisc.output.maxBytes", Command.DEFAULT_MAX_OUTPUT_BYTES));
    }
}
