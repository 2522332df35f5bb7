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

    /**
     * Misaligned loads and stores of every width, across each other; exits with the number of the
     * first that reads wrong, 0 when all read what WebAssembly says.
     */
    private static final String MISALIGNED = """
            (module
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func $expect (param $got i64) (param $want i64) (param $code i32)
                (if (i64.ne (local.get $got) (local.get $want)) (then (call $exit (local.get $code)))))
              (func (export "_start")
                (i64.store (i32.const 3) (i64.const 0x0807060504030201))
                (i32.store (i32.const 13) (i32.const 0x0d0c0b0a))
                (i32.store16 (i32.const 21) (i32.const 0xbeef))
                (i64.store32 (i32.const 25) (i64.const 0xf1f2f3f4))
                (call $expect (i64.extend_i32_u (i32.load (i32.const 5))) (i64.const 0x06050403) (i32.const 1))
                (call $expect (i64.load (i32.const 9)) (i64.const 0x0d0c0b0a00000807) (i32.const 2))
                (call $expect (i64.extend_i32_u (i32.load16_u (i32.const 7))) (i64.const 0x0605) (i32.const 3))
                (call $expect (i64.load32_s (i32.const 1)) (i64.const 0x02010000) (i32.const 4))
                (call $expect (i64.extend_i32_u (i32.load (i32.const 20))) (i64.const 0x00beef00) (i32.const 5))
                (call $expect (i64.load32_s (i32.const 25)) (i64.const -0x0e0d0c0c) (i32.const 6))
                (call $expect (i64.load16_s (i32.const 27)) (i64.const -0x0e0e) (i32.const 7))
                (call $exit (i32.const 0))))
            """;

    @TempDir
    static Path guests;

    @ParameterizedTest
    @PipelineSource(cells = {"wasm2c-fixed-O2", "wasm2c-unchecked-O0", "wasm2c-fixed-unchecked-O2", "w2c2-fixed-O2",
            "wamr-unchecked-O3", "wasm2c-unaligned-O0", "wasm2c-fixed-unchecked-unaligned-O2", "w2c2-fixed-unaligned-O2",
            "w2c2-fixed-unaligned-threaded-O2"},
            guests = PipelineSource.ALL_GUESTS, languages = {"c", "rust"})
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

    /**
     * The zkVM-shaped cells at their best: with one instruction per access, Go through WebAssembly
     * costs at most twice the same Go code compiled natively (purego: no assembly, which no
     * WebAssembly build can use). Without it, 3.04× (wasm2c) and 3.09× (w2c2).
     */
    @ParameterizedTest
    @PipelineSource(cells = {"wasm2c-fixed-unchecked-unaligned-O2", "w2c2-fixed-unaligned-O2",
            "w2c2-fixed-unaligned-threaded-O2"})
    void goWithinTwiceTheSameCodeNatively(Pipeline pipeline, @Guest("go/sha256") GuestProgram sha256) {
        GuestRun run = sha256.build(pipeline).run();
        GuestRun direct = sha256.build(Pipeline.parse("direct-purego-O2")).run();

        assertThat(run).succeeded().printed(direct.stdout()).usedAtMostTimes(2.0, direct);
    }

    /** qemu takes misaligned accesses, so one instruction per access keeps WebAssembly's results. */
    @ParameterizedTest
    @ValueSource(strings = {"wasm2c-O0", "wasm2c-unaligned-O0", "wasm2c-fixed-unchecked-unaligned-O2",
            "wasm2c-clang-fixed-unchecked-unaligned-O2", "w2c2-fixed-unaligned-O2", "wamr-unaligned-O3"})
    void misalignedAccessesReadWhatWasWritten(String cell) throws Exception {
        GuestProgram misaligned = wat("misaligned", MISALIGNED);
        assertThat(misaligned.build(Pipeline.parse(cell)).run()).exitedWith(0)
                .matchesReference(watGuests().reference("wasm/misaligned", java.util.List.of()));
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
        return wat("out_of_bounds", OUT_OF_BOUNDS);
    }

    /** A guest of the text format, built once per test class with wabt's wat2wasm. */
    private static GuestProgram wat(String name, String text) throws Exception {
        Path guest = Files.createDirectories(guests.resolve("wasm/" + name));
        Path module = guest.resolve("module.wasm");
        if (!Files.exists(module)) {
            Path wat = Files.writeString(guests.resolve(name + ".wat"), text);
            Process wat2wasm = new ProcessBuilder("wat2wasm", wat.toString(), "-o", module.toString())
                    .redirectErrorStream(true).start();
            String output = new String(wat2wasm.getInputStream().readAllBytes());
            if (!wat2wasm.waitFor(1, TimeUnit.MINUTES) || wat2wasm.exitValue() != 0) {
                throw new AssertionError("wat2wasm (wabt) failed: " + output);
            }
        }
        return watGuests().guest("wasm/" + name, WasriscExtension::publish);
    }

    /** A session whose guests are this class's text-format guests. */
    private static Wasrisc watGuests() {
        return Wasrisc.from(Settings.of(Map.of("wasrisc.guests", guests.toString())).orElse(Settings.systemProperties()));
    }
}
