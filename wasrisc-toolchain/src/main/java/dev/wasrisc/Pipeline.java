package dev.wasrisc;

import dev.wasrisc.pipeline.Backend;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wasrisc.pipeline.Pipelines;

/**
 * One cell of the pipeline matrix: a way from guest sources to a RISC-V binary, with its options.
 * The C optimisation level applies to the C compiler of the pipeline (the transpiled code for
 * wasm2c, the guest itself for {@code direct} C guests).
 *
 * @param name a pipeline from {@link Pipelines}, such as {@code wasm2c}
 * @param optLevel 0 to 3
 * @param compiler the C compiler for pipelines that compile transpiled C: {@code gcc} (the
 *     default) or {@code clang}
 */
public record Pipeline(String name, int optLevel, String compiler) {

    public static final String GCC = "gcc";
    public static final String CLANG = "clang";
    private static final Pattern TEXT = Pattern.compile("(\\w+)(?:[- ](gcc|clang))?\\s*-O(\\d)");

    public Pipeline {
        Backend backend = Pipelines.backend(name); // fails with the list of known pipelines
        if (optLevel < 0 || optLevel > 3) {
            throw new IllegalArgumentException("optimisation level must be 0..3, was " + optLevel);
        }
        if (!compiler.equals(GCC) && !compiler.equals(CLANG)) {
            throw new IllegalArgumentException("C compiler must be gcc or clang, was '" + compiler + "'");
        }
        if (compiler.equals(CLANG) && !backend.compilesTranspiledC()) {
            throw new IllegalArgumentException("pipeline " + name + " compiles no transpiled C, so it has no compiler "
                    + "choice; clang is for " + Pipelines.all().stream().filter(Backend::compilesTranspiledC)
                            .map(Backend::name).toList());
        }
    }

    public static Pipeline of(String name, int optLevel) {
        return new Pipeline(name, optLevel, GCC);
    }

    public static Pipeline of(String name, int optLevel, String compiler) {
        return new Pipeline(name, optLevel, compiler);
    }

    /** Parses {@code wasm2c-O2}, {@code wasm2c -O2} or, with a compiler, {@code wasm2c-clang-O2}. */
    public static Pipeline parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected PIPELINE[-COMPILER]-O<level>, such as wasm2c-O2 or "
                    + "wasm2c-clang-O2, was '" + text + "'");
        }
        return of(matcher.group(1), Integer.parseInt(matcher.group(3)), matcher.group(2) == null ? GCC : matcher.group(2));
    }

    /** gcc is implied: names of gcc cells stay as they were before the compiler became a choice. */
    public String displayName() {
        return name + (compiler.equals(GCC) ? "" : " " + compiler) + " -O" + optLevel;
    }

    /** File-name and column friendly form, such as {@code wasm2c-O2} or {@code wasm2c-clang-O2}. */
    public String id() {
        return name + (compiler.equals(GCC) ? "" : "-" + compiler) + "-O" + optLevel;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
