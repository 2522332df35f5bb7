package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The state transition with Keccak-256 and secp256k1 recovery served by the zkVM accelerators
 * (go/stateless_zkvm, rust/stateless_zkvm): the same roots as the guests they are built from, and
 * the hooks really took (an overlay or a feature that did not apply would leave the calls at 0).
 */
@WasriscTest
class AcceleratedStatelessTest {

    @ParameterizedTest
    @PipelineSource(cells = "direct-O2")
    void goSameRootsWithTheHashingAndRecoveryAccelerated(Pipeline pipeline,
            @Guest("go/stateless") GuestProgram plain, @Guest("go/stateless_zkvm") GuestProgram accelerated) {
        check(plain.build(pipeline).run(), accelerated.build(pipeline).run());
    }

    @ParameterizedTest
    @PipelineSource(cells = "direct-O2")
    void rustSameRootsWithTheHashingAndRecoveryAccelerated(Pipeline pipeline,
            @Guest("rust/stateless") GuestProgram plain, @Guest("rust/stateless_zkvm") GuestProgram accelerated) {
        check(plain.build(pipeline).run(), accelerated.build(pipeline).run());
    }

    private static void check(GuestRun plain, GuestRun accelerated) {
        assertThat(accelerated).succeeded().printed(plain.stdout());
        // block-10: ten transactions, ten senders to recover, and thousands of trie nodes to hash.
        assertThat(accelerated).calledAccelerator("secp256k1_ecrecover").exactly(10);
        assertThat(accelerated).calledAccelerator("keccak256").atLeast(1_000);
        assertThat(accelerated).instructionsOutsideAccelerators().isLessThan(plain.instructions() / 2);
    }
}
