package dev.wasrisc.build;

import dev.wasrisc.exec.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One expensive build step as the action cache sees it (Bazel's model): a command, what it reads
 * beyond its command line, and the files it leaves. Its key is the command line and environment
 * (with the build's folders replaced by placeholders), the digests of every file the command line
 * names and of the declared inputs, and whatever else the caller adds ({@link #keyPart}, such as
 * the digest of a compile's preprocessed source); Java that makes the same command over the same
 * bytes makes the same key, however it was written.
 */
public final class Action {

    /** Work done after the command, inside the action (copying a tool's output into place). */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    /** A folder read as a whole, with the files under it {@code include} accepts (relative paths). */
    public record InputTree(Path dir, Predicate<Path> include) {}

    /** Files the command writes into {@code dir} whose names match {@code names}, as tools that choose them do. */
    public record OutputPattern(Path dir, Pattern names) {}

    private final String stage;
    private final Command.Builder command;
    private final List<Path> inputs = new ArrayList<>();
    private final List<InputTree> inputTrees = new ArrayList<>();
    private final List<String> keyParts = new ArrayList<>();
    private final List<Path> outputs = new ArrayList<>();
    private final List<OutputPattern> outputPatterns = new ArrayList<>();
    private Step after;

    private Action(String stage, Command.Builder command) {
        this.stage = stage;
        this.command = command;
    }

    /**
     * @param stage what the step is, for progress and error messages (such as {@code compile transpiled C})
     */
    public static Action of(String stage, Command.Builder command) {
        return new Action(stage, command);
    }

    /** A file the command reads that its command line does not name. */
    public Action input(Path file) {
        inputs.add(file);
        return this;
    }

    /** A folder the command reads (a Go package, a crate), by every file under it. */
    public Action inputTree(Path dir) {
        return inputTree(dir, relative -> true);
    }

    public Action inputTree(Path dir, Predicate<Path> include) {
        inputTrees.add(new InputTree(dir, include));
        return this;
    }

    /** Something else the output depends on, in words (made path-free by the caller). */
    public Action keyPart(String part) {
        keyParts.add(part);
        return this;
    }

    public Action output(Path file) {
        outputs.add(file);
        return this;
    }

    public Action outputsMatching(Path dir, Pattern names) {
        outputPatterns.add(new OutputPattern(dir, names));
        return this;
    }

    /** Runs after the command on a miss; its files must be among the outputs. */
    public Action then(Step step) {
        this.after = step;
        return this;
    }

    public String stage() {
        return stage;
    }

    public Command.Builder command() {
        return command;
    }

    public List<Path> inputs() {
        return List.copyOf(inputs);
    }

    public List<InputTree> inputTrees() {
        return List.copyOf(inputTrees);
    }

    public List<String> keyParts() {
        return List.copyOf(keyParts);
    }

    public List<Path> outputs() {
        return List.copyOf(outputs);
    }

    public List<OutputPattern> outputPatterns() {
        return List.copyOf(outputPatterns);
    }

    public Step after() {
        return after;
    }
}
