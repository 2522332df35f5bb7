package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import dev.wasrisc.profile.CallTree;
import dev.wasrisc.profile.ProfileFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Call-graph profiles of real guests: the stacks account for every instruction of the run, on bare
 * metal and on Linux (threads included), transpiled functions carry their source names, and the
 * pprof file is one that {@code go tool pprof} reads.
 */
@WasriscTest
class CallGraphProfileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-fixed-unchecked-O2", "w2c2-fixed-O2"})
    void goStacksAddUpToTheCountAndNameGoFunctions(Pipeline pipeline, @Guest("go/sha256") GuestProgram guest)
            throws Exception {
        GuestRun profiled = guest.build(pipeline).profile();
        CallTree tree = profiled.profile().callTree().orElseThrow();

        // direct Go is multi-threaded Linux: the plain count varies run to run, the profile's own does not lag it.
        assertThat(tree.total()).isEqualTo(profiled.instructions());
        assertThat(tree.frames()).anySatisfy(frame -> assertThat(frame.name()).isEqualTo("main.main"));
        if (profiled.target() == Target.RV64IM) {
            // Natively, a goroutine switch is a jump the stacks can only resynchronise after, so where
            // main.main's share lands varies run to run; a WebAssembly build has one native stack.
            assertThat(tree.inclusiveByFunction()).hasEntrySatisfying("main.main",
                    inMain -> assertThat(inMain).isGreaterThan(tree.total() / 2));
        }
        assertThat(readByGoPprof(tree, pipeline)).isEqualTo(tree.total());
    }

    @ParameterizedTest
    @PipelineSource(cells = {"direct-O2", "wasm2c-O2", "w2c2-O2"})
    void rustStacksEqualThePlainCountAndAreDemangled(Pipeline pipeline, @Guest("rust/sha256") GuestProgram guest)
            throws Exception {
        GuestRun plain = guest.build(pipeline).run();
        GuestRun profiled = guest.build(pipeline).profile();
        CallTree tree = profiled.profile().callTree().orElseThrow();

        assertThat(profiled.stdout()).isEqualTo(plain.stdout());
        assertThat(tree.total()).isEqualTo(plain.instructions());
        assertThat(tree.inclusiveByFunction()).hasEntrySatisfying("guest_sha256::main",
                inMain -> assertThat(inMain).isGreaterThan(tree.total() / 2));
        assertThat(readByGoPprof(tree, pipeline)).isEqualTo(tree.total());
    }

    private static final Pattern PPROF_TOTAL = Pattern.compile("of (\\d+) total");

    /** The total {@code go tool pprof -top} reads from the profile's pprof file. */
    private long readByGoPprof(CallTree tree, Pipeline pipeline) throws IOException, InterruptedException {
        assumeTrue(onPath("go"), "go is not on PATH: platform/install-toolchain.sh installs it");
        Path file = ProfileFiles.write(dir, pipeline.id(), tree, pipeline.displayName()).get(2);
        Process pprof = new ProcessBuilder("go", "tool", "pprof", "-top", "-nodecount=5", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(pprof.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pprof.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(pprof.exitValue()).as(output).isZero();
        Matcher total = PPROF_TOTAL.matcher(output);
        assertThat(total.find()).as(output).isTrue();
        return Long.parseLong(total.group(1));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
