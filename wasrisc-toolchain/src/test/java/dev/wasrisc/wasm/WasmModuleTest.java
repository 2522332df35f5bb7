package dev.wasrisc.wasm;

import static dev.wasrisc.wasm.WasmBytes.functionImport;
import static dev.wasrisc.wasm.WasmBytes.module;
import static dev.wasrisc.wasm.WasmBytes.name;
import static dev.wasrisc.wasm.WasmBytes.section;
import static dev.wasrisc.wasm.WasmModule.ValueType.I32;
import static dev.wasrisc.wasm.WasmModule.ValueType.I64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmModuleTest {

    @Test
    void readsImportedFunctionsWithTheirTypesAsOftenAsListed(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(2); // count
        types.writeBytes(new byte[] {0x60, 2, 0x7f, 0x7f, 1, 0x7f}); // (i32, i32) -> i32
        types.writeBytes(new byte[] {0x60, 1, 0x7e, 0}); // (i64) -> ()
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(5); // count
        functionImport(imports, "testmodule", "testfunc", 0);
        functionImport(imports, "testmodule", "testfunc", 0);
        functionImport(imports, "wasi_snapshot_preview1", "proc_exit", 1);
        name(imports, "env");
        name(imports, "memory");
        imports.writeBytes(new byte[] {2, 1, 1, 2}); // memory, limits: min 1, max 2
        name(imports, "env");
        name(imports, "g");
        imports.writeBytes(new byte[] {3, 0x7c, 0}); // global f64, immutable
        Path file = Files.write(dir.resolve("m.wasm"), module(
                section(1, types), section(2, imports), section(3, new byte[] {3, 0, 0, 0})));

        WasmModule module = WasmModule.read(file);

        assertThat(module.functionImports()).containsExactly(
                new WasmModule.FunctionImport("testmodule", "testfunc", List.of(I32, I32), List.of(I32)),
                new WasmModule.FunctionImport("testmodule", "testfunc", List.of(I32, I32), List.of(I32)),
                new WasmModule.FunctionImport("wasi_snapshot_preview1", "proc_exit", List.of(I64), List.of()));
        assertThat(module.otherImports()).containsExactly("memory 'env' 'memory'", "global 'env' 'g'");
        assertThat(module.definedFunctions()).isEqualTo(3);
    }

    @Test
    void aModuleWithoutImportsHasNone(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("m.wasm"), module(section(3, new byte[] {1, 0})));

        WasmModule module = WasmModule.read(file);

        assertThat(module.functionImports()).isEmpty();
        assertThat(module.otherImports()).isEmpty();
        assertThat(module.definedFunctions()).isEqualTo(1);
    }

    @Test
    void aTruncatedModuleIsAClearError(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        functionImport(imports, "testmodule", "testfunc", 0);
        byte[] whole = module(section(2, imports));
        Path file = Files.write(dir.resolve("m.wasm"), Arrays.copyOf(whole, whole.length - 3));

        assertThatThrownBy(() -> WasmModule.read(file))
                .hasMessageContaining("cannot read the imports of " + file);
    }

    @Test
    void aFileThatIsNotWebAssemblyIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("m.wasm"), "#!/bin/sh\n");

        assertThatThrownBy(() -> WasmModule.read(file)).hasMessage(file + " is not a WebAssembly binary");
    }
}
