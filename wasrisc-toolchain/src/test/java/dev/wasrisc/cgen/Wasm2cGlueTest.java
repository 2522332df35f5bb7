package dev.wasrisc.cgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The glue is generated from the header wabt 1.0.32's wasm2c writes; this is such a header, abridged. */
class Wasm2cGlueTest {

    private static final String HEADER = """
            struct Z_testmodule_instance_t;
            struct Z_wasi_snapshot_preview1_instance_t;
            typedef struct Z_guest_instance_t {
              struct Z_testmodule_instance_t* Z_testmodule_instance;
              struct Z_wasi_snapshot_preview1_instance_t* Z_wasi_snapshot_preview1_instance;
              wasm_rt_memory_t w2c_memory;
            } Z_guest_instance_t;
            void Z_guest_init_module(void);
            void Z_guest_instantiate(Z_guest_instance_t*, struct Z_testmodule_instance_t*, struct Z_wasi_snapshot_preview1_instance_t*);
            /* import: 'testmodule' 'testfunc' */
            u32 Z_testmoduleZ_testfunc(struct Z_testmodule_instance_t*, u32, u32);
            /* import: 'wasi_snapshot_preview1' 'fd_seek' */
            u32 Z_wasi_snapshot_preview1Z_fd_seek(struct Z_wasi_snapshot_preview1_instance_t*, u32, u64, u32, u32);
            /* import: 'wasi_snapshot_preview1' 'proc_exit' */
            void Z_wasi_snapshot_preview1Z_proc_exit(struct Z_wasi_snapshot_preview1_instance_t*, u32);
            /* export: 'memory' */
            wasm_rt_memory_t* Z_guestZ_memory(Z_guest_instance_t* instance);
            """;

    @Test
    void findsEveryImportedFunctionWithItsCTypes() {
        var imports = Wasm2cGlue.parseImports(HEADER);

        assertThat(imports).extracting(Wasm2cGlue.Import::module, Wasm2cGlue.Import::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("testmodule", "testfunc"),
                        org.assertj.core.groups.Tuple.tuple("wasi_snapshot_preview1", "fd_seek"),
                        org.assertj.core.groups.Tuple.tuple("wasi_snapshot_preview1", "proc_exit"));
        assertThat(imports.get(1).params()).containsExactly("u32", "u64", "u32", "u32");
        assertThat(imports.get(2).returnType()).isEqualTo("void");
    }

    @Test
    void wasiGoesToTheCoreAndCustomImportsToModuleUnderscoreName() {
        String glue = Wasm2cGlue.generate(HEADER, "guest");

        assertThat(glue)
                .contains("return wasi_fd_seek(WASRISC_WASI_MEM(self), a0, a1, a2, a3);")
                .contains("    wasi_proc_exit(WASRISC_WASI_MEM(self), a0);")
                .contains("extern u32 testmodule_testfunc(u32, u32);")
                .contains("return testmodule_testfunc(a0, a1);");
    }

    @Test
    void passesImportInstancesInTheOrderInstantiateDeclares() {
        assertThat(Wasm2cGlue.generate(HEADER, "guest"))
                .contains("Z_guest_instantiate(&instance, NULL, &wasrisc_wasi_instance);");
    }
}
