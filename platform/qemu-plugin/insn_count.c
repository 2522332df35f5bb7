/*
 * Instruction-counting plugin for qemu-user (plugin API version 1, QEMU 7.2+).
 *
 * Counting is per translation block, never per instruction: each executed
 * block adds its instruction count. The total is exact for code that runs to
 * the end of its blocks, which is all code except the instruction that faults
 * when a guest traps.
 *
 * Arguments (qemu -plugin libinsn_count.so,outfile=PATH[,mode=MODE]):
 *   outfile=PATH   write "TOTAL THREADS" to PATH at exit, so the runner never
 *                  has to parse guest output for it.
 *   mode=inline    (default) an add op inlined at each block's start: the
 *                  cheapest, exact for single-threaded guests (bare metal).
 *   mode=atomic    a callback per block doing an atomic add: guest threads are
 *                  host threads in qemu-user, and inline adds from threads
 *                  running in parallel would lose updates.
 *   profile=PATH   also count executions per translation block and write one
 *                  line "VADDR INSNS EXECUTIONS" (hex vaddr) per executed block
 *                  to PATH at exit; the runner attributes them to the ELF's
 *                  symbols. Block counts sum exactly to the total.
 *
 * Debian ships no qemu-plugin.h, so the few API declarations used are spelled
 * out here; they are stable across the version-1 API.
 */
#include <inttypes.h>
#include <pthread.h>
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
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
                                              void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
void qemu_plugin_outs(const char *string);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

static uint64_t total_insns;
static unsigned int vcpus;
static char *outfile;
static int atomic_mode;
static char *profile_file;

/* One record per translation, never freed: a block translated again (after a
 * flush) gets a second record with the same vaddr, and the runner sums them. */
struct block {
    uint64_t vaddr;
    uint64_t n_insns;
    uint64_t executions;
};
static struct block **blocks;
static size_t n_blocks, blocks_capacity;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_tb_exec(unsigned int vcpu_index, void *n_insns)
{
    (void)vcpu_index;
    __atomic_add_fetch(&total_insns, (uint64_t)(uintptr_t)n_insns, __ATOMIC_RELAXED);
}

static void on_profiled_tb_exec(unsigned int vcpu_index, void *udata)
{
    (void)vcpu_index;
    struct block *block = udata;
    __atomic_add_fetch(&total_insns, block->n_insns, __ATOMIC_RELAXED);
    __atomic_add_fetch(&block->executions, 1, __ATOMIC_RELAXED);
}

static struct block *new_block(struct qemu_plugin_tb *tb, size_t n)
{
    struct block *block = calloc(1, sizeof *block);
    if (block == NULL) {
        return NULL;
    }
    block->vaddr = qemu_plugin_tb_vaddr(tb);
    block->n_insns = n;
    pthread_mutex_lock(&blocks_lock);
    if (n_blocks == blocks_capacity) {
        size_t capacity = blocks_capacity ? 2 * blocks_capacity : 4096;
        struct block **grown = realloc(blocks, capacity * sizeof *grown);
        if (grown == NULL) {
            pthread_mutex_unlock(&blocks_lock);
            free(block);
            return NULL;
        }
        blocks = grown;
        blocks_capacity = capacity;
    }
    blocks[n_blocks++] = block;
    pthread_mutex_unlock(&blocks_lock);
    return block;
}

static void on_tb_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    struct block *block = profile_file != NULL ? new_block(tb, n) : NULL;
    if (profile_file != NULL && block == NULL) {
        /* Out of memory: the total must stay exact, so say the profile is not. */
        fprintf(stderr, "insn_count: out of memory, the profile misses blocks\n");
    }
    if (block != NULL && atomic_mode) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_profiled_tb_exec, QEMU_PLUGIN_CB_NO_REGS, block);
    } else if (atomic_mode) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_tb_exec, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)n);
    } else {
        qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &total_insns, n);
        if (block != NULL) {
            qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &block->executions, 1);
        }
    }
}

static void write_profile(void)
{
    FILE *f = fopen(profile_file, "w");
    if (f == NULL) {
        return;
    }
    pthread_mutex_lock(&blocks_lock);
    for (size_t i = 0; i < n_blocks; i++) {
        if (blocks[i]->executions != 0) {
            fprintf(f, "%" PRIx64 " %" PRIu64 " %" PRIu64 "\n", blocks[i]->vaddr, blocks[i]->n_insns,
                    blocks[i]->executions);
        }
    }
    pthread_mutex_unlock(&blocks_lock);
    fclose(f);
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
    /* The profile first: the runner takes the count file as the sign that both are complete. */
    if (profile_file != NULL) {
        write_profile();
    }
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
        } else if (strncmp(argv[i], "profile=", 8) == 0) {
            profile_file = strdup(argv[i] + 8);
        } else if (strcmp(argv[i], "mode=atomic") == 0) {
            atomic_mode = 1;
        } else if (strcmp(argv[i], "mode=inline") == 0) {
            atomic_mode = 0;
        } else {
            fprintf(stderr, "insn_count: unknown argument '%s' (expected outfile=PATH, mode=inline|atomic, profile=PATH)\n",
                    argv[i]);
            return -1;
        }
    }
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_translate);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
