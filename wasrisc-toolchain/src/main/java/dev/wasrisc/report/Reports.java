package dev.wasrisc.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasrisc.GuestRun;
import dev.wasrisc.run.AcceleratorUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three report files of a bench or test run: {@code results.json} (every run), {@code report.md}
 * (guests as rows, pipeline cells as columns, each count with its ratio to {@code direct}) and a
 * self-contained {@code report.html} with the same table and a log-scale bar chart.
 */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Functions listed per profiled run in the reports. */
    static final int TOP_FUNCTIONS = 10;

    private Reports() {}

    public static void write(Path dir, List<GuestRun> runs, Map<String, String> tools) throws IOException {
        write(dir, runs, tools, Map.of());
    }

    /**
     * @param about what the run was (commit, matrix, shard, remote cache counters): first in
     *     results.json, where {@code wasrisc merge} checks it
     */
    public static void write(Path dir, List<GuestRun> runs, Map<String, String> tools, Map<String, Object> about)
            throws IOException {
        Files.createDirectories(dir);
        Matrix matrix = Matrix.of(runs);
        Map<String, Object> results = new LinkedHashMap<>(about);
        results.put("tools", tools);
        results.put("runs", runs.stream().map(Reports::fields).toList());
        Files.writeString(dir.resolve("results.json"), JSON.writeValueAsString(results) + "\n");
        ProfileSection profiles = new ProfileSection(matrix);
        Files.writeString(dir.resolve("report.md"), markdown(matrix, profiles));
        Files.writeString(dir.resolve("report.html"), html(matrix, profiles));
        profiles.writeFiles(dir.resolve("profiles"));
    }

    /** A run as JSON fields, shared by results.json and {@code wasrisc run --json}. */
    public static Map<String, Object> fields(GuestRun run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("guest", run.guest());
        row.put("language", run.language());
        row.put("pipeline", run.pipeline().name());
        row.put("optLevel", run.pipeline().optLevel());
        row.put("cell", run.pipeline().id());
        row.put("target", run.target().id());
        row.put("args", run.args());
        row.put("input", input(run.input()));
        row.put("exitCode", run.exitCode());
        row.put("timedOut", run.timedOut());
        row.put("instructions", run.instructions());
        row.put("exactCount", run.exactCount());
        if (!run.code().isEmpty()) {
            row.put("code", run.code());
        }
        if (run.work() != null) {
            row.put("work", Map.of("unit", run.work().unit(), "amount", run.work().amount()));
            row.put("instructionsPerWork", Math.round(run.instructionsPerWork() * 100) / 100.0);
        }
        row.put("threads", run.threads());
        row.put("binaryBytes", run.binaryBytes());
        row.put("buildMillis", run.buildTime().toMillis());
        row.put("runMillis", run.wallTime().toMillis());
        row.put("stdoutBytes", run.written().stdout());
        row.put("stderrBytes", run.written().stderr());
        if (!run.truncationNotes().isEmpty()) {
            row.put("outputTruncated", run.truncationNotes());
            row.put("outputLimitBytes", run.written().limit());
        }
        if (!run.accelerators().isEmpty()) {
            row.put("instructionsOutsideAccelerators", run.instructionsOutsideAccelerators());
            row.put("accelerators", run.accelerators().stream().map(AcceleratorUse::asMap).toList());
        }
        if (run.cost() != null) {
            row.put("ziskCost", run.cost().asMap());
        }
        if (run.profiled()) {
            row.put("topFunctions", run.profile().top(TOP_FUNCTIONS).stream().map(f -> {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put("function", f.function());
                function.put("instructions", f.instructions());
                function.put("share", Math.round(f.share() * 10000) / 10000.0);
                return function;
            }).toList());
        }
        return row;
    }

    /** The input as JSON: name, size and SHA-256; null when the run read none. */
    static Map<String, Object> input(dev.wasrisc.guest.GuestInput input) {
        if (input.isNone()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", input.name());
        fields.put("bytes", input.size());
        fields.put("sha256", input.sha256());
        return fields;
    }

    /** One run per row (guest, arguments and input) and column (pipeline cell); the first run of each wins. */
    record Matrix(List<String> rows, List<String> columns, Map<String, GuestRun> cells) {

        static Matrix of(List<GuestRun> runs) {
            Set<String> rows = new LinkedHashSet<>();
            Set<String> columns = new java.util.TreeSet<>(Matrix::compareColumns);
            Map<String, GuestRun> cells = new LinkedHashMap<>();
            for (GuestRun run : runs) {
                String row = row(run);
                rows.add(row);
                columns.add(run.pipeline().displayName());
                cells.putIfAbsent(row + "\u0000" + run.pipeline().displayName(), run);
            }
            List<String> sortedRows = new ArrayList<>(rows);
            sortedRows.sort(null);
            return new Matrix(sortedRows, new ArrayList<>(columns), cells);
        }

        /** direct first, then the others by name and level. */
        private static int compareColumns(String a, String b) {
            boolean directA = a.startsWith("direct ");
            boolean directB = b.startsWith("direct ");
            return directA != directB ? (directA ? -1 : 1) : a.compareTo(b);
        }

        static String row(GuestRun run) {
            String row = run.args().isEmpty() ? run.guest() : run.guest() + " " + String.join(" ", run.args());
            return run.input().isNone() ? row : row + " < " + run.input().name() + " (" + run.input().sha256()
                    .substring(0, 8) + ")";
        }

        /** The cells' profiled runs, in table order. */
        List<GuestRun> profiled() {
            List<GuestRun> profiled = new ArrayList<>();
            for (String row : rows) {
                for (String column : columns) {
                    GuestRun run = cell(row, column);
                    if (run != null && run.profiled()) {
                        profiled.add(run);
                    }
                }
            }
            return profiled;
        }

        GuestRun cell(String row, String column) {
            return cells.get(row + "\u0000" + column);
        }

        /** Rows some run of which reported the work it did, in table order. */
        List<String> workRows() {
            return rows.stream().filter(row -> work(row) != null).toList();
        }

        /** The work a row's runs reported (the first that did: every correct cell reports the same). */
        GuestRun.Work work(String row) {
            for (String column : columns) {
                GuestRun run = cell(row, column);
                if (run != null && run.work() != null) {
                    return run.work();
                }
            }
            return null;
        }

        String perWorkText(String row, String column) {
            GuestRun run = cell(row, column);
            if (run == null || Double.isNaN(run.instructionsPerWork())) {
                return "";
            }
            return (run.exactCount() ? "" : "~") + String.format("%,.1f", run.instructionsPerWork());
        }

        GuestRun baseline(String row) {
            for (String column : columns) {
                GuestRun run = cell(row, column);
                if (column.startsWith("direct ") && run != null && run.instructions() > 0) {
                    return run;
                }
            }
            return null;
        }

        String text(String row, String column) {
            GuestRun run = cell(row, column);
            if (run == null) {
                return "";
            }
            if (run.instructions() < 0) {
                return run.timedOut() ? "timeout" : "exit " + run.exitCode();
            }
            StringBuilder text = new StringBuilder(run.exactCount() ? "" : "~").append(String.format("%,d", run.instructions()));
            GuestRun baseline = baseline(row);
            if (baseline != null && baseline != run) {
                text.append(String.format(" (%.2f×)", (double) run.instructions() / baseline.instructions()));
            }
            if (!run.code().isEmpty()) {
                text.append(" [").append(String.join(", ", run.code())).append(']');
            }
            if (run.exitCode() != 0) {
                text.append(" exit ").append(run.exitCode());
            }
            return text.toString();
        }
    }

    static String markdown(Matrix matrix, ProfileSection profiles) {
        StringBuilder md = new StringBuilder("# WASRISC report\n\n");
        md.append("RISC-V instructions executed under qemu-riscv64; in parentheses the ratio to `direct`; "
                + "`~` marks counts of multi-threaded runs, which vary by a few percent.\n\n");
        md.append("| guest | target of direct |");
        matrix.columns().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---|");
        matrix.columns().forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String row : matrix.rows()) {
            GuestRun baseline = matrix.baseline(row);
            md.append("| ").append(row).append(" | ").append(baseline == null ? "" : baseline.target().id()).append(" |");
            for (String column : matrix.columns()) {
                md.append(' ').append(matrix.text(row, column)).append(" |");
            }
            md.append('\n');
        }
        List<String> workRows = matrix.workRows();
        if (!workRows.isEmpty()) {
            md.append("\n## Instructions per unit of work\n\nRISC-V instructions per unit of the work the guest "
                    + "reported (gas, for a block), as the work grows.\n\n| guest | work |");
            matrix.columns().forEach(c -> md.append(' ').append(c).append(" |"));
            md.append("\n|---|---:|");
            matrix.columns().forEach(c -> md.append("---:|"));
            md.append('\n');
            for (String row : workRows) {
                md.append("| ").append(row).append(" | ").append(matrix.work(row)).append(" |");
                for (String column : matrix.columns()) {
                    md.append(' ').append(matrix.perWorkText(row, column)).append(" |");
                }
                md.append('\n');
            }
        }
        if (!profiles.isEmpty()) {
            md.append(profiles.markdown());
        }
        return md.toString();
    }

    static String html(Matrix matrix, ProfileSection profiles) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>WASRISC report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child")
                .append("{text-align:left}svg text{font-size:12px}</style></head><body>\n")
                .append("<h1>WASRISC report</h1>\n<p>RISC-V instructions executed under qemu-riscv64; ratio to ")
                .append("<code>direct</code> in parentheses; ~ marks multi-threaded runs.</p>\n<table><tr><th>guest</th>"
                        + "<th>target of direct</th>");
        matrix.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr>\n");
        for (String row : matrix.rows()) {
            GuestRun baseline = matrix.baseline(row);
            html.append("<tr><td>").append(escape(row)).append("</td><td>")
                    .append(baseline == null ? "" : baseline.target().id()).append("</td>");
            for (String column : matrix.columns()) {
                html.append("<td>").append(escape(matrix.text(row, column))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Instructions (log scale)</h2>\n").append(chart(matrix)).append('\n');
        List<String> workRows = matrix.workRows();
        if (!workRows.isEmpty()) {
            html.append("<h2>Instructions per unit of work</h2>\n<p>RISC-V instructions per unit of the work the guest "
                    + "reported (gas, for a block), as the work grows.</p>\n<table><tr><th>guest</th><th>work</th>");
            matrix.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
            html.append("</tr>\n");
            for (String row : workRows) {
                html.append("<tr><td>").append(escape(row)).append("</td><td>").append(escape(matrix.work(row).toString()))
                        .append("</td>");
                for (String column : matrix.columns()) {
                    html.append("<td>").append(escape(matrix.perWorkText(row, column))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n").append(WorkChart.svg(matrix)).append('\n');
        }
        if (!profiles.isEmpty()) {
            html.append(profiles.html());
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static final String[] COLOURS = {"#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3"};

    /** Horizontal bars, one group per row, one bar per column, on a log10 axis. */
    static String chart(Matrix matrix) {
        long max = matrix.cells().values().stream().mapToLong(GuestRun::instructions).max().orElse(10);
        double decades = Math.max(1, Math.ceil(Math.log10(Math.max(max, 10))));
        int label = 220;
        int width = 640;
        int bar = 14;
        int groupHeight = matrix.columns().size() * bar + 12;
        int height = matrix.rows().size() * groupHeight + 60;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n", label + width + 40, height));
        for (int d = 0; d <= decades; d++) {
            double x = label + width * d / decades;
            svg.append(String.format("<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", x, x, height - 40))
                    .append(String.format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1e%d</text>%n", x, height - 25, d));
        }
        int y = 0;
        for (String row : matrix.rows()) {
            svg.append(String.format("<text x=\"0\" y=\"%d\">%s</text>%n", y + groupHeight / 2, escape(row)));
            for (int c = 0; c < matrix.columns().size(); c++) {
                GuestRun run = matrix.cell(row, matrix.columns().get(c));
                if (run != null && run.instructions() > 0) {
                    double w = width * Math.log10(Math.max(1, run.instructions())) / decades;
                    svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %,d</title></rect>%n",
                            label, y + c * bar, w, bar - 2, COLOURS[c % COLOURS.length], escape(row),
                            escape(matrix.columns().get(c)), run.instructions()));
                }
            }
            y += groupHeight;
        }
        int lx = label;
        for (int c = 0; c < matrix.columns().size(); c++) {
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", lx, height - 12, COLOURS[c % COLOURS.length]))
                    .append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 14, height - 2, escape(matrix.columns().get(c))));
            lx += 14 + 8 * matrix.columns().get(c).length() + 16;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
