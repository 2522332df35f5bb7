package dev.wasrisc.session;

import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.recipe.NativeImports;
import dev.wasrisc.reference.ChicoryReference;
import dev.wasrisc.reference.ReferenceRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reference-interpreter runs, each made once per guest, input and arguments in a session. */
public final class ReferenceRuns {

    private final CellBuilder builder;
    private final long maxOutputBytes;
    private final Map<String, ReferenceRun> runs = new ConcurrentHashMap<>();

    /** @param maxOutputBytes bytes kept of each output stream ({@code wasrisc.output.maxBytes}) */
    public ReferenceRuns(CellBuilder builder, long maxOutputBytes) {
        this.builder = builder;
        this.maxOutputBytes = maxOutputBytes;
    }

    public ReferenceRun of(Guest guest, List<String> args, GuestInput input) {
        String key = guest.name() + "\u0000" + input.sha256() + "\u0000" + String.join("\u0000", args);
        return runs.computeIfAbsent(key, unused -> run(guest, args, input));
    }

    private ReferenceRun run(Guest guest, List<String> args, GuestInput input) {
        Path module = builder.wasmModule(guest);
        Map<ChicoryReference.Import, String> symbols = new LinkedHashMap<>();
        for (ChicoryReference.Import function : ChicoryReference.customImports(module)) {
            symbols.put(function, NativeImports.symbol(function.module(), function.field()));
        }
        // The C the pipelines link (the guest's and the platform's) serves the interpreter too.
        Path reactor = symbols.isEmpty() ? null : builder.importsReactor(guest, List.copyOf(symbols.values()));
        return ChicoryReference.run(guest.name(), module, reactor, symbols, args, input.readAllBytes(),
                maxOutputBytes);
    }
}
