/*
 * Reads its input through every stdio path a C program uses: getchar, ungetc, a small fread, a
 * fread of more than a block, and getchar to the end; prints what each saw and the end-of-file and
 * error flags, so the bare-metal platform's stdin can be compared with wasi-libc's.
 */
#include <stdio.h>
#include <stdint.h>

static unsigned char big[100000];

int main(void)
{
    uint64_t sum = 0;
    int first = getchar();
    int second = getchar();
    ungetc(second, stdin);
    unsigned char small[10];
    size_t n_small = fread(small, 1, sizeof small, stdin);
    size_t n_big = fread(big, 1, sizeof big, stdin);
    for (size_t i = 0; i < n_big; i++) {
        sum = sum * 31 + big[i];
    }
    size_t rest = 0;
    for (int c; (c = getchar()) != EOF; rest++) {
        sum = sum * 31 + (unsigned char)c;
    }
    printf("first=%d second=%d small=%zu:%d,%d big=%zu rest=%zu sum=%llu eof=%d error=%d\n", first, second, n_small,
           small[0], small[9], n_big, rest, (unsigned long long)sum, feof(stdin) != 0, ferror(stdin) != 0);
    return 0;
}
