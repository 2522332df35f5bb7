package dev.wasrisc.tool;

import java.util.List;

/**
 * Something a pipeline needs from the machine: a program on the PATH or a file a package installs
 * (a runtime source, a library).
 *
 * @param name short name, also the key of the {@code wasrisc.tool.NAME} override property
 * @param candidates program names looked up on the PATH, or absolute paths, tried in order
 * @param versionArgs arguments that make the program print its version; empty for files, whose
 *     version is their content hash
 * @param installHint what to do when it is missing
 */
public record Tool(String name, List<String> candidates, List<String> versionArgs, String installHint) {

    public Tool {
        candidates = List.copyOf(candidates);
        versionArgs = List.copyOf(versionArgs);
    }

    public static Tool program(String name, String installHint, String... candidates) {
        return new Tool(name, List.of(candidates), List.of("--version"), installHint);
    }

    public static Tool file(String name, String installHint, String... candidates) {
        return new Tool(name, List.of(candidates), List.of(), installHint);
    }

    public boolean isProgram() {
        return !versionArgs.isEmpty();
    }
}
