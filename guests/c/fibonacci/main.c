/* Prints fib(n) for n from argv[1] (default 30), as an unsigned 64-bit number. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t fib(unsigned n)
{
    uint64_t a = 0, b = 1;
    for (unsigned i = 0; i < n; i++) {
        uint64_t next = a + b;
        a = b;
        b = next;
    }
    return a;
}

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 30;
    printf("%llu\n", (unsigned long long)fib(n));
    return 0;
}
