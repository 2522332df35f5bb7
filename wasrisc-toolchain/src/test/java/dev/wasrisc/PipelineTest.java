package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> Pipeline.parse("direct-clang-O2"))
                .hasMessageContaining("pipeline direct compiles no transpiled C")
                .hasMessageContaining("wasm2c");
        assertThatThrownBy(() -> Pipeline.of("wasm2c", 2, "tcc")).hasMessageContaining("must be gcc or clang");
        assertThatThrownBy(() -> Pipeline.parse("wasm2c-O9")).hasMessageContaining("0..3");
    }
}
