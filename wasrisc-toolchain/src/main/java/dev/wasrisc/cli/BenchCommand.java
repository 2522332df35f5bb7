package dev.wasrisc.cli;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.build.BuildException;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Shard;
import dev.wasrisc.cell.Target;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.policy.BaselineCheck;
import dev.wasrisc.policy.RunPolicy;
import dev.wasrisc.policy.Verdicts;
import dev.wasrisc.report.Provenance;
import dev.wasrisc.report.Reports;
import dev.wasrisc.resolve.Resolution;
import dev.wasrisc.settings.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every guest through every pipeline cell, builds in parallel (bounded by cores), then the guest ×
 * pipeline table of instruction counts with each cell's ratio to {@code direct}.
 */
final class BenchCommand {

    private final Wasrisc wasrisc;
    private final PrintStream out;
    private final PrintStream err;
    private final BenchConsole console;

    BenchCommand(Wasrisc wasrisc, PrintStream out, PrintStream err, BenchConsole console) {
        this.wasrisc = wasrisc;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    /** What the command line asks bench for. */
    private record Options(List<String> guests, List<Pipeline> cells, Shard shard, boolean profile, boolean allInputs,
            Path reportDir, Pipeline compareTo, BaselineCheck baseline) {}

    int run(List<String> argv) {
        Options options = parse(argv);
        long start = System.nanoTime();
        List<BenchRow> benchRows = plan(options);
        List<String> labels = benchRows.stream().map(BenchRow::label).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<List<BenchCell>> table = measureTable(pool, benchRows, options);
            console.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            printTables(labels, options, table, seconds, threads);
            OutputAgreement agreement = printAgreement(benchRows, table);
            boolean baselineHeld = holdToBaseline(options.baseline(), table);
            writeReports(labels, options, table);
            printFailures(table);
            return !agreement.agrees() || !baselineHeld || table.stream().flatMap(List::stream).anyMatch(BenchCell::failed)
                    ? 1 : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the reports failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Options parse(List<String> argv) {
        Args args = Args.parse(argv, Set.of("--pipelines", "--out", "--inputs", "--compare", "--shard"), Set.of("--profile", "--verbose"));
        Shard shard;
        try {
            shard = args.option("--shard").or(() -> Optional.ofNullable(System.getProperty("wasrisc.shard")))
                    .map(Shard::parse).orElse(Shard.ALL);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--shard: " + e.getMessage());
        }
        boolean profile = args.flag("--profile");
        String inputs = args.option("--inputs").orElse("default");
        if (!inputs.equals("default") && !inputs.equals("all")) {
            throw new Args.UsageException("--inputs takes default (each guest's \"input\") or all (every file in "
                    + "each guest's inputs/ folder), was '" + inputs + "'");
        }
        Path reportDir = Path.of(args.option("--out").orElse("wasrisc-report")).toAbsolutePath();
        // Heavy guests (go/stateless: tens of minutes per cell) run when named, so the default table
        // keeps a build time a fresh machine can afford.
        List<String> guests = args.positionals.isEmpty()
                ? wasrisc.guests().names().stream().filter(name -> !wasrisc.guest(name).guest().settings().heavy()).toList()
                : args.positionals;
        List<Pipeline> cells = args.option("--pipelines")
                .map(list -> Arrays.stream(list.split(",")).map(Pipeline::parse).toList())
                .orElseGet(Pipelines::benchCells);
        String compareText = args.option("--compare").orElse(null);
        Pipeline compareTo = compareText == null ? null : Pipeline.parse(compareText);
        if (compareTo != null && !cells.contains(compareTo)) {
            throw new Args.UsageException("--compare names the cell the ratios are to, one of the cells benched ("
                    + String.join(", ", cells.stream().map(Pipeline::id).toList()) + "), was '" + compareText + "'");
        }
        return new Options(guests, cells, shard, profile, inputs.equals("all"), reportDir, compareTo, baselineCheck());
    }

    /**
     * Only when {@code wasrisc.baseline} asks for it (check or update, with the tests' other baseline
     * settings): bench never read a baseline, so a wasrisc-baseline.json in the working folder must
     * not start failing it.
     */
    private static BaselineCheck baselineCheck() {
        Settings settings = Settings.systemProperties();
        return settings.get("wasrisc.baseline").isPresent() ? BaselineCheck.from(settings) : BaselineCheck.off();
    }

    /** One row per guest, or per guest and input with {@code --inputs all}. */
    private List<BenchRow> plan(Options options) {
        List<BenchRow> benchRows = new ArrayList<>();
        for (String name : options.guests()) {
            GuestProgram program = wasrisc.guest(name);
            benchRows.addAll(options.allInputs() ? BenchRow.everyInput(program) : List.of(BenchRow.of(program)));
        }
        return benchRows;
    }

    /** Every cell of this shard built and run on the pool; the others marked as another shard's. */
    private List<List<BenchCell>> measureTable(ExecutorService pool, List<BenchRow> benchRows, Options options)
            throws InterruptedException, ExecutionException {
        List<Pipeline> cells = options.cells();
        Shard shard = options.shard();
        List<List<Future<BenchCell>>> rows = new ArrayList<>();
        console.start((int) benchRows.stream().flatMap(row -> cells.stream().map(cell -> shardName(row, cell)))
                .filter(shard::contains).count());
        for (BenchRow benchRow : benchRows) {
            List<Future<BenchCell>> row = new ArrayList<>();
            for (Pipeline cell : cells) {
                String name = shardName(benchRow, cell);
                if (shard.contains(name)) {
                    row.add(pool.submit(() -> measure(benchRow, cell, options.profile())));
                } else {
                    row.add(java.util.concurrent.CompletableFuture.completedFuture(
                            BenchCell.otherShard(benchRow.label(), cell, Shard.of(name, shard.count()))));
                }
            }
            rows.add(row);
        }
        List<List<BenchCell>> table = new ArrayList<>();
        for (List<Future<BenchCell>> row : rows) {
            List<BenchCell> results = new ArrayList<>();
            for (Future<BenchCell> cell : row) {
                results.add(cell.get());
            }
            table.add(results);
        }
        return table;
    }

    private void printTables(List<String> labels, Options options, List<List<BenchCell>> table, double seconds,
            int threads) {
        List<Pipeline> cells = options.cells();
        out.print(BenchTable.render(labels, cells, table, BenchTable.BEST_NATIVE));
        out.printf("%n%d rows × %d pipeline cells in %.1f s (%d build threads); counts are RISC-V instructions "
                + "executed under qemu-riscv64, ratios are to direct%n", labels.size(), cells.size(), seconds, threads);
        if (cells.stream().anyMatch(Pipeline::sameCodeAsWasm)) {
            out.printf("%nThe same counts with ratios to direct purego, which compiles the code the WebAssembly "
                    + "build compiles (Go: -tags purego, no hand-written crypto assembly): each pipeline's own "
                    + "overhead on identical code%n");
            out.print(BenchTable.render(labels, cells, table, BenchTable.SAME_CODE));
        }
        Pipeline compareTo = options.compareTo();
        if (compareTo != null) {
            // One base for every column: how a change of cell options (a memory model, a compiler)
            // moves each guest reads as one table.
            out.printf("%nThe same counts with ratios to %s%n", compareTo.displayName());
            out.print(BenchTable.render(labels, cells, table, compareTo::equals));
        }
        String perWork = BenchTable.renderPerWork(labels, cells, table);
        if (!perWork.isEmpty()) {
            out.printf("%nInstructions per unit of work the guest reported (per gas for a block), as the work grows:%n");
            out.print(perWork);
        }
        String accelerators = BenchTable.renderAccelerators(labels, cells, table);
        if (!accelerators.isEmpty()) {
            out.printf("%nInstructions outside the zkVM accelerators (what a zkVM serving them still executes), "
                    + "and the calls to each:%n");
            out.print(accelerators);
        }
        out.printf("%nBuild time in seconds (cold, as recorded when each cell was built):%n");
        out.print(BenchTable.renderBuildTimes(labels, cells, table));
    }

    /**
     * Every run that did what its guest should, held to the baseline by the {@link RunPolicy} the
     * tests use (under the name {@code bench}): what it says is printed, an update is written.
     * Whether every run held.
     */
    private boolean holdToBaseline(BaselineCheck baseline, List<List<BenchCell>> table) {
        if (baseline.mode() == BaselineCheck.Mode.OFF) {
            return true;
        }
        RunPolicy policy = new RunPolicy("bench", List.of(), List.of(), baseline);
        List<String> lines = new ArrayList<>();
        boolean held = true;
        for (List<BenchCell> row : table) {
            for (BenchCell cell : row) {
                if (cell.run() == null || cell.failed()) {
                    continue; // a failed cell fails bench already; its count is not one to record
                }
                Verdicts verdicts = policy.verdicts(cell.run(), (like, other) -> row.stream()
                        .filter(candidate -> candidate.pipeline().equals(other) && candidate.run() != null)
                        .map(BenchCell::run).findFirst()
                        .orElseThrow(() -> new IllegalStateException(like.guest() + " has no run via " + other.id())));
                verdicts.violations().forEach(violation -> lines.add(violation.message()));
                lines.addAll(verdicts.notes());
                held &= verdicts.held();
            }
        }
        if (baseline.mode() == BaselineCheck.Mode.UPDATE) {
            try {
                baseline.save();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("writing the baseline failed", e);
            }
            out.printf("%nBaseline written to %s%n", baseline.file().toAbsolutePath());
        } else if (!lines.isEmpty()) {
            out.printf("%nBaseline %s:%n", baseline.file().toAbsolutePath());
            lines.forEach(line -> out.println("  " + line));
        }
        return held;
    }

    /** Whether each row's cells printed the same, and where they did not. */
    private OutputAgreement printAgreement(List<BenchRow> benchRows, List<List<BenchCell>> table) {
        OutputAgreement agreement = OutputAgreement.of(benchRows, table);
        String agreementText = agreement.render();
        if (!agreementText.isEmpty()) {
            out.printf("%nOutput:%n");
            out.print(agreementText);
        }
        return agreement;
    }

    private void writeReports(List<String> labels, Options options, List<List<BenchCell>> table)
            throws java.io.IOException {
        List<GuestRun> runs = table.stream().flatMap(List::stream).map(BenchCell::run)
                .filter(java.util.Objects::nonNull).toList();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("commit", Provenance.commit(Path.of(System.getProperty("wasrisc.root", "."))));
        about.put("matrix", Map.of("rows", labels, "cells", options.cells().stream().map(Pipeline::id).toList()));
        about.put("shard", options.shard().toString());
        wasrisc.remoteCache().ifPresent(remote -> {
            about.put("remoteCache", remote.stats().asMap());
            out.printf("%n%s (%s%s)%n", remote.stats(), remote.base(), remote.pushes() ? "" : ", read-only");
        });
        Reports.write(options.reportDir(), runs, wasrisc.toolchain().foundVersions(), about);
        out.printf("%nReports%s: %s/{results.json,report.md,report.html}%n",
                options.shard().count() == 1 ? "" : " of shard " + options.shard() + " (wasrisc merge combines shards)",
                options.reportDir());
    }

    /** What a bench cell is called for sharding: the row (guest and input) and the cell's id. */
    static String shardName(BenchRow row, Pipeline cell) {
        return row.label() + " · " + cell.id();
    }

    private BenchCell measure(BenchRow row, Pipeline cell, boolean profile) {
        BenchCell result = run(row, cell, profile);
        String outcome = result.run() != null && !result.failed()
                ? String.format("%,d %s%s", result.run().instructions(),
                        result.run().target() == Target.ZISK ? "ZisK steps" : "instructions",
                        result.status().isEmpty() ? ""
                        : " (" + result.status() + ")")
                : result.status() + (result.detail() == null ? "" : ": " + firstLine(result.detail()));
        console.cellDone(row.label(), cell.displayName(), outcome, result.cached(), result.failed());
        return result;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private BenchCell run(BenchRow row, Pipeline cell, boolean profile) {
        GuestProgram program = row.program();
        if (wasrisc.resolver().resolve(program.guest(), cell) instanceof Resolution.Refusal refusal) {
            if (refusal.kind() == Resolution.Kind.INVALID_OPTION) {
                throw refusal.exception(); // a mistake in --pipelines, not a cell to show as skipped
            }
            return BenchCell.skipped(row.label(), cell, refusal.reason());
        }
        try {
            GuestBinary binary = program.build(cell).withInput(row.input());
            GuestRun run = profile ? binary.profile() : binary.run();
            return BenchCell.ran(run, program.guest().settings().traps(), !binary.builtNow());
        } catch (BuildException e) {
            return BenchCell.failed(row.label(), cell, "build failed", e.getMessage());
        } catch (dev.wasrisc.guest.NotApplicableException e) {
            return BenchCell.skipped(row.label(), cell, e.getMessage());
        }
    }

    private void printFailures(List<List<BenchCell>> table) {
        for (List<BenchCell> row : table) {
            for (BenchCell cell : row) {
                if (cell.detail() != null) {
                    err.println();
                    err.println(cell.guest() + " via " + cell.pipeline() + ": " + cell.detail());
                }
            }
        }
    }
}
