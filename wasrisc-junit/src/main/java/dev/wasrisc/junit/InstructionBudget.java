package dev.wasrisc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A ceiling on the instructions of every guest run in the annotated test (or every test of the
 * annotated class), checked as each run finishes. Narrow it to a pipeline, a level or a guest, and
 * repeat it for different ceilings per cell:
 *
 * <pre>{@code
 * @InstructionBudget(2_000)
 * @InstructionBudget(value = 40_000, pipeline = "wasm2c", optLevel = 0)
 * }</pre>
 *
 * Every budget that applies to a run must hold; the failure names guest, pipeline, count, budget
 * and the excess in percent.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(InstructionBudgets.class)
public @interface InstructionBudget {

    /** The most instructions a run may use. */
    long value();

    /** Only runs of this pipeline; every pipeline when empty. */
    String pipeline() default "";

    /** Only runs at this level; every level when -1. */
    int optLevel() default -1;

    /** Only runs of this guest; every guest when empty. */
    String guest() default "";
}
