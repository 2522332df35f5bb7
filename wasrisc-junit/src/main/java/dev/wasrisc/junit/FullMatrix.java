package dev.wasrisc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test (or class) only when the full matrix is asked for: configuration
 * parameter {@code wasrisc.matrix=full} ({@code -Dwasrisc.matrix=full},
 * {@code junit-platform.properties} or Surefire's {@code configurationParameters}). Otherwise it is
 * reported as disabled, naming the setting.
 *
 * <p>For the cells that make a test run slow to build but add little coverage by default, such as
 * every Go guest through a C pipeline at -O2 (each Go module is about 30 MB of C), while a
 * representative guest of each language stays in the default run.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FullMatrixCondition.class)
public @interface FullMatrix {}
