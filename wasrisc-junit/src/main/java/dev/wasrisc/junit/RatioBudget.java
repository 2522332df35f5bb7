package dev.wasrisc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A ceiling on how many times the instructions of another cell a run may use, on the same guest,
 * arguments and input — "this cell costs at most 6× what {@code direct} costs":
 *
 * <pre>{@code
 * @RatioBudget(value = 6.0, pipeline = "wasm2c", optLevel = 2)     // to direct-O2
 * @RatioBudget(value = 4.0, pipeline = "wasm2c", optLevel = 2, to = "direct-purego-O2")
 * }</pre>
 *
 * The cell compared with is built and run once per guest, input and arguments in the test run
 * (from the build cache when it can be). A failure gives both counts and the ratio. Runs of the
 * {@code to} cell itself are not held to the budget.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(RatioBudgets.class)
public @interface RatioBudget {

    /** The largest ratio of the run's count to the {@code to} cell's. */
    double value();

    /** The cell compared with, by id or display name. */
    String to() default "direct-O2";

    /** Only runs of this pipeline; every pipeline when empty. */
    String pipeline() default "";

    /** Only runs at this level; every level when -1. */
    int optLevel() default -1;

    /** Only runs of this guest; every guest when empty. */
    String guest() default "";
}
