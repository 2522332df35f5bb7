package dev.wasrisc.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The C platform layer ({@code platform/}): start-up, syscalls, WASI, transpiler glue, imports.
 *
 * @param bareMetal the folder of the bare-metal target's start-up, syscalls and linker script:
 *     {@code rv64im} (qemu), or {@code zisk} for cells built for ZisK's emulator, or {@code zkvm_standard} for the zkVM standard target
 */
public record Platform(Path dir, String bareMetal) {

    private static final String STANDARD_TARGET = "zkvm_standard";

    public Platform(Path dir) {
        this(dir, "rv64im");
    }

    /** The same platform with ZisK's start-up, syscalls and memory map as its bare-metal target. */
    public Platform forZisk() {
        return new Platform(dir, "zisk");
    }

    /**
     * The same platform built for the zkVM standard target: {@code zkvm_standard/} as its bare-metal
     * folder, with the qemu executor library of {@code zkvm_standard/qemu/}.
     */
    public Platform forStandardTarget() {
        return new Platform(dir, STANDARD_TARGET);
    }

    /** Whether this is the zkVM standard target's platform (see {@link #forStandardTarget()}). */
    public boolean standardTarget() {
        return bareMetal.equals(STANDARD_TARGET);
    }

    /**
     * The bare-metal target's own start-up and system interface, linked into every binary: crt0
     * and syscalls, or on the standard target the guest side (its main and syscalls) and the qemu
     * executor library (_start, read_input, write_output, abort).
     */
    public List<Path> startupSources() {
        if (standardTarget()) {
            Path executor = rv64im().resolve("qemu");
            return List.of(rv64im().resolve("syscalls.c"), executor.resolve("start.S"), executor.resolve("executor.c"));
        }
        return List.of(rv64im().resolve("crt0.S"), rv64im().resolve("syscalls.c"));
    }

    /** The linker script: the bare-metal folder's, or on the standard target the executor library's. */
    public Path linkerScript() {
        return standardTarget() ? rv64im().resolve("qemu/link.ld") : rv64im().resolve("link.ld");
    }

    public Path include() {
        return dir.resolve("include");
    }

    /** The bare-metal target's folder: {@code rv64im/}, or {@code zisk/} (see {@link #forZisk()}). */
    public Path rv64im() {
        return dir.resolve(bareMetal);
    }

    /** picolibc's standard input over the bare-metal target's read, shared by {@code rv64im} and {@code zisk}. */
    public Path stdio() {
        return dir.resolve("stdio");
    }

    public Path wasi() {
        return dir.resolve("wasi");
    }

    public Path wasm2c() {
        return dir.resolve("wasm2c");
    }

    public Path w2c2() {
        return dir.resolve("w2c2");
    }

    /**
     * The zkVM accelerators: their reference implementations, the qemu wrappers that mark their
     * calls, and the {@code zkvm} import module's adapters. In the cache keys of guests that call them.
     */
    public Path zkvm() {
        return dir.resolve("zkvm");
    }

    public Path qemuPlugin() {
        return dir.resolve("qemu-plugin/insn_count.c");
    }

    /**
     * The folders whose files go into every pipeline's binaries, and so into every build's cache
     * key; a pipeline's own folder (such as {@code wasm2c/}) is in its backend's
     * backend's {@code platformInputs}. The installer and the QEMU plugin (cached on its own) are
     * left out: editing them must not rebuild guests.
     */
    public List<Path> buildInputs() {
        return List.of(include(), rv64im(), stdio(), wasi(), dir.resolve("imports"));
    }

    /** The platform's default implementations of custom imports (weak symbols a guest may replace). */
    public List<Path> importSources() {
        try (Stream<Path> files = Files.list(dir.resolve("imports"))) {
            return files.filter(f -> f.toString().endsWith(".c")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
