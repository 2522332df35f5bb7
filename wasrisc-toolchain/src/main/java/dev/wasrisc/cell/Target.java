package dev.wasrisc.cell;

/**
 * What a built binary is. Every result carries it, so nobody compares a bare-metal count with a
 * Linux one without seeing it.
 */
public enum Target {
    /** Static bare-metal ELF for rv64im: the zkVM target. */
    RV64IM("rv64im", "bare-metal rv64im"),
    /** riscv64 Linux (rv64gc) program, for runtimes and compilers that need an operating system. */
    RISCV64_LINUX("riscv64-linux", "riscv64 Linux (rv64gc)"),
    /**
     * A program ZisK's emulator ({@code ziskemu}) runs: counts are ZisK steps, not QEMU's RISC-V
     * instructions (a step is about one instruction; ZisK's own measure of proving work).
     */
    ZISK("zisk", "ZisK emulator (steps)");

    private final String id;
    private final String description;

    Target(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
