package dev.wasrisc.build;

import java.util.List;
import java.util.Map;

/** What the build cache keeps about one build, next to the binary ({@code build.json}). */
public record BuildRecord(
        String guest,
        String language,
        String pipeline,
        int optLevel,
        String target,
        long buildMillis,
        Map<String, String> tools,
        List<String> commands) {}
