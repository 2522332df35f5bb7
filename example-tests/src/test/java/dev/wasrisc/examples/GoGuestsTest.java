package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Go guests: GOOS=wasip1 into the WASM pipelines, GOOS=linux GOARCH=riscv64 for direct. Each Go
 * module is ~30 MB of transpiled C, so most cells here run at -O0 and one guest covers -O2.
 */
@WasriscTest
class GoGuestsTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2})
    void helloWorld(Pipeline pipeline, @Guest("go/hello_world") GuestProgram hello) {
        GuestRun run = hello.build(pipeline).run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("Hello, world!\n");
        assertThat(run.target()).isEqualTo(pipeline.name().equals("direct") ? Target.RISCV64_LINUX : Target.RV64IM);
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 0)
    void fibonacci(Pipeline pipeline, @Guest("go/fibonacci") GuestProgram fib) {
        assertThat(fib.build(pipeline).run("90").stdout()).isEqualTo("2880067194370816120\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 0)
    void customImport(Pipeline pipeline, @Guest("go/with_import") GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("testfunc called with 1, 2\ntestfunc(1, 2) = 3\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 0)
    void memoryLimitKeepsTheHeapSmall(Pipeline pipeline, @Guest("go/memory_limit") GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("allocated 512 MiB under a 32 MiB limit, checksum 65280\n");
    }

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 0)
    void sha256(Pipeline pipeline, @Guest("go/sha256") GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run.stdout()).isEqualTo(SHA256_OF_TEST_DATA);
        assertThat(run.instructions()).isGreaterThan(100_000_000);
    }

    /** What every sha256 guest prints: SHA-256 of the 2 MiB xorshift stream. */
    static final String SHA256_OF_TEST_DATA = "d66cfd024c53857c330dc7d94bfd1107dd30c36daf738a12f1af9fe54b2b9f11\n";
}
