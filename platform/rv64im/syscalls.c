/*
 * The platform's system interface for rv64im, as Linux ecalls (write=64,
 * read=63, exit_group=94), so a bare-metal guest runs unchanged under
 * qemu-riscv64 user mode. Also wires picolibc's stdout and stderr to it (stdin:
 * ../stdio/stdin.c).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wasrisc_platform.h"

int wasrisc_argc;
char **wasrisc_argv;
char **wasrisc_envp;

#include "linux_ecall.h"

long wasrisc_write(int fd, const void *buf, size_t len)
{
    return ecall3(SYS_write, fd, (long)buf, (long)len);
}

long wasrisc_read(int fd, void *buf, size_t len)
{
    return ecall3(SYS_read, fd, (long)buf, (long)len);
}

#include "../stdio/line_buffer.c"

void wasrisc_exit(int code)
{
    flush_buffer(&out_buffer);
    flush_buffer(&err_buffer);
    for (;;) {
        ecall3(SYS_exit_group, code, 0, 0);
    }
}

#include "abort.c"

/*
 * The trap vector. Under qemu-user a machine trap (illegal instruction,
 * ebreak, bad memory access) arrives as a signal; left alone it kills the
 * emulator before the counting plugin can report. Catching it here reports
 * the trap on stderr and exits with 128 + signal, as a killed process would.
 */
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    unsigned long mask;
};

struct kernel_stack {
    void *sp;
    int flags;
    size_t size;
};

#define SA_ONSTACK 0x08000000ul
#define SA_NODEFER 0x40000000ul

static char trap_stack[16384] __attribute__((aligned(16)));

static void on_trap(int sig)
{
    static const char *const names[] = {
        [4] = "illegal instruction (SIGILL)",  [5] = "breakpoint or trap instruction (SIGTRAP)",
        [7] = "bus error (SIGBUS)",            [8] = "arithmetic exception (SIGFPE)",
        [11] = "invalid memory access (SIGSEGV)",
    };
    flush_buffer(&out_buffer);
    flush_buffer(&err_buffer);
    static const char prefix[] = "trap: ";
    wasrisc_write(2, prefix, sizeof prefix - 1);
    const char *name = names[sig];
    wasrisc_write(2, name, strlen(name));
    wasrisc_write(2, "\n", 1);
    wasrisc_exit(128 + sig);
}

__attribute__((constructor)) static void install_trap_vector(void)
{
    static const int signals[] = {4, 5, 7, 8, 11};
    struct kernel_stack stack = {trap_stack, 0, sizeof trap_stack};
    ecall3(SYS_sigaltstack, (long)&stack, 0, 0);
    struct kernel_sigaction action = {on_trap, SA_ONSTACK | SA_NODEFER, 0};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        register long a3 __asm__("a3") = sizeof action.mask;
        register long a0 __asm__("a0") = signals[i];
        register long a1 __asm__("a1") = (long)&action;
        register long a2 __asm__("a2") = 0;
        register long a7 __asm__("a7") = SYS_rt_sigaction;
        __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
    }
}

/* picolibc's exit() runs atexit handlers and destructors, then lands here. */
void _exit(int code)
{
    wasrisc_exit(code);
}
