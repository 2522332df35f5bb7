/*
 * What w2c2-generated code, the generated per-guest glue (guest_glue.c,
 * written by the w2c2 pipeline from the module) and the fixed platform code
 * share. The build force-includes this header (gcc -include) before every C
 * file of the pipeline, so it is the first to include w2c2_base.h.
 *
 * w2c2_base.h comes from the w2c2 build that generated the code (the
 * w2c2-base tool). Its linear-memory functions are static inline and
 * calloc/realloc the memory, and picolibc's malloc zeroes every block, so
 * growing to hundreds of MiB would cost as many counted instructions as bytes.
 * They are compiled here under other names, and the generated code's calls go
 * to w2c2_runtime.c, which places the one linear memory in the platform's
 * region (the same one the wasm2c runtime uses).
 */
#ifndef WASRISC_W2C2_H
#define WASRISC_W2C2_H

#define wasmMemoryAllocate w2c2_unused_wasmMemoryAllocate
#define wasmMemoryGrow w2c2_unused_wasmMemoryGrow
#define wasmMemoryFree w2c2_unused_wasmMemoryFree
#include "w2c2_base.h"
#undef wasmMemoryAllocate
#undef wasmMemoryGrow
#undef wasmMemoryFree

#include "wasi_core.h"

wasmMemory *wasrisc_w2c2_memory_allocate(U32 initial_pages, U32 max_pages, bool shared);
U32 wasrisc_w2c2_memory_grow(wasmMemory *memory, U32 delta);
void wasrisc_w2c2_memory_free(wasmMemory *memory);

#define wasmMemoryAllocate wasrisc_w2c2_memory_allocate
#define wasmMemoryGrow wasrisc_w2c2_memory_grow
#define wasmMemoryFree wasrisc_w2c2_memory_free

/* The guest's one linear memory, once instantiated (WASI calls work on it). */
extern wasmMemory *wasrisc_w2c2_memory;

#define WASRISC_W2C2_WASI_MEM \
    ((wasi_mem_t){wasrisc_w2c2_memory->data, wasrisc_w2c2_memory->size})

/* Implemented by the generated glue. */
void wasrisc_guest_instantiate(void);
void wasrisc_guest_start(void);

#endif
