/*
 * Bare-metal replacements for the parts of wabt's wasm-rt-impl.c that assume
 * an operating system.
 *
 * Linear memory: wasm-rt-impl.c (without the signal handler) calloc()s and
 * realloc()s it, and picolibc's malloc zeroes every block, so growing to
 * hundreds of MiB would cost as many counted instructions as bytes. Instead
 * the one linear memory lives in its own region from the linker script
 * (link.ld), whose pages are already zero; growing is bookkeeping only. The
 * build compiles wasm-rt-impl.c with its memory functions renamed out of the
 * way (-Dwasm_rt_allocate_memory=wabt_unused_allocate_memory, ...).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "wasm-rt.h"
#include "wasrisc_platform.h"

#define WASM_PAGE_SIZE 65536u

extern uint8_t __wasrisc_linear_memory_start[];
extern uint8_t __wasrisc_linear_memory_end[];

static int linear_memory_taken;

static uint32_t region_pages(void)
{
    uint64_t bytes = (uint64_t)(__wasrisc_linear_memory_end - __wasrisc_linear_memory_start);
    uint64_t pages = bytes / WASM_PAGE_SIZE;
    return pages > 65536 ? 65536 : (uint32_t)pages;
}

void wasm_rt_allocate_memory(wasm_rt_memory_t *memory, uint32_t initial_pages, uint32_t max_pages)
{
    uint32_t capacity = region_pages();
    if (linear_memory_taken) {
        fprintf(stderr, "wasrisc: only one linear memory per guest is supported\n");
        wasrisc_exit(134);
    }
    if (initial_pages > capacity) {
        fprintf(stderr,
                "wasrisc: the module needs %u pages of linear memory at start, the platform's "
                "region holds %u (raise the guest's linear memory size)\n",
                initial_pages, capacity);
        wasrisc_exit(134);
    }
    linear_memory_taken = 1;
    memory->data = __wasrisc_linear_memory_start;
    memory->pages = initial_pages;
    memory->max_pages = max_pages < capacity ? max_pages : capacity;
    memory->size = initial_pages * WASM_PAGE_SIZE;
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *memory, uint32_t delta)
{
    uint32_t old_pages = memory->pages;
    uint64_t new_pages = (uint64_t)old_pages + delta;
    if (new_pages > memory->max_pages) {
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
        return UINT32_MAX;
    }
    memory->pages = (uint32_t)new_pages;
    memory->size = (uint32_t)new_pages * WASM_PAGE_SIZE;
    return old_pages;
}

void wasm_rt_free_memory(wasm_rt_memory_t *memory)
{
    (void)memory;
    linear_memory_taken = 0;
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
