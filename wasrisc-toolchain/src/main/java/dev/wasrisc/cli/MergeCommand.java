package dev.wasrisc.cli;

import dev.wasrisc.GuestRun;
import dev.wasrisc.report.Reports;
import dev.wasrisc.report.ResultsFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code wasrisc merge DIR... --out DIR}: the reports of N bench shards as one. Refuses shards of
 * different commits or matrices, and an incomplete or doubled set of shards, since the merged table
 * would then silently differ from a single run's.
 */
final class MergeCommand {

    private final PrintStream out;

    MergeCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of("--out"), Set.of());
        if (args.positionals.isEmpty()) {
            throw new Args.UsageException("merge takes the report folders (or results.json files) of every shard");
        }
        Path outDir = Path.of(args.option("--out").orElse("wasrisc-report")).toAbsolutePath();
        try {
            List<ResultsFile> shards = new ArrayList<>();
            for (String name : args.positionals) {
                Path path = Path.of(name);
                shards.add(ResultsFile.read(Files.isDirectory(path) ? path.resolve("results.json") : path));
            }
            check(shards);
            List<GuestRun> runs = new ArrayList<>();
            Map<String, String> tools = new java.util.TreeMap<>();
            shards.forEach(shard -> {
                runs.addAll(shard.runs());
                tools.putAll(shard.tools());
            });
            ResultsFile first = shards.get(0);
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("commit", first.commit());
            about.put("matrix", first.matrix());
            about.put("shard", "merged from " + shards.size());
            Reports.write(outDir, runs, tools, about);
            out.printf("merged %d shards of commit %s: %d runs of %d rows × %d cells%n", shards.size(), first.commit(),
                    runs.size(), first.matrix().path("rows").size(), first.matrix().path("cells").size());
            out.printf("Reports: %s/{results.json,report.md,report.html}%n", outDir);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("merging failed: " + e.getMessage(), e);
        }
    }

    static void check(List<ResultsFile> shards) {
        ResultsFile first = shards.get(0);
        for (ResultsFile shard : shards) {
            if (!shard.commit().equals(first.commit())) {
                throw new IllegalArgumentException("cannot merge: " + shard.file() + " is of commit " + shard.commit()
                        + ", " + first.file() + " of " + first.commit());
            }
            if (!shard.matrix().equals(first.matrix())) {
                throw new IllegalArgumentException("cannot merge: " + shard.file() + " benched another matrix than "
                        + first.file() + " (guests, inputs or cells differ)");
            }
            // Each shard lists the tools its cells used; a tool both used must be the same.
            for (Map.Entry<String, String> tool : shard.tools().entrySet()) {
                String other = first.tools().get(tool.getKey());
                if (other != null && !other.equals(tool.getValue())) {
                    throw new IllegalArgumentException("cannot merge: " + shard.file() + " ran " + tool.getKey() + " "
                            + tool.getValue() + ", " + first.file() + " ran " + other);
                }
            }
        }
        int count = Integer.parseInt(first.shard().split("/")[1]);
        Set<String> seen = new TreeSet<>();
        for (ResultsFile shard : shards) {
            if (!shard.shard().matches("\\d+/" + count) || !seen.add(shard.shard())) {
                throw new IllegalArgumentException("cannot merge: shard " + shard.shard() + " of " + shard.file()
                        + (seen.contains(shard.shard()) ? " is given twice" : " is not one of " + count));
            }
        }
        if (seen.size() != count) {
            throw new IllegalArgumentException("cannot merge: " + count + " shards make the matrix, " + seen.size()
                    + " given (" + String.join(", ", seen) + ")");
        }
    }
}
