/*
 * The platform's system interface: the only functions that talk to the world.
 * Porting WASRISC guests to a zkVM means reimplementing these (rv64im/syscalls.c
 * implements them with Linux ecalls so the same ELF runs under qemu-riscv64).
 */
#ifndef WASRISC_PLATFORM_H
#define WASRISC_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

long wasrisc_write(int fd, const void *buf, size_t len);
long wasrisc_read(int fd, void *buf, size_t len);
/* Flushes buffered stdio, then ends the program. */
__attribute__((noreturn)) void wasrisc_exit(int code);

/* argv/envp as handed over by the loader; set by crt0 before main. */
extern int wasrisc_argc;
extern char **wasrisc_argv;
extern char **wasrisc_envp;

#endif
