/* Triples its argument through a host function of the project's own (host.triple). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "wasrisc.h"

uint32_t triple(uint32_t x) WASRISC_IMPORT(host, triple);

int main(int argc, char **argv)
{
    uint32_t x = argc > 1 ? (uint32_t) strtoul(argv[1], NULL, 10) : 1;
    printf("triple(%u) = %u\n", x, triple(x));
    return 0;
}
