/*
 * The guest's AOT module (wamrc output), embedded, and the region the loader
 * maps its code and data into (wamr_platform.c's os_mmap).
 *
 * The build writes the module as guest.aot into a folder it passes to the
 * assembler (-Wa,-I<folder>). Two ways to run it:
 *
 *  - Loaded (the default): the loader copies the code into the region,
 *    relocates it and runs it there, so the region is writable and executable
 *    ("awx"). link.ld collects .data.* and .bss.* into the data segment,
 *    which thereby becomes RWX. The module is data.
 *  - In place (WASRISC_WAMR_XIP=1, modules from wamrc --xip): the code runs
 *    where it is, so the module is placed in the text segment like any other
 *    code, and the region holds data only (the data segment stays RW).
 *
 * Either way the loader only reads the module (with WAMR 2.4: its bytes are
 * unchanged after loading and running), keeping pointers to its strings.
 *
 * The region is NOBITS: it costs address space, not file size. Go modules
 * compiled at -O0 need about twice their .aot size.
 */
#ifndef WASRISC_WAMR_XIP
#define WASRISC_WAMR_XIP 0
#endif

/*
 * WAMR's loader reads the module at 4-byte alignment relative to the address,
 * so the module starts 8-aligned, or 4 past that with WASRISC_WAMR_AOT_PAD=4:
 * the build passes 4 when the text section's offset in the file is 4 past a
 * multiple of 8, so that the loader's copy of the code runs 8 bytes at a time
 * (a misaligned copy goes byte by byte: about 90 million instructions for a
 * Go module).
 */
#ifndef WASRISC_WAMR_AOT_PAD
#define WASRISC_WAMR_AOT_PAD 0
#endif

#ifndef WASRISC_WAMR_CODE_REGION_BYTES
#define WASRISC_WAMR_CODE_REGION_BYTES (256 << 20)
#endif

#if WASRISC_WAMR_XIP
    .section .text.wasrisc_wamr_aot, "ax", @progbits
#else
    .section .data.wasrisc_wamr_aot, "aw", @progbits
#endif
    .balign 16
#if WASRISC_WAMR_AOT_PAD
    .skip WASRISC_WAMR_AOT_PAD
#endif
    .globl wasrisc_wamr_aot
    .type wasrisc_wamr_aot, @object
wasrisc_wamr_aot:
    .incbin "guest.aot"
wasrisc_wamr_aot_end:
    .size wasrisc_wamr_aot, . - wasrisc_wamr_aot

    .section .rodata.wasrisc_wamr_aot_size, "a", @progbits
    .balign 8
    .globl wasrisc_wamr_aot_size
    .type wasrisc_wamr_aot_size, @object
wasrisc_wamr_aot_size:
    .dword wasrisc_wamr_aot_end - wasrisc_wamr_aot
    .size wasrisc_wamr_aot_size, 8

#if WASRISC_WAMR_XIP
    .section .bss.wasrisc_wamr_code, "aw", @nobits
#else
    .section .bss.wasrisc_wamr_code, "awx", @nobits
#endif
    .balign 4096
    .globl wasrisc_wamr_code_region
    .globl wasrisc_wamr_code_region_end
wasrisc_wamr_code_region:
    .skip WASRISC_WAMR_CODE_REGION_BYTES
wasrisc_wamr_code_region_end:
