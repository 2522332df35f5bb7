package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * ZisK's emulator as a second runner: the project's bare-metal pipelines built for ZisK's memory
 * map ({@code -zisk}), and ZisK's own WebAssembly path ({@code zisk_wasm}), print what the guest
 * prints under qemu, and count ZisK steps. Skipped, naming platform/install-zisk.sh, until that
 * opt-in step ran.
 */
@WasriscTest
class ZiskTest {

    // Go through the transpilers for ZisK would compile its 30 MB of C again per cell (minutes);
    // ZisK's own path takes the module as it is.
    @ParameterizedTest
    @PipelineSource(cells = {"zisk_wasm-O2", "wasm2c-zisk-O2", "w2c2-zisk-O2", "wamr_xip-zisk-O3"},
            guests = {"c/hello_world", "c/read_input", "rust/hello_world", "rust/read_input"})
    void sameOutputAsUnderQemu(Pipeline pipeline, GuestProgram guest) {
        check(pipeline, guest);
    }

    @ParameterizedTest
    @PipelineSource(cells = "zisk_wasm-O2", guests = {"go/hello_world", "go/read_input"})
    void goThroughZisksOwnWebAssemblyPath(Pipeline pipeline, GuestProgram guest) {
        check(pipeline, guest);
    }

    private static void check(Pipeline pipeline, GuestProgram guest) {
        GuestRun zisk = guest.build(pipeline).run();
        GuestRun qemu = guest.build(Pipeline.of("direct", 2)).run();

        assertThat(zisk.target()).isEqualTo(Target.ZISK);
        assertThat(zisk.stdout()).isEqualTo(qemu.stdout());
        assertThat(zisk.exitCode()).isZero();
        assertThat(zisk.instructions()).as("ZisK steps").isPositive();
        System.out.printf("%s %s: %,d ZisK steps; direct -O2 under qemu %,d instructions%n", guest.name(),
                pipeline.displayName(), zisk.instructions(), qemu.instructions());
    }

    @ParameterizedTest
    @PipelineSource(cells = "direct-zisk-O2", guests = {"c/hello_world", "c/read_input"})
    void nativeCBuiltForZiskPrintsTheSame(Pipeline pipeline, GuestProgram guest) {
        GuestRun zisk = guest.build(pipeline).run();

        assertThat(zisk.stdout()).isEqualTo(guest.build(Pipeline.of("direct", 2)).run().stdout());
        assertThat(zisk.instructions()).isPositive();
    }
}
