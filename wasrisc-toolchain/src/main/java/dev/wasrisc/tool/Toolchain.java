package dev.wasrisc.tool;

import dev.wasrisc.build.Hashing;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds tools on this machine and knows their versions. A tool is looked up once per JVM; the
 * setting {@code wasrisc.tool.NAME} (or the environment variable {@code WASRISC_TOOL_NAME},
 * upper case, dashes as underscores) points a tool at a path of the user's choosing.
 */
public final class Toolchain {

    private final Executor executor;
    private final Settings settings;
    private final Map<String, Optional<ResolvedTool>> resolved = new ConcurrentHashMap<>();
    private final Map<String, String> identities = new ConcurrentHashMap<>();

    public Toolchain(Executor executor, Settings settings) {
        this.executor = executor;
        this.settings = settings;
    }

    public Optional<ResolvedTool> find(Tool tool) {
        return resolved.computeIfAbsent(tool.name(), name -> locate(tool).map(path -> resolve(tool, path)));
    }

    public ResolvedTool require(Tool tool) {
        return find(tool).orElseThrow(() -> new ToolMissingException(tool.name(), List.of(tool)));
    }

    public Path path(Tool tool) {
        return require(tool).path();
    }

    /**
     * What a build action's key holds of a tool: its name, path, version and, for programs, the
     * digest of the file itself (a version string need not change when the binary does). Computed
     * once per session.
     */
    public String identity(Tool tool) {
        ResolvedTool found = require(tool);
        return identities.computeIfAbsent(tool.name(), name -> {
            String digest = found.version();
            if (tool.isProgram()) {
                try {
                    digest = "sha256:" + executor.keyDigest(found.path());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + found.path() + " to identify " + name, e);
                }
            }
            return name + " " + found.path() + " " + found.version() + " " + digest;
        });
    }

    /** Every tool looked up so far that was found, by name, with its version: for reports. */
    public Map<String, String> foundVersions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        resolved.forEach((name, tool) -> tool.ifPresent(t -> versions.put(name, t.version())));
        return versions;
    }

    /** The tools of {@code needed} that are not on this machine, in order. */
    public List<Tool> missing(Collection<Tool> needed) {
        List<Tool> missing = new ArrayList<>();
        for (Tool tool : needed) {
            if (find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        return missing;
    }

    private Optional<Path> locate(Tool tool) {
        String override = settings.get("wasrisc.tool." + tool.name())
                .orElse(System.getenv("WASRISC_TOOL_" + tool.name().toUpperCase().replace('-', '_')));
        List<String> candidates = override != null ? List.of(override) : tool.candidates();
        for (String candidate : candidates) {
            Optional<Path> found = candidate.contains("/") ? existing(Path.of(candidate)) : onPath(candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Path> existing(Path path) {
        return executor.isFile(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
    }

    private Optional<Path> onPath(String program) {
        for (String dir : executor.searchPath()) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (executor.isExecutableFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private ResolvedTool resolve(Tool tool, Path path) {
        return new ResolvedTool(tool, path, tool.isProgram() ? programVersion(tool, path) : fileVersion(path));
    }

    private String programVersion(Tool tool, Path path) {
        Command command = Command.of(path).args(tool.versionArgs())
                .in(Path.of(System.getProperty("java.io.tmpdir")))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            CommandResult result = executor.execute(command);
            String text = (result.stdoutText() + result.stderrText()).strip();
            return text.isEmpty() ? "unknown" : text.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String fileVersion(Path path) {
        try {
            return "sha256:" + Hashing.sha256(executor.readFile(path)).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
