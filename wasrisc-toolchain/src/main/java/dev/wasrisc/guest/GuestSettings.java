package dev.wasrisc.guest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Optional per-guest settings, read from {@code wasrisc.json} in the guest folder.
 *
 * @param args arguments used when no test supplies any (bench, {@code run} without arguments)
 * @param traps whether the guest traps on purpose (it exits non-zero with the trap in stderr)
 * @param heapBytes size of the bare-metal heap (malloc); 0 for the platform default
 * @param linearMemoryBytes size of the region holding WebAssembly linear memory; 0 for the default
 * @param imports extra C files, relative to the guest folder, implementing custom imports
 * @param input a file, relative to the guest folder, that runs which name no input of their own get
 *     on standard input (bench, {@code run} without {@code --input}); null for none
 * @param heavy its builds take many minutes per cell (a go-ethereum module is 15 MB of
 *     WebAssembly): {@code PipelineSource.ALL_GUESTS} leaves it out, tests name it explicitly
 * @param work how much work a run did, read from its output, so bench can report instructions per
 *     unit of work (gas for a block); null when the guest prints none
 * @param accelerators the guest calls the zkVM accelerators ({@code zkvm_accelerators.h}, the
 *     {@code zkvm} import module), so its binaries link the executor's accelerator library
 * @param goOverlay a Go guest's {@code go build -overlay}: by module path ({@code "."} for the guest's
 *     own), each file of it (relative to the module) and the file that replaces it (relative to the
 *     guest folder; {@code ""} deletes the file). It lets a guest build another guest's code, or
 *     serve a dependency's functions otherwise (go-ethereum's hashing by the accelerators), without a
 *     fork of either in the repository
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GuestSettings(
        List<String> args, boolean traps, long heapBytes, long linearMemoryBytes, List<String> imports, String input,
        boolean heavy, Work work, boolean accelerators, Map<String, Map<String, String>> goOverlay) {

    public static final String FILE_NAME = "wasrisc.json";
    public static final GuestSettings DEFAULTS = new GuestSettings(List.of(), false, 0, 0, List.of(), null, false, null, false, Map.of());

    /**
     * A measure of the work a run did, printed by the guest.
     *
     * @param unit what is counted, such as {@code gas}
     * @param pattern a regular expression over the guest's stdout whose first group is the amount,
     *     such as {@code gas used: (\\d+)}
     */
    public record Work(String unit, String pattern) {

        /** The amount of work the output reports, or -1 when it reports none. */
        public long amount(String stdout) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.MULTILINE)
                    .matcher(stdout);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }

    public GuestSettings {
        args = args == null ? List.of() : List.copyOf(args);
        imports = imports == null ? List.of() : List.copyOf(imports);
        goOverlay = goOverlay == null ? Map.of() : new java.util.TreeMap<>(goOverlay);
    }

    /**
     * The settings that shape the binary, as text for cache keys: everything but the default
     * input, which only runs see.
     */
    public String buildRelevant() {
        return "args=" + args + " traps=" + traps + " heapBytes=" + heapBytes + " linearMemoryBytes="
                + linearMemoryBytes + " imports=" + imports + " accelerators=" + accelerators + " goOverlay=" + goOverlay;
    }

    public static GuestSettings read(Path guestDir) throws IOException {
        Path file = guestDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), GuestSettings.class);
        } catch (IOException e) {
            throw new IOException("cannot read guest settings " + file + ": " + e.getMessage(), e);
        }
    }
}
