package dev.wasrisc.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasrisc.exec.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs {@link Action}s through the build cache: an action whose key has an entry is not run, its
 * outputs are copied out of the entry instead. Entries are ordinary {@link BuildCache} entries
 * ({@code action-KEY}), so they are published atomically, verified against their manifests, locked
 * against a second builder and shared through the remote tier like a cell's.
 */
public final class ActionCache {

    /** Bump when the way action keys are made, or action entries are laid out, changes. */
    private static final String FORMAT = "wasrisc-action-v1";
    private static final String OUTPUTS = "outputs.tsv";
    /** What an action's entry key starts with, beside cells' keys ({@code GUEST-CELL-HASH}). */
    public static final String ENTRY_PREFIX = "action-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the action's command: how a build runs any step (slots, progress, failure messages). */
    @FunctionalInterface
    public interface Runner {
        void run(Command command) throws IOException;
    }

    private final BuildCache cache;

    public ActionCache(BuildCache cache) {
        this.cache = cache;
    }

    /**
     * The action's key.
     *
     * @param built the action's command as it will run
     * @param toolIdentity the identity of the tools it may use (paths, versions, digests)
     */
    public static String key(Action action, Command built, PathPlaceholders folders, String toolIdentity)
            throws IOException {
        Set<Path> outputs = new LinkedHashSet<>();
        action.outputs().forEach(output -> outputs.add(output.toAbsolutePath().normalize()));
        Hashing hash = new Hashing().add(FORMAT).add(toolIdentity);
        hash.add("argv");
        for (String arg : built.argv()) {
            hash.add(folders.abstracted(arg));
        }
        hash.add("cwd").add(folders.abstracted(built.workDir()));
        hash.add("env").add(Boolean.toString(built.cleanEnvironment()));
        new TreeMap<>(built.environment()).forEach((name, value) -> hash.add(name).add(folders.abstracted(value)));
        if (!built.cleanEnvironment()) {
            // Only what is set: with none of them set, keys stay as they were before this was checked.
            inherited(System.getenv(), built.environment().keySet())
                    .forEach((name, value) -> hash.add("inherited " + name).add(folders.abstracted(value)));
        }
        // Every file the command line or the environment names is read by the command, or is it.
        List<String> words = new ArrayList<>(built.argv());
        words.addAll(new TreeMap<>(built.environment()).values());
        for (String word : words) {
            if (word.isEmpty() || word.indexOf('\0') >= 0) {
                continue;
            }
            Path file = built.workDir().resolve(word).toAbsolutePath().normalize();
            if (!outputs.contains(file) && Files.isRegularFile(file)) {
                addFile(hash, folders, file);
            }
        }
        hash.add("inputs");
        for (Path input : action.inputs()) {
            addFile(hash, folders, input);
        }
        for (Action.InputTree tree : action.inputTrees()) {
            hash.add(folders.abstracted(tree.dir())).addTree(tree.dir(), tree.include());
        }
        hash.add("parts");
        action.keyParts().forEach(hash::add);
        hash.add("outputs");
        outputs.forEach(output -> hash.add(folders.abstracted(output)));
        for (Action.OutputPattern pattern : action.outputPatterns()) {
            hash.add(folders.abstracted(pattern.dir())).add(pattern.names().pattern());
        }
        return hash.hex().substring(0, 32);
    }

    /**
     * The variables of this process's environment that the build's tools read as options (Go's,
     * cgo's, cargo's and rustc's flags, gcc's search paths), other than those the command sets: a
     * command inherits them, and one of them can change what it makes. Locations (GOPATH, GOCACHE,
     * CARGO_HOME) and switches of the tools' own output (RUST_BACKTRACE) are not among them, so
     * keys stay the same from machine to machine.
     */
    static Map<String, String> inherited(Map<String, String> environment, Set<String> setByCommand) {
        Map<String, String> inherited = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (!setByCommand.contains(name) && !name.equals("CARGO_TARGET_DIR") && (OUTPUT_VARIABLES.contains(name)
                    || OUTPUT_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith))) {
                inherited.put(name, value);
            }
        });
        return inherited;
    }

    private static final Set<String> OUTPUT_VARIABLES = Set.of("GOFLAGS", "GOTOOLCHAIN", "GOROOT",
            "GOEXPERIMENT", "GOOS", "GOARCH", "GORISCV64", "GOWASM", "GOAMD64", "GOARM64", "CGO_ENABLED", "CC", "CXX",
            "AR", "CFLAGS", "CPPFLAGS", "LDFLAGS", "RUSTFLAGS", "RUSTC", "RUSTC_WRAPPER", "RUSTC_BOOTSTRAP",
            "RUSTDOCFLAGS", "CPATH", "C_INCLUDE_PATH", "LIBRARY_PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH",
            "SOURCE_DATE_EPOCH");
    private static final List<String> OUTPUT_VARIABLE_PREFIXES = List.of("CGO_", "CARGO_BUILD_", "CARGO_PROFILE_",
            "CARGO_TARGET_", "CARGO_ENCODED_", "CARGO_UNSTABLE_");

    private static void addFile(Hashing hash, PathPlaceholders folders, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("input " + file + " of a build action does not exist");
        }
        hash.add(folders.abstracted(file)).add(HexFormat.of().formatHex(Hashing.fileSha256(file)));
    }

    /**
     * Runs the action, or restores its outputs from the cache.
     *
     * @param label who the action is for, for the entry's record (guest and cell)
     * @return whether the command ran (a miss), not restored (a hit)
     */
    public boolean perform(Action action, Command built, String key, PathPlaceholders folders, Runner runner,
            String label) throws IOException {
        for (Path output : action.outputs()) {
            requireCovered(folders, output, action);
        }
        for (Action.OutputPattern pattern : action.outputPatterns()) {
            requireCovered(folders, pattern.dir(), action);
        }
        BuildCache.Entry entry = cache.getOrBuild(ENTRY_PREFIX + key, dir -> {
            long start = System.nanoTime();
            runner.run(built);
            if (action.after() != null) {
                action.after().run();
            }
            store(action, folders, dir);
            JSON.writeValue(dir.resolve(BuildCache.COMPLETE_MARKER).toFile(), new BuildRecord(label, "", "action: "
                    + action.stage(), 0, "action", Duration.ofNanos(System.nanoTime() - start).toMillis(), Map.of(),
                    List.of(folders.abstracted(built.commandLine())), List.of(), List.of(), Map.of()));
        });
        if (!entry.built()) {
            restore(entry.dir(), folders);
        }
        return entry.built();
    }

    private static void requireCovered(PathPlaceholders folders, Path path, Action action) {
        if (!folders.covers(path)) {
            throw new IllegalArgumentException("action '" + action.stage() + "' writes " + path
                    + ", outside the build's folders, where a cached copy could not be put back");
        }
    }

    private static void store(Action action, PathPlaceholders folders, Path dir) throws IOException {
        List<Path> produced = new ArrayList<>(action.outputs());
        for (Action.OutputPattern pattern : action.outputPatterns()) {
            try (Stream<Path> files = Files.list(pattern.dir())) {
                files.filter(file -> pattern.names().matcher(file.getFileName().toString()).matches())
                        .filter(Files::isRegularFile).sorted().forEach(produced::add);
            }
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        StringBuilder index = new StringBuilder();
        for (int i = 0; i < produced.size(); i++) {
            Path file = produced.get(i);
            if (!Files.isRegularFile(file)) {
                throw new IOException("build step '" + action.stage() + "' did not write " + file);
            }
            Files.copy(file, out.resolve(Integer.toString(i)));
            index.append(i).append('\t').append(folders.abstracted(file)).append('\n');
        }
        Files.writeString(dir.resolve(OUTPUTS), index, StandardCharsets.UTF_8);
    }

    private static void restore(Path entry, PathPlaceholders folders) throws IOException {
        for (String line : Files.readAllLines(entry.resolve(OUTPUTS), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            Path target = folders.concrete(line.substring(tab + 1));
            Files.createDirectories(target.getParent());
            Files.copy(entry.resolve("out").resolve(line.substring(0, tab)), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
