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
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Two implementations of the Ethereum state transition that share no code check each other:
 * guests/rust/stateless (revm, its own trie) and guests/go/stateless (go-ethereum) read the same
 * inputs, so on every cell the Rust guest must print exactly what Go {@code direct} prints (the same
 * state root, receipt root and gas). Where they differ, one guest or the pipeline is wrong.
 *
 * <p>As for the Go guest, the default run builds one WebAssembly cell and {@code -Dwasrisc.stf=all}
 * adds every other pipeline on every committed block.
 */
@WasriscTest
class RustStatelessTest {

    @ParameterizedTest
    @PipelineSource(cells = "direct-O2", guests = "rust/stateless")
    @InstructionBudget(value = 6_000_000_000L, pipeline = "direct") // block-500: 4.02e9
    void directAgreesWithGoOnEveryCommittedBlock(Pipeline pipeline, GuestProgram rust,
            @Guest("go/stateless") GuestProgram go) {
        GuestBinary binary = rust.build(pipeline);
        for (String input : StatelessTest.INPUTS) {
            GuestRun run = binary.withInput(Path.of(input)).run();

            assertThat(run).succeeded().printed(goDirect(go, input).stdout());
            org.assertj.core.api.Assertions.assertThat(run.work()).as("gas reported").isNotNull();
        }
    }

    /** The default run's WebAssembly cell, on the smallest block. */
    @ParameterizedTest
    @PipelineSource(cells = "wasm2c-O0", guests = "rust/stateless")
    @RatioBudget(value = 20, pipeline = "wasm2c", optLevel = 0)
    void webAssemblyAgreesWithGo(Pipeline pipeline, GuestProgram rust, @Guest("go/stateless") GuestProgram go) {
        agreesWithGo(rust, go, pipeline, "inputs/block-10.bin");
    }

    /** Every further pipeline on every committed block (opt-in: long cold builds). */
    @ParameterizedTest
    @EnabledIfSystemProperty(named = "wasrisc.stf", matches = "all")
    @PipelineSource(cells = {"wasm2c-O2", "w2c2-O0", "w2c2-O2", "wamr-O3", "wasmtime-O2", "wasmer-O2", "wasmer_llvm-O2"},
            guests = "rust/stateless")
    void everyPipelineAgreesWithGoOnEveryBlock(Pipeline pipeline, GuestProgram rust,
            @Guest("go/stateless") GuestProgram go) {
        for (String input : StatelessTest.INPUTS) {
            agreesWithGo(rust, go, pipeline, input);
        }
    }

    /**
     * WAMR's execute-in-place mode refuses this module by design: LLVM turned an integer test in
     * musl's log2 into a float comparison, lowered to a relocated call to libgcc's __nedf2 (the
     * README's Rust table has the whole chain). Asserted, so that the opt-in run notices when a
     * WAMR or LLVM upgrade makes the cell load; then it belongs in the list above.
     */
    @ParameterizedTest
    @EnabledIfSystemProperty(named = "wasrisc.stf", matches = "all")
    @PipelineSource(cells = "wamr_xip-O3", guests = "rust/stateless")
    void wamrXipRefusesTheModulesOneTextRelocation(Pipeline pipeline, GuestProgram rust) {
        GuestRun run = rust.build(pipeline).withInput(Path.of("inputs/block-10.bin")).run();

        assertThat(run).exitedWith(134);
        assertThat(run.stderr()).contains("cannot apply relocation to text section");
    }

    /** The Go guest's tampered witnesses are rejected by the Rust guest too, with its own message and no panic. */
    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O0"}, guests = "rust/stateless")
    void tamperedWitnessesFailCleanly(Pipeline pipeline, GuestProgram rust) {
        StatelessTest.failsCleanlyOnTamperedWitnesses(rust.build(pipeline));
    }

    @ParameterizedTest
    @PipelineSource(cells = "direct-O2", guests = "rust/stateless")
    void garbageIsMalformedInput(Pipeline pipeline, GuestProgram rust) {
        StatelessTest.rejectsGarbageAsMalformed(rust.build(pipeline));
    }

    private static void agreesWithGo(GuestProgram rust, GuestProgram go, Pipeline pipeline, String input) {
        GuestRun run = rust.build(pipeline).withInput(Path.of(input)).run();

        assertThat(run).succeeded().printed(goDirect(go, input).stdout());
    }

    private static GuestRun goDirect(GuestProgram go, String input) {
        GuestRun direct = go.build(Pipeline.of("direct", 2)).withInput(Path.of(input)).run();
        assertThat(direct).succeeded();
        return direct;
    }
}
