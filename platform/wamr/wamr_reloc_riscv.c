/*
 * WAMR's RISC-V relocation code (core/iwasm/aot/arch/aot_reloc_riscv.c of the tree WASRISC is
 * pointed at), compiled with more entries in its symbol table.
 *
 * AOT code for rv64 without F/D calls libgcc's soft-float routines. The tree's table lists the
 * float <-> 64-bit integer conversions only for rv32 with F, so a module that converts between
 * them (every Go module: go-ethereum's stateless guest among them) fails to load with "resolve
 * symbol __floatundisf failed". The table ends its common part with REG_SHARED_HEAP_SYM(), empty
 * without shared heaps: that is where the missing routines go. libgcc, which the binary links
 * anyway, has them all.
 */
#include "aot_reloc.h"

#if WASM_ENABLE_SHARED_HEAP != 0
#error "wamr_reloc_riscv.c adds its symbols through REG_SHARED_HEAP_SYM, which shared heaps use"
#endif

#ifndef __riscv_flen
void __floatundisf(void);
void __floatdisf(void);
void __floatunsisf(void);
void __floatsisf(void);
void __fixsfsi(void);
void __ltsf2(void);

#undef REG_SHARED_HEAP_SYM
#define REG_SHARED_HEAP_SYM() \
    REG_SYM(__floatundisf),   \
    REG_SYM(__floatdisf),     \
    REG_SYM(__floatunsisf),   \
    REG_SYM(__floatsisf),     \
    REG_SYM(__fixsfsi),       \
    REG_SYM(__ltsf2),
#endif

#include "aot_reloc_riscv.c"
