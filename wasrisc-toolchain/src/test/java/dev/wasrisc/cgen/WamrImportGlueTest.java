package dev.wasrisc.cgen;

import static dev.wasrisc.wasm.WasmBytes.functionImport;
import static dev.wasrisc.wasm.WasmBytes.module;
import static dev.wasrisc.wasm.WasmBytes.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registration of a module's custom imports as WAMR native symbols (WamrImportGlue.generate). */
class WamrImportGlueTest {

    @Test
    void eachCustomImportIsRegisteredOnceWithItsSignature(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(2);
        types.writeBytes(new byte[] {0x60, 2, 0x7f, 0x7e, 1, 0x7c}); // (i32, i64) -> f64
        types.writeBytes(new byte[] {0x60, 1, 0x7f, 0}); // (i32) -> ()
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(3);
        functionImport(imports, "testmodule", "testfunc", 0);
        functionImport(imports, "testmodule", "testfunc", 0); // Go imports some twice
        functionImport(imports, "wasi_snapshot_preview1", "proc_exit", 1); // WASI is registered by wamr_main.c
        Path wasm = Files.write(dir.resolve("m.wasm"), module(section(1, types), section(2, imports)));

        String glue = WamrImportGlue.generate(wasm);

        assertThat(glue)
                .contains("double wasrisc_import_0(uint32_t, uint64_t) __asm__(\"testmodule_testfunc\");")
                .contains("{ \"testfunc\", (void *)wasrisc_native_0, \"(iI)F\", NULL },")
                .contains("wasm_runtime_register_natives(\"testmodule\", wasrisc_natives_0, 1)")
                .doesNotContain("wasrisc_import_1")
                .doesNotContain("proc_exit");
    }

    @Test
    void anImportWhoseNameIsNoCIdentifierCallsTheSameCNameAsTheOtherPipelines(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(1);
        types.writeBytes(new byte[] {0x60, 0, 1, 0x7f}); // () -> i32
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        functionImport(imports, "zk-host", "input-data-len", 0);
        Path wasm = Files.write(dir.resolve("m.wasm"), module(section(1, types), section(2, imports)));

        // The WebAssembly names stay as they are for WAMR's lookup; the C function is zk_host_input_data_len.
        assertThat(WamrImportGlue.generate(wasm))
                .contains("uint32_t wasrisc_import_0(void) __asm__(\"zk_host_input_data_len\");")
                .contains("{ \"input-data-len\", (void *)wasrisc_native_0, \"()i\", NULL },")
                .contains("wasm_runtime_register_natives(\"zk-host\"");
    }

    @Test
    void anImportReturningSeveralValuesIsRefused(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(1);
        types.writeBytes(new byte[] {0x60, 0, 2, 0x7f, 0x7f}); // () -> (i32, i32)
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        functionImport(imports, "env", "pair", 0);
        Path wasm = Files.write(dir.resolve("m.wasm"), module(section(1, types), section(2, imports)));

        assertThatThrownBy(() -> WamrImportGlue.generate(wasm))
                .hasMessageContaining("env.pair returns several values");
    }
}
