package dev.wasrisc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line arguments: positionals, {@code --name value} options, flags, and what follows {@code --}. */
final class Args {

    final List<String> positionals = new ArrayList<>();
    final List<String> passThrough = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flagNames;

    private Args(Set<String> flagNames) {
        this.flagNames = flagNames;
    }

    /**
     * @param optionNames options that take a value (such as {@code --pipeline}, {@code -O})
     * @param flagNames options that take none (such as {@code --json})
     */
    /** The words before {@code --}: the command's own, not the guest's. */
    static List<String> beforeSeparator(List<String> argv) {
        int separator = argv.indexOf("--");
        return separator < 0 ? argv : argv.subList(0, separator);
    }

    static Args parse(List<String> argv, Set<String> optionNames, Set<String> flagNames) {
        Args args = new Args(flagNames);
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                args.passThrough.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            String name = arg;
            String value = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(0, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("-O") && arg.length() > 2) {
                name = "-O";
                value = arg.substring(2);
            }
            if (flagNames.contains(name)) {
                args.options.put(name, "true");
            } else if (optionNames.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = argv.get(++i);
                }
                args.options.put(name, value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                args.positionals.add(arg);
            }
        }
        return args;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        if (!flagNames.contains(name)) {
            throw new IllegalArgumentException("not a flag: " + name);
        }
        return options.containsKey(name);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
