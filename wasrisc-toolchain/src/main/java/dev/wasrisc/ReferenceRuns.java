package dev.wasrisc;

import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.reference.ChicoryReference;
import dev.wasrisc.reference.ReferenceRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reference-interpreter runs, each made once per guest, input and arguments in a session. */
final class ReferenceRuns {

    private final CellBuilder builder;
    private final Map<String, ReferenceRun> runs = new ConcurrentHashMap<>();

    ReferenceRuns(CellBuilder builder) {
        this.builder = builder;
    }

    ReferenceRun of(Guest guest, List<String> args, GuestInput input) {
        if (!guest.settings().imports().isEmpty()) {
            throw new UnsupportedOperationException(guest.name() + " brings its own import implementations "
                    + guest.settings().imports() + " in C, which the reference interpreter cannot run");
        }
        String key = guest.name() + "\u0000" + input.sha256() + "\u0000" + String.join("\u0000", args);
        return runs.computeIfAbsent(key,
                unused -> ChicoryReference.run(guest.name(), builder.wasmModule(guest), args, input.readAllBytes()));
    }
}
