package dev.wasrisc.cgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits one large wasm2c-generated C file into several that compile in parallel. A Go guest's
 * module is about 30 MB of C, which one gcc takes minutes and gigabytes for; split, every core
 * works on it.
 *
 * <p>wabt 1.0.32 writes: shared macros and static helpers, the module state ({@code func_types}),
 * prototypes of every function, the instance initialisation, then the function definitions, then
 * the exports. The split keeps the first parts in every file (helpers as they are, state as an
 * extern declaration), removes {@code static} from the module's functions so the files can call
 * one another, and deals the definitions out in order. The main file keeps the instance
 * initialisation and exports and no function of the module, so it can be compiled with flags of
 * its own. Files below the threshold stay whole, so small guests are compiled exactly as wasm2c
 * wrote them.
 */
public final class Wasm2cSplitter {

    /** Below this size one file compiles quickly enough; splitting would only cost inlining. */
    static final long THRESHOLD_BYTES = 4L << 20;

    private static final Pattern FUNCTION_PROTOTYPE = Pattern.compile("^static (.*?\\bw2c_\\w+\\(.*\\);)$");
    /**
     * A definition's first line: wasm2c wraps long parameter lists, so a function with many
     * parameters (Rust's {@code debug_struct_field5_finish} has 23) ends its first line with a comma and a space.
     */
    private static final Pattern FUNCTION_DEFINITION = Pattern.compile("^static (.*?\\bw2c_\\w+\\(.*(?:\\) \\{|, ?))$");
    private static final Pattern FUNC_TYPES = Pattern.compile("^static (u32 func_types\\[\\d+\\]);$");

    private Wasm2cSplitter() {}

    /**
     * Splits {@code source} into at most {@code parts} files next to it (when it is large enough).
     *
     * @return the files to compile: {@code source} alone, or the rewritten main file (initialisation
     *     only) followed by the parts holding every function
     */
    public static List<Path> split(Path source, int parts) throws IOException {
        if (parts < 2 || Files.size(source) < THRESHOLD_BYTES) {
            return List.of(source);
        }
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int stateStart = indexOf(lines, "static bool s_module_initialized = false;");
        int firstDefinition = -1;
        int exportsStart = -1;
        for (int i = stateStart; i < lines.size(); i++) {
            String line = lines.get(i);
            if (firstDefinition < 0 && FUNCTION_DEFINITION.matcher(line).matches()) {
                firstDefinition = i;
            }
            if (firstDefinition >= 0 && !line.startsWith("static ") && !line.startsWith(" ") && line.endsWith(") {")) {
                exportsStart = i; // the first non-static definition after the module's functions
                break;
            }
        }
        if (stateStart < 0 || firstDefinition < 0 || exportsStart < 0) {
            return List.of(source); // not the layout this splitter knows: compile it whole
        }

        List<String> helpers = lines.subList(0, stateStart);
        List<String> sharedDeclarations = new ArrayList<>();
        List<String> mainSetup = new ArrayList<>();
        for (String line : lines.subList(stateStart, firstDefinition)) {
            var prototype = FUNCTION_PROTOTYPE.matcher(line);
            var funcTypes = FUNC_TYPES.matcher(line);
            if (prototype.matches()) {
                sharedDeclarations.add(prototype.group(1));
                mainSetup.add(prototype.group(1));
            } else if (funcTypes.matches()) {
                sharedDeclarations.add("extern " + funcTypes.group(1) + ";");
                mainSetup.add(funcTypes.group(1) + ";");
            } else {
                mainSetup.add(line);
            }
        }

        List<List<String>> definitions = definitions(lines.subList(firstDefinition, exportsStart));
        long totalLines = definitions.stream().mapToLong(List::size).sum();
        long perPart = totalLines / parts + 1;
        List<Path> files = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int partIndex = 0;
        for (List<String> definition : definitions) {
            current.addAll(definition);
            if (current.size() >= perPart && partIndex < parts - 1) {
                files.add(writePart(source, ++partIndex, helpers, sharedDeclarations, current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            files.add(writePart(source, ++partIndex, helpers, sharedDeclarations, current));
        }
        List<String> main = new ArrayList<>(helpers);
        main.addAll(chunkInitMemories(mainSetup));
        main.addAll(lines.subList(exportsStart, lines.size()));
        Files.write(source, main, StandardCharsets.UTF_8);
        files.add(0, source);
        return files;
    }

    static final int LOAD_DATA_PER_CHUNK = 2000;

    /**
     * A large module's init_memories copies tens of thousands of data segments, each bounds-checked:
     * over 1 MiB of code. gcc joins the checks to one shared trap call with {@code j}, whose reach
     * is ±1 MiB, and the link fails ("relocation truncated to fit: R_RISCV_JAL"). Cut into
     * noinline chunks of {@value #LOAD_DATA_PER_CHUNK} copies, every jump stays short.
     */
    static List<String> chunkInitMemories(List<String> lines) {
        int start = lines.indexOf("static void init_memories(Z_guest_instance_t* instance) {");
        if (start < 0) {
            return lines;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).equals("}")) {
            end++;
        }
        List<String> loads = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            (line.startsWith("  LOAD_DATA(") ? loads : others).add(line);
        }
        if (loads.size() <= LOAD_DATA_PER_CHUNK) {
            return lines;
        }
        List<String> result = new ArrayList<>(lines.subList(0, start));
        List<String> calls = new ArrayList<>();
        for (int i = 0, chunk = 0; i < loads.size(); i += LOAD_DATA_PER_CHUNK, chunk++) {
            String name = "init_memories_chunk" + chunk;
            result.add("static __attribute__((noinline)) void " + name + "(Z_guest_instance_t* instance) {");
            result.addAll(loads.subList(i, Math.min(loads.size(), i + LOAD_DATA_PER_CHUNK)));
            result.add("}");
            calls.add("  " + name + "(instance);");
        }
        result.add(lines.get(start));
        result.addAll(others); // wasm_rt_allocate_memory comes before any copy
        result.addAll(calls);
        result.addAll(lines.subList(end, lines.size()));
        return result;
    }

    /** Groups the definition region into whole function definitions, with {@code static} removed. */
    private static List<List<String>> definitions(List<String> region) {
        List<List<String>> definitions = new ArrayList<>();
        List<String> current = null;
        for (String line : region) {
            var definition = FUNCTION_DEFINITION.matcher(line);
            if (definition.matches()) {
                current = new ArrayList<>();
                definitions.add(current);
                line = definition.group(1);
            }
            if (current == null) {
                current = new ArrayList<>();
                definitions.add(current);
            }
            current.add(line);
        }
        return definitions;
    }

    private static Path writePart(Path source, int index, List<String> helpers, List<String> declarations,
            List<String> body) throws IOException {
        String name = source.getFileName().toString().replaceAll("\\.c$", "") + "_part" + index + ".c";
        Path part = source.resolveSibling(name);
        List<String> text = new ArrayList<>(helpers.size() + declarations.size() + body.size());
        text.addAll(helpers);
        text.addAll(declarations);
        text.addAll(body);
        Files.write(part, text, StandardCharsets.UTF_8);
        return part;
    }

    private static int indexOf(List<String> lines, String wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
