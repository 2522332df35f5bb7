/*
 * The platform's system interface for ZisK's emulator: output through its UART (a byte stored at
 * 0xa0400200 is printed), input from its input region, exit through ecall a7=93. Any other ecall
 * is a no-op there and overwrites ra, so there is no trap vector and no other system call: a
 * machine trap ends the emulation with ziskemu's own report.
 *
 * Input is laid out as ziskemu --legacy-inputs FILE writes it: the length at 0x10000008, the bytes
 * from 0x10000010 (the layout ZisK's own WASI fd_read reads too).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wasrisc_platform.h"

int wasrisc_argc;
char **wasrisc_argv;
char **wasrisc_envp;

#define ZISK_UART ((volatile uint8_t *)0xa0400200u)
#define ZISK_INPUT_LENGTH ((const volatile uint64_t *)0x10000008u)
#define ZISK_INPUT_DATA ((const uint8_t *)0x10000010u)

static uint64_t input_cursor;

long wasrisc_write(int fd, const void *buf, size_t len)
{
    if (fd != 1 && fd != 2) {
        return -1;
    }
    const uint8_t *bytes = buf;
    for (size_t i = 0; i < len; i++) {
        *ZISK_UART = bytes[i];
    }
    return (long)len;
}

long wasrisc_read(int fd, void *buf, size_t len)
{
    if (fd != 0) {
        return -1;
    }
    uint64_t length = *ZISK_INPUT_LENGTH;
    uint64_t left = length > input_cursor ? length - input_cursor : 0;
    size_t n = len < left ? len : (size_t)left;
    memcpy(buf, ZISK_INPUT_DATA + input_cursor, n);
    input_cursor += n;
    return (long)n;
}

/* Each character straight to the UART: a store per byte, cheaper than buffering it first. */
static int put_stdout(char c, FILE *f)
{
    (void)f;
    *ZISK_UART = (uint8_t)c;
    return (unsigned char)c;
}

static FILE stdout_file = FDEV_SETUP_STREAM(put_stdout, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdout = &stdout_file;
FILE *const stderr = &stdout_file;

void wasrisc_exit(int code)
{
    for (;;) {
        register long a0 __asm__("a0") = code;
        register long a7 __asm__("a7") = 93;
        __asm__ volatile("ecall" : : "r"(a0), "r"(a7) : "ra", "memory");
    }
}

#include "../rv64im/abort.c"

void _exit(int code)
{
    wasrisc_exit(code);
}

/*
 * WAMR (the wamr_xip cells) warns when its loader's memory lies above 2 GiB, where 32-bit absolute
 * relocations would not reach it; all of ZisK's RAM does. A relocation that does not fit still fails
 * the load with an error. The warning alone would only add a line to the guest's output, which on
 * ZisK's one console is stdout, so WAMR logs errors only here. Weak: other pipelines have no WAMR.
 */
void bh_log_set_verbose_level(uint32_t level) __attribute__((weak));

__attribute__((constructor)) static void wamr_logs_errors_only(void)
{
    if (bh_log_set_verbose_level) {
        bh_log_set_verbose_level(1); /* BH_LOG_LEVEL_ERROR */
    }
}
