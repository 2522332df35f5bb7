/*
 * The WebAssembly runtimes' shared part: the one linear memory in the linker
 * script's region, and how a trap ends the run (wasrisc_wasm.h).
 */
#include <stdio.h>

#include "wasrisc_platform.h"
#include "wasrisc_wasm.h"

extern uint8_t __wasrisc_linear_memory_start[];
extern uint8_t __wasrisc_linear_memory_end[];

static int linear_memory_taken;

void wasrisc_trap(const char *reason)
{
    fflush(stdout);
    fprintf(stderr, "wasm trap: %s\n", reason);
    wasrisc_exit(WASRISC_TRAP_EXIT_STATUS);
}

uint32_t wasrisc_linear_memory_pages(uint32_t limit_pages)
{
    uint64_t pages = (uint64_t)(__wasrisc_linear_memory_end - __wasrisc_linear_memory_start) / WASRISC_WASM_PAGE_SIZE;
    return pages > limit_pages ? limit_pages : (uint32_t)pages;
}

static uint32_t region_pages(void)
{
    return wasrisc_linear_memory_pages(UINT32_MAX);
}

uint8_t *wasrisc_linear_memory_take(uint64_t initial_pages)
{
    if (linear_memory_taken) {
        fprintf(stderr, "wasrisc: only one linear memory per guest is supported\n");
        return NULL;
    }
    if (initial_pages > region_pages()) {
        fprintf(stderr,
                "wasrisc: the module needs %llu pages of linear memory at start, the platform's "
                "region holds %u (raise the guest's linear memory size)\n",
                (unsigned long long)initial_pages, region_pages());
        return NULL;
    }
    linear_memory_taken = 1;
    return __wasrisc_linear_memory_start;
}

void wasrisc_linear_memory_refused(uint64_t new_pages)
{
    static int reported;
    if (!reported && new_pages > region_pages()) {
        reported = 1;
        fprintf(stderr,
                "wasrisc: memory.grow to %llu pages refused: the platform's linear-memory "
                "region holds %u pages\n",
                (unsigned long long)new_pages, region_pages());
    }
}

int wasrisc_linear_memory_fits(uint64_t new_pages)
{
    wasrisc_linear_memory_refused(new_pages);
    return new_pages <= region_pages();
}

void wasrisc_linear_memory_release(void)
{
    linear_memory_taken = 0;
}
