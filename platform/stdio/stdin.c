/*
 * Standard input for bare-metal C guests, over the target's wasrisc_read (qemu's read ecall, or
 * ZisK's input region): picolibc's stdio asks for one character at a time, and a system call per
 * character made C `direct` pay about 50 instructions a byte (2.65e9 for 50 MB) where the
 * WebAssembly cells, whose wasi-libc reads in blocks, paid about 10. So stdin is read in blocks,
 * as a zkVM hands a guest its input in one piece.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wasrisc_platform.h"

/* Zero pages until the first read: costs nothing to a guest that reads no input. */
static unsigned char stdin_block[64 * 1024];
static size_t stdin_next;
static size_t stdin_end;

static int get_stdin(FILE *f)
{
    (void)f;
    if (stdin_next == stdin_end) {
        long n = wasrisc_read(0, stdin_block, sizeof stdin_block);
        if (n <= 0) {
            /* picolibc tells the end of the input from a failed read by these two, and sets
             * ferror() for the second. */
            return n == 0 ? _FDEV_EOF : _FDEV_ERR;
        }
        stdin_next = 0;
        stdin_end = (size_t)n;
    }
    return stdin_block[stdin_next++];
}

static FILE stdin_file = FDEV_SETUP_STREAM(NULL, get_stdin, NULL, _FDEV_SETUP_READ);
FILE *const stdin = &stdin_file;

/*
 * POSIX read for native C guests (picolibc declares it, bare metal has none): straight into the
 * caller's buffer, so a large input costs the guest no copying loop. Bytes stdio has already taken
 * come first, so a guest that mixes getchar() and read() sees its input in order. Weak, so a
 * guest's own read() wins.
 */
__attribute__((weak)) ssize_t read(int fd, void *buf, size_t len)
{
    if (fd == 0 && stdin_next < stdin_end) {
        size_t n = stdin_end - stdin_next < len ? stdin_end - stdin_next : len;
        memcpy(buf, stdin_block + stdin_next, n);
        stdin_next += n;
        return (ssize_t)n;
    }
    long n = wasrisc_read(fd, buf, len);
    return n < 0 ? -1 : n;
}
