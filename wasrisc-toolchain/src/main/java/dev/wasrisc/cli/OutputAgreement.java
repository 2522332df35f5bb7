package dev.wasrisc.cli;

import dev.wasrisc.GuestRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the cells that ran printed the same thing: every cell of a row must print what the
 * others print, and rows of different guests on the same input bytes are one group, so two
 * implementations of one function (go/stateless and rust/stateless) check each other and every
 * pipeline at once. A count is worth nothing from a cell that computed something else.
 */
final class OutputAgreement {

    private final List<String> lines = new ArrayList<>();
    private boolean agrees = true;

    private OutputAgreement() {}

    static OutputAgreement of(List<BenchRow> rows, List<List<BenchCell>> table) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            BenchRow row = rows.get(r);
            String key = row.input().isNone() ? "row " + row.label() : "input " + row.input().sha256();
            Group group = groups.computeIfAbsent(key, k -> new Group(row.input().isNone() ? row.label() : row.input().name()));
            for (BenchCell cell : table.get(r)) {
                GuestRun run = cell.run();
                if (run != null && !cell.failed()) { // a failed cell is reported as such already
                    group.add(row.program().name(), cell, run);
                }
            }
        }
        OutputAgreement agreement = new OutputAgreement();
        int checked = 0;
        for (Group group : groups.values()) {
            if (group.runs < 2) {
                continue;
            }
            checked++;
            if (group.byOutput.size() > 1) {
                agreement.agrees = false;
                agreement.lines.add(group.label + ": the cells DIFFER in what they printed:");
                group.byOutput.forEach((output, cells) -> agreement.lines.add("  " + String.join(", ", cells)
                        + " printed " + firstLines(output)));
            } else if (group.guests.size() > 1) {
                agreement.lines.add(group.label + ": " + String.join(" and ", group.guests) + " printed the same in all "
                        + group.runs + " runs: " + firstLines(group.byOutput.keySet().iterator().next()));
            }
        }
        if (agreement.agrees && checked > 0) {
            agreement.lines.add(0, "Every cell of each row printed the same stdout and succeeded or failed alike (" + checked
                    + (checked == 1 ? " group" : " groups") + " of runs compared)");
        }
        return agreement;
    }

    boolean agrees() {
        return agrees;
    }

    String render() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static String firstLines(String output) {
        String oneLine = output.strip().replace("\n", " | ");
        return "\"" + (oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine) + "\"";
    }

    private static final class Group {
        final String label;
        final Set<String> guests = new LinkedHashSet<>();
        final Map<String, List<String>> byOutput = new LinkedHashMap<>();
        int runs;

        Group(String label) {
            this.label = label;
        }

        void add(String guest, BenchCell cell, GuestRun run) {
            guests.add(guest);
            // Only whether it failed: how a trap is reported (its exit code) is the pipeline's own.
            String output = run.stdout() + (run.exitCode() == 0 ? "" : "\n(failed)");
            byOutput.computeIfAbsent(output, k -> new ArrayList<>()).add(guest + " via " + cell.pipeline().displayName());
            runs++;
        }
    }
}
