/* Calls the host function testmodule.testfunc, implemented by the platform (platform/imports). */
#include <stdint.h>
#include <stdio.h>

#include "wasrisc.h"

uint32_t testfunc(uint32_t a, uint32_t b) WASRISC_IMPORT(testmodule, testfunc);

int main(void)
{
    uint32_t sum = testfunc(1, 2);
    printf("testfunc(1, 2) = %u\n", sum);
    return 0;
}
