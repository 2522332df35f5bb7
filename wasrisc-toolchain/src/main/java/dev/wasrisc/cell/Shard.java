package dev.wasrisc.cell;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N machines' share of a matrix ({@code I/N}, 1-based, as CI matrices count). A cell belongs
 * to the shard its name hashes to, so its shard never moves when other cells are added or removed,
 * and every machine agrees without talking to the others.
 */
public record Shard(int index, int count) {

    private static final Pattern SPEC = Pattern.compile("(\\d+)/(\\d+)");

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, was " + index + "/" + count);
        }
    }

    public static Shard parse(String text) {
        Matcher match = SPEC.matcher(text.strip());
        if (!match.matches()) {
            throw new IllegalArgumentException("a shard is written I/N (such as 2/4), was '" + text + "'");
        }
        return new Shard(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
    }

    /** The shard (1-based) that {@code cell}, a stable name such as {@code "go/sha256 · wasm2c-O2"}, falls in. */
    public static int of(String cell, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cell.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return (int) Math.floorMod(value, (long) count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public boolean contains(String cell) {
        return count == 1 || of(cell, count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
