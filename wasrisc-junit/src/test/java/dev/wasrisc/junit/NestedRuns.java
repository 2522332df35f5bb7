package dev.wasrisc.junit;

import java.util.List;

/**
 * The nested engine runs of these tests see system properties (as Surefire's runs do). Settings
 * given to the outer run, such as {@code ./wasrisc test -Dwasrisc.baseline=update} meant for the
 * example tests' baseline, would change what the nested tests check, and write files: cleared first.
 */
final class NestedRuns {

    private static final List<String> OUTER_SETTINGS = List.of("wasrisc.baseline", "wasrisc.baseline.file",
            "wasrisc.baseline.failOnImprovement", "wasrisc.strict", "wasrisc.matrix", "wasrisc.tool.wasm2c");

    private NestedRuns() {}

    static void clearOuterSettings() {
        OUTER_SETTINGS.forEach(System::clearProperty);
    }
}
