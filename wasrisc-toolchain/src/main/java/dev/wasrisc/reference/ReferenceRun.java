package dev.wasrisc.reference;

import java.time.Duration;
import java.util.List;

/**
 * A guest's module run by the reference interpreter (Chicory, on the JVM): what a correct pipeline
 * must print and how it must end.
 *
 * @param trap the trap's message when the module trapped, else null; a trap has no exit code of
 *     its own, and each pipeline reports it its own way
 */
public record ReferenceRun(String guest, List<String> args, int exitCode, String stdout, String stderr, String trap,
        Duration wallTime) {

    public boolean trapped() {
        return trap != null;
    }

    public String outcome() {
        return trapped() ? "trapped (" + trap + ")" : "exited " + exitCode;
    }
}
