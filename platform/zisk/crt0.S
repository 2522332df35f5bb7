/*
 * Start-up for bare-metal guests of ZisK's emulator. Nothing hands the program a stack or
 * arguments there: the stack is ZisK's stack region, and main gets argc 1 and argv {"guest"}, as
 * a guest under qemu sees with no arguments. RAM is zero at start, so .bss is not cleared.
 * _start itself is rv64im's (../rv64im/start.S).
 */
.macro wasrisc_stack_and_arguments
    li      sp, 0xa0400000          /* the top of ZisK's stack region */

    la      t1, wasrisc_argc
    li      t0, 1
    sw      t0, 0(t1)
    la      t1, wasrisc_argv
    la      t0, zisk_argv
    sd      t0, 0(t1)
    la      t1, wasrisc_envp
    la      t0, zisk_argv + 16
    sd      t0, 0(t1)
.endm

/* Constants: cheaper than reloading what the first macro stored. */
.macro wasrisc_main_arguments
    li      a0, 1
    la      a1, zisk_argv
    la      a2, zisk_argv + 16
.endm

#include "../rv64im/start.S"

    .section .rodata.zisk_argv0, "a", @progbits
zisk_argv0:
    .string "guest"

    .data
    .balign 8
zisk_argv:
    .dword  zisk_argv0, 0, 0        /* argv[0], argv's NULL, envp's NULL */
