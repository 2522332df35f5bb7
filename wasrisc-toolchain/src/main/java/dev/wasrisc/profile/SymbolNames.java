package dev.wasrisc.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable function names: Rust's v0 mangling ({@link RustV0Names}) and legacy mangling
 * ({@code _ZN3std2io5stdio6_print17h…E} becomes {@code std::io::stdio::_print}). C, Go and wasm2c's
 * names are readable as they are.
 */
final class SymbolNames {

    private static final Pattern HASH = Pattern.compile("h[0-9a-f]{16}");

    private SymbolNames() {}

    static String readable(String symbol) {
        String v0 = RustV0Names.readable(symbol);
        if (v0 != null) {
            return v0;
        }
        int llvmSuffix = symbol.indexOf(".llvm.");
        if (llvmSuffix > 0) {
            symbol = symbol.substring(0, llvmSuffix);
        }
        if (!symbol.startsWith("_ZN") || !symbol.endsWith("E")) {
            return symbol;
        }
        StringBuilder path = new StringBuilder();
        int i = 3;
        int end = symbol.length() - 1;
        while (i < end) {
            int digits = i;
            while (digits < end && Character.isDigit(symbol.charAt(digits))) {
                digits++;
            }
            if (digits == i) {
                return symbol;
            }
            int length = Integer.parseInt(symbol.substring(i, digits));
            if (digits + length > end) {
                return symbol;
            }
            String segment = symbol.substring(digits, digits + length);
            i = digits + length;
            if (i == end && HASH.matcher(segment).matches()) {
                break;
            }
            if (path.length() > 0) {
                path.append("::");
            }
            path.append(unescape(segment));
        }
        return path.toString();
    }

    private static final Pattern ESCAPE = Pattern.compile("\\$(SP|BP|RF|LT|GT|LP|RP|C|u[0-9a-f]+)\\$|\\.\\.");

    private static String unescape(String segment) {
        if (segment.startsWith("_$")) {
            segment = segment.substring(1);
        }
        Matcher matcher = ESCAPE.matcher(segment);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String code = matcher.group(1);
            String replacement;
            if (code == null) {
                replacement = "::";
            } else {
                replacement = switch (code) {
                    case "SP" -> "@";
                    case "BP" -> "*";
                    case "RF" -> "&";
                    case "LT" -> "<";
                    case "GT" -> ">";
                    case "LP" -> "(";
                    case "RP" -> ")";
                    case "C" -> ",";
                    default -> new String(Character.toChars(Integer.parseInt(code.substring(1), 16)));
                };
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
