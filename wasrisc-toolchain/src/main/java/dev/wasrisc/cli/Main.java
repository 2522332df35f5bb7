package dev.wasrisc.cli;

import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.build.CacheInventory;
import dev.wasrisc.exec.Executors;
import dev.wasrisc.settings.Settings;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code ./wasrisc COMMAND ...}: doctor, run, bench, merge, cache. */
public final class Main {

    static final String USAGE = """
            usage: wasrisc COMMAND [OPTIONS]

              doctor                      every pipeline: available or not, tool paths and versions, what to install
              run GUEST --pipeline NAME [-O N] [--input FILE] [--json] [--profile [--compare CELL]
                  [--profile-out DIR]] [--reference] [--timeout SECONDS] [-- ARGS...]
                                          build GUEST (such as c/fibonacci) through a pipeline and run it,
                                          with FILE (default: the guest's "input" in wasrisc.json) on stdin;
                                          --profile follows calls and lists the 20 functions with the most
                                          instructions (with --compare CELL: beside CELL's, function by
                                          function, and those that grew most); --profile-out writes the
                                          call stacks to DIR: folded, flame graph SVG, pprof .pb.gz (and
                                          with --compare a differential flame graph and table),
                                          --reference compares with the module run in Chicory on the JVM
              bench [GUEST...] [--pipelines direct-O2,wasm2c-O2,...] [--inputs all] [--out DIR] [--profile]
                  [--compare CELL] [--shard I/N] [--verbose]
                                          every guest (heavy ones such as go/stateless when named) on its
                                          input (--inputs all: each file in its inputs/ folder) through
                                          every available pipeline cell: a table of
                                          instruction counts and ratios to direct (--compare: a second
                                          table with ratios to CELL), and the report files
                                          (results.json, report.md, report.html; with --profile, each
                                          cell's top functions and flame graph, and one against the
                                          row's direct cell, files in DIR/profiles) in DIR (default wasrisc-report);
                                          --shard: only this machine's share of the cells (stable by name);
                                          progress: a status line on a terminal, a line per cell in logs,
                                          every build step with --verbose
              merge DIR... [--out DIR]    the reports of bench --shard I/N runs (their --out folders) as one
                                          report; refuses shards of other commits, matrices or tools
              profile-diff BASE.folded NEW.folded [--out DIR]
                                          two saved profiles (run --profile-out's .folded), e.g. before and
                                          after a change: the functions that grew most; with --out the
                                          differential flame graph and table
              cache [prune [--older-than AGE] [--max-size SIZE] | verify]
                                          the local build cache: entries, sizes, leftovers of killed builds;
                                          prune removes entries least recently used first (AGE: 30d, 12h;
                                          SIZE: 20G, 500M); verify checks every entry's files against its
                                          manifest and names the damaged ones (exit 1)

            Properties (-Dname=value before the class, or WASRISC_JAVA_OPTS): wasrisc.cache, wasrisc.root,
            wasrisc.guests, wasrisc.timeout, wasrisc.profile, wasrisc.tool.NAME,
            wasrisc.executor (local or docker), wasrisc.docker.image, wasrisc.cache.remote (URL),
            wasrisc.cache.remote.push, wasrisc.cache.remote.timeout, wasrisc.shard,
            wasrisc.baseline (bench: check or update, against wasrisc.baseline.file)
            """;

    private Main() {}

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("help")) {
            out.print(USAGE);
            return argv.isEmpty() ? 64 : 0;
        }
        List<String> rest = argv.subList(1, argv.size());
        try {
            WasriscConfig config = WasriscConfig.fromSystemProperties();
            // bench shows cells and a status line; the other commands every build step.
            BenchConsole console = new BenchConsole(err, BenchConsole.isTerminal(), rest.contains("--verbose"));
            BuildProgress progress = argv.get(0).equals("bench") ? console.steps() : new ConsoleProgress(err);
            Wasrisc wasrisc = new Wasrisc(config, Executors.from(Settings.systemProperties(), config.folders()), progress);
            return switch (argv.get(0)) {
                case "doctor" -> new DoctorCommand(wasrisc, out).run(rest);
                case "run" -> new RunCommand(wasrisc, out, err).run(rest);
                case "bench" -> new BenchCommand(wasrisc, out, err, console).run(rest);
                case "merge" -> new MergeCommand(out).run(rest);
                case "profile-diff" -> new ProfileDiffCommand(out).run(rest);
                case "cache" -> new CacheCommand(new CacheInventory(config.cacheDir()), out).run(rest);
                default -> throw new Args.UsageException("unknown command '" + argv.get(0) + "'");
            };
        } catch (Args.UsageException e) {
            err.println("wasrisc: " + e.getMessage());
            err.print(USAGE);
            return 64;
        } catch (RuntimeException e) {
            err.println("wasrisc: " + e.getMessage());
            return 2;
        }
    }
}
