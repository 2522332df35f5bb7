package dev.wasrisc.junit;

import dev.wasrisc.policy.BaselineCheck;
import dev.wasrisc.settings.Settings;
import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The baseline for one test run, configured as {@link BaselineCheck} says ({@code wasrisc.baseline},
 * {@code wasrisc.baseline.file}, its tolerances and {@code wasrisc.baseline.failOnImprovement}). In
 * update mode the counts are merged into the file when the test run ends.
 */
@SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable for 5.13 on
final class BaselineSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    final BaselineCheck check;

    private BaselineSession(BaselineCheck check) {
        this.check = check;
    }

    static BaselineSession from(Settings settings) {
        return new BaselineSession(BaselineCheck.from(settings));
    }

    @Override
    public void close() throws IOException {
        if (check.mode() == BaselineCheck.Mode.UPDATE) {
            check.save();
            System.out.println("wasrisc: baseline written to " + check.file().toAbsolutePath());
        }
    }
}
