package dev.wasrisc.exec;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output sink that never holds more than its limit: the first half of the limit as written,
 * then a ring of the last half. Memory grows with what was written up to the limit, so the many
 * short outputs of compilers cost nothing extra. Never throws, so the thread pumping a process's
 * output cannot die on what the process writes.
 */
public final class BoundedOutputStream extends OutputStream {

    private final int headLimit;
    private final int tailLimit;
    private byte[] head = new byte[256];
    private int headUsed;
    private byte[] ring;
    private int ringNext;
    private boolean ringFull;
    private long written;

    /** @param limit bytes kept at most, half at each end */
    public BoundedOutputStream(long limit) {
        long bounded = Math.max(2, Math.min(limit, Integer.MAX_VALUE - 16));
        this.headLimit = (int) (bounded / 2);
        this.tailLimit = (int) (bounded - headLimit);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        written += length;
        int toHead = Math.min(length, headLimit - headUsed);
        if (toHead > 0) {
            if (headUsed + toHead > head.length) {
                head = Arrays.copyOf(head, (int) Math.min(headLimit, Math.max(2L * head.length, headUsed + toHead)));
            }
            System.arraycopy(bytes, offset, head, headUsed, toHead);
            headUsed += toHead;
            offset += toHead;
            length -= toHead;
        }
        if (length > 0) {
            toRing(bytes, offset, length);
        }
    }

    private void toRing(byte[] bytes, int offset, int length) {
        if (ring == null) {
            ring = new byte[tailLimit];
        }
        if (length >= tailLimit) {
            System.arraycopy(bytes, offset + length - tailLimit, ring, 0, tailLimit);
            ringNext = 0;
            ringFull = true;
            return;
        }
        int first = Math.min(length, tailLimit - ringNext);
        System.arraycopy(bytes, offset, ring, ringNext, first);
        System.arraycopy(bytes, offset + first, ring, 0, length - first);
        ringFull |= ringNext + length >= tailLimit;
        ringNext = (ringNext + length) % tailLimit;
    }

    public synchronized CapturedOutput captured() {
        byte[] kept = Arrays.copyOf(head, headUsed);
        if (ring == null) {
            return new CapturedOutput(kept, new byte[0], written);
        }
        byte[] tail;
        if (ringFull) {
            tail = new byte[tailLimit];
            System.arraycopy(ring, ringNext, tail, 0, tailLimit - ringNext);
            System.arraycopy(ring, 0, tail, tailLimit - ringNext, ringNext);
        } else {
            tail = Arrays.copyOf(ring, ringNext);
        }
        if (kept.length + tail.length == written) {
            // Nothing dropped: one piece, as a reader expects.
            byte[] all = Arrays.copyOf(kept, kept.length + tail.length);
            System.arraycopy(tail, 0, all, kept.length, tail.length);
            return CapturedOutput.of(all);
        }
        return new CapturedOutput(kept, tail, written);
    }
}
