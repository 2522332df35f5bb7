/*
 * Linux system calls as qemu-user serves them: one ecall with the number in a7. Shared by the
 * rv64im platform and the standard target's qemu executor library.
 */
#ifndef WASRISC_LINUX_ECALL_H
#define WASRISC_LINUX_ECALL_H

enum { SYS_read = 63, SYS_write = 64, SYS_exit_group = 94, SYS_sigaltstack = 132, SYS_rt_sigaction = 134 };

static inline long ecall3(long number, long arg0, long arg1, long arg2)
{
    register long a0 __asm__("a0") = arg0;
    register long a1 __asm__("a1") = arg1;
    register long a2 __asm__("a2") = arg2;
    register long a7 __asm__("a7") = number;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
}

#endif
