/*
 * Bare-metal runtime for w2c2-generated code: the linear memory and traps.
 *
 * Linear memory lives in its own region from the linker script (link.ld),
 * whose pages are already zero; growing is bookkeeping only. w2c2 checks no
 * bounds on loads and stores, so an access past the memory's size reads or
 * writes the rest of the region, and one past the region faults (SIGSEGV)
 * instead of trapping.
 */
#include <stdio.h>

#include "wasrisc_platform.h"
#include "wasrisc_w2c2.h"

#define WASRISC_TRAP_EXIT_STATUS 134

extern uint8_t __wasrisc_linear_memory_start[];
extern uint8_t __wasrisc_linear_memory_end[];

/* Before instantiation, or for a module without memory: an empty one. */
static wasmMemory no_memory;
wasmMemory *wasrisc_w2c2_memory = &no_memory;

static wasmMemory linear_memory;
static int linear_memory_taken;

/* At most 65535 pages: w2c2 keeps the size in bytes in 32 bits. */
static U32 region_pages(void)
{
    uint64_t bytes = (uint64_t)(__wasrisc_linear_memory_end - __wasrisc_linear_memory_start);
    uint64_t pages = bytes / WASM_PAGE_SIZE;
    return pages > 65535 ? 65535 : (U32)pages;
}

wasmMemory *wasrisc_w2c2_memory_allocate(U32 initial_pages, U32 max_pages, bool shared)
{
    U32 capacity = region_pages();
    if (linear_memory_taken || shared) {
        fprintf(stderr, "wasrisc: only one unshared linear memory per guest is supported\n");
        wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
    }
    if (initial_pages > capacity) {
        fprintf(stderr,
                "wasrisc: the module needs %u pages of linear memory at start, the platform's "
                "region holds %u (raise the guest's linear memory size)\n",
                initial_pages, capacity);
        wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
    }
    linear_memory_taken = 1;
    linear_memory.data = __wasrisc_linear_memory_start;
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
        /* memory.grow answers -1 and the guest decides; say why once, since
         * the usual result is the guest's own out-of-memory abort. */
        static int reported;
        if (!reported && new_pages > region_pages()) {
            reported = 1;
            fprintf(stderr,
                    "wasrisc: memory.grow to %llu pages refused: the platform's linear-memory "
                    "region holds %u pages\n",
                    (unsigned long long)new_pages, region_pages());
        }
        return (U32)-1;
    }
    memory->pages = (U32)new_pages;
    memory->size = (U32)new_pages * WASM_PAGE_SIZE;
    return old_pages;
}

void wasrisc_w2c2_memory_free(wasmMemory *memory)
{
    (void)memory;
    linear_memory_taken = 0;
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
    fflush(stdout);
    fprintf(stderr, "wasm trap: %s\n", trap_message(reason));
    wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
}
