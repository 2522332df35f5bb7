package dev.wasrisc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasrisc.TestGuests;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.exec.LocalExecutor;
import dev.wasrisc.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --json} prints exactly one JSON object whatever happens, with the documented exit codes. */
class RunJsonTest {

    @TempDir
    static Path cache;

    private int exit;

    private JsonNode run(Wasrisc wasrisc, String... argv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = new RunCommand(wasrisc, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(List.of(argv));
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.isObject()).as("one JSON object: %s", text).isTrue();
        assertThat(new ObjectMapper().readerFor(JsonNode.class).readValues(text).readAll()).hasSize(1);
        return json;
    }

    @Test
    void aBuildFailureNamesStageCommandAndCompilerOutput() throws IOException {
        JsonNode json = run(TestGuests.wasrisc(cache), "c/syntax_error", "--pipeline", "direct-O2", "--json");

        assertThat(exit).isEqualTo(2);
        assertThat(json.path("stage").asText()).isEqualTo("compile");
        assertThat(json.path("guest").asText()).isEqualTo("c/syntax_error");
        assertThat(json.path("pipeline").asText()).isEqualTo("direct -O2");
        assertThat(json.path("command").asText()).contains("riscv64-unknown-elf-gcc");
        assertThat(json.path("outputTail").asText()).contains("this_is_not_declared");
        assertThat(json.path("error").asText()).contains("failed at stage 'compile'");
    }

    @Test
    void aMissingToolGivesTheReasonAndTheInstallHint() throws IOException {
        WasriscConfig config = WasriscConfig.fromSystemProperties().withCacheDir(cache);
        Wasrisc noWasm2c = new Wasrisc(config, new LocalExecutor(), BuildProgress.silent(),
                Settings.of(Map.of("wasrisc.tool.wasm2c", "/nonexistent/wasm2c")));

        JsonNode json = run(noWasm2c, "c/hello_world", "--pipeline", "wasm2c-O2", "--json");

        assertThat(exit).isEqualTo(3);
        assertThat(json.path("stage").asText()).isEqualTo("missing tools");
        assertThat(json.path("missing").get(0).path("tool").asText()).isEqualTo("wasm2c");
        assertThat(json.path("missing").get(0).path("hint").asText()).contains("wabt");
        assertThat(json.path("reason").asText()).contains("wasm2c (not found");
    }

    @Test
    void aCellThatDoesNotApplySaysWhy() throws IOException {
        Wasrisc checkout = new Wasrisc(WasriscConfig.fromSystemProperties().withCacheDir(cache), new LocalExecutor(),
                BuildProgress.silent());

        JsonNode json = run(checkout, "rust/hello_world", "--pipeline", "direct-zisk-O2", "--json");

        assertThat(exit).isEqualTo(3);
        assertThat(json.path("stage").asText()).isEqualTo("not applicable");
        assertThat(json.path("reason").asText()).contains("not a bare-metal one");
    }

    @Test
    void usageErrorsAndUnknownGuestsAreObjectsToo() throws IOException {
        JsonNode usage = run(TestGuests.wasrisc(cache), "c/hello_world", "--json");
        assertThat(exit).isEqualTo(64);
        assertThat(usage.path("stage").asText()).isEqualTo("usage");
        assertThat(usage.path("error").asText()).contains("--pipeline");

        JsonNode unknown = run(TestGuests.wasrisc(cache), "c/no_such_guest", "--pipeline", "direct-O2", "--json");
        assertThat(exit).isEqualTo(2);
        assertThat(unknown.path("stage").asText()).isEqualTo("guest");
        assertThat(unknown.path("error").asText()).contains("no_such_guest");
    }
}
