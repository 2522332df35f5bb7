package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.LocalExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action cache with a real shell command standing in for a compiler. */
class ActionCacheTest {

    @TempDir
    Path dir;

    private ActionCache actions;
    private final AtomicInteger runs = new AtomicInteger();
    private final LocalExecutor executor = new LocalExecutor();

    @BeforeEach
    void setUp() {
        actions = new ActionCache(new BuildCache(dir.resolve("cache"), null, message -> {}));
    }

    @Test
    void theSameCommandOverTheSameBytesInAnotherFolderIsNotRunAgain() throws IOException {
        Path first = work("first", "int x;");
        Path second = work("second", "int x;");

        assertThat(copy(first)).isTrue();
        assertThat(copy(second)).isFalse();

        assertThat(runs).hasValue(1);
        assertThat(second.resolve("out.txt")).hasContent("int x;");
    }

    @Test
    void aChangedInputRunsTheCommandAgain() throws IOException {
        Path first = work("first", "int x;");
        Path second = work("second", "int y;");

        copy(first);
        assertThat(copy(second)).isTrue();

        assertThat(runs).hasValue(2);
        assertThat(second.resolve("out.txt")).hasContent("int y;");
    }

    @Test
    void aDeclaredInputTheCommandLineDoesNotNameIsInTheKey() throws IOException {
        Path first = work("first", "int x;");
        Path second = work("second", "int x;");
        Files.writeString(first.resolve("header.h"), "#define A 1");
        Files.writeString(second.resolve("header.h"), "#define A 2");

        String one = key(first, Action.of("copy", copyCommand(first)).input(first.resolve("header.h")));
        String two = key(second, Action.of("copy", copyCommand(second)).input(second.resolve("header.h")));

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void theEnvironmentIsInTheKey() throws IOException {
        Path work = work("first", "int x;");

        String plain = key(work, Action.of("copy", copyCommand(work)));
        String other = key(work, Action.of("copy", copyCommand(work).env("GOFLAGS", "-tags=purego")));

        assertThat(plain).isNotEqualTo(other);
    }

    @Test
    void inheritedVariablesThatChangeOutputsAreInTheKeyAndLocationsAreNot() {
        Map<String, String> environment = Map.of("GOFLAGS", "-tags=purego", "CGO_CFLAGS", "-O0",
                "CARGO_PROFILE_RELEASE_LTO", "true", "RUST_BACKTRACE", "1", "GOPATH", "/home/someone/go",
                "CARGO_TARGET_DIR", "/tmp/target", "HOME", "/home/someone", "RUSTFLAGS", "-C opt-level=0");

        assertThat(ActionCache.inherited(environment, java.util.Set.of("RUSTFLAGS")))
                .containsOnlyKeys("GOFLAGS", "CGO_CFLAGS", "CARGO_PROFILE_RELEASE_LTO");
    }

    @Test
    void outputsAreRestoredByPattern() throws IOException {
        Path first = work("first", "x");
        Path second = work("second", "x");
        for (Path work : new Path[] {first, second}) {
            Action split = Action.of("split", Command.of("sh", "-c", "cat in.c > s0000000001.c; cat in.c > s0000000002.c"))
                    .outputsMatching(work, java.util.regex.Pattern.compile("s\\d{10}\\.c"));
            perform(work, split);
        }

        assertThat(runs).hasValue(1);
        assertThat(second.resolve("s0000000002.c")).hasContent("x");
    }

    @Test
    void aFailedCommandLeavesNoEntry() throws IOException {
        Path work = work("first", "x");
        Action failing = Action.of("fail", Command.of("sh", "-c", "echo broken >&2; exit 3")).output(work.resolve("out.txt"));

        assertThatThrownBy(() -> perform(work, failing)).hasMessageContaining("exit code 3");
        assertThatThrownBy(() -> perform(work, failing)).hasMessageContaining("exit code 3");
        assertThat(runs).hasValue(2);
    }

    @Test
    void anOutputOutsideTheBuildsFoldersIsRefused() throws IOException {
        Path work = work("first", "x");
        Action stray = Action.of("stray", copyCommand(work)).output(dir.resolve("elsewhere.txt"));

        assertThatThrownBy(() -> perform(work, stray)).hasMessageContaining("outside the build's folders");
    }

    private Path work(String name, String source) throws IOException {
        Path work = Files.createDirectories(dir.resolve(name).resolve("work"));
        Files.writeString(work.resolve("in.c"), source);
        return work;
    }

    private Command.Builder copyCommand(Path work) {
        return Command.of("sh", "-c", "cat \"$1\" > \"$2\"", "sh", work.resolve("in.c"), work.resolve("out.txt"));
    }

    private boolean copy(Path work) throws IOException {
        return perform(work, Action.of("copy", copyCommand(work)).output(work.resolve("out.txt")));
    }

    private String key(Path work, Action action) throws IOException {
        return ActionCache.key(action, action.command().in(work).build(), folders(work), "sh");
    }

    private boolean perform(Path work, Action action) throws IOException {
        Command built = action.command().in(work).build();
        return actions.perform(action, built, ActionCache.key(action, built, folders(work), "sh"), folders(work),
                command -> {
                    runs.incrementAndGet();
                    CommandResult result = executor.execute(command);
                    if (result.exitCode() != 0) {
                        throw new IOException("exit code " + result.exitCode() + ": " + result.stderrText());
                    }
                }, "test");
    }

    private static PathPlaceholders folders(Path work) {
        return PathPlaceholders.of(Map.of("work", work));
    }
}
