package dev.wasrisc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging shards: the runs of all, in one report; never shards of other commits, matrices or an incomplete set. */
class MergeCommandTest {

    @TempDir
    Path dir;

    private static final String RUN = """
            {"guest":"c/fibonacci","language":"c","pipeline":"%s","optLevel":2,"cell":"%s-O2","target":"rv64im",
             "args":["30"],"input":null,"exitCode":0,"timedOut":false,"instructions":%d,"exactCount":true,"threads":1,
             "binaryBytes":1000,"buildMillis":10,"runMillis":5}""";

    private Path shard(String name, String commit, String shard, String cells, String... runs) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("results.json"), """
                {"commit":"%s","matrix":{"rows":["c/fibonacci 30"],"cells":[%s]},"shard":"%s",
                 "tools":{"qemu-riscv64":"7.2"},"runs":[%s]}""".formatted(commit, cells, shard, String.join(",", runs)));
        return folder;
    }

    private int merge(Path... shards) {
        List<String> args = new java.util.ArrayList<>();
        for (Path shard : shards) {
            args.add(shard.toString());
        }
        args.addAll(List.of("--out", dir.resolve("merged").toString()));
        return new MergeCommand(new PrintStream(new ByteArrayOutputStream())).run(args);
    }

    @Test
    void twoShardsMakeOneReport() throws Exception {
        String cells = "\"direct-O2\",\"wasm2c-O2\"";
        Path one = shard("one", "abc", "1/2", cells, RUN.formatted("direct", "direct", 888));
        Path two = shard("two", "abc", "2/2", cells, RUN.formatted("wasm2c", "wasm2c", 17_679));

        assertThat(merge(one, two)).isZero();

        String report = Files.readString(dir.resolve("merged/report.md"));
        assertThat(report).contains("| c/fibonacci 30 | rv64im | 888 | 17,679 (19.91×) |");
        assertThat(Files.readString(dir.resolve("merged/results.json"))).contains("\"commit\" : \"abc\"")
                .contains("\"shard\" : \"merged from 2\"");
    }

    @Test
    void shardsOfAnotherCommitMatrixOrAnIncompleteSetAreRefused() throws Exception {
        String cells = "\"direct-O2\",\"wasm2c-O2\"";
        Path one = shard("one", "abc", "1/2", cells, RUN.formatted("direct", "direct", 888));
        Path otherCommit = shard("c", "def", "2/2", cells);
        Path otherMatrix = shard("m", "abc", "2/2", "\"direct-O2\"");
        Path again = shard("again", "abc", "1/2", cells);

        assertThatThrownBy(() -> merge(one, otherCommit)).hasMessageContaining("is of commit def");
        assertThatThrownBy(() -> merge(one, otherMatrix)).hasMessageContaining("another matrix");
        assertThatThrownBy(() -> merge(one)).hasMessageContaining("2 shards make the matrix, 1 given");
        assertThatThrownBy(() -> merge(one, again)).hasMessageContaining("given twice");
    }
}
