package dev.wasrisc;

import dev.wasrisc.pipeline.Pipelines;

/**
 * One cell of the pipeline matrix: a way from guest sources to a RISC-V binary, with its options.
 * The C optimisation level applies to the C compiler of the pipeline (the transpiled code for
 * wasm2c, the guest itself for {@code direct} C guests).
 *
 * @param name a pipeline from {@link Pipelines}, such as {@code wasm2c}
 * @param optLevel 0 to 3
 */
public record Pipeline(String name, int optLevel) {

    public Pipeline {
        Pipelines.backend(name); // fails with the list of known pipelines
        if (optLevel < 0 || optLevel > 3) {
            throw new IllegalArgumentException("optimisation level must be 0..3, was " + optLevel);
        }
    }

    public static Pipeline of(String name, int optLevel) {
        return new Pipeline(name, optLevel);
    }

    /** Parses {@code wasm2c-O2} or {@code wasm2c -O2}. */
    public static Pipeline parse(String text) {
        String[] parts = text.trim().split("\\s*-O");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected PIPELINE-O<level>, such as wasm2c-O2, was '" + text + "'");
        }
        return of(parts[0], Integer.parseInt(parts[1]));
    }

    public String displayName() {
        return name + " -O" + optLevel;
    }

    /** File-name and column friendly form, such as {@code wasm2c-O2}. */
    public String id() {
        return name + "-O" + optLevel;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
