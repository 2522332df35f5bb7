package dev.wasrisc.profile;

/**
 * Rust's v0 symbol mangling ({@code _RNvNtCs…_5alloc3fmt6format}), turned into a path such as
 * {@code alloc::fmt::format} or {@code <alloc::string::String as core::fmt::Write>::write_str}.
 * Generic arguments are left out, as profilers usually do, so all instances of a generic function
 * read alike; their counts stay separate entries. Anything this reader does not understand is
 * rejected with an exception, and the caller shows the raw symbol.
 */
final class RustV0Names {

    private final String s;
    private int pos;
    private int depth;

    private RustV0Names(String symbol) {
        this.s = symbol;
    }

    /** The readable path, or null when {@code symbol} is not a v0 symbol this reader understands. */
    static String readable(String symbol) {
        if (!symbol.startsWith("_R")) {
            return null;
        }
        int dot = symbol.indexOf('.');
        RustV0Names reader = new RustV0Names(dot < 0 ? symbol : symbol.substring(0, dot));
        try {
            reader.pos = 2;
            while (reader.pos < reader.s.length() && Character.isDigit(reader.peek())) {
                reader.pos++; // encoding version
            }
            return reader.path();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private char peek() {
        return s.charAt(pos);
    }

    private char next() {
        return s.charAt(pos++);
    }

    private boolean eat(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private String path() {
        if (++depth > 64) {
            throw new IllegalArgumentException("too deep");
        }
        try {
            char tag = next();
            switch (tag) {
                case 'C': // crate root
                    return identifier();
                case 'M': { // inherent impl: <Type>
                    implPath();
                    return "<" + type() + ">";
                }
                case 'X': { // trait impl: <Type as Trait>
                    implPath();
                    String type = type();
                    return "<" + type + " as " + path() + ">";
                }
                case 'Y': { // <Type as Trait>
                    String type = type();
                    return "<" + type + " as " + path() + ">";
                }
                case 'N': {
                    char namespace = next();
                    String parent = path();
                    String name = identifier();
                    if (Character.isUpperCase(namespace)) { // closures and shims
                        return parent + "::{" + (namespace == 'C' ? "closure" : namespace == 'S' ? "shim" : "" + namespace)
                                + (name.isEmpty() ? "" : ":" + name) + "}";
                    }
                    return parent + "::" + name;
                }
                case 'I': { // generic arguments, left out
                    String path = path();
                    while (!eat('E')) {
                        genericArg();
                    }
                    return path;
                }
                case 'B':
                    return backref(this::path);
                default:
                    throw new IllegalArgumentException("path tag " + tag);
            }
        } finally {
            depth--;
        }
    }

    private void implPath() {
        disambiguator();
        path();
    }

    private void genericArg() {
        if (eat('L')) {
            base62();
        } else if (eat('K')) {
            constant();
        } else {
            type();
        }
    }

    private String type() {
        char tag = next();
        switch (tag) {
            case 'a': return "i8";
            case 'b': return "bool";
            case 'c': return "char";
            case 'd': return "f64";
            case 'e': return "str";
            case 'f': return "f32";
            case 'h': return "u8";
            case 'i': return "isize";
            case 'j': return "usize";
            case 'l': return "i32";
            case 'm': return "u32";
            case 'n': return "i128";
            case 'o': return "u128";
            case 's': return "i16";
            case 't': return "u16";
            case 'u': return "()";
            case 'v': return "...";
            case 'x': return "i64";
            case 'y': return "u64";
            case 'z': return "!";
            case 'p': return "_";
            case 'A': {
                String element = type();
                constant();
                return "[" + element + "; _]";
            }
            case 'S': return "[" + type() + "]";
            case 'T': {
                StringBuilder tuple = new StringBuilder("(");
                while (!eat('E')) {
                    if (tuple.length() > 1) {
                        tuple.append(", ");
                    }
                    tuple.append(type());
                }
                return tuple.append(")").toString();
            }
            case 'R':
            case 'Q': {
                if (eat('L')) {
                    base62();
                }
                return (tag == 'R' ? "&" : "&mut ") + type();
            }
            case 'P': return "*const " + type();
            case 'O': return "*mut " + type();
            case 'F': {
                if (eat('G')) {
                    base62();
                }
                eat('U');
                if (eat('K')) {
                    if (!eat('C')) {
                        undisambiguatedIdentifier();
                    }
                }
                while (!eat('E')) {
                    type();
                }
                type();
                return "fn(..)";
            }
            case 'D': {
                if (eat('G')) {
                    base62();
                }
                StringBuilder bounds = new StringBuilder("dyn ");
                while (!eat('E')) {
                    if (bounds.length() > 4) {
                        bounds.append(" + ");
                    }
                    bounds.append(path());
                    while (eat('p')) {
                        undisambiguatedIdentifier();
                        type();
                    }
                }
                if (eat('L')) {
                    base62();
                }
                return bounds.toString();
            }
            case 'B':
                return backref(this::type);
            default:
                pos--;
                return path();
        }
    }

    private void constant() {
        if (eat('p')) {
            return;
        }
        if (eat('B')) {
            base62();
            return;
        }
        type();
        eat('n');
        while (next() != '_') {
            // hex digits of the value
        }
    }

    private String backref(java.util.function.Supplier<String> reader) {
        int target = (int) base62() + 2;
        int saved = pos;
        pos = target;
        try {
            return reader.get();
        } finally {
            pos = saved;
        }
    }

    private String identifier() {
        disambiguator();
        return undisambiguatedIdentifier();
    }

    private void disambiguator() {
        if (eat('s')) {
            base62();
        }
    }

    private String undisambiguatedIdentifier() {
        boolean punycode = eat('u');
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        int length = Integer.parseInt(s.substring(start, pos));
        eat('_');
        String name = s.substring(pos, pos + length);
        pos += length;
        return punycode ? name + "(punycode)" : name;
    }

    private long base62() {
        if (eat('_')) {
            return 0;
        }
        long value = 0;
        char c;
        while ((c = next()) != '_') {
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c - 'A' + 36;
            value = value * 62 + digit;
        }
        return value + 1;
    }
}
