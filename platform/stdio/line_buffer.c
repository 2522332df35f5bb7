/*
 * stdout and stderr for picolibc over the target's wasrisc_write, line buffered; included by each
 * target's syscalls.c (one translation unit, so the target's wasrisc_exit can flush the buffers).
 *
 * picolibc's tinystdio calls put() once per character; a system call per
 * character would dominate the instruction count of any guest that prints, so
 * stdout and stderr are line buffered here.
 */
struct line_buffer {
    int fd;
    size_t used;
    char data[1024];
};

static struct line_buffer out_buffer = {1, 0, {0}};
static struct line_buffer err_buffer = {2, 0, {0}};

static void flush_buffer(struct line_buffer *b)
{
    size_t done = 0;
    while (done < b->used) {
        long n = wasrisc_write(b->fd, b->data + done, b->used - done);
        if (n <= 0) {
            break;
        }
        done += (size_t)n;
    }
    b->used = 0;
}

static int put_buffered(struct line_buffer *b, char c)
{
    b->data[b->used++] = c;
    if (c == '\n' || b->used == sizeof b->data) {
        flush_buffer(b);
    }
    return (unsigned char)c;
}

static int put_stdout(char c, FILE *f)
{
    (void)f;
    return put_buffered(&out_buffer, c);
}

static int put_stderr(char c, FILE *f)
{
    (void)f;
    return put_buffered(&err_buffer, c);
}

static int flush_stdout(FILE *f)
{
    (void)f;
    flush_buffer(&out_buffer);
    return 0;
}

static int flush_stderr(FILE *f)
{
    (void)f;
    flush_buffer(&err_buffer);
    return 0;
}

static FILE stdout_file = FDEV_SETUP_STREAM(put_stdout, NULL, flush_stdout, _FDEV_SETUP_WRITE);
static FILE stderr_file = FDEV_SETUP_STREAM(put_stderr, NULL, flush_stderr, _FDEV_SETUP_WRITE);

FILE *const stdout = &stdout_file;
FILE *const stderr = &stderr_file;
