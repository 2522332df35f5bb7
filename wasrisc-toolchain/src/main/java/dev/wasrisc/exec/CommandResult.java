package dev.wasrisc.exec;

import java.time.Duration;

/**
 * What a finished (or killed) process left behind: its exit, and as much of its output as the
 * command allowed to be kept ({@link Command#maxOutputBytes()}).
 */
public record CommandResult(int exitCode, CapturedOutput stdout, CapturedOutput stderr, Duration wallTime,
        boolean timedOut) {

    public CommandResult(int exitCode, byte[] stdout, byte[] stderr, Duration wallTime, boolean timedOut) {
        this(exitCode, CapturedOutput.of(stdout), CapturedOutput.of(stderr), wallTime, timedOut);
    }

    public String stdoutText() {
        return stdout.text();
    }

    public String stderrText() {
        return stderr.text();
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The last lines of stderr (or stdout when stderr is empty), for error messages. */
    public String outputTail(int maxLines) {
        String text = stderr.written() > 0 ? stderrText() : stdoutText();
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - maxLines);
        StringBuilder tail = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            tail.append(lines[i]).append('\n');
        }
        return tail.toString();
    }
}
