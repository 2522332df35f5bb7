package dev.wasrisc.cgen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the glue generators read of the header a transpiler wrote. A declaration the glue relies on
 * must be there in the shape the generator knows: otherwise another transpiler version, or a module
 * of a kind the pipeline does not take, would give glue that fails to compile or calls the wrong
 * thing.
 */
final class TranspiledHeader {

    private TranspiledHeader() {}

    /** The first declaration matching {@code pattern}; fails with {@code missing}'s message when there is none. */
    static Matcher declaration(String header, Pattern pattern, Supplier<String> missing) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IllegalStateException(missing.get());
        }
        return matcher;
    }

    /** The parameter types of a declaration's comma-separated list, such as {@code , u32, u64}. */
    static List<String> parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                types.add(part.strip());
            }
        }
        return types;
    }
}
