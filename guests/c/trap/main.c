/* Traps on purpose: WebAssembly's `unreachable`, an illegal instruction natively. */
#include <stdio.h>

int main(void)
{
    printf("about to trap\n");
    fflush(stdout);
    __builtin_trap();
}
