/*
 * Standard input for bare-metal C guests, over the target's wasrisc_read (qemu's read ecall, or
 * ZisK's input region). picolibc's stdio takes one character at a time from the stream: its
 * fread() cost C `direct` 54 instructions a byte of input (453M for 8 MiB) where the WebAssembly
 * cells, whose wasi-libc reads into the caller's buffer, paid 10. So stdin is read in blocks, as a
 * zkVM hands a guest its input in one piece, and fread() on stdin copies blocks.
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
 * Replaces picolibc's fread (the linker takes this one and leaves libc's out). stdin's buffered
 * bytes are copied, and a request of a block or more is read straight into the caller's buffer;
 * any other stream (fmemopen's) goes through getc() as picolibc's fread would.
 */
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *stream)
{
    if (size == 0 || nmemb == 0) {
        return 0;
    }
    size_t want = size * nmemb;
    if (want / nmemb != size) {
        stream->flags |= __SERR;
        return 0;
    }
    unsigned char *out = ptr;
    size_t got = 0;
    if (stream != stdin || stream->unget != 0) {
        /* Another stream, or a character ungetc() put back: picolibc's own path for the first byte or all. */
        for (int c; got < want && (stream != stdin || got == 0) && (c = getc(stream)) != EOF; ) {
            out[got++] = (unsigned char)c;
        }
        if (stream != stdin || got == 0) {
            return got / size;
        }
    }
    while (got < want) {
        if (stdin_next < stdin_end) {
            size_t n = stdin_end - stdin_next < want - got ? stdin_end - stdin_next : want - got;
            memcpy(out + got, stdin_block + stdin_next, n);
            stdin_next += n;
            got += n;
            continue;
        }
        int direct = want - got >= sizeof stdin_block;
        long n = direct ? wasrisc_read(0, out + got, want - got) : wasrisc_read(0, stdin_block, sizeof stdin_block);
        if (n <= 0) {
            stream->flags |= n == 0 ? __SEOF : __SERR;
            break;
        }
        if (direct) {
            got += (size_t)n;
        } else {
            stdin_next = 0;
            stdin_end = (size_t)n;
        }
    }
    return got / size;
}

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
