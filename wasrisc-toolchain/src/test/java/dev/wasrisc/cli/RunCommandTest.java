package dev.wasrisc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    @Test
    void theSummaryListsWhatTheRewritesChangedInTheirOrder() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("functions threaded", 1199L);
        counts.put("resume jumps threaded", 12772L);

        assertThat(RunCommand.rewrites(counts)).isEqualTo("functions threaded 1,199, resume jumps threaded 12,772");
    }
}
