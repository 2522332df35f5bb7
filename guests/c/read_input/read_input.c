/*
 * Reads standard input to its end in 64 KiB reads and prints how many bytes came, and (unless
 * argv[1] is "count") their FNV-1a 64-bit hash, so a test can check that every byte arrived intact.
 * With "count" it never touches the bytes: what it costs is the platform's reads alone. With
 * "stdio" it reads through fread(), as much C does: what that costs is the libc's buffering. Same
 * output as go/read_input and rust/read_input.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static unsigned char buffer[64 * 1024];

int main(int argc, char **argv)
{
    int hash = !(argc > 1 && strcmp(argv[1], "count") == 0);
    int stdio = argc > 1 && strcmp(argv[1], "stdio") == 0;
    uint64_t total = 0, fnv = 0xcbf29ce484222325u;
    for (;;) {
        ssize_t n = stdio ? (ssize_t)fread(buffer, 1, sizeof buffer, stdin) : read(0, buffer, sizeof buffer);
        if (stdio && ferror(stdin)) {
            n = -1;
        }
        if (n < 0) {
            fprintf(stderr, "read_input: read failed\n");
            return 1;
        }
        if (n == 0) {
            break;
        }
        total += (uint64_t)n;
        for (ssize_t i = 0; hash && i < n; i++) {
            fnv = (fnv ^ buffer[i]) * 0x100000001b3u;
        }
    }
    printf("bytes: %llu\n", (unsigned long long)total);
    if (hash) {
        printf("fnv1a64: %016llx\n", (unsigned long long)fnv);
    }
    return 0;
}
