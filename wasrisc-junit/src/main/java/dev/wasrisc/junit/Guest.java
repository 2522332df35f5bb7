package dev.wasrisc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link dev.wasrisc.GuestProgram} for the guest folder {@code guests/VALUE}, such as
 * {@code @Guest("c/fibonacci") GuestProgram fib}. A missing folder fails the test with the path it
 * looked for.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Guest {

    /** The guest's name: {@code LANGUAGE/NAME}. */
    String value();
}
