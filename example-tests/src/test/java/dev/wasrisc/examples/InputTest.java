package dev.wasrisc.examples;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Input at run time: bytes on the guest's standard input, in C, Go and Rust, on bare metal (the
 * WASM cells) and on riscv64 Linux (Go and Rust direct). The read_input guests print the byte
 * count and an FNV-1a hash, so every byte must arrive, in order.
 */
@WasriscTest
class InputTest {

    private static final String[] GUESTS = {"c/read_input", "go/read_input", "rust/read_input"};

    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O0"}, guests = {"c/read_input", "go/read_input", "rust/read_input"})
    void tenMegabytesArriveIntact(Pipeline pipeline, GuestProgram guest, @TempDir Path dir) throws IOException {
        byte[] bytes = randomBytes(10 << 20, 11);
        Path file = Files.write(dir.resolve("ten-mb.bin"), bytes);

        GuestRun run = guest.build(pipeline).withInput(file).run();

        assertThat(run).succeeded().printed("bytes: " + bytes.length + "\nfnv1a64: " + fnv1a(bytes) + "\n");
        org.assertj.core.api.Assertions.assertThat(run.input().name()).isEqualTo("ten-mb.bin");
        org.assertj.core.api.Assertions.assertThat(run.input().size()).isEqualTo(bytes.length);
    }

    /**
     * Reading a large input costs the guest its reads, not a copying loop: 10 MB take at most 40
     * instructions more per 1,000 bytes than 1,000 bytes do (a copy byte by byte costs several per
     * byte). The guest's "count" mode never touches the bytes.
     */
    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O2"}, guests = "c/read_input")
    void largeInputsAreNotCopiedByteByByte(Pipeline pipeline, GuestProgram guest) {
        GuestBinary binary = guest.build(pipeline);
        GuestRun small = binary.withInput("small", randomBytes(1000, 1)).run("count");
        GuestRun large = binary.withInput("large", randomBytes(10 << 20, 2)).run("count");

        assertThat(small).succeeded().printed("bytes: 1000\n");
        assertThat(large).succeeded().printed("bytes: " + (10 << 20) + "\n");
        long extra = large.instructions() - small.instructions();
        org.assertj.core.api.Assertions.assertThat(extra).as("instructions for 10 MB more input")
                .isLessThan((10L << 20) / 1000 * 40);
    }

    /**
     * fread() on stdin costs a C guest about what read() costs, on bare metal as in WebAssembly:
     * picolibc took each byte through the stream's get function, 54 instructions a byte (453M for
     * 8 MiB against 50M with read()), until the platform read stdin in blocks and copied them.
     */
    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O2", "w2c2-fixed-unaligned-O2"}, guests = "c/read_input")
    void readingThroughStdioCostsAboutWhatReadDoes(Pipeline pipeline, GuestProgram guest) {
        GuestBinary binary = guest.build(pipeline).withInput("four-mb", randomBytes(4 << 20, 3));
        GuestRun stdio = binary.run("stdio");
        GuestRun read = binary.run();

        assertThat(stdio).succeeded().behavesLike(read);
        org.assertj.core.api.Assertions.assertThat(stdio.instructions()).as("instructions through fread(), against "
                + "%,d through read()", read.instructions()).isLessThan(read.instructions() * 11 / 10);
    }

    @ParameterizedTest
    @PipelineSource(cells = "wasm2c-O2", guests = "c/read_input")
    void noInputIsAnEmptyStdin(Pipeline pipeline, GuestProgram guest) {
        GuestRun run = guest.build(pipeline).run();

        assertThat(run).succeeded().printed("bytes: 0\nfnv1a64: cbf29ce484222325\n");
        org.assertj.core.api.Assertions.assertThat(run.input().isNone()).isTrue();
    }

    @ParameterizedTest
    @PipelineSource(cells = "wasm2c-O2", guests = "c/read_input")
    void theReferenceInterpreterReadsTheSameInput(Pipeline pipeline, GuestProgram guest) {
        assertThat(guest.build(pipeline).withInput("hello", "hello, input\n".getBytes()).run()).matchesReference();
    }

    @ParameterizedTest
    @PipelineSource(cells = "direct-O2", guests = "c/read_input")
    void aMissingInputNamesThePathItLookedFor(Pipeline pipeline, GuestProgram guest) {
        GuestBinary binary = guest.build(pipeline);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> binary.withInput(Path.of("inputs/nowhere.bin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c/read_input")
                .hasMessageContaining("nowhere.bin");
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String fnv1a(byte[] bytes) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }
}
