package dev.wasrisc.junit;

import dev.wasrisc.report.Baseline;
import dev.wasrisc.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The baseline for one test run, configured by system properties:
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
 * In update mode the counts are merged into the file when the test run ends.
 */
@SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable for 5.13 on
final class BaselineSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    enum Mode { CHECK, UPDATE, OFF }

    final Mode mode;
    final Baseline baseline;
    final boolean failOnImprovement;

    private BaselineSession(Mode mode, Baseline baseline, boolean failOnImprovement) {
        this.mode = mode;
        this.baseline = baseline;
        this.failOnImprovement = failOnImprovement;
    }

    static BaselineSession from(Settings settings) {
        Path file = Path.of(settings.get("wasrisc.baseline.file", "wasrisc-baseline.json"));
        String configured = settings.get("wasrisc.baseline", Files.isRegularFile(file) ? "check" : "off");
        Mode mode = Mode.valueOf(configured.trim().toUpperCase());
        try {
            Baseline baseline = Baseline.load(file,
                    settings.decimal("wasrisc.baseline.tolerance", 0.5),
                    settings.decimal("wasrisc.baseline.threadedTolerance", 25));
            return new BaselineSession(mode, baseline, settings.flag("wasrisc.baseline.failOnImprovement"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (mode == Mode.UPDATE) {
            baseline.save();
            System.out.println("wasrisc: baseline written to " + baseline.file().toAbsolutePath());
        }
    }
}
