package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/** Rust guests, built with -Zbuild-std for wasm32-wasip1 and riscv64gc-unknown-linux-gnu. */
@WasriscTest
class RustGuestsTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2}, guests = "rust/hello_world")
    void helloWorld(Pipeline pipeline, GuestProgram hello) {
        GuestRun run = hello.build(pipeline).run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("Hello, world!\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2}, guests = "rust/fibonacci")
    void fibonacci(Pipeline pipeline, GuestProgram fib) {
        assertThat(fib.build(pipeline).run("90").stdout()).isEqualTo("2880067194370816120\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2}, guests = "rust/with_import")
    void customImport(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run().stdout())
                .isEqualTo("testfunc called with 1, 2\ntestfunc(1, 2) = 3\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 2, guests = "rust/sha256")
    void sha256WithACrateFromCratesIo(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).run().stdout()).isEqualTo(GoGuestsTest.SHA256_OF_TEST_DATA);
    }
}
