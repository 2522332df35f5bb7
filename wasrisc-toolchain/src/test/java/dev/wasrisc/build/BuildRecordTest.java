package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRewritesCountsOfACellGoIntoItsRecordInTheirOrder() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("functions threaded", 1532L);
        counts.put("resume jumps threaded", 9210L);

        BuildRecord read = JSON.readValue(JSON.writeValueAsString(record(counts)), BuildRecord.class);

        assertThat(read.rewrites()).containsExactlyEntriesOf(counts);
    }

    @Test
    void aRecordWithoutRewritesIsWrittenAndReadAsBefore() throws Exception {
        String json = JSON.writeValueAsString(record(Map.of()));

        assertThat(json).doesNotContain("rewrites");
        assertThat(JSON.readValue(json, BuildRecord.class).rewrites()).isEmpty();
    }

    private static BuildRecord record(Map<String, Long> rewrites) {
        return new BuildRecord("go/hello_world", "go", "w2c2", 2, "rv64im", 1000, Map.of("w2c2", "sha256:0"),
                List.of(), List.of(), List.of(), rewrites);
    }
}
