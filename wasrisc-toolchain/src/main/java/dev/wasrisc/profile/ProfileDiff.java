package dev.wasrisc.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two profiles of one guest run side by side, function by function: where one cell spends the
 * instructions another does not. Functions are matched across pipelines by their source name, so
 * wasm2c's {@code w2c_runtime___mspan__writeHeapBitsSmall} meets Go's
 * {@code runtime.(*mspan).writeHeapBitsSmall}; functions a pipeline adds (its runtime, its glue)
 * stand alone.
 */
public final class ProfileDiff {

    /** gcc's clones of a function (constant propagation, scalar replacement, split parts). */
    private static final Pattern CLONE_SUFFIX = Pattern.compile("(\\.(constprop|isra|part|cold|lto_priv)(\\.\\d+)?)+$");

    /** A function's instructions in both runs; 0 where it did not run. */
    public record Row(String function, long base, long other) {
        public long difference() {
            return other - base;
        }
    }

    private final long baseTotal;
    private final long otherTotal;
    private final List<Row> rows;

    private ProfileDiff(long baseTotal, long otherTotal, List<Row> rows) {
        this.baseTotal = baseTotal;
        this.otherTotal = otherTotal;
        this.rows = List.copyOf(rows);
    }

    public static ProfileDiff of(Profile base, Profile other) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Profile.FunctionCount f : base.functions()) {
            names.putIfAbsent(key(f.function()), f.function());
            counts.computeIfAbsent(key(f.function()), k -> new long[2])[0] += f.instructions();
        }
        for (Profile.FunctionCount f : other.functions()) {
            names.putIfAbsent(key(f.function()), f.function());
            counts.computeIfAbsent(key(f.function()), k -> new long[2])[1] += f.instructions();
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new Row(names.get(key), count[0], count[1])));
        rows.sort(Comparator.comparingLong((Row row) -> Math.max(row.base(), row.other())).reversed()
                .thenComparing(Row::function));
        return new ProfileDiff(base.total(), other.total(), rows);
    }

    /** The name functions are matched by: source names with the transpilers' prefixes and gcc's clone suffixes off. */
    static String key(String function) {
        String name = CLONE_SUFFIX.matcher(function).replaceFirst("");
        if (name.startsWith("w2c_")) {
            name = SymbolNames.readable(name.substring("w2c_".length()));
        }
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** Every function of either run, the largest (in either) first. */
    public List<Row> rows() {
        return rows;
    }

    /** Every function of either run, the one whose instructions grew most first, the most shrunk last. */
    public List<Row> rowsByGrowth() {
        List<Row> byGrowth = new ArrayList<>(rows);
        byGrowth.sort(Comparator.comparingLong(Row::difference).reversed().thenComparing(Row::function));
        return byGrowth;
    }

    /**
     * A table of the {@code n} functions whose own instructions grew most, then the totals: where
     * the other cell's extra instructions went.
     */
    public String formatGrowth(int n, String baseName, String otherName) {
        return table(rowsByGrowth().subList(0, Math.min(n, rows.size())), baseName, otherName);
    }

    /** A table of the {@code n} largest functions and the totals, the base's column first. */
    public String format(int n, String baseName, String otherName) {
        return table(rows.subList(0, Math.min(n, rows.size())), baseName, otherName);
    }

    private String table(List<Row> shown, String baseName, String otherName) {
        int width = Math.max(15, Math.max(baseName.length(), otherName.length()));
        String columns = "%" + width + "s  %" + width + "s  %15s  %8s  %s%n";
        StringBuilder text = new StringBuilder(String.format(columns, baseName, otherName, "difference", "ratio",
                "function"));
        for (Row row : shown) {
            text.append(line(columns, row.base(), row.other(), row.function()));
        }
        text.append(line(columns, baseTotal, otherTotal, "(all " + rows.size() + " functions)"));
        return text.toString();
    }

    private static String line(String columns, long base, long other, String function) {
        return String.format(columns, String.format("%,d", base), String.format("%,d", other),
                String.format("%+,d", other - base), base == 0 ? "new" : String.format("%.2f×", (double) other / base),
                function);
    }
}
