package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscExtension;
import dev.wasrisc.junit.WasriscTest;
import dev.wasrisc.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bare-metal memory options: a fixed linear memory laid out by the linker, and no bounds
 * checks. They must not change what a guest prints, only what it costs; and an unchecked cell
 * really checks nothing, which is what "the guest's bug" means.
 */
@WasriscTest
class MemoryModelsTest {

    /** Reads one byte past its one-page memory: WebAssembly traps; unchecked code reads the region's zero. */
    private static final String OUT_OF_BOUNDS = """
            (module
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (call $exit (i32.add (i32.const 7) (i32.load8_u (i32.const 65536))))))
            """;

    @TempDir
    static Path guests;

    @ParameterizedTest
    @PipelineSource(cells = {"wasm2c-fixed-O2", "wasm2c-unchecked-O0", "wasm2c-fixed-unchecked-O2", "w2c2-fixed-O2",
            "wamr-unchecked-O3"}, guests = PipelineSource.ALL_GUESTS, languages = {"c", "rust"})
    void sameOutputAsDirect(Pipeline pipeline, GuestProgram guest) {
        SameAsDirect.check(pipeline, guest);
    }

    // Go's start-up is where the data segments cost most: its module has thousands of them.
    @ParameterizedTest
    @PipelineSource(cells = "wasm2c-fixed-unchecked-O2")
    void goStartsWithoutCopyingItsDataSegments(Pipeline pipeline, @Guest("go/hello_world") GuestProgram hello) {
        GuestRun run = hello.build(pipeline).run();
        GuestRun copying = hello.build(Pipeline.of("wasm2c", 2)).run();

        assertThat(run).succeeded().printed(copying.stdout()).matchesReference().usedAtMostTimes(0.6, copying);
    }

    @ParameterizedTest
    @PipelineSource(cells = {"wasm2c-fixed-unchecked-O2", "wamr-unchecked-O3"})
    void rustWithinFivePercentOfNative(Pipeline pipeline, @Guest("rust/sha256") GuestProgram sha256) {
        GuestRun run = sha256.build(pipeline).run();
        GuestRun direct = sha256.build(Pipeline.of("direct", 2)).run();

        assertThat(run).succeeded().printed(direct.stdout()).usedAtMostTimes(1.05, direct);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm2c-O0", "wasm2c-fixed-O0", "wamr-O3"})
    void checkedCellsTrapOutsideTheMemory(String cell) throws Exception {
        assertThat(outOfBounds().build(Pipeline.parse(cell)).run()).exitedWith(134).printedOnStderr("wasm trap: Out-of-bounds access");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm2c-unchecked-O0", "wasm2c-fixed-unchecked-O0", "w2c2-fixed-O0", "wamr-unchecked-O3"})
    void uncheckedCellsReadWhateverLiesThere(String cell) throws Exception {
        assertThat(outOfBounds().build(Pipeline.parse(cell)).run()).exitedWith(7);
    }

    private static GuestProgram outOfBounds() throws Exception {
        Path guest = Files.createDirectories(guests.resolve("wasm/out_of_bounds"));
        Path module = guest.resolve("module.wasm");
        if (!Files.exists(module)) {
            Path wat = Files.writeString(guests.resolve("out_of_bounds.wat"), OUT_OF_BOUNDS);
            Process wat2wasm = new ProcessBuilder("wat2wasm", wat.toString(), "-o", module.toString())
                    .redirectErrorStream(true).start();
            String output = new String(wat2wasm.getInputStream().readAllBytes());
            if (!wat2wasm.waitFor(1, TimeUnit.MINUTES) || wat2wasm.exitValue() != 0) {
                throw new AssertionError("wat2wasm (wabt) failed: " + output);
            }
        }
        Wasrisc session = Wasrisc.from(Settings.of(Map.of("wasrisc.guests", guests.toString()))
                .orElse(Settings.systemProperties()));
        return session.guest("wasm/out_of_bounds", WasriscExtension::publish);
    }
}
