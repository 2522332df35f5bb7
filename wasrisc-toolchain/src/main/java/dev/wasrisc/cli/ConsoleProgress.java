package dev.wasrisc.cli;

import java.io.PrintStream;

/** Build progress on the console: which guest, pipeline and stage is running, and since when. */
final class ConsoleProgress {

    private final PrintStream err;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    void report(String step) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (err) {
            err.printf("[%6.1fs] %s%n", millis / 1000.0, step);
        }
    }
}
