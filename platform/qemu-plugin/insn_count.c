/*
 * Instruction-counting plugin for qemu-user (plugin API version 1, QEMU 7.2+).
 *
 * Counting is inline: each translation block gets one "add n_insns" op at its
 * start, so the cost is one memory add per executed block rather than a
 * callback per instruction. The total is exact for code that runs to the end of
 * its blocks, which is all code except the instruction that faults when a guest
 * traps.
 *
 * Arguments (qemu -plugin libinsn_count.so,outfile=PATH):
 *   outfile=PATH  write the decimal total to PATH at exit, so the runner never
 *                 has to parse guest output for it.
 *
 * Debian ships no qemu-plugin.h, so the few API declarations used are spelled
 * out here; they are stable across the version-1 API.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
typedef struct qemu_info_t qemu_info_t;

enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
enum qemu_plugin_mem_rw { QEMU_PLUGIN_MEM_R = 1, QEMU_PLUGIN_MEM_W, QEMU_PLUGIN_MEM_RW };

typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_simple_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index);

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
                                              void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
void qemu_plugin_outs(const char *string);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

static uint64_t total_insns;
static unsigned int vcpus;
static char *outfile;

static void on_tb_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &total_insns,
                                             qemu_plugin_tb_n_insns(tb));
}

static void on_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    (void)vcpu_index;
    /* Guest threads are host threads in qemu-user: inline adds from several
     * of them may race, so the runner must know the count is not exact. */
    __atomic_add_fetch(&vcpus, 1, __ATOMIC_SEQ_CST);
}

static void on_plugin_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    char line[96];
    snprintf(line, sizeof line, "total insns: %" PRIu64 "\n", total_insns);
    qemu_plugin_outs(line);
    if (outfile != NULL) {
        FILE *f = fopen(outfile, "w");
        if (f != NULL) {
            fprintf(f, "%" PRIu64 " %u\n", total_insns, vcpus);
            fclose(f);
        }
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
                                           char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "outfile=", 8) == 0) {
            outfile = strdup(argv[i] + 8);
        } else {
            fprintf(stderr, "insn_count: unknown argument '%s' (expected outfile=PATH)\n", argv[i]);
            return -1;
        }
    }
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_translate);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
