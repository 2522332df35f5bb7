package dev.wasrisc.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ZisK's proving cost of a run, as its emulator's {@code -X} report gives it (cost version 1): the
 * total, the part that grows with the program (variable; the rest is a fixed base), and where the
 * variable part goes.
 */
public record ZiskCost(long total, long variable, long main, long opcodes, long precompiles, long memory) {

    /** The start of the report in ziskemu's output, after the guest's own. */
    static final String REPORT_START = "\nREPORT (cost version ";

    private static final Pattern LINE = Pattern.compile("(?m)^(TOTAL|VARIABLE|MAIN|OPCODES|PRECOMPILES|MEMORY)\\s+([\\d,]+)");

    /** The cost in a report, or null when the text holds none. */
    static ZiskCost parse(String report) {
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher line = LINE.matcher(report);
        while (line.find()) {
            values.putIfAbsent(line.group(1), Long.parseLong(line.group(2).replace(",", "")));
        }
        if (!values.containsKey("TOTAL")) {
            return null;
        }
        return new ZiskCost(values.get("TOTAL"), values.getOrDefault("VARIABLE", 0L), values.getOrDefault("MAIN", 0L),
                values.getOrDefault("OPCODES", 0L), values.getOrDefault("PRECOMPILES", 0L),
                values.getOrDefault("MEMORY", 0L));
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", total);
        map.put("variable", variable);
        map.put("main", main);
        map.put("opcodes", opcodes);
        map.put("precompiles", precompiles);
        map.put("memory", memory);
        return map;
    }

    @Override
    public String toString() {
        return String.format("ZisK cost %,d (variable %,d: main %,d, opcodes %,d, precompiles %,d, memory %,d)", total,
                variable, main, opcodes, precompiles, memory);
    }
}
