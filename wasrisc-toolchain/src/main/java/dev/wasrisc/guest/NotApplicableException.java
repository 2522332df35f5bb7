package dev.wasrisc.guest;

/**
 * A cell that means nothing for a guest, such as {@code direct} for a prebuilt module. Not a
 * failure and not a missing tool: the JUnit extension skips the test with this message even in
 * strict mode, and {@code bench} prints the cell as skipped.
 */
public class NotApplicableException extends RuntimeException {

    public NotApplicableException(String message) {
        super(message);
    }
}
