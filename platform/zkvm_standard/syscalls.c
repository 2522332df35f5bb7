/*
 * The platform's system interface on the zkVM standard target: only the standard's calls, no
 * system calls. Standard input is the input read_input hands over (a cursor over it, nothing
 * copied until a read asks for bytes), standard output goes to write_output, standard error to the
 * executor library's debug channel (zkvm_debug_write, not part of the standard).
 *
 * The standard's _start calls main(void) and ends the run with its result. This file defines that
 * main: every other unit of a zkvm cell is compiled with -Dmain=__wasrisc_program_main, so the
 * program's own main (a C guest's, or a transpiler's glue) is called from here, after picolibc's
 * start-up (TLS and constructors). exit() anywhere comes back here and returns its status from main,
 * so a program that exits with a status ends as the standard says, by returning from main.
 */
#undef main
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wasrisc_platform.h"
#include "zkvm_standard.h"

/* No loader arguments on this target: a program sees one argument, its name, and no environment. */
static char program_name[] = "guest";
static char *arguments[] = {program_name, NULL};
static char *environment[] = {NULL};

int wasrisc_argc = 1;
char **wasrisc_argv = arguments;
char **wasrisc_envp = environment;

static const uint8_t *input;
static size_t input_length;
static size_t input_cursor;
static int input_taken;

long wasrisc_read(int fd, void *buf, size_t len)
{
    if (fd != 0) {
        return -1;
    }
    if (!input_taken) {
        read_input(&input, &input_length);
        input_taken = 1;
    }
    size_t left = input_length - input_cursor;
    size_t n = len < left ? len : left;
    memcpy(buf, input + input_cursor, n);
    input_cursor += n;
    return (long)n;
}

long wasrisc_write(int fd, const void *buf, size_t len)
{
    if (fd == 1) {
        write_output(buf, len);
    } else if (fd == 2) {
        zkvm_debug_write(buf, len);
    } else {
        return -1;
    }
    return (long)len;
}

#include "../stdio/line_buffer.c"

static jmp_buf exit_point;
static int exit_status;

void wasrisc_exit(int code)
{
    flush_buffer(&out_buffer);
    flush_buffer(&err_buffer);
    exit_status = code;
    longjmp(exit_point, 1);
}

/* abort() is the executor library's (the standard's failed termination); exit() lands here. */
void _exit(int code)
{
    wasrisc_exit(code);
}

extern char __tls_base[];
extern void __libc_init_array(void);
extern int __wasrisc_program_main(int argc, char **argv, char **envp);

int main(void)
{
    /* picolibc keeps errno in TLS (local-exec, tp-relative): the block the linker script lays out. */
    __asm__ volatile("mv tp, %0" : : "r"(__tls_base));
    if (setjmp(exit_point) == 0) {
        __libc_init_array();
        exit(__wasrisc_program_main(wasrisc_argc, wasrisc_argv, wasrisc_envp));
    }
    return exit_status;
}
