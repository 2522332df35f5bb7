package dev.wasrisc.junit;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Every {@link PipelineSource} attribute keeps what a cell names beyond the attribute's own part: its options above all. */
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
    void compilersAndToolchainsKeepVariantCompilerAndToolchain() {
        assertThat(ids("pureGoAndClangCellsCrossed")).containsExactly(
                "direct-purego-go1.25.6-O2", "wasm2c-clang-unchecked-go1.25.6-O2");
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
                "[1] c/hello_world · wasm2c fixed unaligned -O2",
                "[2] c/hello_world · wasm2c clang fixed unaligned -O2",
                "[3] go/hello_world · wasm2c fixed unaligned -O2",
                "[4] go/hello_world · wasm2c fixed unaligned go1.25.6 -O2",
                "[5] go/hello_world · wasm2c clang fixed unaligned -O2",
                "[6] go/hello_world · wasm2c clang fixed unaligned go1.25.6 -O2");
        tests.assertStatistics(stats -> stats.succeeded(6).failed(0));
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

        @PipelineSource(cells = {"direct-purego-O2", "wasm2c-clang-unchecked-O2"}, compilers = "clang",
                goToolchains = "go1.25.6")
        void pureGoAndClangCellsCrossed(Pipeline pipeline) {}

        @PipelineSource(pipelines = "wasm2c")
        void pipelinesOnly(Pipeline pipeline) {}

        @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 1, compilers = {"gcc", "clang"})
        void pipelinesLevelsAndCompilers(Pipeline pipeline) {}
    }

    static class EveryAttribute {
        @ParameterizedTest
        @PipelineSource(cells = "wasm2c-fixed-unaligned-O2", compilers = {"gcc", "clang"}, goToolchains = {PipelineSource.INSTALLED_GO, "go1.25.6"},
                guests = {"c/hello_world", "go/hello_world", "rust/hello_world"}, languages = {"c", "go"})
        void keepsTheOptions(Pipeline pipeline, GuestProgram guest) {
            assertThat(pipeline.options()).containsExactlyInAnyOrder(CellOption.FIXED, CellOption.UNALIGNED);
        }
    }
}
