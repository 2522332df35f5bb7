/*
 * Implementation of the custom import testmodule.testfunc for every pipeline.
 * Custom imports are plain C named <module>_<name>; the build generates the
 * transpiler-specific adapter that calls them. Weak: a guest that implements
 * testmodule_testfunc itself (in a file its wasrisc.json names) replaces it.
 */
#include <stdint.h>
#include <stdio.h>

__attribute__((weak)) uint32_t testmodule_testfunc(uint32_t a, uint32_t b)
{
    printf("testfunc called with %u, %u\n", a, b);
    /* A Go or Rust host exits without flushing C stdio. */
    fflush(stdout);
    return a + b;
}
