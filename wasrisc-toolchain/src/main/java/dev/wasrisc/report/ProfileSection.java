package dev.wasrisc.report;

import dev.wasrisc.GuestRun;
import dev.wasrisc.profile.CallTree;
import dev.wasrisc.profile.FlameGraph;
import dev.wasrisc.profile.ProfileDiff;
import dev.wasrisc.profile.ProfileFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Where the instructions go" in the reports: per profiled cell its top functions and flame graph,
 * and against its row's {@code direct} cell a differential flame graph and the functions that grew
 * most; the call stacks also as files in {@code profiles/} (folded, SVG, pprof). Each graph and
 * difference is made once, for the page and the files alike. Runs read back from a results file (a
 * merge) have no stacks: they keep their tables only.
 */
final class ProfileSection {

    /** Functions listed per difference. */
    private static final int GROWTH_ROWS = 10;

    /** A profiled run with what the section shows of it; the flame graph is null without stacks. */
    private record Cell(GuestRun run, String name, String flameGraph, Difference difference) {}

    /** A run against its row's direct run. */
    private record Difference(GuestRun base, String name, ProfileDiff diff, String flameGraph) {
        List<ProfileDiff.Row> growth() {
            List<ProfileDiff.Row> rows = diff.rowsByGrowth();
            return rows.subList(0, Math.min(GROWTH_ROWS, rows.size()));
        }
    }

    private final List<Cell> cells = new ArrayList<>();

    ProfileSection(Reports.Matrix matrix) {
        for (GuestRun run : matrix.profiled()) {
            String name = fileName(run);
            CallTree tree = run.profile().callTree().orElse(null);
            String flameGraph = tree == null ? null : FlameGraph.svg(tree, title(run), ProfileFiles.flameId(name));
            GuestRun base = matrix.baseline(Reports.Matrix.row(run));
            Difference difference = null;
            if (tree != null && base != null && base != run && base.profiled() && base.profile().callTree().isPresent()) {
                String diffName = name + "-vs-" + base.pipeline().id();
                difference = new Difference(base, diffName, ProfileDiff.of(base.profile(), run.profile()),
                        FlameGraph.differential(base.profile().callTree().get(), tree, base.pipeline().displayName(),
                                run.pipeline().displayName(), differenceTitle(run, base),
                                ProfileFiles.differenceId(diffName)));
            }
            cells.add(new Cell(run, name, flameGraph, difference));
        }
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    static String fileName(GuestRun run) {
        String name = Reports.Matrix.row(run) + "-" + run.pipeline().id();
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Writes each profiled run's stacks, and its difference to direct, into {@code dir}. */
    void writeFiles(Path dir) throws IOException {
        for (Cell cell : cells) {
            if (cell.flameGraph() == null) {
                continue;
            }
            ProfileFiles.writeDrawn(dir, cell.name(), cell.run().profile().callTree().get(), cell.flameGraph());
            Difference difference = cell.difference();
            if (difference != null) {
                ProfileFiles.writeDifferenceDrawn(dir, difference.name(), difference.flameGraph(), difference.diff(),
                        difference.base().pipeline().displayName(), cell.run().pipeline().displayName());
            }
        }
    }

    private static String title(GuestRun run) {
        return Reports.Matrix.row(run) + " · " + run.pipeline().displayName() + " · "
                + String.format("%,d", run.instructions()) + " instructions";
    }

    private static String differenceTitle(GuestRun run, GuestRun base) {
        return Reports.Matrix.row(run) + " · " + run.pipeline().displayName() + " against "
                + base.pipeline().displayName();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("\n## Where the instructions go\n\nThe ").append(Reports.TOP_FUNCTIONS)
                .append(" functions with the most instructions of their own in each profiled cell; its call stacks are in "
                        + "`profiles/` (`.folded`, flame graph `.svg`, pprof `.pb.gz`).\n");
        for (Cell cell : cells) {
            GuestRun run = cell.run();
            md.append("\n### ").append(Reports.Matrix.row(run)).append(" · ").append(run.pipeline().displayName())
                    .append("\n\n| function | instructions | share |\n|---|---:|---:|\n");
            run.profile().top(Reports.TOP_FUNCTIONS).forEach(f -> md.append("| `").append(f.function().replace("|", "\\|"))
                    .append("` | ").append(String.format("%,d", f.instructions()))
                    .append(String.format(" | %.1f%% |%n", 100 * f.share())));
            if (cell.flameGraph() != null) {
                md.append("\nFlame graph: [profiles/").append(cell.name()).append(".svg](profiles/")
                        .append(cell.name()).append(".svg)\n");
            }
            Difference difference = cell.difference();
            if (difference != null) {
                String baseName = difference.base().pipeline().displayName();
                md.append("\nAgainst ").append(baseName).append(", the functions that grew most:\n\n")
                        .append("| function | ").append(baseName).append(" | ")
                        .append(run.pipeline().displayName()).append(" | difference |\n|---|---:|---:|---:|\n");
                difference.growth().forEach(row -> md.append("| `").append(row.function().replace("|", "\\|"))
                        .append("` | ").append(String.format("%,d | %,d | %+,d |%n", row.base(), row.other(),
                                row.difference())));
            }
        }
        return md.toString();
    }

    String html() {
        StringBuilder html = new StringBuilder("<h2>Where the instructions go</h2>\n<p>Click a frame to zoom, "
                + "<em>Search</em> to highlight functions by regular expression; hover for counts.</p>\n");
        for (Cell cell : cells) {
            GuestRun run = cell.run();
            html.append("<h3>").append(Reports.escape(Reports.Matrix.row(run) + " · " + run.pipeline().displayName()))
                    .append("</h3>\n<table><tr><th>function</th><th>instructions</th><th>share</th></tr>\n");
            run.profile().top(Reports.TOP_FUNCTIONS).forEach(f -> html.append("<tr><td><code>")
                    .append(Reports.escape(f.function())).append("</code></td><td>")
                    .append(String.format("%,d", f.instructions()))
                    .append(String.format("</td><td>%.1f%%</td></tr>%n", 100 * f.share())));
            html.append("</table>\n");
            if (cell.flameGraph() != null) {
                html.append("<div class=\"flame\">").append(cell.flameGraph()).append("</div>\n");
            }
            Difference difference = cell.difference();
            if (difference != null) {
                String baseName = difference.base().pipeline().displayName();
                html.append("<h4>").append(Reports.escape(run.pipeline().displayName() + " against " + baseName))
                        .append("</h4>\n<table><tr><th>function</th><th>").append(Reports.escape(baseName))
                        .append("</th><th>").append(Reports.escape(run.pipeline().displayName()))
                        .append("</th><th>difference</th></tr>\n");
                difference.growth().forEach(row -> html.append("<tr><td><code>").append(Reports.escape(row.function()))
                        .append("</code></td>").append(String.format("<td>%,d</td><td>%,d</td><td>%+,d</td></tr>%n",
                                row.base(), row.other(), row.difference())));
                html.append("</table>\n<div class=\"flame\">").append(difference.flameGraph()).append("</div>\n");
            }
        }
        return html.toString();
    }
}
