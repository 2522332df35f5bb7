/* Spends nearly all of its instructions in one function, so a profile has a known top entry. */
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) static uint32_t spin_hot(uint32_t rounds)
{
    uint32_t x = 1;
    for (uint32_t i = 0; i < rounds; i++) {
        x = x * 1664525u + 1013904223u;
    }
    return x;
}

int main(void)
{
    printf("%u\n", (unsigned)spin_hot(200000));
    return 0;
}
