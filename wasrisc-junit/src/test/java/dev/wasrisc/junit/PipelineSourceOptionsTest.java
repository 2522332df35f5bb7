package dev.wasrisc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Every {@link PipelineSource} attribute keeps the parts of a cell it does not change: its options above all. */
class PipelineSourceOptionsTest {

    @BeforeAll
    static void isolateFromTheOuterRun() {
        NestedRuns.clearOuterSettings();
    }

    @Test
    void compilersKeepTheCellsOptions() {
        assertThat(ids("fixedUncheckedWithBothCompilers"))
                .containsExactly("wasm2c-fixed-unchecked-O2", "wasm2c-clang-fixed-unchecked-O2");
    }

    @Test
    void optLevelsAndPipelinesCrossTheCellsKeepingTheirOptions() {
        assertThat(ids("fixedUnalignedAtTwoLevels"))
                .containsExactly("wasm2c-fixed-unaligned-O0", "wasm2c-fixed-unaligned-O3");
        assertThat(ids("fixedUnalignedOnBothTranspilers"))
                .containsExactly("wasm2c-fixed-unaligned-O2", "w2c2-fixed-unaligned-O2");
    }

    @Test
    void aCellCrossedOntoAPipelineWithoutItsOptionFailsNamingIt() {
        assertThatThrownBy(() -> ids("fixedUncheckedOnBothTranspilers"))
                .hasMessageContaining("pipeline w2c2 has no option 'unchecked'");
    }

    @Test
    void cellsThatCrossIntoTheSameCellRunOnce() {
        assertThat(ids("twoLevelsAtOne")).containsExactly("wasm2c-O2");
    }

    @Test
    void everyAttributeKeepsVariantCompilerAndToolchainToo() {
        assertThat(ids("pureGoAndClangCellsCrossed")).containsExactly(
                "direct-purego-go1.25.6-O0", "direct-purego-go1.25.6-O3",
                "wasm2c-clang-unchecked-go1.25.6-O0", "wasm2c-clang-unchecked-go1.25.6-O3");
    }

    @Test
    void withoutCellsTheAttributesMakeTheSameCellsAsBefore() {
        assertThat(ids("pipelinesOnly")).containsExactly("wasm2c-O0", "wasm2c-O2");
        assertThat(ids("pipelinesLevelsAndCompilers")).containsExactly("direct-O1", "wasm2c-O1", "wasm2c-clang-O1");
    }

    @Test
    void aCellWithOptionsCrossedWithEveryAttributeKeepsThemInEveryInvocation() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true) // -D properties and junit-platform.properties, as Surefire
                .selectors(selectClass(EveryAttribute.class)).execute().testEvents();

        // C guests get no toolchain cells; rust/hello_world is not in the languages named.
        assertThat(tests.started().map(e -> e.getTestDescriptor().getDisplayName()).toList()).containsExactly(
                "[1] c/hello_world · wasm2c fixed unaligned -O0",
                "[2] c/hello_world · wasm2c clang fixed unaligned -O0",
                "[3] c/hello_world · w2c2 fixed unaligned -O0",
                "[4] c/hello_world · w2c2 clang fixed unaligned -O0",
                "[5] go/hello_world · wasm2c fixed unaligned -O0",
                "[6] go/hello_world · wasm2c fixed unaligned go1.25.6 -O0",
                "[7] go/hello_world · wasm2c clang fixed unaligned -O0",
                "[8] go/hello_world · wasm2c clang fixed unaligned go1.25.6 -O0",
                "[9] go/hello_world · w2c2 fixed unaligned -O0",
                "[10] go/hello_world · w2c2 fixed unaligned go1.25.6 -O0",
                "[11] go/hello_world · w2c2 clang fixed unaligned -O0",
                "[12] go/hello_world · w2c2 clang fixed unaligned go1.25.6 -O0");
        tests.assertStatistics(stats -> stats.succeeded(12).failed(0));
    }

    private static List<String> ids(String method) {
        try {
            PipelineSource source = Sources.class.getDeclaredMethod(method, Pipeline.class)
                    .getAnnotation(PipelineSource.class);
            return PipelineArgumentsProvider.cells(source).stream().map(Pipeline::id).toList();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Not run: the annotations the provider expands. */
    static class Sources {
        @PipelineSource(cells = "wasm2c-fixed-unchecked-O2", compilers = {"gcc", "clang"})
        void fixedUncheckedWithBothCompilers(Pipeline pipeline) {}

        @PipelineSource(cells = "wasm2c-fixed-unaligned-O2", optLevels = {0, 3})
        void fixedUnalignedAtTwoLevels(Pipeline pipeline) {}

        @PipelineSource(cells = "wasm2c-fixed-unaligned-O2", pipelines = {"wasm2c", "w2c2"})
        void fixedUnalignedOnBothTranspilers(Pipeline pipeline) {}

        @PipelineSource(cells = "wasm2c-fixed-unchecked-O2", pipelines = {"wasm2c", "w2c2"})
        void fixedUncheckedOnBothTranspilers(Pipeline pipeline) {}

        @PipelineSource(cells = {"wasm2c-O0", "wasm2c-O2"}, optLevels = 2)
        void twoLevelsAtOne(Pipeline pipeline) {}

        @PipelineSource(cells = {"direct-purego-O2", "wasm2c-clang-unchecked-O2"}, optLevels = {0, 3},
                compilers = "clang", goToolchains = "go1.25.6")
        void pureGoAndClangCellsCrossed(Pipeline pipeline) {}

        @PipelineSource(pipelines = "wasm2c")
        void pipelinesOnly(Pipeline pipeline) {}

        @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 1, compilers = {"gcc", "clang"})
        void pipelinesLevelsAndCompilers(Pipeline pipeline) {}
    }

    static class EveryAttribute {
        @ParameterizedTest
        @PipelineSource(cells = "wasm2c-fixed-unaligned-O2", pipelines = {"wasm2c", "w2c2"}, optLevels = 0,
                compilers = {"gcc", "clang"}, goToolchains = {PipelineSource.INSTALLED_GO, "go1.25.6"},
                guests = {"c/hello_world", "go/hello_world", "rust/hello_world"}, languages = {"c", "go"})
        void keepsTheOptions(Pipeline pipeline, GuestProgram guest) {
            assertThat(pipeline.options()).containsExactlyInAnyOrder(CellOption.FIXED, CellOption.UNALIGNED);
        }
    }
}
