/* The guest's own import implementation: linked into the binary, not compiled as guest code. */
#include <stdint.h>

uint32_t myhost_double_it(uint32_t x)
{
    return 2 * x;
}
