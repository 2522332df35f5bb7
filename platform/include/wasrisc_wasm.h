/*
 * What the WebAssembly runtimes on the bare-metal platform (wasm2c's, w2c2's,
 * WAMR's) share, so that they place linear memory, refuse to grow it and end a
 * trap the same way, with the same words.
 *
 * The one linear memory is the linker script's region (link.ld), whose pages
 * are already zero, so taking and growing it is bookkeeping only. The
 * runtimes' own allocators calloc/realloc it, and picolibc's malloc zeroes
 * every block: growing to hundreds of MiB would cost as many counted
 * instructions as bytes.
 */
#ifndef WASRISC_WASM_H
#define WASRISC_WASM_H

#include <stdint.h>

#define WASRISC_WASM_PAGE_SIZE 65536u

/* A trapping guest is a failed run with this status (what wasmtime reports). */
#define WASRISC_TRAP_EXIT_STATUS 134

/* Flushes stdout, prints "wasm trap: REASON" on stderr, exits with the trap status. */
__attribute__((noreturn)) void wasrisc_trap(const char *reason);

/* How many pages the region holds, at most limit_pages (what the runtime
 * can address). */
uint32_t wasrisc_linear_memory_pages(uint32_t limit_pages);

/* The region, for a memory of initial_pages; NULL, after saying why on
 * stderr, when the region is already taken or too small. */
uint8_t *wasrisc_linear_memory_take(uint64_t initial_pages);

/* Says once why memory.grow to new_pages is refused, when the region is what
 * stands in the way (memory.grow answers -1 and the guest decides; the usual
 * result is its own out-of-memory abort, which would not say why). */
void wasrisc_linear_memory_refused(uint64_t new_pages);

/* Whether the region holds new_pages; says once why not when it does not. */
int wasrisc_linear_memory_fits(uint64_t new_pages);

void wasrisc_linear_memory_release(void);

#endif
