package dev.wasrisc.build;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress for test runs, where a line per build step would bury the test output: quick steps say
 * nothing; a step that runs longer than the interval gets one line per interval (which guest,
 * pipeline and stage, and for how long) and one when it ends. A Go guest through wasm2c -O2 (minutes
 * of gcc) shows up as a handful of lines.
 */
public final class HeartbeatProgress implements BuildProgress {

    private final PrintStream out;
    private final long intervalNanos;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticker;

    private record Running(String what, long start) {}

    public HeartbeatProgress(PrintStream out, Duration interval) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wasrisc-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Step started(String what) {
        long id = ids.incrementAndGet();
        long start = System.nanoTime();
        running.put(id, new Running(what, start));
        return () -> {
            running.remove(id);
            long took = System.nanoTime() - start;
            if (took >= intervalNanos) {
                print("wasrisc: finished " + what + " after " + format(took));
            }
        };
    }

    private void tick() {
        long now = System.nanoTime();
        running.values().stream()
                .filter(step -> now - step.start() >= intervalNanos)
                .sorted((a, b) -> Long.compare(a.start(), b.start()))
                .forEach(step -> print("wasrisc: still building " + step.what() + " (" + format(now - step.start()) + ")"));
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static String format(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
