package dev.wasrisc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two saved profiles, before and after a change, compared from the command line. */
class ProfileDiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void namesTheFunctionThatGrewMostAndWritesTheDifferentialFlameGraph() throws Exception {
        Path before = Files.writeString(dir.resolve("before.folded"), "_start;main;hash 600\n_start;main;print 100\n");
        Path after = Files.writeString(dir.resolve("after.folded"), "_start;main;hash 900\n_start;main;print 100\n"
                + "_start;main;memcpy 50\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Main.run(List.of("profile-diff", before.toString(), after.toString(), "--out", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(exit).isZero();
        assertThat(lines[0]).contains("before", "after", "difference");
        assertThat(lines[1]).contains("+300", "hash");
        assertThat(lines[2]).contains("+50", "memcpy");
        assertThat(dir.resolve("after-vs-before.diff.svg")).content().startsWith("<svg").contains("hash");
        assertThat(dir.resolve("after-vs-before.diff.txt")).content().contains("+300");
    }

    @Test
    void aFileThatIsNotFoldedStacksIsRefusedByName() throws Exception {
        Path notFolded = Files.writeString(dir.resolve("notes.txt"), "# a heading\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(List.of("profile-diff", notFolded.toString(), notFolded.toString()), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("notes.txt is not a folded-stack file");
    }
}
