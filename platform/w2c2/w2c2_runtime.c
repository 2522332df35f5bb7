/*
 * Bare-metal runtime for w2c2-generated code: the linear memory and traps.
 *
 * Linear memory is the platform's region (wasrisc_wasm.h). w2c2 checks no
 * bounds on loads and stores, so an access past the memory's size reads or
 * writes the rest of the region, and one past the region faults (SIGSEGV)
 * instead of trapping.
 */
#include <stdio.h>

#include "wasrisc_platform.h"
#include "wasrisc_w2c2.h"
#include "wasrisc_wasm.h"

/* Before instantiation, or for a module without memory: an empty one. */
static wasmMemory no_memory;
wasmMemory *wasrisc_w2c2_memory = &no_memory;

static wasmMemory linear_memory;

wasmMemory *wasrisc_w2c2_memory_allocate(U32 initial_pages, U32 max_pages, bool shared)
{
    if (shared) {
        fprintf(stderr, "wasrisc: shared linear memory is not supported\n");
        wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
    }
    uint8_t *data = wasrisc_linear_memory_take(initial_pages);
    if (!data) {
        wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
    }
    /* At most 65535 pages: w2c2 keeps the size in bytes in 32 bits. */
    U32 capacity = wasrisc_linear_memory_pages(65535);
    linear_memory.data = data;
    linear_memory.pages = initial_pages;
    linear_memory.maxPages = max_pages < capacity ? max_pages : capacity;
    linear_memory.size = initial_pages * WASM_PAGE_SIZE;
    linear_memory.shared = false;
    wasrisc_w2c2_memory = &linear_memory;
    return &linear_memory;
}

U32 wasrisc_w2c2_memory_grow(wasmMemory *memory, U32 delta)
{
    U32 old_pages = memory->pages;
    uint64_t new_pages = (uint64_t)old_pages + delta;
    if (new_pages > memory->maxPages) {
        wasrisc_linear_memory_refused(new_pages);
        return (U32)-1;
    }
    memory->pages = (U32)new_pages;
    memory->size = (U32)new_pages * WASM_PAGE_SIZE;
    return old_pages;
}

void wasrisc_w2c2_memory_free(wasmMemory *memory)
{
    (void)memory;
    wasrisc_linear_memory_release();
    wasrisc_w2c2_memory = &no_memory;
}

/* Trap messages as wabt's wasm2c runtime words them, so pipelines report alike. */
static const char *trap_message(Trap reason)
{
    switch (reason) {
    case trapUnreachable:
        return "Unreachable instruction executed";
    case trapDivByZero:
        return "Integer divide by zero";
    case trapIntOverflow:
        return "Integer overflow on divide or truncation";
    case trapInvalidConversion:
        return "Conversion from NaN to integer";
    default:
        return trapDescription(reason);
    }
}

/* Called by the generated code; a trapping guest is a failed run with status 134. */
void trap(Trap reason)
{
    wasrisc_trap(trap_message(reason));
}
