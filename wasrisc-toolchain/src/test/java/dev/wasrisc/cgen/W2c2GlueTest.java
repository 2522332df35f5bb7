package dev.wasrisc.cgen;

import static dev.wasrisc.wasm.WasmModule.ValueType.I32;
import static dev.wasrisc.wasm.WasmModule.ValueType.I64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.wasm.WasmModule;
import dev.wasrisc.wasm.WasmModule.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The glue is generated from the header w2c2 (commit 2a31254) writes with -m; this is such a header, abridged. */
class W2c2GlueTest {

    private static final String HEADER = """
            #ifndef guest_H
            #define guest_H
            typedef struct guestInstance {
            wasmModuleInstance common;
            wasmMemory* m0;
            wasmTable t0;
            } guestInstance;

            U32 guest_testmodule__testfunc(void*,U32,U32);

            U32 guest_wasi_snapshot_preview1__fd_seek(void*,U32,U64,U32,U32);

            void guest_wasi_snapshot_preview1__proc_exit(void*,U32);

            U32 guest_f9(guestInstance*,U32,U32);

            void guest__start(guestInstance*i);

            void guestInstantiate(guestInstance* instance, void* resolve(const char* module, const char* name));
            #endif
            """;

    private static final WasmModule MODULE = new WasmModule(List.of(
            function("testmodule", "testfunc", List.of(I32, I32), List.of(I32)),
            function("testmodule", "testfunc", List.of(I32, I32), List.of(I32)), // Go imports some twice
            function("wasi_snapshot_preview1", "fd_seek", List.of(I32, I64, I32, I32), List.of(I32)),
            function("wasi_snapshot_preview1", "proc_exit", List.of(I32), List.of())), List.of(), 40);

    @Test
    void escapesNamesAsW2c2Does() {
        assertThat(W2c2Glue.escape("wasi_snapshot_preview1")).isEqualTo("wasi_snapshot_preview1");
        assertThat(W2c2Glue.escape("_start")).isEqualTo("_start");
        assertThat(W2c2Glue.escape("a__b")).isEqualTo("a___b");
        assertThat(W2c2Glue.escape("go.runtime")).isEqualTo("goX2Eruntime");
        assertThat(W2c2Glue.escape("X")).isEqualTo("X58");
    }

    @Test
    void wasiGoesToTheCoreAndCustomImportsToModuleUnderscoreName() {
        String glue = W2c2Glue.generate(MODULE, HEADER, "guest");

        assertThat(glue)
                .contains("U32 guest_wasi_snapshot_preview1__fd_seek(void* self, U32 a0, U64 a1, U32 a2, U32 a3)")
                .contains("return wasi_fd_seek(WASRISC_W2C2_WASI_MEM, a0, a1, a2, a3);")
                .contains("    wasi_proc_exit(WASRISC_W2C2_WASI_MEM, a0);")
                .contains("extern U32 testmodule_testfunc(U32, U32);")
                .contains("return testmodule_testfunc(a0, a1);")
                .contains("guestInstantiate(&instance, NULL);")
                .contains("guest__start(&instance);");
        assertThat(glue.split("U32 guest_testmodule__testfunc\\(", -1)).as("one adapter per import").hasSize(2);
    }

    @Test
    void anImportTheHeaderDoesNotDeclareNamesTheW2c2Version() {
        var module = new WasmModule(List.of(function("env", "missing", List.of(), List.of())), List.of(), 1);

        assertThatThrownBy(() -> W2c2Glue.generate(module, HEADER, "guest"))
                .hasMessageContaining("guest_env__missing")
                .hasMessageContaining("'env' 'missing'")
                .hasMessageContaining("2a31254");
    }

    @Test
    void onlyFunctionImportsAreSupported() {
        var module = new WasmModule(List.of(), List.of("memory 'env' 'memory'"), 1);

        assertThatThrownBy(() -> W2c2Glue.generate(module, HEADER, "guest"))
                .hasMessageContaining("imports memory 'env' 'memory'");
    }

    private static WasmModule.FunctionImport function(String module, String field, List<ValueType> params,
            List<ValueType> results) {
        return new WasmModule.FunctionImport(module, field, params, results);
    }
}
