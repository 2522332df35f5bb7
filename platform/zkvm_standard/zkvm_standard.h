/*
 * The interface of the zkVM standard target (riscv64im_zicclsm-unknown-none-elf, eth-act's
 * zkvm-standards): what a guest may call in the vendor's library, and the symbols its linker
 * script provides. zkvm_debug_write is this project's qemu library's extra, not the standard's.
 */
#ifndef WASRISC_ZKVM_STANDARD_H
#define WASRISC_ZKVM_STANDARD_H

#include <stddef.h>
#include <stdint.h>

/* The whole input, preloaded; the same pointer and length on every call. */
void read_input(const uint8_t **buf, size_t *len);
/* Appends to the output; successive calls concatenate. */
void write_output(const uint8_t *out, size_t len);
/* Ends the run as failed (the standard's other ending is main returning). */
__attribute__((noreturn)) void abort(void);

/* Not part of the standard: diagnostics (the guest's stderr), outside the output. */
void zkvm_debug_write(const uint8_t *buf, size_t len);

extern uint8_t _heap_start[];
extern uint8_t _heap_end[];

#endif
