package dev.wasrisc.cli;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Pipeline;
import dev.wasrisc.Target;
import java.util.ArrayList;
import java.util.List;

/** Renders bench results as a plain-text guest × pipeline table, like the seed's. */
final class BenchTable {

    private BenchTable() {}

    static String render(List<String> guests, List<Pipeline> cells, List<List<BenchCell>> results) {
        return render(guests, cells, results, BenchTable::format);
    }

    /** Seconds each cell's build took when it ran (a cached cell keeps the time of its original build). */
    static String renderBuildTimes(List<String> guests, List<Pipeline> cells, List<List<BenchCell>> results) {
        return render(guests, cells, results, (cell, baseline) -> cell.run() == null
                ? cell.status()
                : String.format("%.1f", cell.run().buildTime().toMillis() / 1000.0));
    }

    private interface CellFormat {
        String format(BenchCell cell, GuestRun baseline);
    }

    private static String render(List<String> guests, List<Pipeline> cells, List<List<BenchCell>> results,
            CellFormat cellFormat) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[cells.size() + 1];
        header[0] = "guest";
        for (int c = 0; c < cells.size(); c++) {
            header[c + 1] = cells.get(c).displayName();
        }
        rows.add(header);
        for (int g = 0; g < guests.size(); g++) {
            List<BenchCell> row = results.get(g);
            GuestRun baseline = baseline(row);
            String[] line = new String[cells.size() + 1];
            line[0] = guests.get(g);
            for (int c = 0; c < cells.size(); c++) {
                line[c + 1] = cellFormat.format(row.get(c), baseline);
            }
            rows.add(line);
        }
        return layout(rows);
    }

    private static GuestRun baseline(List<BenchCell> row) {
        for (BenchCell cell : row) {
            if (cell.pipeline().name().equals("direct") && cell.run() != null && cell.run().instructions() > 0) {
                return cell.run();
            }
        }
        return null;
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
