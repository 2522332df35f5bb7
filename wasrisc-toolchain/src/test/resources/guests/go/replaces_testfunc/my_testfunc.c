/* Replaces the platform's (weak) testmodule_testfunc: multiplies instead of adding, silently. */
#include <stdint.h>

uint32_t testmodule_testfunc(uint32_t a, uint32_t b)
{
    return a * b;
}
