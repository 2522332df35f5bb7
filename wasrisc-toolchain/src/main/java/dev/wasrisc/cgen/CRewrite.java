package dev.wasrisc.cgen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rewrites of one transpiler's C (its output, or the header the output includes) for a cell's
 * options, which cannot silently miss: each counts its matches by what it rewrites, and one that
 * matched too few fails, naming the transpiler and its version, the file and the pattern. A text
 * replacement that finds nothing changes nothing, and the cell would then build the default under
 * its options' names, with counts that mean something else.
 */
public final class CRewrite {

    private final String transpiler;
    private final String file;
    private final Function<String, ? extends RuntimeException> failure;
    private final Map<String, Long> counts;

    /**
     * @param transpiler the transpiler and the version it reported, such as {@code wasm2c 1.0.32}
     * @param file the file rewritten, as messages name it
     * @param failure the exception for a rewrite that missed, given what to say
     */
    CRewrite(String transpiler, String file, Function<String, ? extends RuntimeException> failure) {
        this(transpiler, file, failure, new LinkedHashMap<>());
    }

    private CRewrite(String transpiler, String file, Function<String, ? extends RuntimeException> failure,
            Map<String, Long> counts) {
        this.transpiler = transpiler;
        this.file = file;
        this.failure = failure;
        this.counts = counts;
    }

    /** The same rewrites of another of the transpiler's files, counted with this one's. */
    public CRewrite in(String otherFile) {
        return new CRewrite(transpiler, otherFile, failure, counts);
    }

    /** The text with every {@code expected} replaced; there must be one at least. */
    String replace(String text, String what, String expected, String replacement) {
        int found = 0;
        for (int at = text.indexOf(expected); at >= 0; at = text.indexOf(expected, at + expected.length())) {
            found++;
        }
        counted(what, expected, found, 1);
        return text.replace(expected, replacement);
    }

    /**
     * The text with every match of {@code pattern} replaced.
     *
     * @param minimum the matches this file must have; 0 for a rewrite spread over several files,
     *     checked over all of them by {@link #requireSome}
     */
    String replace(String text, String what, Pattern pattern, Function<MatchResult, String> replacement,
            int minimum) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        int found = 0;
        while (matcher.find()) {
            found++;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        counted(what, pattern.pattern(), found, minimum);
        return matcher.appendTail(out).toString();
    }

    /** Counts what a rewriter changed that is no one pattern's match, such as whole functions. */
    void count(String what, long found) {
        counts.merge(what, found, Long::sum);
    }

    /** Fails unless {@code what} was rewritten in some file: for a rewrite spread over several. */
    void requireSome(String what, String pattern) {
        if (counts.getOrDefault(what, 0L) == 0) {
            throw failure.apply(transpiler + " wrote no " + what + " in any file (pattern: " + pattern + "), "
                    + wrongCell());
        }
    }

    /** The failure for text of the rewritten kind in a shape the rewrite does not know. */
    RuntimeException refused(String what, String pattern, String shape) {
        return failure.apply(transpiler + "'s " + file + ": " + shape + ", where the rewrite of " + what
                + " expects " + pattern + "; " + wrongCell());
    }

    /** What was rewritten so far, by what, in every file. */
    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    private void counted(String what, String pattern, int found, int minimum) {
        if (found < minimum) {
            throw failure.apply(transpiler + "'s " + file + " has " + found + " of " + what + " (pattern: " + pattern
                    + "), at least " + minimum + " expected; " + wrongCell());
        }
        count(what, found);
    }

    private static String wrongCell() {
        return "the cell would build something other than its options say. The rewrites were checked against "
                + "the versions in " + Transpiler.class.getSimpleName() + ": compare this C with that version's";
    }
}
