package dev.wasrisc.exec;

import java.nio.charset.StandardCharsets;

/**
 * What was kept of one output stream of a process: all of it up to the limit, else its first and
 * last bytes and how much was written in all. A guest may write gigabytes; the JVM keeps at most
 * the limit, and says what it dropped instead of pretending the kept part is everything.
 *
 * @param head the first bytes written (all of them when nothing was dropped)
 * @param tail the last bytes written, when bytes between head and tail were dropped; else empty
 * @param written bytes the process wrote to the stream in all
 */
public record CapturedOutput(byte[] head, byte[] tail, long written) {

    private static final byte[] NONE = new byte[0];

    public static CapturedOutput of(byte[] all) {
        return new CapturedOutput(all, NONE, all.length);
    }

    public static CapturedOutput of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean truncated() {
        return written > head.length + tail.length;
    }

    public long dropped() {
        return written - head.length - tail.length;
    }

    /**
     * The kept bytes as text; when some were dropped, a line between head and tail says how many,
     * so no reader takes the two for consecutive output.
     */
    public String text() {
        String first = new String(head, StandardCharsets.UTF_8);
        if (!truncated()) {
            return first;
        }
        return first + "\n[wasrisc: " + String.format("%,d", dropped()) + " bytes dropped here]\n"
                + new String(tail, StandardCharsets.UTF_8);
    }

    /** The whole output, for callers that must not go on with a part of it. */
    public byte[] complete(String what) {
        if (truncated()) {
            throw new IllegalStateException(note(what));
        }
        return head;
    }

    /** For instance "stdout truncated: 4.0 GB written, first and last 16.0 MiB kept". */
    public String note(String stream) {
        return note(stream, written, head.length);
    }

    /** The same note from the sizes alone, for runs read back from a results file. */
    public static String note(String stream, long written, long keptAtEachEnd) {
        return stream + " truncated: " + bytes(written) + " written, first and last " + bytes(keptAtEachEnd)
                + " kept (wasrisc.output.maxBytes)";
    }

    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format("%.1f GB", n / 1e9);
        }
        if (n >= 1 << 20) {
            return String.format("%.1f MiB", n / (double) (1 << 20));
        }
        return String.format("%,d bytes", n);
    }
}
