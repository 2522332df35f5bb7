package dev.wasrisc.cell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cell of the pipeline matrix: a way from guest sources to a RISC-V binary, with its options.
 * The cell's {@link #id()}, {@link #displayName()}, cache key and report column all derive from
 * these fields, so an option cannot make them disagree. The C optimisation level applies to the C
 * compiler of the pipeline (the transpiled code for wasm2c, the guest itself for {@code direct} C
 * guests). A cell made from another goes through a {@code with…} method, which keeps every part it
 * does not change (options included); the canonical constructor is the one place that checks a cell.
 *
 * @param name a pipeline of the matrix ({@code dev.wasrisc.pipeline.Pipelines}), such as
 *     {@code wasm2c}. A cell is a value: which pipelines exist, and whether one has a compiler
 *     choice, is the matrix's to say when the cell is built ({@code Pipelines.backend(cell)})
 * @param optLevel 0 to 3
 * @param compiler the C compiler for pipelines that compile transpiled C: {@code gcc} (the
 *     default) or {@code clang}
 * @param variant which code {@code direct} compiles: {@code ""} (the best native build) or
 *     {@link #PUREGO}, the same code the WebAssembly build compiles (Go: {@code -tags purego},
 *     so no hand-written assembly in crypto; C and Rust: what {@code direct} compiles already)
 * @param goToolchain the Go toolchain for Go guests, such as {@code go1.25.6} (the go command
 *     fetches it through the module proxy, as {@code GOTOOLCHAIN} does); {@code ""} for the
 *     installed Go
 * @param options how the WebAssembly code meets the machine ({@link CellOption}), such as a fixed
 *     linear memory without bounds checks; empty for WebAssembly's own semantics
 */
public record Pipeline(String name, int optLevel, String compiler, String variant, String goToolchain,
        Set<CellOption> options) {

    public static final String GCC = "gcc";
    public static final String CLANG = "clang";
    public static final String PUREGO = "purego";
    private static final String OPTION_WORDS = String.join("|",
            Arrays.stream(CellOption.values()).map(CellOption::word).toList());
    private static final Pattern TEXT = Pattern.compile(
            "(\\w+)(?:[- ](gcc|clang))?(?:[- ](purego))?((?:[- ](?:" + OPTION_WORDS + "))*)"
            + "(?:[- ](go\\d+\\.\\d+(?:\\.\\d+)?(?:rc\\d+)?))?\\s*-O(\\d)");
    private static final Pattern GO_TOOLCHAIN = Pattern.compile("go\\d+\\.\\d+(?:\\.\\d+)?(?:rc\\d+)?");

    public Pipeline {
        if (!name.matches("\\w+")) {
            throw new IllegalArgumentException("pipeline name must be a word such as wasm2c, was '" + name + "'");
        }
        if (optLevel < 0 || optLevel > 3) {
            throw new IllegalArgumentException("optimisation level must be 0..3, was " + optLevel);
        }
        if (!compiler.equals(GCC) && !compiler.equals(CLANG)) {
            throw new IllegalArgumentException("C compiler must be gcc or clang, was '" + compiler + "'");
        }
        if (!variant.isEmpty() && !(variant.equals(PUREGO) && name.equals("direct"))) {
            throw new IllegalArgumentException("code variant '" + variant + "' is not known for " + name
                    + "; direct has '" + PUREGO + "' (the code the WebAssembly build compiles)");
        }
        if (!goToolchain.isEmpty() && !GO_TOOLCHAIN.matcher(goToolchain).matches()) {
            throw new IllegalArgumentException("Go toolchain must look like go1.25.6, was '" + goToolchain + "'");
        }
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    }

    /** The cell with the defaults: gcc, the best code, the installed Go, no options. */
    public static Pipeline of(String name, int optLevel) {
        return of(name, optLevel, GCC);
    }

    public static Pipeline of(String name, int optLevel, String compiler) {
        return new Pipeline(name, optLevel, compiler, "", "", Set.of());
    }

    /**
     * Parses an {@link #id()} or a {@link #displayName()}: {@code wasm2c-O2}, {@code wasm2c -O2},
     * {@code wasm2c-clang-O2}, {@code direct-purego-O2}, {@code direct-go1.25.6-O2},
     * {@code wasm2c-fixed-unchecked-O2}.
     */
    public static Pipeline parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected PIPELINE[-COMPILER][-purego][-OPTION...][-goVERSION]-O<level>, "
                    + "such as wasm2c-O2, wasm2c-clang-O2, direct-purego-O2, wasm2c-fixed-unchecked-O2 or "
                    + "direct-go1.25.6-O2 (options: " + OPTION_WORDS.replace('|', ' ') + "), was '" + text + "'");
        }
        Set<CellOption> options = EnumSet.noneOf(CellOption.class);
        for (String word : matcher.group(4).split("[- ]")) {
            CellOption.ofWord(word).ifPresent(options::add);
        }
        return new Pipeline(matcher.group(1), Integer.parseInt(matcher.group(6)),
                matcher.group(2) == null ? GCC : matcher.group(2),
                matcher.group(3) == null ? "" : matcher.group(3),
                matcher.group(5) == null ? "" : matcher.group(5),
                options);
    }

    /** The same cell on another pipeline of the matrix, such as {@code w2c2} for {@code wasm2c}. */
    public Pipeline withPipeline(String pipeline) {
        return new Pipeline(pipeline, optLevel, compiler, variant, goToolchain, options);
    }

    /** The same cell at another C optimisation level. */
    public Pipeline withOptLevel(int level) {
        return new Pipeline(name, level, compiler, variant, goToolchain, options);
    }

    /** The same cell compiling its transpiled C with another compiler ({@link #GCC} or {@link #CLANG}). */
    public Pipeline withCompiler(String newCompiler) {
        return new Pipeline(name, optLevel, newCompiler, variant, goToolchain, options);
    }

    /** The same cell built with another Go toolchain ({@code ""}: the installed Go). */
    public Pipeline withGoToolchain(String toolchain) {
        return new Pipeline(name, optLevel, compiler, variant, toolchain, options);
    }

    /** The same cell compiling another code variant. */
    public Pipeline withVariant(String newVariant) {
        return new Pipeline(name, optLevel, compiler, newVariant, goToolchain, options);
    }

    /** The same cell with other options. */
    public Pipeline withOptions(Set<CellOption> newOptions) {
        return new Pipeline(name, optLevel, compiler, variant, goToolchain, newOptions);
    }

    public boolean has(CellOption option) {
        return options.contains(option);
    }

    /** Whether the cell means anything for a guest in {@code language} (such as {@code go}): a Go toolchain only for Go. */
    public boolean appliesTo(String language) {
        return goToolchain.isEmpty() || language.equals("go");
    }

    /** Whether this is {@code direct} compiling the code the WebAssembly build compiles. */
    public boolean sameCodeAsWasm() {
        return variant.equals(PUREGO);
    }

    /** Defaults (gcc, best code, installed Go) are implied, so names stay as they were before the options. */
    public String displayName() {
        return String.join(" ", parts()) + " -O" + optLevel;
    }

    /** File-name and column friendly form, such as {@code wasm2c-O2} or {@code direct-purego-go1.25.6-O2}. */
    public String id() {
        return String.join("-", parts()) + "-O" + optLevel;
    }

    private List<String> parts() {
        List<String> parts = new ArrayList<>(List.of(name));
        if (!compiler.equals(GCC)) {
            parts.add(compiler);
        }
        if (!variant.isEmpty()) {
            parts.add(variant);
        }
        for (CellOption option : CellOption.values()) {
            if (options.contains(option)) {
                parts.add(option.word());
            }
        }
        if (!goToolchain.isEmpty()) {
            parts.add(goToolchain);
        }
        return parts;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
