package dev.wasrisc.cli;

import dev.wasrisc.build.BuildProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What {@code bench} shows while it works: a counter of cells ({@code 12/39}), the time so far and
 * an estimate of what is left, what is running now and how many cells came from the cache.
 *
 * <p>On a terminal it is one status line, redrawn in place; anywhere else (a CI log, a pipe) it is
 * one plain line per finished cell plus a line a minute naming what still runs, and no escape
 * codes at all. {@code --verbose} adds every build step as it starts, as before.
 */
final class BenchConsole {

    private final PrintStream err;
    private final boolean terminal;
    private final boolean verbose;
    private final long start = System.nanoTime();
    private final Map<String, Long> running = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wasrisc-bench-console");
        thread.setDaemon(true);
        return thread;
    });
    private int total;
    private int done;
    private int cached;
    private int failed;
    private String statusLine = "";

    BenchConsole(PrintStream err, boolean terminal, boolean verbose) {
        this.err = err;
        this.terminal = terminal;
        this.verbose = verbose;
    }

    /** Whether stderr is someone's terminal (not a CI log or a pipe). */
    static boolean isTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb") && System.getenv("CI") == null;
    }

    /** The build steps, for the session: shown as "running now", printed one by one with --verbose. */
    BuildProgress steps() {
        return what -> {
            synchronized (this) {
                running.put(what, System.nanoTime());
                if (verbose) {
                    print(String.format("[%6.1fs] %s", seconds(System.nanoTime() - start), what));
                }
            }
            return () -> {
                synchronized (this) {
                    running.remove(what);
                }
            };
        };
    }

    synchronized void start(int cells) {
        total = cells;
        long period = terminal ? 1 : 60;
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
        tick();
    }

    /** A cell finished: {@code outcome} is its count or why it has none. */
    synchronized void cellDone(String row, String cell, String outcome, boolean fromCache, boolean failure) {
        done++;
        cached += fromCache ? 1 : 0;
        failed += failure ? 1 : 0;
        String line = String.format("[%d/%d] %s · %s: %s%s", done, total, row, cell, outcome, fromCache ? " (cached)" : "");
        if (!terminal || verbose || failure) {
            print(line + (terminal ? "" : " · " + timing()));
        } else {
            tick();
        }
    }

    synchronized void finish() {
        ticker.shutdownNow();
        clearStatus();
        err.printf("%d cells in %s: %d from the cache, %d built, %d failed%n", done, clock(System.nanoTime() - start),
                cached, done - cached, failed);
    }

    private synchronized void tick() {
        if (terminal) {
            String line = String.format("[%d/%d] %s · %s", done, total, timing(), now());
            clearStatus();
            statusLine = line.length() > 160 ? line.substring(0, 157) + "..." : line;
            err.print(statusLine);
            err.flush();
        } else if (!running.isEmpty() && done < total) {
            err.println("still running (" + done + "/" + total + " done, " + timing() + "): " + now());
        }
    }

    private String timing() {
        long elapsed = System.nanoTime() - start;
        String text = clock(elapsed) + " elapsed";
        if (done > 0 && done < total) {
            text += ", ~" + clock(elapsed / done * (total - done)) + " left";
        }
        return text + (cached > 0 ? ", " + cached + " cached" : "");
    }

    /** The longest-running steps first: what the wait is for. */
    private String now() {
        long at = System.nanoTime();
        return running.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).limit(2)
                .map(step -> step.getKey() + " (" + clock(at - step.getValue()) + ")")
                .reduce((a, b) -> a + "; " + b).orElse(done < total ? "starting" : "done");
    }

    private void print(String line) {
        clearStatus();
        err.println(line);
    }

    private void clearStatus() {
        if (terminal && !statusLine.isEmpty()) {
            // Carriage return, then erase the line: the only escape code, and only on a terminal.
            err.print("\r\u001b[2K");
            statusLine = "";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String clock(long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        return duration.toHours() > 0 ? String.format("%dh%02dm", duration.toHours(), duration.toMinutesPart())
                : duration.toMinutes() > 0 ? String.format("%dm%02ds", duration.toMinutes(), duration.toSecondsPart())
                : String.format("%ds", duration.toSeconds());
    }
}
