package dev.wasrisc.exec;

/**
 * The place commands run in cannot be reached: no Docker engine answers, or the toolchain image is
 * not built there. Like a missing tool, the JUnit extension turns it into a skipped test naming the
 * command that fixes it (a failure with {@code wasrisc.strict=true}).
 */
public class ExecutorUnavailableException extends RuntimeException {

    public ExecutorUnavailableException(String message) {
        super(message);
    }

    public ExecutorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
