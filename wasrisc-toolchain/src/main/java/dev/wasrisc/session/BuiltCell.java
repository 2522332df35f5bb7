package dev.wasrisc.session;

import dev.wasrisc.cell.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A finished cache entry of one cell, as runs need it. */
public record BuiltCell(Target target, Path elf, List<String> launchArgs, long bytes, Duration buildTime,
        boolean builtNow, List<String> code, Map<String, Long> rewrites) {}
