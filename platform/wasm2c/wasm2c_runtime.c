/*
 * Bare-metal replacements for the parts of wabt's wasm-rt-impl.c that assume
 * an operating system.
 *
 * Linear memory: wasm-rt-impl.c (without the signal handler) calloc()s and
 * realloc()s it; here it is the platform's region (wasrisc_wasm.h). The build
 * compiles wasm-rt-impl.c with its memory functions renamed out of the way
 * (-Dwasm_rt_allocate_memory=wabt_unused_allocate_memory, ...).
 */
#include <sys/mman.h>

#include "wasm-rt.h"
#include "wasrisc_platform.h"
#include "wasrisc_wasm.h"

void wasm_rt_allocate_memory(wasm_rt_memory_t *memory, uint32_t initial_pages, uint32_t max_pages)
{
    uint8_t *data = wasrisc_linear_memory_take(initial_pages);
    if (!data) {
        wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
    }
    uint32_t capacity = wasrisc_linear_memory_pages(65536);
    memory->data = data;
    memory->pages = initial_pages;
    memory->max_pages = max_pages < capacity ? max_pages : capacity;
    memory->size = initial_pages * WASRISC_WASM_PAGE_SIZE;
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *memory, uint32_t delta)
{
    uint32_t old_pages = memory->pages;
    uint64_t new_pages = (uint64_t)old_pages + delta;
    if (new_pages > memory->max_pages) {
        wasrisc_linear_memory_refused(new_pages);
        return UINT32_MAX;
    }
    memory->pages = (uint32_t)new_pages;
    memory->size = (uint32_t)new_pages * WASRISC_WASM_PAGE_SIZE;
    return old_pages;
}

void wasm_rt_free_memory(wasm_rt_memory_t *memory)
{
    (void)memory;
    wasrisc_linear_memory_release();
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    (void)addr, (void)length, (void)prot, (void)flags, (void)fd, (void)offset;
    return MAP_FAILED;
}

int munmap(void *addr, size_t length)
{
    (void)addr, (void)length;
    return -1;
}

int mprotect(void *addr, size_t len, int prot)
{
    (void)addr, (void)len, (void)prot;
    return -1;
}
