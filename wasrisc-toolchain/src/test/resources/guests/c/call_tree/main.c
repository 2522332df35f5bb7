/*
 * A known call tree for the profiler: main -> outer -> inner (three times), and main -> countdown,
 * which calls itself four levels deep. volatile keeps every call a call at any optimization level.
 */
#include <stdio.h>

static volatile unsigned sink;

__attribute__((noinline)) static void inner(unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        sink += i;
    }
}

__attribute__((noinline)) static void outer(void)
{
    for (unsigned i = 0; i < 3; i++) {
        inner(1000);
    }
    sink += 1; /* no tail call: outer stays on the stack */
}

__attribute__((noinline)) static unsigned countdown(unsigned depth)
{
    sink += depth;
    if (depth == 0) {
        return 0;
    }
    unsigned below = countdown(depth - 1);
    sink += below;
    return below + 1;
}

int main(void)
{
    outer();
    printf("%u %u\n", countdown(4), sink);
    return 0;
}
