/*
 * What the generated per-guest glue (guest_glue.c, written by the wasm2c
 * pipeline from the module's header) and the fixed platform code share.
 */
#ifndef WASRISC_WASM2C_H
#define WASRISC_WASM2C_H

#include "wasm-rt.h"
#include "wasi_core.h"

/* wasm2c leaves the import instance types to the host. */
struct Z_wasi_snapshot_preview1_instance_t {
    wasm_rt_memory_t *memory;
};

extern struct Z_wasi_snapshot_preview1_instance_t wasrisc_wasi_instance;

#define WASRISC_WASI_MEM(instance) \
    ((wasi_mem_t){(instance)->memory->data, (instance)->memory->size})

/* Implemented by the generated glue. */
void wasrisc_guest_instantiate(void);
void wasrisc_guest_start(void);

#endif
