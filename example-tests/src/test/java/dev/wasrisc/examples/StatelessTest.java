package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.InstructionBudget;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.RatioBudget;
import dev.wasrisc.junit.WasriscTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The Ethereum state transition: go-ethereum's {@code core.ExecuteStateless} re-executing a block
 * from its witness alone (guests/go/stateless). The guest itself checks the computed state and
 * receipt roots against the block header; every other cell must print what {@code direct} prints.
 *
 * <p>The module is ~15 MB of WebAssembly, so each WASM cell takes many minutes to build: the
 * default test run builds {@code wasm2c -O0} only, and {@code -Dwasrisc.stf=all} adds every other
 * pipeline ({@code ./wasrisc bench go/stateless --inputs all} is the full table).
 */
@WasriscTest
class StatelessTest {

    static final List<String> INPUTS = List.of("inputs/block-10.bin", "inputs/block-100.bin", "inputs/block-500.bin");
    static final List<String> TAMPERED = List.of("inputs/tampered/flip-state-node.bin",
            "inputs/tampered/drop-state-node.bin", "inputs/tampered/wrong-parent-root.bin");

    /** direct, and direct on the code the WebAssembly build compiles, on every committed block. */
    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "direct-purego-O2"}, guests = "go/stateless")
    @InstructionBudget(value = 3_000_000_000L, pipeline = "direct")
    void directExecutesEveryCommittedBlock(Pipeline pipeline, GuestProgram stf) {
        GuestBinary binary = stf.build(pipeline);
        for (String input : INPUTS) {
            GuestRun run = binary.withInput(Path.of(input)).run();

            assertThat(run).succeeded();
            org.assertj.core.api.Assertions.assertThat(run.stdout())
                    .startsWith("ExecuteStateless succeeded!\nstate root: 0x").contains("\ngas used: ");
            org.assertj.core.api.Assertions.assertThat(run.work()).as("gas reported").isNotNull();
            org.assertj.core.api.Assertions.assertThat(run.code()).as("no cgo, no libsecp256k1").isEmpty();
        }
    }

    /** The default test run's WebAssembly cell, on the smallest block: the same roots and gas as direct. */
    @ParameterizedTest
    @PipelineSource(cells = "wasm2c-O0", guests = "go/stateless")
    @InstructionBudget(value = 20_000_000_000L, pipeline = "wasm2c", optLevel = 0)
    @RatioBudget(value = 60, pipeline = "wasm2c", optLevel = 0)
    void sameRootsAsDirect(Pipeline pipeline, GuestProgram stf) {
        sameAsDirect(stf, pipeline, "inputs/block-10.bin");
    }

    /** Every further pipeline on every committed block (opt-in: hours of cold builds). */
    @ParameterizedTest
    @EnabledIfSystemProperty(named = "wasrisc.stf", matches = "all")
    @PipelineSource(cells = {"wasm2c-O2", "w2c2-O0", "w2c2-O2", "wamr-O3", "wamr_xip-O3", "wasmtime-O2", "wasmer-O2",
        "wasmer_llvm-O2"}, guests = "go/stateless")
    @RatioBudget(value = 15, pipeline = "wasm2c", optLevel = 2)
    void everyPipelineAgreesOnEveryBlock(Pipeline pipeline, GuestProgram stf) {
        for (String input : INPUTS) {
            sameAsDirect(stf, pipeline, input);
        }
    }

    /** A flipped byte in a state node, a dropped node, a wrong parent root: a clean failure, no panic. */
    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O0"}, guests = "go/stateless")
    void tamperedWitnessesFailCleanly(Pipeline pipeline, GuestProgram stf) {
        failsCleanlyOnTamperedWitnesses(stf.build(pipeline));
    }

    /** Shared with the Rust guest, which must reject the same inputs. */
    static void failsCleanlyOnTamperedWitnesses(GuestBinary binary) {
        for (String input : TAMPERED) {
            GuestRun run = binary.withInput(Path.of(input)).run();

            org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(input + ": " + run.stderr()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(run.stderr()).as(input).startsWith("stateless: ")
                    .doesNotContain("panic");
            org.assertj.core.api.Assertions.assertThat(run.stdout()).as(input).doesNotContain("succeeded");
        }
    }

    /** A byte string that is no input at all is rejected as malformed. */
    @ParameterizedTest
    @PipelineSource(cells = "direct-O2", guests = "go/stateless")
    void garbageIsMalformedInput(Pipeline pipeline, GuestProgram stf) {
        rejectsGarbageAsMalformed(stf.build(pipeline));
    }

    static void rejectsGarbageAsMalformed(GuestBinary binary) {
        GuestRun run = binary.withInput("garbage", "not a block".getBytes()).run();

        org.assertj.core.api.Assertions.assertThat(run.exitCode()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(run.stderr()).startsWith("stateless: malformed input");
    }

    /** The generator is deterministic: twice the same bytes, and the bytes committed. */
    @Test
    void generatorRepeatsTheCommittedBlockByteForByte(@Guest("go/stateless") GuestProgram stf, @TempDir Path dir)
            throws IOException, InterruptedException {
        Path first = generate(stf, dir.resolve("first.bin"));
        Path second = generate(stf, dir.resolve("second.bin"));

        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second))
                .isEqualTo(Files.readAllBytes(stf.guest().dir().resolve("inputs/block-10.bin")));
    }

    private static Path generate(GuestProgram stf, Path out) throws IOException, InterruptedException {
        Path go = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "go")).filter(Files::isExecutable).findFirst()
                .orElse(Path.of("/usr/local/go/bin/go"));
        Assumptions.assumeTrue(Files.isExecutable(go), "Go is not installed");
        Process process = new ProcessBuilder(go.toString(), "run", "./generate", "-txs", "10", "-out", out.toString())
                .directory(stf.guest().dir().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        org.assertj.core.api.Assertions.assertThat(process.waitFor()).as(output).isZero();
        return out;
    }

    private static void sameAsDirect(GuestProgram stf, Pipeline pipeline, String input) {
        GuestRun run = stf.build(pipeline).withInput(Path.of(input)).run();
        GuestRun direct = stf.build(Pipeline.of("direct", 2)).withInput(Path.of(input)).run();

        assertThat(direct).succeeded();
        assertThat(run).succeeded().printed(direct.stdout());
    }
}
