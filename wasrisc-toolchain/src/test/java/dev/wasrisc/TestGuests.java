package dev.wasrisc;

import dev.wasrisc.exec.LocalExecutor;
import java.nio.file.Path;

/** A real session over the test guests in src/test/resources/guests, with its own build cache. */
public final class TestGuests {

    private TestGuests() {}

    public static Wasrisc wasrisc(Path cache) {
        WasriscConfig config = WasriscConfig.fromSystemProperties()
                .withGuestsDir(Path.of("src/test/resources/guests").toAbsolutePath())
                .withCacheDir(cache);
        return new Wasrisc(config, new LocalExecutor(), dev.wasrisc.build.BuildProgress.silent());
    }
}
