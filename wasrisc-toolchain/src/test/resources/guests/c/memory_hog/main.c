/*
 * Allocates 1 MiB blocks until malloc fails, in a guest given 8 MiB of memory. The blocks form a
 * list the program walks at the end, so no compiler may drop the allocations as unused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block {
    struct block *next;
    char fill[(1 << 20) - sizeof(struct block *)];
};

int main(void)
{
    struct block *list = NULL;
    for (;;) {
        struct block *b = malloc(sizeof *b);
        if (b == NULL) {
            break;
        }
        memset(b->fill, 0xa5, sizeof b->fill);
        b->next = list;
        list = b;
    }
    int mib = 0;
    for (struct block *b = list; b != NULL; b = b->next) {
        mib += b->fill[mib] == (char)0xa5;
    }
    printf("out of memory after %d MiB\n", mib);
    return 1;
}
