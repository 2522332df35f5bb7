package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * C, Rust and Go guests call the zkVM accelerators (zkvm_accelerators.h: imports of module "zkvm" in
 * WebAssembly, C functions in direct) on every pipeline that serves them, with the reference
 * interpreter's output, and the counting plugin sees each call.
 */
@WasriscTest
class AcceleratorsTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c", "w2c2", "wamr"}, optLevels = 2,
            guests = {"c/accelerators", "rust/accelerators", "go/accelerators"})
    void hashAndRecoverTheSigner(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run).succeeded()
                .printed("keccak256: 87946fd97c2c44f997fa4d946268c4906d8e09ef11cb8d16ac6353533d21d6b0\n"
                        + "signer: 0x2c7536e3605d9c16a7a3d7b1898e529396a65c23\n")
                .matchesReference();
        assertThat(run).calledAccelerator("keccak256").exactly(2);
        assertThat(run).calledAccelerator("secp256k1_ecrecover").exactly(1);
        assertThat(run).calledAccelerator("sha256").exactly(0);
        assertThat(run).instructionsOutsideAccelerators().isPositive().isLessThan(run.instructions());
    }
}
