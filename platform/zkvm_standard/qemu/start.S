/*
 * _start of the qemu executor library for the zkVM standard target: what a zkVM vendor's library
 * does, for qemu-riscv64 (user mode). gp from the linker script; the stack is the one the loader
 * hands over (qemu's), aligned; .bss, the heap and the input buffer are fresh zero pages, so nothing
 * is cleared. Then main(void), and the run ends with main's result.
 */
#undef main
    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    andi    sp, sp, -16
    call    zkvm_qemu_install_trap_vector
    call    main
    tail    zkvm_qemu_halt
    .size _start, . - _start
