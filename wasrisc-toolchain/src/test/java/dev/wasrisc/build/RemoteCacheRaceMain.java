package dev.wasrisc.build;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** One side of {@link RemoteCacheTest}'s race: CACHE URL KEY builds (slowly) and stores one entry. */
public final class RemoteCacheRaceMain {

    private RemoteCacheRaceMain() {}

    public static void main(String[] args) throws Exception {
        RemoteCache remote = new RemoteCache(URI.create(args[1]), true, Optional.empty(), Duration.ofSeconds(5),
                report -> System.out.println("report: " + report));
        BuildCache.Entry entry = new BuildCache(Path.of(args[0]), remote).getOrBuild(args[2], out -> {
            Files.writeString(out.resolve("guest.elf"), "raced");
            // Both sides miss before either stores.
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            Files.writeString(out.resolve(BuildCache.COMPLETE_MARKER), "{\"buildMillis\": 1500}");
        });
        System.out.println("built " + entry.built() + "; " + remote.stats());
        if (remote.stats().errors() > 0 || remote.stats().corrupt() > 0) {
            System.exit(2);
        }
    }
}
