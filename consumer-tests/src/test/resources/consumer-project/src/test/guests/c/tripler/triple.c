/* The host side of host.triple, linked into whatever runs the guest. */
#include <stdint.h>

uint32_t host_triple(uint32_t x)
{
    return 3 * x;
}
