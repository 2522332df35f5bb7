package dev.wasrisc.settings;

import java.util.Map;
import java.util.Optional;

/**
 * Where {@code wasrisc.*} settings come from: system properties for the command line, JUnit's
 * configuration parameters for tests (which cover {@code -D}, {@code junit-platform.properties} and
 * Surefire's {@code configurationParameters}). Every setting is read through one of these, so a
 * setting works the same way wherever it is given; the table of them is in the README.
 */
@FunctionalInterface
public interface Settings {

    Optional<String> get(String name);

    default String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    default boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false").trim());
    }

    default long number(String name, long fallback) {
        String value = get(name, Long.toString(fallback)).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + "=" + value + " is not a whole number", e);
        }
    }

    default double decimal(String name, double fallback) {
        String value = get(name, Double.toString(fallback)).trim();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + "=" + value + " is not a number", e);
        }
    }

    /** Read when asked, so a property set after start-up (as tests do) is seen. */
    static Settings systemProperties() {
        return name -> Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank());
    }

    static Settings of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    /** These settings, then {@code fallback} for any they do not have. */
    default Settings orElse(Settings fallback) {
        return name -> get(name).or(() -> fallback.get(name));
    }
}
