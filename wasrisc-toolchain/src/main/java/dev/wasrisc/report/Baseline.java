package dev.wasrisc.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasrisc.GuestRun;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Instruction counts a project commits, compared with every run: a count above its baseline by
 * more than the tolerance is a regression; one below by more is an improvement that should be
 * recorded so the baseline stays tight.
 *
 * <p>The file is JSON, one entry per key (test, guest, pipeline, level, target, arguments, input), sorted,
 * so an update changes only the lines whose counts changed. Updates from several JVMs (Surefire
 * forks) merge under a file lock.
 */
public final class Baseline {

    /** What the comparison says about one run. */
    public record Verdict(Kind kind, String message) {
        public enum Kind { WITHIN, REGRESSION, IMPROVEMENT, NEW }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;
    private final double tolerancePercent;
    private final double threadedTolerancePercent;
    private final Map<String, Long> committed;
    private final Map<String, Long> observed = new ConcurrentSkipListMap<>();

    private Baseline(Path file, double tolerancePercent, double threadedTolerancePercent, Map<String, Long> committed) {
        this.file = file;
        this.tolerancePercent = tolerancePercent;
        this.threadedTolerancePercent = threadedTolerancePercent;
        this.committed = committed;
    }

    /**
     * @param tolerancePercent allowed drift for exact (single-threaded) counts
     * @param threadedTolerancePercent allowed drift for counts of multi-threaded runs, which vary
     */
    public static Baseline load(Path file, double tolerancePercent, double threadedTolerancePercent) throws IOException {
        Map<String, Long> entries = Files.isRegularFile(file) ? read(file) : Map.of();
        return new Baseline(file, tolerancePercent, threadedTolerancePercent, entries);
    }

    public Path file() {
        return file;
    }

    /** Runs without input keep the keys they had before inputs existed. */
    public static String key(String test, GuestRun run) {
        return test + " | " + run.guest() + " | " + run.pipeline().displayName() + " | " + run.target().id()
                + " | args=" + String.join(" ", run.args()) + (run.input().isNone() ? "" : " | input=" + run.input().id());
    }

    /** Records the run for a later {@link #save()} and compares it with the committed count. */
    public Verdict check(String test, GuestRun run) {
        String key = key(test, run);
        if (run.instructions() < 0) {
            return new Verdict(Verdict.Kind.WITHIN, "no count to compare");
        }
        Long old = committed.get(key);
        if (old == null) {
            observed.put(key, run.instructions());
            return new Verdict(Verdict.Kind.NEW, "no baseline for " + key + " (record it with -Dwasrisc.baseline=update)");
        }
        double tolerance = run.exactCount() ? tolerancePercent : threadedTolerancePercent;
        long delta = run.instructions() - old;
        double percent = old == 0 ? 0 : 100.0 * delta / old;
        String text = String.format("%s: %,d instructions, baseline %,d: %+,d (%+.2f%%), tolerance %.2f%% [%s]",
                run.coordinates(), run.instructions(), old, delta, percent, tolerance, file);
        // An exact count is recorded as it is; a multi-threaded one only when it left its tolerance,
        // so updating does not rewrite every such entry with the noise of the day.
        if (run.exactCount() || Math.abs(percent) > tolerance) {
            observed.put(key, run.instructions());
        }
        if (percent > tolerance) {
            return new Verdict(Verdict.Kind.REGRESSION, "instruction count regression: " + text);
        }
        if (percent < -tolerance) {
            return new Verdict(Verdict.Kind.IMPROVEMENT, "instruction count improvement beyond tolerance "
                    + "(update the baseline with -Dwasrisc.baseline=update): " + text);
        }
        return new Verdict(Verdict.Kind.WITHIN, text);
    }

    /**
     * Merges this run's counts into the file: under a lock, re-reading what other JVMs wrote,
     * written to a temporary file and renamed, so readers never see half a file.
     */
    public void save() throws IOException {
        if (observed.isEmpty()) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path lock = absolute.resolveSibling(absolute.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Map<String, Long> merged = new TreeMap<>(Files.isRegularFile(absolute) ? read(absolute) : Map.of());
            merged.putAll(observed);
            String text = JSON.writeValueAsString(merged) + "\n";
            if (Files.isRegularFile(absolute) && Files.readString(absolute).equals(text)) {
                return; // nothing changed: leave the file (and its timestamp) alone
            }
            Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        // The lock file stays: deleting it while another JVM waits on it would let a third lock a new one.
    }

    private static Map<String, Long> read(Path file) throws IOException {
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, Long>>() {}));
        } catch (IOException e) {
            throw new IOException("cannot read the baseline " + file + ": " + e.getMessage(), e);
        }
    }
}
