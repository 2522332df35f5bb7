/*
 * Guest-facing helpers. A guest declares a host import once and builds for
 * every pipeline:
 *
 *   uint32_t testfunc(uint32_t a, uint32_t b) WASRISC_IMPORT(testmodule, testfunc);
 *
 * Compiled to WebAssembly it is an import of module "testmodule"; compiled
 * natively (the direct pipeline) it links to the platform's C implementation,
 * which is always named <module>_<name>.
 */
#ifndef WASRISC_H
#define WASRISC_H

#ifdef __wasm__
#define WASRISC_IMPORT(module, name) \
    __attribute__((import_module(#module), import_name(#name)))
#else
#define WASRISC_IMPORT(module, name) __asm__(#module "_" #name)
#endif

#endif
