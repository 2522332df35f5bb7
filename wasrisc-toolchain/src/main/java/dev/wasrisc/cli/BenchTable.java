package dev.wasrisc.cli;

import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import java.util.ArrayList;
import java.util.List;

/** Renders bench results as a plain-text guest × pipeline table, like the seed's. */
final class BenchTable {

    private BenchTable() {}

    /** Which cell of a row a cell's ratio is to ({@code direct} in the main table). */
    interface BaselineRule {
        boolean isBaseline(Pipeline cell);
    }

    /** The best native build: direct without a code variant. */
    static final BaselineRule BEST_NATIVE = cell -> cell.name().equals("direct") && !cell.sameCodeAsWasm();

    /** direct compiling the code the WebAssembly build compiles. */
    static final BaselineRule SAME_CODE = cell -> cell.name().equals("direct") && cell.sameCodeAsWasm();

    static String render(List<String> rows, List<Pipeline> cells, List<List<BenchCell>> results, BaselineRule rule) {
        return render(rows, cells, results, rule, BenchTable::format);
    }

    /**
     * Instructions per unit of work each run reported (per gas), one row per guest and input, with
     * the work in the row's label; empty when no run reported work.
     */
    static String renderPerWork(List<String> rows, List<Pipeline> cells, List<List<BenchCell>> results) {
        List<String> labels = new ArrayList<>();
        List<List<BenchCell>> kept = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            GuestRun.Work work = results.get(r).stream().map(BenchCell::run)
                    .filter(run -> run != null && run.work() != null).map(GuestRun::work).findFirst().orElse(null);
            if (work != null) {
                labels.add(rows.get(r) + " (" + work + ")");
                kept.add(results.get(r));
            }
        }
        if (labels.isEmpty()) {
            return "";
        }
        return render(labels, cells, kept, BEST_NATIVE, (cell, baseline) -> {
            GuestRun run = cell.run();
            if (run == null || Double.isNaN(run.instructionsPerWork())) {
                return cell.status().isEmpty() ? "-" : cell.status();
            }
            return (run.exactCount() ? "" : "~") + String.format("%,.1f", run.instructionsPerWork());
        });
    }

    /**
     * For the rows whose guest called the zkVM accelerators: the instructions outside them (what a
     * zkVM serving them as precompiles still executes) and the calls, per accelerator; empty when
     * no run called one.
     */
    static String renderAccelerators(List<String> rows, List<Pipeline> cells, List<List<BenchCell>> results) {
        List<String> labels = new ArrayList<>();
        List<List<BenchCell>> kept = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (results.get(r).stream().anyMatch(cell -> cell.run() != null && !cell.run().accelerators().isEmpty())) {
                labels.add(rows.get(r));
                kept.add(results.get(r));
            }
        }
        if (labels.isEmpty()) {
            return "";
        }
        return render(labels, cells, kept, BEST_NATIVE, (cell, baseline) -> {
            GuestRun run = cell.run();
            if (run == null || run.instructions() < 0) {
                return cell.status().isEmpty() ? "-" : cell.status();
            }
            StringBuilder text = new StringBuilder((run.exactCount() ? "" : "~")
                    + String.format("%,d", run.instructionsOutsideAccelerators()));
            String calls = String.join(", ", run.accelerators().stream()
                    .map(use -> use.name() + " " + String.format("%,d", use.calls())).toList());
            return text.append(calls.isEmpty() ? "" : " (" + calls + ")").toString();
        });
    }

    /** Seconds each cell's build took when it ran (a cached cell keeps the time of its original build). */
    static String renderBuildTimes(List<String> guests, List<Pipeline> cells, List<List<BenchCell>> results) {
        return render(guests, cells, results, BEST_NATIVE, (cell, baseline) -> cell.run() == null
                ? cell.status()
                : String.format("%.1f", cell.run().buildTime().toMillis() / 1000.0));
    }

    private interface CellFormat {
        String format(BenchCell cell, GuestRun baseline);
    }

    private static String render(List<String> guests, List<Pipeline> cells, List<List<BenchCell>> results,
            BaselineRule rule, CellFormat cellFormat) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[cells.size() + 1];
        header[0] = "guest";
        for (int c = 0; c < cells.size(); c++) {
            header[c + 1] = cells.get(c).displayName();
        }
        rows.add(header);
        for (int g = 0; g < guests.size(); g++) {
            List<BenchCell> row = results.get(g);
            String[] line = new String[cells.size() + 1];
            line[0] = guests.get(g);
            for (int c = 0; c < cells.size(); c++) {
                line[c + 1] = cellFormat.format(row.get(c), baseline(row, cells.get(c), rule));
            }
            rows.add(line);
        }
        return layout(rows);
    }

    /**
     * The row's direct run the rule picks, built with the cell's Go toolchain where the row has
     * one (so toolchains are compared with themselves), else with the installed Go.
     */
    private static GuestRun baseline(List<BenchCell> row, Pipeline cell, BaselineRule rule) {
        GuestRun fallback = null;
        for (BenchCell candidate : row) {
            GuestRun run = candidate.run();
            if (!rule.isBaseline(candidate.pipeline()) || run == null || run.instructions() <= 0) {
                continue;
            }
            if (candidate.pipeline().goToolchain().equals(cell.goToolchain())) {
                return run;
            }
            if (fallback == null && candidate.pipeline().goToolchain().isEmpty()) {
                fallback = run;
            }
        }
        return fallback;
    }

    private static String format(BenchCell cell, GuestRun baseline) {
        GuestRun run = cell.run();
        if (run == null || run.instructions() < 0) {
            return cell.status();
        }
        // "~": the guest ran threads, so the count varies a little between runs.
        StringBuilder text = new StringBuilder((run.exactCount() ? "" : "~") + String.format("%,d", run.instructions()));
        if (baseline != null && run != baseline) {
            text.append(String.format(" (%.2f×)", (double) run.instructions() / baseline.instructions()));
        }
        if (run.target() != Target.RV64IM) {
            text.append(" [").append(run.target().id()).append(']');
        }
        if (!run.code().isEmpty()) {
            // Compiles other code than its column says (cgo): its ratio compares different programs.
            text.append(" [").append(String.join(", ", run.code())).append(']');
        }
        if (!cell.status().isEmpty()) {
            text.append(' ').append(cell.status());
        }
        return text.toString();
    }

    private static String layout(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < columns; c++) {
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                text.append(String.format(format, row[c]));
            }
            text.append('\n');
            if (r == 0) {
                text.append("-".repeat(text.length() - 1)).append('\n');
            }
        }
        return text.toString();
    }
}
