/* Uses a host import that the guest implements itself, in host_double.c named by wasrisc.json. */
#include <stdint.h>
#include <stdio.h>

#include "wasrisc.h"

uint32_t double_it(uint32_t x) WASRISC_IMPORT(myhost, double_it);

int main(void)
{
    printf("double_it(21) = %u\n", double_it(21));
    return 0;
}
