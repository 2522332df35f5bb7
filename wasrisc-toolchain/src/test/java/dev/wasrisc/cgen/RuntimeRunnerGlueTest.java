package dev.wasrisc.cgen;

import static dev.wasrisc.wasm.WasmBytes.functionImport;
import static dev.wasrisc.wasm.WasmBytes.module;
import static dev.wasrisc.wasm.WasmBytes.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main of a guest's wasmtime/wasmer runner: its imports as a table of C calls. */
class RuntimeRunnerGlueTest {

    @Test
    void eachCustomImportIsListedOnceCallingItsCName(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(2);
        types.writeBytes(new byte[] {0x60, 2, 0x7f, 0x7d, 1, 0x7c}); // (i32, f32) -> f64
        types.writeBytes(new byte[] {0x60, 1, 0x7e, 0}); // (i64) -> ()
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(4);
        functionImport(imports, "zk-host", "mix", 0);
        functionImport(imports, "zk-host", "mix", 0); // Go imports some twice
        functionImport(imports, "env", "input-data-len", 1);
        functionImport(imports, "wasi_snapshot_preview1", "proc_exit", 1); // the runtime's own WASI
        Path wasm = Files.write(dir.resolve("m.wasm"), module(section(1, types), section(2, imports)));

        String main = RuntimeRunnerGlue.generate(wasm, "wasmtime");

        assertThat(main)
                .contains("double zk_host_mix(uint32_t, float);")
                .contains("return wasrisc_slot_f64(zk_host_mix((uint32_t) slots[0], wasrisc_f32(slots[1])));")
                .contains("void env_input_data_len(uint64_t);")
                .contains("    env_input_data_len(slots[0]);\n    return 0;")
                .contains("{ \"zk-host\", \"mix\", \"if:F\", wasrisc_call_0 },")
                .contains("{ \"env\", \"input-data-len\", \"I:\", wasrisc_call_1 },")
                .contains("wasrisc_runner_main(argc, argv, wasrisc_imports, 2)")
                .doesNotContain("wasrisc_call_2")
                .doesNotContain("proc_exit");
    }

    @Test
    void aModuleWithoutImportsPassesAnEmptyTable(@TempDir Path dir) throws Exception {
        Path wasm = Files.write(dir.resolve("m.wasm"), module());

        assertThat(RuntimeRunnerGlue.generate(wasm, "wasmer")).contains("wasrisc_runner_main(argc, argv, NULL, 0)");
    }
}
