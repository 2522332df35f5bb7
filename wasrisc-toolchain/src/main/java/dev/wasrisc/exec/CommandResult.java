package dev.wasrisc.exec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a finished (or killed) process left behind. */
public record CommandResult(int exitCode, byte[] stdout, byte[] stderr, Duration wallTime, boolean timedOut) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The last lines of stderr (or stdout when stderr is empty), for error messages. */
    public String outputTail(int maxLines) {
        String text = stderr.length > 0 ? stderrText() : stdoutText();
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - maxLines);
        StringBuilder tail = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            tail.append(lines[i]).append('\n');
        }
        return tail.toString();
    }
}
