package dev.wasrisc.policy;

import dev.wasrisc.GuestRun;
import dev.wasrisc.report.Baseline;
import dev.wasrisc.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed baseline as a {@link RunPolicy} holds runs to it, configured by settings:
 *
 * <ul>
 *   <li>{@code wasrisc.baseline}: {@code check} (the default when the file exists), {@code update}
 *       (record every count, never fail on them), or {@code off}
 *   <li>{@code wasrisc.baseline.file}: default {@code wasrisc-baseline.json} in the working folder
 *       (the Maven module)
 *   <li>{@code wasrisc.baseline.tolerance}: percent a single-threaded count may drift (default 0.5)
 *   <li>{@code wasrisc.baseline.threadedTolerance}: the same for multi-threaded runs (default 25)
 *   <li>{@code wasrisc.baseline.failOnImprovement}: {@code true} fails improvements beyond
 *       tolerance too, so a baseline cannot go stale
 * </ul>
 *
 * In update mode the counts are recorded, and written by {@link #save()} when whoever ran them is done.
 */
public final class BaselineCheck {

    public enum Mode { CHECK, UPDATE, OFF }

    private static final BaselineCheck OFF = new BaselineCheck(Mode.OFF, null, false);

    private final Mode mode;
    private final Baseline baseline;
    private final boolean failOnImprovement;

    public BaselineCheck(Mode mode, Baseline baseline, boolean failOnImprovement) {
        this.mode = mode;
        this.baseline = baseline;
        this.failOnImprovement = failOnImprovement;
    }

    /** Holds no run to any baseline. */
    public static BaselineCheck off() {
        return OFF;
    }

    public static BaselineCheck from(Settings settings) {
        Path file = Path.of(settings.get("wasrisc.baseline.file", "wasrisc-baseline.json"));
        String configured = settings.get("wasrisc.baseline", Files.isRegularFile(file) ? "check" : "off");
        Mode mode = Mode.valueOf(configured.trim().toUpperCase());
        try {
            Baseline baseline = Baseline.load(file,
                    settings.decimal("wasrisc.baseline.tolerance", 0.5),
                    settings.decimal("wasrisc.baseline.threadedTolerance", 25));
            return new BaselineCheck(mode, baseline, settings.flag("wasrisc.baseline.failOnImprovement"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The baseline file; null when off without one. */
    public Path file() {
        return baseline == null ? null : baseline.file();
    }

    /** Compares the run with its committed count (key: {@code test} and the run), recording it for {@link #save()}. */
    public Verdicts check(String test, GuestRun run) {
        if (mode == Mode.OFF) {
            return Verdicts.NONE;
        }
        Baseline.Verdict verdict = baseline.check(test, run);
        if (mode == Mode.UPDATE) {
            return Verdicts.NONE;
        }
        return switch (verdict.kind()) {
            case REGRESSION -> Verdicts.violation(
                    new Violation(Violation.Kind.BASELINE_REGRESSION, verdict.message(), run, null));
            case IMPROVEMENT -> failOnImprovement
                    ? Verdicts.violation(new Violation(Violation.Kind.BASELINE_IMPROVEMENT, verdict.message(), run, null))
                    : Verdicts.note(verdict.message());
            case NEW -> Verdicts.note(verdict.message());
            case WITHIN -> Verdicts.NONE;
        };
    }

    /** In update mode, merges the counts recorded into the file; otherwise nothing. */
    public void save() throws IOException {
        if (mode == Mode.UPDATE) {
            baseline.save();
        }
    }
}
