package dev.wasrisc.tool;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline cannot run here because tools are missing. The JUnit extension turns this into a
 * skipped test (or, in strict mode, a failure) carrying the same message.
 */
public class ToolMissingException extends RuntimeException {

    private final List<Tool> missing;

    public ToolMissingException(String what, List<Tool> missing) {
        super(what + " needs " + describe(missing));
        this.missing = List.copyOf(missing);
    }

    public List<Tool> missing() {
        return missing;
    }

    public static String describe(List<Tool> tools) {
        return tools.stream()
                .map(t -> t.name() + " (not found; " + t.installHint() + ")")
                .collect(Collectors.joining(", "));
    }
}
