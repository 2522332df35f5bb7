package dev.wasrisc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Supplies pipeline cells ({@link dev.wasrisc.cell.Pipeline}) to a {@code @ParameterizedTest}: one
 * invocation per pipeline × optimisation level, and per guest when {@link #guests()} is given.
 *
 * <ul>
 *   <li>neither {@code pipelines} nor {@code optLevels}: the default matrix (direct -O2, wasm2c -O0,
 *       wasm2c -O2)
 *   <li>{@code optLevels} only: every pipeline at those levels
 *   <li>{@code pipelines} only: those pipelines' cells of the default matrix
 *   <li>both: every pipeline named at every level named
 *   <li>{@code cells}: exactly these cells, by id or display name ({@code "direct-purego-O2"},
 *       {@code "wasm2c -O0"}), instead of pipelines × levels; with {@code pipelines} or
 *       {@code optLevels} too, each cell on every pipeline and at every level named
 *   <li>{@code compilers}: cells of pipelines that compile transpiled C (wasm2c), once per compiler
 *   <li>{@code goToolchains}: every cell once per Go toolchain ({@code {INSTALLED_GO, "go1.25.6"}});
 *       Go guests only: C and Rust guests get no toolchain cells
 * </ul>
 *
 * An attribute that crosses the cells changes only its own part of each cell: a cell keeps its
 * options, code variant, compiler and Go toolchain ({@code cells = "wasm2c-fixed-unchecked-O2",
 * compilers = {"gcc", "clang"}} runs {@code wasm2c-fixed-unchecked-O2} and
 * {@code wasm2c-clang-fixed-unchecked-O2}). A cell crossed onto a pipeline without one of its
 * options fails, naming the option.
 *
 * With {@code guests}, each invocation receives {@code (Pipeline, GuestProgram)}; {@code guests =
 * PipelineSource.ALL_GUESTS} crosses every guest of the guests folder but the heavy ones
 * ({@code "heavy": true} in their {@code wasrisc.json}, such as go/stateless), which a test names;
 * {@code languages} keeps only guests in those languages. Display names show guest,
 * pipeline and level, such as {@code c/fibonacci · wasm2c -O2}.
 *
 * <p>Repeatable: several {@code @PipelineSource}s on one method add up, such as every C guest at
 * one set of cells and one Go guest at another.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(PipelineSources.class)
@ArgumentsSource(PipelineArgumentsProvider.class)
@ExtendWith(WasriscExtension.class)
public @interface PipelineSource {

    /** As the only entry of {@link #guests()}: every guest in the guests folder, in name order. */
    String ALL_GUESTS = "*";

    /** In {@link #goToolchains()}: the Go on the machine, as cells without a toolchain use. */
    String INSTALLED_GO = "installed";

    /** Exact cells, such as {@code {"direct-O2", "direct-purego-O2", "wasm2c-O0"}}. */
    String[] cells() default {};

    /** Go toolchains to cross the cells with, such as {@code {INSTALLED_GO, "go1.25.6"}}. */
    String[] goToolchains() default {};

    /** Pipeline names, such as {@code {"direct", "wasm2c"}}; with {@link #cells()}, those to run each cell on. */
    String[] pipelines() default {};

    /** C optimisation levels, 0 to 3; with {@link #cells()}, the levels to run each cell at. */
    int[] optLevels() default {};

    /**
     * C compilers for pipelines that compile transpiled C, such as {@code {"gcc", "clang"}}; each
     * such cell runs once per compiler. Empty: gcc.
     */
    String[] compilers() default {};

    /**
     * Guests to cross with the cells, such as {@code {"c/hello_world", "c/fibonacci"}}, or
     * {@link #ALL_GUESTS}.
     */
    String[] guests() default {};

    /**
     * Only the guests (of {@link #guests()}) in these languages, such as {@code {"c", "rust"}}; empty:
     * every language.
     */
    String[] languages() default {};
}
