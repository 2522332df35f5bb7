package dev.wasrisc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static final W2c2Glue.ModuleInfo MODULE = new W2c2Glue.ModuleInfo(List.of(
            new W2c2Glue.FunctionImport("testmodule", "testfunc"),
            new W2c2Glue.FunctionImport("wasi_snapshot_preview1", "fd_seek"),
            new W2c2Glue.FunctionImport("wasi_snapshot_preview1", "proc_exit")), List.of(), 40);

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
    }

    @Test
    void anImportTheHeaderDoesNotDeclareNamesTheW2c2Version() {
        var module = new W2c2Glue.ModuleInfo(List.of(new W2c2Glue.FunctionImport("env", "missing")), List.of(), 1);

        assertThatThrownBy(() -> W2c2Glue.generate(module, HEADER, "guest"))
                .hasMessageContaining("guest_env__missing")
                .hasMessageContaining("'env' 'missing'")
                .hasMessageContaining("2a31254");
    }

    @Test
    void readsFunctionImportsOnceAndReportsOtherImports(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(4); // count
        functionImport(imports, "testmodule", "testfunc");
        functionImport(imports, "testmodule", "testfunc"); // Go imports some twice
        functionImport(imports, "wasi_snapshot_preview1", "fd_write");
        name(imports, "env");
        name(imports, "memory");
        imports.write(new byte[] {2, 0, 1}); // memory, limits: min 1
        ByteArrayOutputStream wasm = new ByteArrayOutputStream();
        wasm.write(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(wasm, 2, imports.toByteArray());
        section(wasm, 3, new byte[] {3, 0, 0, 0}); // three defined functions
        Path file = Files.write(dir.resolve("m.wasm"), wasm.toByteArray());

        W2c2Glue.ModuleInfo module = W2c2Glue.read(file);

        assertThat(module.functionImports()).containsExactly(
                new W2c2Glue.FunctionImport("testmodule", "testfunc"),
                new W2c2Glue.FunctionImport("wasi_snapshot_preview1", "fd_write"));
        assertThat(module.otherImports()).containsExactly("memory 'env' 'memory'");
        assertThat(module.definedFunctions()).isEqualTo(3);
        assertThatThrownBy(() -> W2c2Glue.generate(module, HEADER, "guest"))
                .hasMessageContaining("imports memory 'env' 'memory'");
    }

    private static void functionImport(ByteArrayOutputStream out, String module, String field) {
        name(out, module);
        name(out, field);
        out.write(0); // function
        out.write(0); // type index
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        out.write(content.length);
        out.writeBytes(content);
    }
}
