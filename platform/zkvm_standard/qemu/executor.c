/*
 * The qemu executor library of the zkVM standard target: read_input, write_output, abort and the
 * halt after main, over the Linux system calls qemu-user serves. Its ecalls are the executor's, as
 * a zkVM's own library would make its own; the guest's code makes none.
 *
 * Input: all of standard input, read at the first read_input into the linker script's input
 * buffer (__zkvm_input_start..__zkvm_input_end; size with -Wl,--defsym=__zkvm_input_size=BYTES),
 * then handed out in place on every call.
 */
#include <stddef.h>
#include <stdint.h>

#include "../../rv64im/linux_ecall.h"
#include "../zkvm_standard.h"

extern uint8_t __zkvm_input_start[];
extern uint8_t __zkvm_input_end[];

static size_t input_length;
static int input_read;

__attribute__((noreturn)) void zkvm_qemu_halt(int status)
{
    for (;;) {
        ecall3(SYS_exit_group, status, 0, 0);
    }
}

static void write_all(int fd, const uint8_t *bytes, size_t len)
{
    while (len > 0) {
        long n = ecall3(SYS_write, fd, (long)bytes, (long)len);
        if (n <= 0) {
            return;
        }
        bytes += n;
        len -= (size_t)n;
    }
}

static void fail(const char *message, size_t len)
{
    write_all(2, (const uint8_t *)message, len);
    zkvm_qemu_halt(134);
}

void read_input(const uint8_t **buf, size_t *len)
{
    if (!input_read) {
        size_t room = (size_t)(__zkvm_input_end - __zkvm_input_start);
        for (;;) {
            long n = ecall3(SYS_read, 0, (long)(__zkvm_input_start + input_length), (long)(room - input_length));
            if (n < 0) {
                static const char message[] = "zkvm qemu: reading standard input failed\n";
                fail(message, sizeof message - 1);
            }
            if (n == 0) {
                break;
            }
            input_length += (size_t)n;
            if (input_length == room) {
                uint8_t probe;
                if (ecall3(SYS_read, 0, (long)&probe, 1) != 0) {
                    static const char message[] = "zkvm qemu: the input is larger than the input buffer "
                                                  "(raise __zkvm_input_size)\n";
                    fail(message, sizeof message - 1);
                }
                break;
            }
        }
        input_read = 1;
    }
    *buf = __zkvm_input_start;
    *len = input_length;
}

void write_output(const uint8_t *out, size_t len)
{
    write_all(1, out, len);
}

void zkvm_debug_write(const uint8_t *buf, size_t len)
{
    write_all(2, buf, len);
}

/* The standard's failed termination: ended as a process killed by SIGABRT is reported (128 + 6). */
void abort(void)
{
    zkvm_qemu_halt(134);
}

/*
 * The trap vector (see ../../rv64im/syscalls.c): under qemu-user a machine trap arrives as a
 * signal, which would kill the emulator before the counting plugin reports. Caught here, it is
 * reported on the debug channel and ends the run with 128 + signal. Output the guest still buffers
 * is lost: the library cannot reach into the guest.
 */
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    unsigned long mask;
};

struct kernel_stack {
    void *sp;
    int flags;
    size_t size;
};

#define SA_ONSTACK 0x08000000ul
#define SA_NODEFER 0x40000000ul

static char trap_stack[16384] __attribute__((aligned(16)));

static void on_trap(int sig)
{
    static const char message[] = "trap: machine trap (signal)\n";
    write_all(2, (const uint8_t *)message, sizeof message - 1);
    zkvm_qemu_halt(128 + sig);
}

void zkvm_qemu_install_trap_vector(void)
{
    static const int signals[] = {4, 5, 7, 8, 11};
    struct kernel_stack stack = {trap_stack, 0, sizeof trap_stack};
    ecall3(SYS_sigaltstack, (long)&stack, 0, 0);
    struct kernel_sigaction action = {on_trap, SA_ONSTACK | SA_NODEFER, 0};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        register long a3 __asm__("a3") = sizeof action.mask;
        register long a0 __asm__("a0") = signals[i];
        register long a1 __asm__("a1") = (long)&action;
        register long a2 __asm__("a2") = 0;
        register long a7 __asm__("a7") = SYS_rt_sigaction;
        __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
    }
}
