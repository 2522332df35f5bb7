package dev.wasrisc.cgen;

import dev.wasrisc.wasm.LinearMemoryImage;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the memory models of wasm2c's and w2c2's C share: how both address linear memory, and the
 * start-up copies of data segments that a fixed memory's image ({@link LinearMemoryImage}) holds already.
 */
final class TranspiledMemory {

    /** The address of a little-endian load or store in wasm2c's and w2c2's C: what a fixed base replaces. */
    static final String ACCESS = "&mem->data[addr]";

    private TranspiledMemory() {}

    /**
     * A transpiler's C without the start-up copies of the segments {@code image} holds, and without
     * the arrays they copied from.
     *
     * @param copy a copy statement: group 1 the array, group 2 the byte count
     * @param definition an array's definition, group 1 its name
     */
    static String withoutSegmentCopies(String c, LinearMemoryImage image, Pattern copy, Pattern definition,
            String transpiler) throws IOException {
        Set<String> arrays = new HashSet<>();
        Matcher copies = copy.matcher(c);
        int nonEmpty = 0;
        while (copies.find()) {
            arrays.add(copies.group(1));
            nonEmpty += Long.parseLong(copies.group(2)) > 0 ? 1 : 0;
        }
        if (nonEmpty != image.segments()) {
            throw new IOException(transpiler + "'s output copies " + nonEmpty + " data segments at start-up, the "
                    + "module has " + image.segments() + " active ones: the fixed memory cannot lay them out");
        }
        Matcher definitions = definition.matcher(copy.matcher(c).replaceAll(""));
        StringBuilder out = new StringBuilder(c.length());
        int removed = 0;
        while (definitions.find()) {
            boolean laidOut = arrays.contains(definitions.group(1));
            removed += laidOut ? 1 : 0;
            definitions.appendReplacement(out, laidOut ? "" : Matcher.quoteReplacement(definitions.group()));
        }
        definitions.appendTail(out);
        if (removed != arrays.size()) {
            throw new IOException(transpiler + "'s output defines " + removed + " of the " + arrays.size()
                    + " segment arrays it copies at start-up where the fixed memory looks for them");
        }
        return out.toString();
    }
}
