/* Calls testmodule.testfunc, which this guest implements itself (my_testfunc.c) in place of the platform's. */
#include <stdint.h>
#include <stdio.h>

#include "wasrisc.h"

uint32_t testfunc(uint32_t a, uint32_t b) WASRISC_IMPORT(testmodule, testfunc);

int main(void)
{
    printf("testfunc(6, 7) = %u\n", testfunc(6, 7));
    return 0;
}
