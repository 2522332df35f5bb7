/*
 * _start as every bare-metal target runs it; the target's crt0.S defines the two steps that differ,
 * as assembler macros, before it includes this file:
 *   wasrisc_stack_and_arguments   sets sp, and wasrisc_argc, wasrisc_argv and wasrisc_envp
 *   wasrisc_main_arguments        puts main's argc, argv and envp in a0, a1 and a2
 * __libc_init_array runs between them, so the second may not rely on temporaries set by the first.
 */
    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    /* picolibc keeps errno in TLS (local-exec, tp-relative); the TLS block is
     * used in place, initialised by the loader from .tdata. */
    la      tp, __tls_base

    wasrisc_stack_and_arguments

    call    __libc_init_array
    wasrisc_main_arguments
    call    main
    tail    exit
    .size _start, . - _start
