/*
 * picolibc has no <sys/mman.h>, but wabt's wasm-rt-impl.c includes it for
 * its mmap-based memory, which the bare-metal build never uses (see
 * wasm2c/wasm2c_runtime.c). Declarations only; the functions always fail.
 */
#ifndef WASRISC_SHIM_SYS_MMAN_H
#define WASRISC_SHIM_SYS_MMAN_H

#include <stddef.h>
#include <sys/types.h>

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 0x02
#define MAP_ANONYMOUS 0x20
#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t len, int prot);

#endif
