package dev.wasrisc.pipeline;

import dev.wasrisc.guest.Guest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The C platform layer ({@code platform/}): start-up, syscalls, WASI, transpiler glue, imports. */
public record Platform(Path dir) {

    public Path include() {
        return dir.resolve("include");
    }

    public Path rv64im() {
        return dir.resolve("rv64im");
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

    public Path qemuPlugin() {
        return dir.resolve("qemu-plugin/insn_count.c");
    }

    /**
     * The folders whose files go into every pipeline's binaries, and so into every build's cache
     * key; a pipeline's own folder (such as {@code wasm2c/}) is in its backend's
     * {@link Backend#platformInputs}. The installer and the QEMU plugin (cached on its own) are
     * left out: editing them must not rebuild guests.
     */
    public List<Path> buildInputs() {
        return List.of(include(), rv64im(), wasi(), dir.resolve("imports"));
    }

    /**
     * Custom import implementations linked into every binary of the guest: the guest's own, then
     * the platform's. The platform's are weak defaults; the guest's come first so that, in the
     * {@code libwasrisc_imports.a} of Go and Rust builds, the linker takes a guest's replacement
     * before it reaches the default.
     */
    public List<Path> importSources(Guest guest) {
        List<Path> sources = new ArrayList<>();
        for (String extra : guest.settings().imports()) {
            Path file = guest.dir().resolve(extra);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("guest " + guest.name() + " names import implementation "
                        + extra + " in " + "wasrisc.json, but " + file + " does not exist");
            }
            sources.add(file);
        }
        try (Stream<Path> files = Files.list(dir.resolve("imports"))) {
            files.filter(f -> f.toString().endsWith(".c")).sorted().forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
