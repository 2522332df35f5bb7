/*
 * WAMR's os_* layer (core/shared/platform/include/platform_api_vmcore.h) for
 * the bare-metal rv64im target: one thread, no file system, no mmap.
 *
 * Memory, the part that matters for instruction counts:
 *  - WAMR's own allocations come from the platform's malloc (wamr_main.c
 *    initialises the runtime with Alloc_With_Allocator).
 *  - Linear memory (os_mmap with MMAP_PROT_NONE, the reservation WAMR makes
 *    for it) is the linker script's linear-memory region, whose pages are
 *    already zero; growing it (os_mremap) is bookkeeping only, exactly as for
 *    the wasm2c and w2c2 pipelines.
 *  - Every other mapping is the AOT loader's (code and data, copied in and
 *    relocated): carved from a region that is zero and, unless the module
 *    runs in place (wamrc --xip), writable and executable; the assembler file
 *    wamr_aot.S places it. Nothing is cleared or copied to hand it out, unlike
 *    WAMR's own mmap emulation for small platforms (malloc + memset).
 */
#include "platform_api_vmcore.h"
#include "platform_api_extension.h"

#include "wasrisc_platform.h"
#include "wasrisc_wasm.h"

/* The loader's region, placed by wamr_aot.S (writable; executable unless
 * the module runs in place). */
extern uint8_t wasrisc_wamr_code_region[];
extern uint8_t wasrisc_wamr_code_region_end[];

/* How much of the loader's stack WebAssembly may use before WAMR reports a
 * native stack overflow (qemu-riscv64 gives 8 MiB). */
#ifndef WASRISC_WAMR_NATIVE_STACK_BYTES
#define WASRISC_WAMR_NATIVE_STACK_BYTES (6u << 20)
#endif

static uint8_t *stack_boundary;
static size_t code_used;
static size_t last_mapping;
static uint8_t *linear_memory;

int
bh_platform_init(void)
{
    /* Called by wasm_runtime_full_init from main: near the stack's top. */
    uint8_t here;
    if (!stack_boundary) {
        stack_boundary =
            (uint8_t *)((uintptr_t)&here - WASRISC_WAMR_NATIVE_STACK_BYTES);
    }
    return 0;
}

void
bh_platform_destroy(void)
{}

void *
os_malloc(unsigned size)
{
    return malloc(size);
}

void *
os_realloc(void *ptr, unsigned size)
{
    return realloc(ptr, size);
}

void
os_free(void *ptr)
{
    free(ptr);
}

/* The runtime's own messages (load errors, warnings) go to stderr, never
 * into the guest's stdout. */
int
os_printf(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vfprintf(stderr, format, ap);
    va_end(ap);
    return n;
}

int
os_vprintf(const char *format, va_list ap)
{
    return vfprintf(stderr, format, ap);
}

int
os_dumps_proc_mem_info(char *out, unsigned int size)
{
    (void)out, (void)size;
    return -1;
}

/* No clock on the platform: time stands still (WAMR uses it for logs and
 * profiling only; the guest's clocks are the WASI core's virtual ones). */
uint64
os_time_get_boot_us(void)
{
    return 0;
}

uint64
os_time_thread_cputime_us(void)
{
    return 0;
}

korp_tid
os_self_thread(void)
{
    return 1;
}

uint8 *
os_thread_get_stack_boundary(void)
{
    return stack_boundary;
}

void
os_thread_jit_write_protect_np(bool enabled)
{
    (void)enabled;
}

int
os_mutex_init(korp_mutex *mutex)
{
    *mutex = 0;
    return BHT_OK;
}

int
os_mutex_destroy(korp_mutex *mutex)
{
    (void)mutex;
    return BHT_OK;
}

int
os_mutex_lock(korp_mutex *mutex)
{
    (void)mutex;
    return BHT_OK;
}

int
os_mutex_unlock(korp_mutex *mutex)
{
    (void)mutex;
    return BHT_OK;
}

int
os_cond_init(korp_cond *cond)
{
    *cond = 0;
    return BHT_OK;
}

int
os_cond_destroy(korp_cond *cond)
{
    (void)cond;
    return BHT_OK;
}

/* The pages a mapping of size bytes takes. */
static uint64_t
pages_of(size_t size)
{
    return ((uint64_t)size + WASRISC_WASM_PAGE_SIZE - 1) / WASRISC_WASM_PAGE_SIZE;
}

static int
in_code_region(void *addr)
{
    return (uint8_t *)addr >= wasrisc_wamr_code_region
           && (uint8_t *)addr < wasrisc_wamr_code_region_end;
}

void *
os_mmap(void *hint, size_t size, int prot, int flags, os_file_handle file)
{
    (void)hint, (void)flags, (void)file;

    if (prot == MMAP_PROT_NONE) {
        /* WAMR reserves linear memory inaccessible, then opens it up. */
        linear_memory = wasrisc_linear_memory_take(pages_of(size));
        return linear_memory;
    }

    /* The loader's mappings: AOT code and data, which the loader copies in
     * and relocates, some mapped writable first and made executable later. */
    size_t capacity =
        (size_t)(wasrisc_wamr_code_region_end - wasrisc_wamr_code_region);
    size_t start = (code_used + 63) & ~(size_t)63;
    if (size > capacity || start > capacity - size) {
        fprintf(stderr,
                "wasrisc: %llu bytes of AOT code and data do not fit the loader's region "
                "(%llu bytes free; raise WASRISC_WAMR_CODE_REGION_BYTES)\n",
                (unsigned long long)size,
                (unsigned long long)(capacity - code_used));
        return NULL;
    }
    last_mapping = start;
    code_used = start + size;
    /* The region is zero and each part is handed out once: nothing to clear. */
    return wasrisc_wamr_code_region + start;
}

void *
os_mremap(void *old_addr, size_t old_size, size_t new_size)
{
    if (linear_memory && old_addr == linear_memory) {
        if (!wasrisc_linear_memory_fits(pages_of(new_size))) {
            return NULL;
        }
        /* Growing in place: the region's pages past old_size are zero. */
        return old_addr;
    }
    return os_mremap_slow(old_addr, old_size, new_size);
}

void
os_munmap(void *addr, size_t size)
{
    (void)size;
    if (linear_memory && addr == linear_memory) {
        wasrisc_linear_memory_release();
        linear_memory = NULL;
    }
    else if (in_code_region(addr)
             && (uint8_t *)addr == wasrisc_wamr_code_region + last_mapping) {
        /* Only the latest mapping is given back; the module is loaded once
         * per run, so the rest is not worth tracking. Its bytes are cleared
         * so that the region stays zero for the next mapping. */
        memset(addr, 0, code_used - last_mapping);
        code_used = last_mapping;
    }
}

int
os_mprotect(void *addr, size_t size, int prot)
{
    (void)addr, (void)size, (void)prot;
    return 0;
}

void
os_dcache_flush(void)
{}

void
os_icache_flush(void *start, size_t len)
{
    /* Nothing to flush: code is written once, before it first runs, by the
     * only hart (rv64im has no Zifencei to order it anyway). */
    (void)start, (void)len;
}

os_raw_file_handle
os_invalid_raw_handle(void)
{
    return -1;
}

/*
 * rv64im has no A extension, so gcc calls these for 32-bit atomics (the AOT
 * relocator lists them for code that needs them). One hart: plain accesses.
 */
bool
__atomic_compare_exchange_4(volatile void *ptr, void *expected,
                            unsigned int desired, bool weak, int success,
                            int failure)
{
    (void)weak, (void)success, (void)failure;
    volatile unsigned int *p = ptr;
    unsigned int *e = expected;
    if (*p == *e) {
        *p = desired;
        return true;
    }
    *e = *p;
    return false;
}

void
__atomic_store_4(volatile void *ptr, unsigned int value, int order)
{
    (void)order;
    *(volatile unsigned int *)ptr = value;
}
