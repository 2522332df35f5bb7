package dev.wasrisc.report;

import dev.wasrisc.GuestRun;
import dev.wasrisc.profile.CallTree;
import dev.wasrisc.profile.FlameGraph;
import dev.wasrisc.profile.Profile;
import dev.wasrisc.profile.ProfileDiff;
import dev.wasrisc.profile.ProfileFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * "Where the instructions go" in the reports: per profiled cell its top functions and flame graph,
 * and against its row's {@code direct} cell a differential flame graph and the functions that grew
 * most; the call stacks also as files in {@code profiles/} (folded, SVG, pprof). Runs read back from
 * a results file (a merge) have no stacks: they keep their tables only.
 */
final class ProfileSection {

    /** Functions listed per difference. */
    private static final int GROWTH_ROWS = 10;

    private final Reports.Matrix matrix;
    private final List<GuestRun> profiled;

    ProfileSection(Reports.Matrix matrix) {
        this.matrix = matrix;
        this.profiled = matrix.profiled();
    }

    boolean isEmpty() {
        return profiled.isEmpty();
    }

    /** The row's direct run, when it is another run and has stacks to compare with. */
    private Optional<GuestRun> base(GuestRun run) {
        GuestRun base = matrix.baseline(Reports.Matrix.row(run));
        if (base == null || base == run || !base.profiled() || base.profile().callTree().isEmpty()
                || run.profile().callTree().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(base);
    }

    static String fileName(GuestRun run) {
        String name = Reports.Matrix.row(run) + "-" + run.pipeline().id();
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Writes each profiled run's stacks, and its difference to direct, into {@code dir}. */
    void writeFiles(Path dir) throws IOException {
        for (GuestRun run : profiled) {
            Optional<CallTree> tree = run.profile().callTree();
            if (tree.isEmpty()) {
                continue;
            }
            ProfileFiles.write(dir, fileName(run), tree.get(), title(run));
            Optional<GuestRun> base = base(run);
            if (base.isPresent()) {
                ProfileFiles.writeDifference(dir, fileName(run) + "-vs-" + base.get().pipeline().id(),
                        base.get().profile().callTree().get(), tree.get(), base.get().pipeline().displayName(),
                        run.pipeline().displayName(), differenceTitle(run, base.get()));
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
        for (GuestRun run : profiled) {
            md.append("\n### ").append(Reports.Matrix.row(run)).append(" · ").append(run.pipeline().displayName())
                    .append("\n\n| function | instructions | share |\n|---|---:|---:|\n");
            run.profile().top(Reports.TOP_FUNCTIONS).forEach(f -> md.append("| `").append(f.function().replace("|", "\\|"))
                    .append("` | ").append(String.format("%,d", f.instructions()))
                    .append(String.format(" | %.1f%% |%n", 100 * f.share())));
            if (run.profile().callTree().isPresent()) {
                md.append("\nFlame graph: [profiles/").append(fileName(run)).append(".svg](profiles/")
                        .append(fileName(run)).append(".svg)\n");
            }
            base(run).ifPresent(base -> {
                md.append("\nAgainst ").append(base.pipeline().displayName()).append(", the functions that grew most:\n\n")
                        .append("| function | ").append(base.pipeline().displayName()).append(" | ")
                        .append(run.pipeline().displayName()).append(" | difference |\n|---|---:|---:|---:|\n");
                growth(base, run).forEach(row -> md.append("| `").append(row.function().replace("|", "\\|"))
                        .append("` | ").append(String.format("%,d | %,d | %+,d |%n", row.base(), row.other(),
                                row.difference())));
            });
        }
        return md.toString();
    }

    private static List<ProfileDiff.Row> growth(GuestRun base, GuestRun run) {
        List<ProfileDiff.Row> rows = ProfileDiff.of(base.profile(), run.profile()).rowsByGrowth();
        return rows.subList(0, Math.min(GROWTH_ROWS, rows.size()));
    }

    String html() {
        StringBuilder html = new StringBuilder("<h2>Where the instructions go</h2>\n<p>Click a frame to zoom, "
                + "<em>Search</em> to highlight functions by regular expression; hover for counts.</p>\n");
        int index = 0;
        for (GuestRun run : profiled) {
            index++;
            html.append("<h3>").append(Reports.escape(Reports.Matrix.row(run) + " · " + run.pipeline().displayName()))
                    .append("</h3>\n<table><tr><th>function</th><th>instructions</th><th>share</th></tr>\n");
            Profile profile = run.profile();
            profile.top(Reports.TOP_FUNCTIONS).forEach(f -> html.append("<tr><td><code>").append(Reports.escape(f.function()))
                    .append("</code></td><td>").append(String.format("%,d", f.instructions()))
                    .append(String.format("</td><td>%.1f%%</td></tr>%n", 100 * f.share())));
            html.append("</table>\n");
            if (profile.callTree().isPresent()) {
                html.append("<div class=\"flame\">").append(FlameGraph.svg(profile.callTree().get(), title(run),
                        "flame-" + index)).append("</div>\n");
            }
            int diffIndex = index;
            base(run).ifPresent(base -> {
                html.append("<h4>").append(Reports.escape(run.pipeline().displayName() + " against "
                        + base.pipeline().displayName())).append("</h4>\n<table><tr><th>function</th><th>")
                        .append(Reports.escape(base.pipeline().displayName())).append("</th><th>")
                        .append(Reports.escape(run.pipeline().displayName())).append("</th><th>difference</th></tr>\n");
                growth(base, run).forEach(row -> html.append("<tr><td><code>").append(Reports.escape(row.function()))
                        .append("</code></td>").append(String.format("<td>%,d</td><td>%,d</td><td>%+,d</td></tr>%n",
                                row.base(), row.other(), row.difference())));
                html.append("</table>\n<div class=\"flame\">").append(FlameGraph.differential(
                        base.profile().callTree().get(), run.profile().callTree().get(), base.pipeline().displayName(),
                        run.pipeline().displayName(), differenceTitle(run, base), "diff-" + diffIndex))
                        .append("</div>\n");
            });
        }
        return html.toString();
    }
}
