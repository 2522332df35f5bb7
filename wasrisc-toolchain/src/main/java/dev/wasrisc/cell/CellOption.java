package dev.wasrisc.cell;

import java.util.Arrays;
import java.util.Optional;

/**
 * An option of a cell beyond its compiler and level: how the WebAssembly code meets the machine.
 * Each one is a word of the cell's name ({@code wasm2c-fixed-unchecked-O2}), so it reaches the
 * display name, the cache key and the reports. Which pipeline takes which option is the pipeline's
 * to say ({@code Backend.options()}); the defaults (none) keep WebAssembly's semantics.
 */
public enum CellOption {

    /**
     * Linear memory at a fixed address in the platform's region, so its base is a link-time
     * constant instead of a load through the instance, and the module's active data segments laid
     * out there by the linker (no copy at start-up, no initialiser to compile).
     */
    FIXED("fixed"),

    /**
     * No bounds checks on loads and stores. An access outside linear memory is then the guest's
     * bug: it reads or writes whatever lies there instead of trapping.
     */
    UNCHECKED("unchecked"),

    /**
     * Each load and store of linear memory is one RISC-V load or store. The transpilers' C copies
     * every access with {@code memcpy}, which says nothing of alignment, and gcc and clang for
     * rv64 then copy byte by byte (an 8-byte load becomes 8 loads, 8 stores and a reload). With
     * this option a misaligned WebAssembly address becomes a misaligned RISC-V access, which the
     * machine must take: qemu does, and ZisK does at a higher cost; a core that traps on them
     * would need to emulate them.
     */
    UNALIGNED("unaligned"),

    /**
     * Jumps threaded past the dispatch of Go's resumable functions (w2c2). Go's WebAssembly back
     * end makes each function one loop around a {@code br_table} on a resume index: a backward
     * branch sets the index and goes back to the loop's top, through a jump table, and a call
     * enters the same way with index 0. gcc does not thread jumps through a loop's header, so
     * this rewrites each such branch to go straight to its block, and tests for 0 before the
     * table. The code does the same; it is only faster.
     */
    THREADED("threaded"),

    /** binaryen's {@code wasm-opt -O3} on the module before the pipeline sees it. */
    WASM_OPT("wasmopt"),

    /**
     * Built for ZisK's emulator instead of qemu: the bare-metal platform of {@code platform/zisk}
     * (ZisK's memory map, UART output, its input region, exit through ecall 93), run by
     * {@code ziskemu}, counted in ZisK steps. For the bare-metal pipelines only.
     */
    ZISK("zisk"),

    /**
     * Built for the zkVM standard target ({@code riscv64im_zicclsm-unknown-none-elf}, eth-act's
     * zkvm-standards) and run by qemu: the platform of {@code platform/zkvm_standard}, whose guest
     * side calls only the standard's {@code read_input}, {@code write_output} and {@code abort}, and
     * whose qemu executor library provides {@code _start} and the linker script. Every binary is
     * checked against the target after linking. For the bare-metal pipelines only; not with
     * {@code zisk}. Counts are qemu's RISC-V instructions, as without the option.
     */
    ZKVM("zkvm");

    private final String word;

    CellOption(String word) {
        this.word = word;
    }

    /** The option's word in cell names. */
    public String word() {
        return word;
    }

    public static Optional<CellOption> ofWord(String word) {
        return Arrays.stream(values()).filter(option -> option.word.equals(word)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}
