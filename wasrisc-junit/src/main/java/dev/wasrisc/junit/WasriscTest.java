package dev.wasrisc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that builds and runs guests: registers {@link WasriscExtension}, which resolves
 * {@link Guest @Guest} parameters, skips cells whose tools are missing (fails them with
 * {@code -Dwasrisc.strict=true}) and publishes every run's instruction count as a report entry.
 * With {@code -Dwasrisc.shard=I/N} it runs only this machine's share of the tests ({@link ShardCondition}).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({WasriscExtension.class, ShardCondition.class})
public @interface WasriscTest {}
