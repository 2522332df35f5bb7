package dev.wasrisc;

import dev.wasrisc.exec.LocalExecutor;
import java.nio.file.Path;

/**
 * A real session over the test guests in src/test/resources/guests, with its own cells' cache. Its
 * build steps come from, and go to, the machine's action tier, as a second checkout's would: what a
 * test checks is what happens to cells, and an action's key cannot tell one session from another.
 */
public final class TestGuests {

    private TestGuests() {}

    public static Wasrisc wasrisc(Path cache) {
        WasriscConfig machine = WasriscConfig.fromSystemProperties();
        WasriscConfig config = machine
                .withGuestsDir(Path.of("src/test/resources/guests").toAbsolutePath())
                .withCacheDir(cache)
                .withActionCacheDir(machine.actionCacheDir());
        return new Wasrisc(config, new LocalExecutor(), dev.wasrisc.build.BuildProgress.silent());
    }
}
