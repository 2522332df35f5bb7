package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasrisc.cell.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-guest settings from wasrisc.json, through real builds and runs. */
class GuestSettingsTest {

    @TempDir
    static Path cache;

    private static Wasrisc wasrisc() {
        return TestGuests.wasrisc(cache);
    }

    @ParameterizedTest
    @ValueSource(strings = {"direct-O2", "wasm2c-O0", "wasm2c-O2"})
    void guestSuppliesItsOwnImportImplementation(String cell) {
        GuestRun run = wasrisc().guest("c/own_import").build(Pipeline.parse(cell)).run();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("double_it(21) = 42\n");
    }

    /** The platform's testmodule_testfunc is a weak default: a guest's own definition replaces it. */
    @ParameterizedTest
    @ValueSource(strings = {"c/replaces_testfunc · direct-O2", "c/replaces_testfunc · wasm2c-O0",
        "c/replaces_testfunc · wasm2c-O2", "go/replaces_testfunc · direct-O2"})
    void guestReplacesAPlatformImport(String guestAndCell) {
        String[] parts = guestAndCell.split(" · ");
        GuestRun run = wasrisc().guest(parts[0]).build(Pipeline.parse(parts[1])).run();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        // Not "testfunc called with 6, 7\n…13": the platform's version is not linked in at all.
        assertThat(run.stdout()).isEqualTo("testfunc(6, 7) = 42\n");
    }

    /** The interpreter runs the same C for imports as the pipelines: the guest's own, else the platform's. */
    @ParameterizedTest
    @ValueSource(strings = {"c/own_import · double_it(21) = 42\n", "c/replaces_testfunc · testfunc(6, 7) = 42\n"})
    void theReferenceInterpreterRunsTheGuestsOwnImports(String guestAndOutput) {
        String[] parts = guestAndOutput.split(" · ");
        var reference = wasrisc().reference(parts[0], java.util.List.of());

        assertThat(reference.exitCode()).as(reference.stderr()).isZero();
        assertThat(reference.stdout()).isEqualTo(parts[1]);
    }

    /** The runtimes link each guest's runner with its imports' C, as the C pipelines link the guest. */
    @ParameterizedTest
    @ValueSource(strings = {"c/own_import · wasmtime-O2", "c/own_import · wasmer-O2", "c/own_import · wasmer_llvm-O2",
        "c/replaces_testfunc · wasmtime-O2", "c/replaces_testfunc · wasmer-O2", "c/replaces_testfunc · w2c2-O2",
        "c/replaces_testfunc · wamr-O3"})
    void importsOfTheGuestsOwnRunOnTheOtherPipelines(String guestAndCell) {
        String[] parts = guestAndCell.split(" · ");
        Wasrisc wasrisc = wasrisc();
        var guest = wasrisc.guest(parts[0]);
        var missing = wasrisc.missingTools(guest.guest(), Pipeline.parse(parts[1]));
        assumeTrue(missing.isEmpty(), () -> parts[1] + " is not installed here: " + missing);

        GuestRun run = guest.build(Pipeline.parse(parts[1])).run();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(parts[0].equals("c/own_import") ? "double_it(21) = 42\n" : "testfunc(6, 7) = 42\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"direct-O2", "wasm2c-O2"})
    void exhaustingTheConfiguredMemoryFailsCleanly(String cell) {
        GuestRun run = wasrisc().guest("c/memory_hog").build(Pipeline.parse(cell)).run();

        // 8 MiB configured: malloc must fail before 8 blocks of 1 MiB, and say so, not corrupt memory.
        assertThat(run.stdout()).matches("out of memory after [1-7] MiB\n");
        assertThat(run.exitCode()).isEqualTo(1);
        if (cell.startsWith("wasm2c")) {
            assertThat(run.stderr()).contains("memory.grow to", "refused: the platform's linear-memory region holds 128 pages");
        }
    }
}
