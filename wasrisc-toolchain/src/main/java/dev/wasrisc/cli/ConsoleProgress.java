package dev.wasrisc.cli;

import dev.wasrisc.build.BuildProgress;
import java.io.PrintStream;

/** Build progress on the command line: every step as it starts, with the time since the command began. */
final class ConsoleProgress implements BuildProgress {

    private final PrintStream err;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public Step started(String what) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (err) {
            err.printf("[%6.1fs] %s%n", millis / 1000.0, what);
        }
        return () -> {};
    }
}
