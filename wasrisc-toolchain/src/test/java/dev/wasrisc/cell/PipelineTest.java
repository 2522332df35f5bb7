package dev.wasrisc.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.pipeline.Pipelines;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void gccIsImpliedInNamesSoExistingCellsKeepTheirIds() {
        Pipeline gcc = Pipeline.parse("wasm2c-O2");

        assertThat(gcc.compiler()).isEqualTo("gcc");
        assertThat(gcc.id()).isEqualTo("wasm2c-O2");
        assertThat(gcc).isEqualTo(Pipeline.parse("wasm2c -O2")).isEqualTo(Pipeline.parse("wasm2c-gcc-O2"));
    }

    @Test
    void clangIsPartOfTheCell() {
        Pipeline clang = Pipeline.parse("wasm2c-clang-O3");

        assertThat(clang).isEqualTo(Pipeline.of("wasm2c", 3, "clang"));
        assertThat(clang.id()).isEqualTo("wasm2c-clang-O3");
        assertThat(clang.displayName()).isEqualTo("wasm2c clang -O3");
        assertThat(Pipeline.parse(clang.displayName())).isEqualTo(clang);
    }

    @Test
    void compilerChoiceOnlyWhereTranspiledCIsCompiled() {
        assertThatThrownBy(() -> Pipelines.parse("direct-clang-O2"))
                .hasMessageContaining("pipeline direct compiles no transpiled C")
                .hasMessageContaining("wasm2c");
        assertThatThrownBy(() -> Pipeline.of("wasm2c", 2, "tcc")).hasMessageContaining("must be gcc or clang");
        assertThatThrownBy(() -> Pipeline.parse("wasm2c-O9")).hasMessageContaining("0..3");
    }

    @Test
    void theMatrixNamesThePipelinesACellMayName() {
        assertThat(Pipeline.parse("wasm3-O2").name()).isEqualTo("wasm3"); // a value: the matrix is not consulted
        assertThatThrownBy(() -> Pipelines.parse("wasm3-O2"))
                .hasMessageContaining("unknown pipeline 'wasm3'")
                .hasMessageContaining("wasm2c, wasmtime");
    }

    @Test
    void codeVariantAndGoToolchainArePartOfTheCell() {
        Pipeline cell = Pipeline.parse("direct-purego-go1.25.6-O2");

        assertThat(cell.variant()).isEqualTo("purego");
        assertThat(cell.goToolchain()).isEqualTo("go1.25.6");
        assertThat(cell.sameCodeAsWasm()).isTrue();
        assertThat(cell.id()).isEqualTo("direct-purego-go1.25.6-O2");
        assertThat(cell.displayName()).isEqualTo("direct purego go1.25.6 -O2");
        assertThat(Pipeline.parse(cell.displayName())).isEqualTo(cell);
        assertThat(Pipeline.parse("wasm2c-go1.26.8-O0")).isEqualTo(Pipeline.of("wasm2c", 0).withGoToolchain("go1.26.8"));
        assertThat(Pipeline.of("direct", 2).withVariant("purego").id()).isEqualTo("direct-purego-O2");
    }

    @Test
    void aCellMadeFromAnotherKeepsEveryPartItDoesNotChange() {
        Pipeline cell = Pipeline.parse("wasm2c-clang-fixed-unaligned-go1.25.6-O2");

        assertThat(cell.withPipeline("w2c2").id()).isEqualTo("w2c2-clang-fixed-unaligned-go1.25.6-O2");
        assertThat(cell.withOptLevel(0).id()).isEqualTo("wasm2c-clang-fixed-unaligned-go1.25.6-O0");
        assertThat(cell.withCompiler(Pipeline.GCC).id()).isEqualTo("wasm2c-fixed-unaligned-go1.25.6-O2");
        assertThat(cell.withGoToolchain("").id()).isEqualTo("wasm2c-clang-fixed-unaligned-O2");
        assertThat(cell.withOptions(java.util.Set.of(CellOption.UNCHECKED)).id())
                .isEqualTo("wasm2c-clang-unchecked-go1.25.6-O2");
        assertThat(cell.withCompiler(Pipeline.GCC).withOptLevel(3).withCompiler(Pipeline.CLANG).withOptLevel(2))
                .isEqualTo(cell);
        Pipeline purego = Pipeline.parse("direct-purego-go1.25.6-O2");
        assertThat(purego.withOptLevel(0).withGoToolchain("go1.26.0").withCompiler(Pipeline.GCC).id())
                .isEqualTo("direct-purego-go1.26.0-O0");
    }

    @Test
    void aCellMadeFromAnotherIsCheckedAsAnyCell() {
        Pipeline cell = Pipeline.parse("wasm2c-fixed-unchecked-O2");

        assertThatThrownBy(() -> cell.withOptLevel(4)).hasMessageContaining("0..3");
        assertThatThrownBy(() -> cell.withCompiler("tcc")).hasMessageContaining("must be gcc or clang");
        assertThatThrownBy(() -> cell.withPipeline("wasm2c -O2")).hasMessageContaining("must be a word");
        assertThatThrownBy(() -> Pipelines.backend(cell.withPipeline("w2c2")))
                .hasMessageContaining("pipeline w2c2 has no option 'unchecked'");
    }

    @Test
    void pureGoIsAVariantOfDirectOnly() {
        assertThatThrownBy(() -> Pipeline.of("wasm2c", 2).withVariant("purego"))
                .hasMessageContaining("not known for wasm2c");
        assertThatThrownBy(() -> Pipeline.of("direct", 2).withGoToolchain("1.25"))
                .hasMessageContaining("must look like go1.25.6");
    }

    @Test
    void optionsArePartOfTheNameInOneOrder() {
        Pipeline cell = Pipeline.parse("wasm2c-unchecked-fixed-O2");

        assertThat(cell.options()).containsExactlyInAnyOrder(CellOption.FIXED, CellOption.UNCHECKED);
        assertThat(cell.id()).isEqualTo("wasm2c-fixed-unchecked-O2");
        assertThat(cell.displayName()).isEqualTo("wasm2c fixed unchecked -O2");
        assertThat(Pipeline.parse(cell.displayName())).isEqualTo(cell).isNotEqualTo(Pipeline.parse("wasm2c-O2"));
        assertThat(Pipeline.parse("w2c2-clang-fixed-wasmopt-O3").id()).isEqualTo("w2c2-clang-fixed-wasmopt-O3");
        assertThat(Pipeline.parse("wasm2c-unaligned-zisk-fixed-unchecked-O2").id())
                .isEqualTo("wasm2c-fixed-unchecked-unaligned-zisk-O2");
        assertThat(Pipeline.of("wasm2c", 2).withOptions(java.util.Set.of(CellOption.WASM_OPT)).id())
                .isEqualTo("wasm2c-wasmopt-O2");
    }

    @Test
    void thePipelineSaysWhichOptionsItHas() {
        assertThat(Pipelines.parse("wamr-unchecked-O3").has(CellOption.UNCHECKED)).isTrue();
        assertThatThrownBy(() -> Pipelines.parse("w2c2-unchecked-O2"))
                .hasMessageContaining("pipeline w2c2 has no option 'unchecked'")
                .hasMessageContaining("its options: fixed, unaligned, threaded, wasmopt");
        assertThat(Pipelines.parse("wamr-unaligned-O3").has(CellOption.UNALIGNED)).isTrue();
        assertThatThrownBy(() -> Pipelines.parse("wasmtime-unaligned-O2")).hasMessageContaining("wasmtime has no option 'unaligned'");
        assertThatThrownBy(() -> Pipelines.parse("direct-fixed-O2")).hasMessageContaining("direct has no option 'fixed'");
        assertThatThrownBy(() -> Pipeline.parse("wasm2c-flat-O2")).hasMessageContaining("options: fixed unchecked");
    }

    @org.junit.jupiter.api.Test
    void plainWamrDoesNotBuildForZiskAndSaysWhy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pipelines.parse("wamr-zisk-O3"))
                .hasMessageContaining("R_RISCV_HI20").hasMessageContaining("wamr_xip");
        assertThat(Pipelines.parse("wamr_xip-zisk-O3").has(CellOption.ZISK)).isTrue();
    }
}
