/*
 * Start-up for bare-metal rv64im guests.
 *
 * The loader (qemu-riscv64 here, a zkVM elsewhere) enters with sp pointing at
 * argc, argv[], NULL, envp[], NULL. picolibc's own crt0 resets sp and drops
 * argv/envp, so this one keeps the loader's stack and hands both to main.
 * Memory is zero when the program starts (the ELF loader maps .bss, the heap
 * and the linear-memory region as fresh pages), so nothing is cleared here:
 * clearing a 1 GiB region would cost a quarter of a billion counted
 * instructions.
 */
.macro wasrisc_stack_and_arguments
    ld      a0, 0(sp)               /* argc */
    addi    a1, sp, 8               /* argv */
    slli    t0, a0, 3
    add     a2, a1, t0
    addi    a2, a2, 8               /* envp: past argv's NULL */
    la      t1, wasrisc_argc
    sw      a0, 0(t1)
    la      t1, wasrisc_argv
    sd      a1, 0(t1)
    la      t1, wasrisc_envp
    sd      a2, 0(t1)
    andi    sp, sp, -16
.endm

/* Reloaded: __libc_init_array does not keep a0-a2. */
.macro wasrisc_main_arguments
    la      t1, wasrisc_argc
    lw      a0, 0(t1)
    la      t1, wasrisc_argv
    ld      a1, 0(t1)
    la      t1, wasrisc_envp
    ld      a2, 0(t1)
.endm

#include "start.S"
