/*
 * Writes 4 GiB to stdout between a first and a last line, and a line to stderr: more than a JVM
 * can hold, so a runner that kept all of it would fail, and one that kept only a prefix would lose
 * the last line.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char block[1 << 20];

static void write_all(int fd, const char *bytes, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, bytes, len);
        if (n <= 0) {
            _exit(1);
        }
        bytes += n;
        len -= (size_t)n;
    }
}

int main(void)
{
    memset(block, 'x', sizeof block);
    for (size_t i = 63; i < sizeof block; i += 64) {
        block[i] = '\n';
    }
    write_all(1, "first line\n", 11);
    for (int i = 0; i < 4096; i++) {
        write_all(1, block, sizeof block);
    }
    write_all(1, "last line\n", 10);
    write_all(2, "chatty: done\n", 13);
    return 0;
}
