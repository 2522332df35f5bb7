/*
 * Entry point of a WAMR AOT guest: the module compiled by wamrc is embedded
 * (wamr_aot.S); WAMR's runtime core, built for this platform
 * (platform_internal.h, wamr_platform.c), loads it, instantiates it and runs
 * _start.
 *
 * Imports are native symbols: WASI preview 1 (module wasi_snapshot_preview1)
 * calls the platform's WASI core with a view of the instance's linear memory,
 * and custom imports call their C implementations (<module>_<name>, see
 * platform/imports) through glue generated per module. proc_exit ends the process in the WASI core, which
 * flushes stdio. A trap prints "wasm trap: <message>" on stderr, worded as
 * wabt's wasm2c runtime words it so pipelines report alike, and exits 134.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasi_core.h"
#include "wasm_export.h"
#include "wasrisc_platform.h"
#include "wasrisc_wasm.h"

/* WAMR's operand stack for the exec env; AOT code runs on the native stack. */
#ifndef WASRISC_WAMR_STACK_BYTES
#define WASRISC_WAMR_STACK_BYTES (64u << 10)
#endif

extern uint8_t wasrisc_wamr_aot[];
extern const uint64_t wasrisc_wamr_aot_size;

/*
 * WAMR's own allocations (module, instance, exec env) come from the platform's
 * malloc. Not from a WAMR pool (Alloc_With_Pool): WAMR clears a whole pool when
 * it sets it up, which would cost a quarter of its size in counted
 * instructions. Code and linear memory live elsewhere (wamr_platform.c).
 * Wrapped because WAMR passes sizes as unsigned int.
 */
static void *
wamr_malloc(unsigned int size)
{
    return malloc(size);
}

static void *
wamr_realloc(void *ptr, unsigned int size)
{
    return realloc(ptr, size);
}

static void
wamr_free(void *ptr)
{
    free(ptr);
}

static wasi_mem_t
memory_of(wasm_exec_env_t exec_env)
{
    wasm_module_inst_t instance = wasm_runtime_get_module_inst(exec_env);
    wasm_memory_inst_t memory = wasm_runtime_get_default_memory(instance);
    if (!memory) {
        return (wasi_mem_t){ NULL, 0 };
    }
    uint64_t size = wasm_memory_get_cur_page_count(memory)
                    * wasm_memory_get_bytes_per_page(memory);
    return (wasi_mem_t){ (uint8_t *)wasm_memory_get_base_address(memory),
                         size };
}

/* The generated registration of the zkvm import module (guest_imports.c) reaches memory this way. */
wasi_mem_t
wasrisc_wamr_memory(wasm_exec_env_t exec_env)
{
    return memory_of(exec_env);
}

/* --- WASI preview 1 ---------------------------------------------------- */

/*
 * The signatures are those of WAMR's own libc-wasi (libc_wasi_wrapper.c), and
 * must stay so: a wamrc built with libc-wasi (its default) knows them and
 * compiles WASI calls as direct calls that already turn pointer arguments
 * ('*', '*~' with the length after it) into validated native addresses. A
 * wamrc without it leaves the conversion to the runtime, which does the same
 * with the signatures registered here. Either way the wrappers get native
 * pointers into linear memory and hand the WASI core offsets again.
 */

typedef uint32_t u32;
typedef uint64_t u64;
typedef wasm_exec_env_t env_t;

#define OFF(p) ((u32)((uint8_t *)(p) - m.base))

static u32 w_args_get(env_t e, void *a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_args_get(m, OFF(a), OFF(b));
}

static u32 w_args_sizes_get(env_t e, void *a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_args_sizes_get(m, OFF(a), OFF(b));
}

static u32 w_environ_get(env_t e, void *a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_environ_get(m, OFF(a), OFF(b));
}

static u32 w_environ_sizes_get(env_t e, void *a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_environ_sizes_get(m, OFF(a), OFF(b));
}

static u32 w_clock_res_get(env_t e, u32 a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_clock_res_get(m, a, OFF(b));
}

static u32 w_clock_time_get(env_t e, u32 a, u64 b, void *c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_clock_time_get(m, a, b, OFF(c));
}

static u32 w_fd_advise(env_t e, u32 a, u64 b, u64 c, u32 d)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_advise(m, a, b, c, d);
}

static u32 w_fd_allocate(env_t e, u32 a, u64 b, u64 c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_allocate(m, a, b, c);
}

static u32 w_fd_close(env_t e, u32 a)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_close(m, a);
}

static u32 w_fd_datasync(env_t e, u32 a)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_datasync(m, a);
}

static u32 w_fd_fdstat_get(env_t e, u32 a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_fdstat_get(m, a, OFF(b));
}

static u32 w_fd_fdstat_set_flags(env_t e, u32 a, u32 b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_fdstat_set_flags(m, a, b);
}

static u32 w_fd_fdstat_set_rights(env_t e, u32 a, u64 b, u64 c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_fdstat_set_rights(m, a, b, c);
}

static u32 w_fd_filestat_get(env_t e, u32 a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_filestat_get(m, a, OFF(b));
}

static u32 w_fd_filestat_set_size(env_t e, u32 a, u64 b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_filestat_set_size(m, a, b);
}

static u32 w_fd_filestat_set_times(env_t e, u32 a, u64 b, u64 c, u32 d)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_filestat_set_times(m, a, b, c, d);
}

static u32 w_fd_pread(env_t e, u32 a, void *b, u32 c, u64 d, void *f)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_pread(m, a, OFF(b), c, d, OFF(f));
}

static u32 w_fd_prestat_get(env_t e, u32 a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_prestat_get(m, a, OFF(b));
}

static u32 w_fd_prestat_dir_name(env_t e, u32 a, void *b, u32 c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_prestat_dir_name(m, a, OFF(b), c);
}

static u32 w_fd_pwrite(env_t e, u32 a, void *b, u32 c, u64 d, void *f)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_pwrite(m, a, OFF(b), c, d, OFF(f));
}

static u32 w_fd_read(env_t e, u32 a, void *b, u32 c, void *d)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_read(m, a, OFF(b), c, OFF(d));
}

static u32 w_fd_readdir(env_t e, u32 a, void *b, u32 c, u64 d, void *f)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_readdir(m, a, OFF(b), c, d, OFF(f));
}

static u32 w_fd_renumber(env_t e, u32 a, u32 b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_renumber(m, a, b);
}

static u32 w_fd_seek(env_t e, u32 a, u64 b, u32 c, void *d)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_seek(m, a, b, c, OFF(d));
}

static u32 w_fd_sync(env_t e, u32 a)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_sync(m, a);
}

static u32 w_fd_tell(env_t e, u32 a, void *b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_tell(m, a, OFF(b));
}

static u32 w_fd_write(env_t e, u32 a, void *b, u32 c, void *d)
{
    wasi_mem_t m = memory_of(e);
    return wasi_fd_write(m, a, OFF(b), c, OFF(d));
}

static u32 w_path_create_directory(env_t e, u32 a, void *b, u32 c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_create_directory(m, a, OFF(b), c);
}

static u32 w_path_filestat_get(env_t e, u32 a, u32 b, void *c, u32 d, void *f)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_filestat_get(m, a, b, OFF(c), d, OFF(f));
}

static u32 w_path_filestat_set_times(env_t e, u32 a, u32 b, void *c, u32 d, u64 f, u64 g, u32 h)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_filestat_set_times(m, a, b, OFF(c), d, f, g, h);
}

static u32 w_path_link(env_t e, u32 a, u32 b, void *c, u32 d, u32 f, void *g, u32 h)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_link(m, a, b, OFF(c), d, f, OFF(g), h);
}

static u32 w_path_open(env_t e, u32 a, u32 b, void *c, u32 d, u32 f, u64 g, u64 h, u32 j, void *k)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_open(m, a, b, OFF(c), d, f, g, h, j, OFF(k));
}

static u32 w_path_readlink(env_t e, u32 a, void *b, u32 c, void *d, u32 f, void *g)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_readlink(m, a, OFF(b), c, OFF(d), f, OFF(g));
}

static u32 w_path_remove_directory(env_t e, u32 a, void *b, u32 c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_remove_directory(m, a, OFF(b), c);
}

static u32 w_path_rename(env_t e, u32 a, void *b, u32 c, u32 d, void *f, u32 g)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_rename(m, a, OFF(b), c, d, OFF(f), g);
}

static u32 w_path_symlink(env_t e, void *a, u32 b, u32 c, void *d, u32 f)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_symlink(m, OFF(a), b, c, OFF(d), f);
}

static u32 w_path_unlink_file(env_t e, u32 a, void *b, u32 c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_path_unlink_file(m, a, OFF(b), c);
}

static u32 w_poll_oneoff(env_t e, void *a, void *b, u32 c, void *d)
{
    wasi_mem_t m = memory_of(e);
    return wasi_poll_oneoff(m, OFF(a), OFF(b), c, OFF(d));
}

static void w_proc_exit(env_t e, u32 a)
{
    wasi_mem_t m = memory_of(e);
    wasi_proc_exit(m, a);
}

static u32 w_proc_raise(env_t e, u32 a)
{
    wasi_mem_t m = memory_of(e);
    return wasi_proc_raise(m, a);
}

static u32 w_sched_yield(env_t e)
{
    wasi_mem_t m = memory_of(e);
    return wasi_sched_yield(m);
}

static u32 w_random_get(env_t e, void *a, u32 b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_random_get(m, OFF(a), b);
}

static u32 w_sock_accept(env_t e, u32 a, u32 b, void *c)
{
    wasi_mem_t m = memory_of(e);
    return wasi_sock_accept(m, a, b, OFF(c));
}

static u32 w_sock_recv(env_t e, u32 a, void *b, u32 c, u32 d, void *f, void *g)
{
    wasi_mem_t m = memory_of(e);
    return wasi_sock_recv(m, a, OFF(b), c, d, OFF(f), OFF(g));
}

static u32 w_sock_send(env_t e, u32 a, void *b, u32 c, u32 d, void *f)
{
    wasi_mem_t m = memory_of(e);
    return wasi_sock_send(m, a, OFF(b), c, d, OFF(f));
}

static u32 w_sock_shutdown(env_t e, u32 a, u32 b)
{
    wasi_mem_t m = memory_of(e);
    return wasi_sock_shutdown(m, a, b);
}

#define WASI(name, signature) { #name, (void *)w_##name, signature, NULL }

static NativeSymbol wasi_symbols[] = {
    WASI(args_get, "(**)i"),
    WASI(args_sizes_get, "(**)i"),
    WASI(environ_get, "(**)i"),
    WASI(environ_sizes_get, "(**)i"),
    WASI(clock_res_get, "(i*)i"),
    WASI(clock_time_get, "(iI*)i"),
    WASI(fd_advise, "(iIIi)i"),
    WASI(fd_allocate, "(iII)i"),
    WASI(fd_close, "(i)i"),
    WASI(fd_datasync, "(i)i"),
    WASI(fd_fdstat_get, "(i*)i"),
    WASI(fd_fdstat_set_flags, "(ii)i"),
    WASI(fd_fdstat_set_rights, "(iII)i"),
    WASI(fd_filestat_get, "(i*)i"),
    WASI(fd_filestat_set_size, "(iI)i"),
    WASI(fd_filestat_set_times, "(iIIi)i"),
    WASI(fd_pread, "(i*iI*)i"),
    WASI(fd_prestat_get, "(i*)i"),
    WASI(fd_prestat_dir_name, "(i*~)i"),
    WASI(fd_pwrite, "(i*iI*)i"),
    WASI(fd_read, "(i*i*)i"),
    WASI(fd_readdir, "(i*~I*)i"),
    WASI(fd_renumber, "(ii)i"),
    WASI(fd_seek, "(iIi*)i"),
    WASI(fd_sync, "(i)i"),
    WASI(fd_tell, "(i*)i"),
    WASI(fd_write, "(i*i*)i"),
    WASI(path_create_directory, "(i*~)i"),
    WASI(path_filestat_get, "(ii*~*)i"),
    WASI(path_filestat_set_times, "(ii*~IIi)i"),
    WASI(path_link, "(ii*~i*~)i"),
    WASI(path_open, "(ii*~iIIi*)i"),
    WASI(path_readlink, "(i*~*~*)i"),
    WASI(path_remove_directory, "(i*~)i"),
    WASI(path_rename, "(i*~i*~)i"),
    WASI(path_symlink, "(*~i*~)i"),
    WASI(path_unlink_file, "(i*~)i"),
    WASI(poll_oneoff, "(**i*)i"),
    WASI(proc_exit, "(i)"),
    WASI(proc_raise, "(i)i"),
    WASI(sched_yield, "()i"),
    WASI(random_get, "(*~)i"),
    WASI(sock_accept, "(ii*)i"),
    WASI(sock_recv, "(i*ii**)i"),
    WASI(sock_send, "(i*ii*)i"),
    WASI(sock_shutdown, "(ii)i"),
};

/* --- custom imports ---------------------------------------------------- */

/*
 * Registers the module's other imported functions as native symbols, each
 * calling its C implementation <module>_<name> (platform/imports, or the
 * guest's own): generated per module by the build (guest_imports.c).
 */
int wasrisc_wamr_register_imports(void);

/* --- running the guest -------------------------------------------------- */

/* WAMR's exception texts, as wabt's wasm2c runtime words them. */
static const char *
trap_message(const char *exception)
{
    static const struct {
        const char *wamr;
        const char *message;
    } names[] = {
        { "unreachable", "Unreachable instruction executed" },
        { "integer divide by zero", "Integer divide by zero" },
        { "integer overflow", "Integer overflow on divide or truncation" },
        { "invalid conversion to integer", "Conversion from NaN to integer" },
        { "out of bounds memory access",
          "Out-of-bounds access in linear memory or a table" },
        { "out of bounds table access",
          "Out-of-bounds access in linear memory or a table" },
        { "undefined element", "Invalid call_indirect" },
        { "uninitialized element", "Invalid call_indirect" },
        { "indirect call type mismatch", "Invalid call_indirect" },
        { "native stack overflow", "Call stack exhausted" },
    };
    static const char prefix[] = "Exception: ";
    if (strncmp(exception, prefix, sizeof prefix - 1) == 0) {
        exception += sizeof prefix - 1;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(exception, names[i].wamr) == 0) {
            return names[i].message;
        }
    }
    return exception;
}

__attribute__((noreturn)) static void
fail(const char *what, const char *detail)
{
    fflush(stdout);
    fprintf(stderr, "wasrisc: %s: %s\n", what, detail);
    wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
}

int
main(void)
{
    static char error[256];

    RuntimeInitArgs init;
    memset(&init, 0, sizeof init);
    init.mem_alloc_type = Alloc_With_Allocator;
    init.mem_alloc_option.allocator.malloc_func = (void *)wamr_malloc;
    init.mem_alloc_option.allocator.realloc_func = (void *)wamr_realloc;
    init.mem_alloc_option.allocator.free_func = (void *)wamr_free;
    if (!wasm_runtime_full_init(&init)) {
        fail("WAMR", "runtime initialisation failed");
    }
    if (!wasm_runtime_register_natives("wasi_snapshot_preview1", wasi_symbols,
                                       sizeof wasi_symbols / sizeof wasi_symbols[0])
        || !wasrisc_wamr_register_imports()) {
        fail("WAMR", "registering imports failed");
    }

    /* Loaded in place: WAMR keeps pointers into the module (strings) and,
     * for modules from wamrc --xip, runs its code there. */
    wasm_module_t module = wasm_runtime_load(
        wasrisc_wamr_aot, (uint32_t)wasrisc_wamr_aot_size, error, sizeof error);
    if (!module) {
        fail("loading the AOT module failed", error);
    }
    wasm_module_inst_t instance = wasm_runtime_instantiate(
        module, WASRISC_WAMR_STACK_BYTES, 0, error, sizeof error);
    if (!instance) {
        fail("instantiating the module failed", error);
    }
    wasm_function_inst_t start = wasm_runtime_lookup_function(instance, "_start");
    if (!start) {
        fail("WAMR", "the module exports no _start");
    }
    wasm_exec_env_t exec_env =
        wasm_runtime_create_exec_env(instance, WASRISC_WAMR_STACK_BYTES);
    if (!exec_env) {
        fail("WAMR", "creating the execution environment failed");
    }

    if (wasm_runtime_call_wasm(exec_env, start, 0, NULL)) {
        /* A command module that returns from _start exits with status 0. */
        wasrisc_exit(0);
    }
    const char *exception = wasm_runtime_get_exception(instance);
    wasrisc_trap(trap_message(exception ? exception : "unknown"));
}
