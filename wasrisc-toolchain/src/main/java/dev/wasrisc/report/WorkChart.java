package dev.wasrisc.report;

import dev.wasrisc.GuestRun;
import java.util.ArrayList;
import java.util.List;

/**
 * How the cost per unit of work changes as the work grows: one line per pipeline cell, work (gas)
 * on a linear x axis, instructions per unit on a log y axis, one point per row that reported work.
 */
final class WorkChart {

    private static final String[] COLOURS = {"#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860",
        "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"};
    private static final int LEFT = 70;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int TOP = 20;

    private WorkChart() {}

    static String svg(Reports.Matrix matrix) {
        List<String> rows = matrix.workRows();
        long maxWork = rows.stream().mapToLong(row -> matrix.work(row).amount()).max().orElse(1);
        double minLog = Double.MAX_VALUE;
        double maxLog = -Double.MAX_VALUE;
        for (String row : rows) {
            for (String column : matrix.columns()) {
                GuestRun run = matrix.cell(row, column);
                if (run != null && run.instructionsPerWork() > 0) {
                    minLog = Math.min(minLog, Math.log10(run.instructionsPerWork()));
                    maxLog = Math.max(maxLog, Math.log10(run.instructionsPerWork()));
                }
            }
        }
        if (minLog > maxLog) {
            return "";
        }
        double low = Math.floor(minLog);
        double high = Math.max(low + 1, Math.ceil(maxLog));
        int legendHeight = 16 * matrix.columns().size();
        StringBuilder svg = new StringBuilder(String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n", LEFT + WIDTH + 220,
                TOP + HEIGHT + 50 + Math.max(0, legendHeight - HEIGHT)));
        for (double d = low; d <= high; d++) {
            double y = y(d, low, high);
            svg.append(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y,
                    LEFT + WIDTH, y))
                    .append(String.format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n", LEFT - 6, y + 4,
                            (int) d));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double x = LEFT + WIDTH * tick / 4.0;
            svg.append(String.format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", x,
                    TOP + HEIGHT + 18, maxWork * tick / 4));
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">work (%s)</text>%n",
                LEFT + WIDTH / 2, TOP + HEIGHT + 40, Reports.escape(matrix.work(rows.get(0)).unit())));
        for (int c = 0; c < matrix.columns().size(); c++) {
            String column = matrix.columns().get(c);
            String colour = COLOURS[c % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (String row : rows) {
                GuestRun run = matrix.cell(row, column);
                if (run == null || !(run.instructionsPerWork() > 0)) {
                    continue;
                }
                double x = LEFT + WIDTH * (double) run.work().amount() / maxWork;
                double y = y(Math.log10(run.instructionsPerWork()), low, high);
                points.add(String.format("%.1f,%.1f", x, y));
                svg.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %,.1f "
                        + "instructions per %s</title></circle>%n", x, y, colour, Reports.escape(row),
                        Reports.escape(column), run.instructionsPerWork(), Reports.escape(run.work().unit())));
            }
            if (points.size() > 1) {
                svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" points=\"%s\"/>%n", colour,
                        String.join(" ", points)));
            }
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + WIDTH + 20, TOP + 16 * c, colour, LEFT + WIDTH + 34,
                    TOP + 16 * c + 9, Reports.escape(column)));
        }
        return svg.append("</svg>").toString();
    }

    private static double y(double log, double low, double high) {
        return TOP + HEIGHT * (high - log) / (high - low);
    }
}
