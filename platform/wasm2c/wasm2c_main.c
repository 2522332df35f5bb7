/*
 * Entry point of a wasm2c-transpiled guest: instantiate the module, run
 * _start, and turn a WebAssembly trap into a message and exit status 134 (what
 * wasmtime reports), so a trapping guest is a failed run, never a hang.
 */

#include "wasm-rt-impl.h"
#include "wasrisc_platform.h"
#include "wasrisc_wasm.h"
#include "wasrisc_wasm2c.h"

struct Z_wasi_snapshot_preview1_instance_t wasrisc_wasi_instance;

int main(void)
{
    wasm_rt_init();
    wasrisc_guest_instantiate();
    wasm_rt_trap_t trap = (wasm_rt_trap_t)wasm_rt_impl_try();
    if (trap == WASM_RT_TRAP_NONE) {
        wasrisc_guest_start();
        /* A command module that returns from _start exits with status 0. */
        wasrisc_exit(0);
    }
    wasrisc_trap(wasm_rt_strerror(trap));
}
