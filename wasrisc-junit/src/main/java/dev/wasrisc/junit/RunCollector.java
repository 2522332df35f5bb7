package dev.wasrisc.junit;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.report.Reports;
import dev.wasrisc.settings.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every run of a test run, written as results.json, report.md and report.html when the run ends,
 * into {@code wasrisc.report.dir} (default {@code target/wasrisc-report} of the Maven module).
 */
@SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable for 5.13 on
final class RunCollector implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Wasrisc wasrisc;
    private final Path dir;
    private final List<GuestRun> runs = Collections.synchronizedList(new ArrayList<>());

    RunCollector(Wasrisc wasrisc, Settings settings) {
        this.wasrisc = wasrisc;
        this.dir = Path.of(settings.get("wasrisc.report.dir", "target/wasrisc-report")).toAbsolutePath();
    }

    void add(GuestRun run) {
        runs.add(run);
    }

    @Override
    public void close() throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        Reports.write(dir, List.copyOf(runs), wasrisc.toolchain().foundVersions());
        System.out.println("wasrisc: " + runs.size() + " runs reported in " + dir + "/{results.json,report.md,report.html}");
    }
}
