package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core's packages acyclic, as issue 13 cut them: a package may use another only if that one
 * does not, directly or through others, use it back. Read from the sources' imports, so that a new
 * cycle fails here, naming the packages, before it sets in.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void noPackageOfTheCoreReachesItselfThroughItsImports() {
        Map<String, Set<String>> uses = packageImports();
        assertThat(uses).as("packages read from %s", SOURCES.toAbsolutePath()).containsKeys("dev.wasrisc", "dev.wasrisc.cell");

        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                List<String> back = path(uses, to, from);
                if (back != null) {
                    cycles.add(from + " -> " + String.join(" -> ", back));
                }
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void theCheckSeesACycleWhenThereIsOne() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
        assertThat(path(uses, "b", "a")).containsExactly("b", "c", "a");
        assertThat(path(Map.of("a", Set.of("b"), "b", Set.of()), "b", "a")).isNull();
    }

    /** Breadth-first: the shortest chain of packages from {@code from} to {@code to}, or null. */
    private static List<String> path(Map<String, Set<String>> uses, String from, String to) {
        Map<String, String> cameFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, null);
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            if (at.equals(to)) {
                List<String> chain = new ArrayList<>();
                for (String p = at; p != null; p = cameFrom.get(p)) {
                    chain.add(0, p);
                }
                return chain;
            }
            for (String next : uses.getOrDefault(at, Set.of())) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        return null;
    }

    private static Map<String, Set<String>> packageImports() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> used = uses.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    String target = imported.group(1);
                    if (target.startsWith("dev.wasrisc") && !target.equals(pkg.group(1))) {
                        used.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }
}
