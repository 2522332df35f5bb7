package dev.wasrisc.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How many bytes a run wrote to stdout and stderr, against how many are kept of each: the part of
 * a truncated output that a result, a report or an assertion must not take for the whole.
 *
 * @param limit {@link Command#maxOutputBytes()}: bytes kept of each stream, half from each end
 */
public record OutputSizes(long stdout, long stderr, long limit) {

    /** Sizes for output that was never bounded (a run read back from a file that did not record them). */
    public static OutputSizes whole(String stdout, String stderr) {
        return new OutputSizes(utf8(stdout), utf8(stderr), Long.MAX_VALUE);
    }

    public static OutputSizes of(CommandResult result, long limit) {
        return new OutputSizes(result.stdout().written(), result.stderr().written(), limit);
    }

    /**
     * These sizes after a runner took text out of stdout into stderr or away (an emulator's own
     * reports, which share the guest's console): what was taken was never the guest's output.
     */
    public OutputSizes rewritten(String stdoutBefore, String stdoutAfter, String stderrBefore, String stderrAfter) {
        return new OutputSizes(Math.max(0, stdout - (utf8(stdoutBefore) - utf8(stdoutAfter))),
                Math.max(0, stderr + (utf8(stderrAfter) - utf8(stderrBefore))), limit);
    }

    public boolean stdoutTruncated() {
        return stdout > limit;
    }

    public boolean stderrTruncated() {
        return stderr > limit;
    }

    /** One note per truncated stream, e.g. "stdout truncated: 4.0 GB written, first and last 16.0 MiB kept". */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (stdoutTruncated()) {
            notes.add(CapturedOutput.note("stdout", stdout, limit / 2));
        }
        if (stderrTruncated()) {
            notes.add(CapturedOutput.note("stderr", stderr, limit / 2));
        }
        return notes;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
