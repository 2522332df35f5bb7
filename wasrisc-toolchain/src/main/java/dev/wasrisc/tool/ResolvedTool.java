package dev.wasrisc.tool;

import java.nio.file.Path;

/** A tool found on this machine. {@code version} goes into build cache keys. */
public record ResolvedTool(Tool tool, Path path, String version) {

    public String name() {
        return tool.name();
    }
}
