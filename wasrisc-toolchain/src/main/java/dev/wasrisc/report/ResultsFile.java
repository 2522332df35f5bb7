package dev.wasrisc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.profile.Profile;
import dev.wasrisc.run.AcceleratorUse;
import dev.wasrisc.run.ZiskCost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code results.json} read back: what {@code wasrisc merge} combines. Runs come back with what
 * the reports show (counts, exit codes, work, top functions), not their output.
 *
 * @param shard {@code I/N}, or {@code 1/1} for a whole run
 */
public record ResultsFile(Path file, String commit, JsonNode matrix, String shard, Map<String, String> tools,
        List<GuestRun> runs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ResultsFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no results.json at " + file);
        }
        JsonNode root = JSON.readTree(file.toFile());
        if (!root.has("commit") || !root.has("matrix")) {
            throw new IOException(file + " names no commit and matrix: it was written before wasrisc could shard; "
                    + "run bench again");
        }
        Map<String, String> tools = new LinkedHashMap<>();
        root.path("tools").fields().forEachRemaining(entry -> tools.put(entry.getKey(), entry.getValue().asText()));
        List<GuestRun> runs = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            runs.add(run(run));
        }
        return new ResultsFile(file, root.path("commit").asText(), root.path("matrix"), root.path("shard").asText("1/1"),
                tools, runs);
    }

    private static GuestRun run(JsonNode run) {
        List<String> args = new ArrayList<>();
        run.path("args").forEach(arg -> args.add(arg.asText()));
        JsonNode inputNode = run.path("input");
        GuestInput input = inputNode.isObject()
                ? GuestInput.described(inputNode.path("name").asText(), inputNode.path("bytes").asLong(),
                        inputNode.path("sha256").asText())
                : GuestInput.none();
        List<String> code = new ArrayList<>();
        run.path("code").forEach(flag -> code.add(flag.asText()));
        GuestRun.Work work = run.has("work")
                ? new GuestRun.Work(run.path("work").path("unit").asText(), run.path("work").path("amount").asLong())
                : null;
        Profile profile = null;
        if (run.has("topFunctions")) {
            List<Profile.FunctionCount> functions = new ArrayList<>();
            run.path("topFunctions").forEach(f -> functions.add(new Profile.FunctionCount(f.path("function").asText(),
                    f.path("instructions").asLong(), f.path("share").asDouble())));
            profile = Profile.of(run.path("instructions").asLong(), functions);
        }
        // results.json keeps neither the rewrites nor whether the run built its binary.
        GuestRun.Build build = new GuestRun.Build(run.path("guest").asText(), run.path("language").asText(),
                Pipeline.parse(run.path("cell").asText()), target(run.path("target").asText()),
                run.path("binaryBytes").asLong(), Duration.ofMillis(run.path("buildMillis").asLong()), code, Map.of(),
                false);
        return new GuestRun(build, args, input,
                new GuestRun.Outcome(run.path("exitCode").asInt(), "", "", run.path("timedOut").asBoolean(),
                        written(run)),
                new GuestRun.Measurement(run.path("instructions").asLong(), run.path("threads").asInt(1),
                        Duration.ofMillis(run.path("runMillis").asLong()), work, profile, cost(run.path("ziskCost")),
                        accelerators(run.path("accelerators"))));
    }

    /** The output's sizes as recorded; the limit only where a stream went past it. */
    private static OutputSizes written(JsonNode run) {
        return new OutputSizes(run.path("stdoutBytes").asLong(), run.path("stderrBytes").asLong(),
                run.path("outputLimitBytes").asLong(Long.MAX_VALUE));
    }

    private static List<AcceleratorUse> accelerators(JsonNode uses) {
        List<AcceleratorUse> accelerators = new ArrayList<>();
        for (JsonNode use : uses) {
            accelerators.add(new AcceleratorUse(use.path("name").asText(), use.path("calls").asLong(),
                    use.path("bytesIn").asLong(), use.path("instructions").asLong()));
        }
        return accelerators;
    }

    private static ZiskCost cost(JsonNode cost) {
        return cost.isObject() ? new ZiskCost(cost.path("total").asLong(), cost.path("variable").asLong(),
                cost.path("main").asLong(), cost.path("opcodes").asLong(), cost.path("precompiles").asLong(),
                cost.path("memory").asLong()) : null;
    }

    private static Target target(String id) {
        for (Target target : Target.values()) {
            if (target.id().equals(id)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown target '" + id + "' in results.json");
    }
}
