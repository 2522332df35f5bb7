package dev.wasrisc.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.LocalExecutor;
import dev.wasrisc.settings.Settings;
import dev.wasrisc.tool.Tools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Under ZisK's emulator a run past wasrisc.zisk.maxSteps ends as a timeout does, saying which limit. */
class ZiskStepLimitTest {

    @Test
    void aRunPastTheStepLimitIsATimeoutNamingTheLimit() {
        Settings settings = Settings.of(Map.of("wasrisc.zisk.maxSteps", "1000")).orElse(Settings.systemProperties());
        Wasrisc wasrisc = new Wasrisc(WasriscConfig.fromSystemProperties(), new LocalExecutor(), BuildProgress.silent(),
                settings);
        assumeTrue(wasrisc.toolchain().missing(List.of(Tools.ZISKEMU)).isEmpty(),
                "ziskemu is not installed (platform/install-zisk.sh, opt-in)");

        GuestRun run = wasrisc.guest("c/hello_world").build(Pipeline.parse("zisk_wasm-O2")).run();

        assertThat(run.timedOut()).isTrue();
        assertThat(run.instructions()).isEqualTo(-1);
        assertThat(run.stderr()).contains("did not end within 1,000 steps (wasrisc.zisk.maxSteps)");
    }
}
