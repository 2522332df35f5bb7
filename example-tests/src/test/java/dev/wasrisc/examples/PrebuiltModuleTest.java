package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscExtension;
import dev.wasrisc.junit.WasriscTest;
import dev.wasrisc.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A guest from a compiler WASRISC does not drive: AssemblyScript (from the npm registry, with its
 * WASI shim) compiles src/test/assemblyscript/collatz.ts into a guest folder holding only
 * {@code module.wasm}. That module runs through every WebAssembly pipeline as it is; direct has
 * nothing to compile, so it is skipped with that reason. Skipped as a whole without npm.
 */
@WasriscTest
class PrebuiltModuleTest {

    private static final Path SOURCES = Path.of("src/test/assemblyscript").toAbsolutePath();

    @TempDir
    static Path guests;

    private static Wasrisc session;
    private static GuestProgram collatz;

    @BeforeAll
    static void compileWithAssemblyScript() throws Exception {
        assumeTrue(onPath("npm") && onPath("node"), "npm and node not found: AssemblyScript comes from the npm "
                + "registry (install Node.js 20 with npm, e.g. apt-get install npm)");
        Path tools = Files.createDirectories(Path.of("target/assemblyscript").toAbsolutePath());
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCES.resolve(file), tools.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        run(tools, "npm", "ci", "--no-audit", "--no-fund");
        Path guest = Files.createDirectories(guests.resolve("wasm/as_collatz"));
        run(tools, tools.resolve("node_modules/.bin/asc").toString(), SOURCES.resolve("collatz.ts").toString(),
                // Relative: asc resolves the shim's "lib" folder against the working directory.
                "--config", "node_modules/@assemblyscript/wasi-shim/asconfig.json",
                "-O3", "--outFile", guest.resolve("module.wasm").toString());

        session = Wasrisc.from(Settings.of(Map.of("wasrisc.guests", guests.toString())).orElse(Settings.systemProperties()));
        collatz = session.guest("wasm/as_collatz", WasriscExtension::publish);
    }

    @ParameterizedTest
    @PipelineSource(cells = {"wasm2c-O0", "wasm2c-O2", "w2c2-O2", "wamr-O3", "wasmtime-O2", "wasmer-O2", "wasmer_llvm-O2"})
    void runsThroughEveryWebAssemblyPipeline(Pipeline pipeline) {
        GuestRun run = collatz.build(pipeline).run();

        assertThat(run).succeeded().printed("steps(27) = 111\n")
                .matchesReference(session.reference(collatz.name(), List.of()));
    }

    @Test
    void directHasNothingToCompile() {
        assertThatThrownBy(() -> collatz.build(Pipeline.of("direct", 2)))
                .isInstanceOf(NotApplicableException.class)
                .hasMessage("cell direct -O2 for wasm/as_collatz: a prebuilt module (module.wasm) has no sources for "
                        + "direct to compile natively");
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed in " + dir + ":\n" + output);
        }
    }
}
