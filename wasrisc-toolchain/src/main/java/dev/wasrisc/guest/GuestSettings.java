package dev.wasrisc.guest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Optional per-guest settings, read from {@code wasrisc.json} in the guest folder.
 *
 * @param args arguments used when no test supplies any (bench, {@code run} without arguments)
 * @param traps whether the guest traps on purpose (it exits non-zero with the trap in stderr)
 * @param heapBytes size of the bare-metal heap (malloc); 0 for the platform default
 * @param linearMemoryBytes size of the region holding WebAssembly linear memory; 0 for the default
 * @param imports extra C files, relative to the guest folder, implementing custom imports
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GuestSettings(
        List<String> args, boolean traps, long heapBytes, long linearMemoryBytes, List<String> imports) {

    public static final String FILE_NAME = "wasrisc.json";
    public static final GuestSettings DEFAULTS = new GuestSettings(List.of(), false, 0, 0, List.of());

    public GuestSettings {
        args = args == null ? List.of() : List.copyOf(args);
        imports = imports == null ? List.of() : List.copyOf(imports);
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
