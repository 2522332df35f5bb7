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
 *   functions=PATH with callgraph=PATH: the profile mode. PATH lists the ELF's
 *                  functions as "START END" (hex, END 0 when the size is
 *                  unknown), sorted; function N is line N, 0 is "no symbol".
 *   callgraph=PATH follow calls and returns per guest thread and attribute
 *                  every executed block to its call stack; write the call tree
 *                  as "THREAD NODE PARENT FUNCTION SELF" lines to PATH at exit.
 *                  The nodes' SELF counts sum exactly to the total.
 *
 * Accelerators: platform/zkvm/qemu wraps each zkVM accelerator call in two marker system calls
 * (number ACCELERATOR_MARK, a0 = 1 entering and 0 leaving, a1 = the accelerator's address, a2 =
 * bytes in). The plugin adds "accelerator ADDRESS CALLS BYTES INSTRUCTIONS" lines to outfile: the
 * instructions of the blocks executed after the entering marker's block, up to and including the
 * leaving marker's. qemu-user answers the unknown system call with ENOSYS.
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
struct qemu_plugin_insn;
typedef struct qemu_info_t qemu_info_t;

enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };

typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_simple_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_syscall_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num,
                                              uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                                              uint64_t a6, uint64_t a7, uint64_t a8);
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
                                              void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
void qemu_plugin_register_vcpu_exit_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_syscall_cb_t cb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
void qemu_plugin_outs(const char *string);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

static uint64_t total_insns;
static unsigned int vcpus;
static char *outfile;
static int atomic_mode;
static char *callgraph_file;

static void on_tb_exec(unsigned int vcpu_index, void *n_insns)
{
    (void)vcpu_index;
    __atomic_add_fetch(&total_insns, (uint64_t)(uintptr_t)n_insns, __ATOMIC_RELAXED);
}

/* ---- Accelerator calls ---------------------------------------------------------------------- */

#define ACCELERATOR_MARK 0x7a6b /* platform/zkvm/qemu/zkvm_qemu.c */
#define MAX_ACCELERATORS 64
#define MAX_VCPUS 256

struct accelerator {
    uint64_t address, calls, bytes, insns;
};

static struct accelerator accelerators[MAX_ACCELERATORS];
static unsigned int n_accelerators;
static pthread_mutex_t accelerators_lock = PTHREAD_MUTEX_INITIALIZER;
/* Per vCPU: the count when the current accelerator call entered, and the bytes it was handed. */
static uint64_t entered_at[MAX_VCPUS], entered_bytes[MAX_VCPUS];

static void on_syscall(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num, uint64_t a1, uint64_t a2,
                       uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8)
{
    (void)id, (void)a4, (void)a5, (void)a6, (void)a7, (void)a8;
    if (num != ACCELERATOR_MARK || vcpu_index >= MAX_VCPUS) {
        return;
    }
    uint64_t now = __atomic_load_n(&total_insns, __ATOMIC_RELAXED);
    if (a1 == 1) {
        entered_at[vcpu_index] = now;
        entered_bytes[vcpu_index] = a3;
        return;
    }
    pthread_mutex_lock(&accelerators_lock);
    unsigned int i = 0;
    while (i < n_accelerators && accelerators[i].address != a2) {
        i++;
    }
    if (i == n_accelerators && n_accelerators < MAX_ACCELERATORS) {
        accelerators[n_accelerators++].address = a2;
    }
    if (i < n_accelerators) {
        accelerators[i].calls++;
        accelerators[i].bytes += entered_bytes[vcpu_index];
        accelerators[i].insns += now - entered_at[vcpu_index];
    }
    pthread_mutex_unlock(&accelerators_lock);
}

/* ---- Profile mode: the call tree ------------------------------------------------------------ */

/* How a block hands control on: what its last instruction is. Calls and returns
 * end translation blocks on RISC-V, so a block's last instruction is enough. */
enum exit_kind { EXIT_OTHER, EXIT_CALL, EXIT_RETURN, EXIT_JUMP };

/* One record per translation, never freed: blocks outlive any flush that might
 * still have one of them running. */
struct block {
    uint64_t vaddr;
    uint64_t n_insns;
    uint64_t next; /* the address after the last instruction: a call's return address */
    uint32_t function;
    uint8_t at_entry; /* the block starts its function: a jump here is a tail call */
    uint8_t exit;
};

struct function {
    uint64_t start;
    uint64_t end; /* 0 when the symbol has no size */
};
static struct function *functions;
static uint32_t n_functions;

#define NO_FUNCTION 0u
#define ROOT_FUNCTION UINT32_MAX

struct frame {
    uint32_t node;
    uint64_t return_address;
};

struct node {
    uint32_t parent;
    uint32_t function;
    uint64_t self; /* instructions executed in this function itself, in this stack */
};

/* Each guest thread (a vCPU in qemu-user) has its own tree and stack, so the
 * per-block callback takes no lock. Node 0 is the thread's root. */
struct thread {
    struct node *nodes;
    uint32_t n_nodes, node_capacity;
    uint32_t *children; /* open addressing on (parent, function): node + 1, 0 free */
    uint32_t children_capacity;
    struct frame *stack;
    uint32_t depth, stack_capacity;
    uint8_t last_exit;
    uint8_t restart;
    uint64_t last_next;
};

#define MAX_THREADS 4096
static struct thread *threads[MAX_THREADS];

static void *grow(void *array, uint32_t *capacity, size_t element)
{
    uint32_t wanted = *capacity ? 2 * *capacity : 1024;
    void *grown = realloc(array, (size_t)wanted * element);
    if (grown == NULL) {
        fprintf(stderr, "insn_count: out of memory for the call tree\n");
        abort();
    }
    *capacity = wanted;
    return grown;
}

static uint64_t child_hash(uint32_t parent, uint32_t function)
{
    uint64_t key = ((uint64_t)parent << 32) | function;
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
}

static void rehash(struct thread *t)
{
    uint32_t capacity = t->children_capacity ? 2 * t->children_capacity : 4096;
    uint32_t *table = calloc(capacity, sizeof *table);
    if (table == NULL) {
        fprintf(stderr, "insn_count: out of memory for the call tree\n");
        abort();
    }
    for (uint32_t node = 1; node < t->n_nodes; node++) {
        uint64_t slot = child_hash(t->nodes[node].parent, t->nodes[node].function) & (capacity - 1);
        while (table[slot] != 0) {
            slot = (slot + 1) & (capacity - 1);
        }
        table[slot] = node + 1;
    }
    free(t->children);
    t->children = table;
    t->children_capacity = capacity;
}

static uint32_t new_node(struct thread *t, uint32_t parent, uint32_t function)
{
    if (t->n_nodes == t->node_capacity) {
        t->nodes = grow(t->nodes, &t->node_capacity, sizeof *t->nodes);
    }
    uint32_t node = t->n_nodes++;
    t->nodes[node] = (struct node){.parent = parent, .function = function, .self = 0};
    return node;
}

static uint32_t child(struct thread *t, uint32_t parent, uint32_t function)
{
    if (2 * (uint64_t)t->n_nodes >= t->children_capacity) {
        rehash(t);
    }
    uint64_t slot = child_hash(parent, function) & (t->children_capacity - 1);
    for (;;) {
        uint32_t entry = t->children[slot];
        if (entry == 0) {
            uint32_t node = new_node(t, parent, function);
            t->children[slot] = node + 1;
            return node;
        }
        if (t->nodes[entry - 1].parent == parent && t->nodes[entry - 1].function == function) {
            return entry - 1;
        }
        slot = (slot + 1) & (t->children_capacity - 1);
    }
}

static void push(struct thread *t, uint32_t node, uint64_t return_address)
{
    if (t->depth == t->stack_capacity) {
        t->stack = grow(t->stack, &t->stack_capacity, sizeof *t->stack);
    }
    t->stack[t->depth].node = node;
    t->stack[t->depth].return_address = return_address;
    t->depth++;
}

static struct thread *thread_of(unsigned int vcpu_index)
{
    if (vcpu_index >= MAX_THREADS) {
        vcpu_index = MAX_THREADS - 1; /* shares a tree: still exact in total */
    }
    struct thread *t = threads[vcpu_index];
    if (t == NULL) {
        t = calloc(1, sizeof *t);
        if (t == NULL) {
            fprintf(stderr, "insn_count: out of memory for the call tree\n");
            abort();
        }
        new_node(t, UINT32_MAX, ROOT_FUNCTION);
        push(t, 0, 0);
        __atomic_store_n(&threads[vcpu_index], t, __ATOMIC_RELEASE);
    }
    return t;
}

/* The stack lost track (a jump into the middle of another function: a
 * goroutine switch, longjmp, a signal handler's return): continue in the
 * nearest frame of this function, or replace the innermost frame. */
static void resync(struct thread *t, const struct block *b)
{
    if (!b->at_entry) {
        for (uint32_t i = t->depth - 1; i >= 1; i--) {
            if (t->nodes[t->stack[i].node].function == b->function) {
                t->depth = i + 1;
                return;
            }
        }
    }
    if (t->depth == 1) {
        push(t, child(t, 0, b->function), 0);
    } else {
        struct frame *top = &t->stack[t->depth - 1];
        top->node = child(t, t->nodes[top->node].parent, b->function);
    }
}

static void on_callgraph_tb_exec(unsigned int vcpu_index, void *udata)
{
    const struct block *b = udata;
    struct thread *t = thread_of(vcpu_index);
    __atomic_add_fetch(&total_insns, b->n_insns, __ATOMIC_RELAXED);
    if (t->restart) {
        /* A new guest thread on a vCPU index an ended thread had: start from the root. */
        t->restart = 0;
        t->depth = 1;
        t->last_exit = EXIT_OTHER;
    }
    switch (t->last_exit) {
    case EXIT_CALL:
        push(t, child(t, t->stack[t->depth - 1].node, b->function), t->last_next);
        break;
    case EXIT_RETURN: {
        uint32_t i = t->depth - 1;
        while (i >= 1 && t->stack[i].return_address != b->vaddr) {
            i--;
        }
        if (i >= 1) {
            t->depth = i; /* pops every frame a longjmp or unwinder skipped, too */
        }
        if (i < 1 || t->nodes[t->stack[t->depth - 1].node].function != b->function) {
            resync(t, b);
        }
        break;
    }
    default:
        if (t->nodes[t->stack[t->depth - 1].node].function != b->function) {
            resync(t, b);
        }
    }
    t->nodes[t->stack[t->depth - 1].node].self += b->n_insns;
    t->last_exit = b->exit;
    t->last_next = b->next;
}

static uint32_t function_of(uint64_t vaddr, uint8_t *at_entry)
{
    uint32_t low = 0, high = n_functions; /* first start above vaddr */
    while (low < high) {
        uint32_t mid = low + (high - low) / 2;
        if (functions[mid].start <= vaddr) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    *at_entry = 0;
    if (low == 0 || (functions[low - 1].end != 0 && vaddr >= functions[low - 1].end)) {
        return NO_FUNCTION;
    }
    *at_entry = functions[low - 1].start == vaddr;
    return low; /* line low - 1 is function low */
}

/* RISC-V's calling convention names x1 (ra) and x5 (t0) link registers: a jump
 * that writes one is a call, a jump through one that writes x0 a return. */
static uint8_t exit_kind(const struct qemu_plugin_insn *insn)
{
    const uint8_t *bytes = qemu_plugin_insn_data(insn);
    size_t size = qemu_plugin_insn_size(insn);
    if (size == 2) {
        uint16_t c = (uint16_t)(bytes[0] | bytes[1] << 8);
        unsigned rs1 = (c >> 7) & 31, rs2 = (c >> 2) & 31;
        if ((c & 3) == 2 && rs2 == 0 && rs1 != 0 && (c >> 12) == 0x8) { /* c.jr */
            return rs1 == 1 || rs1 == 5 ? EXIT_RETURN : EXIT_JUMP;
        }
        if ((c & 3) == 2 && rs2 == 0 && rs1 != 0 && (c >> 12) == 0x9) { /* c.jalr */
            return EXIT_CALL;
        }
        if ((c & 3) == 1 && (c >> 13) == 5) { /* c.j */
            return EXIT_JUMP;
        }
        return EXIT_OTHER;
    }
    if (size != 4) {
        return EXIT_OTHER;
    }
    uint32_t i = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
    unsigned opcode = i & 0x7f, rd = (i >> 7) & 31, rs1 = (i >> 15) & 31;
    if (opcode == 0x6f) { /* jal */
        return rd == 0 ? EXIT_JUMP : EXIT_CALL;
    }
    if (opcode == 0x67) { /* jalr */
        if (rd != 0) {
            return EXIT_CALL;
        }
        return rs1 == 1 || rs1 == 5 ? EXIT_RETURN : EXIT_JUMP;
    }
    return EXIT_OTHER;
}

static void on_tb_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    if (callgraph_file != NULL) {
        struct block *b = calloc(1, sizeof *b);
        if (b == NULL) {
            fprintf(stderr, "insn_count: out of memory for the call tree\n");
            abort();
        }
        struct qemu_plugin_insn *last = qemu_plugin_tb_get_insn(tb, n - 1);
        b->vaddr = qemu_plugin_tb_vaddr(tb);
        b->n_insns = n;
        b->next = qemu_plugin_insn_vaddr(last) + qemu_plugin_insn_size(last);
        b->function = function_of(b->vaddr, &b->at_entry);
        b->exit = exit_kind(last);
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_callgraph_tb_exec, QEMU_PLUGIN_CB_NO_REGS, b);
    } else if (atomic_mode) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_tb_exec, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)n);
    } else {
        qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &total_insns, n);
    }
}

static int read_functions(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "insn_count: cannot read the function table %s\n", path);
        return -1;
    }
    uint32_t capacity = 0;
    uint64_t start, end;
    while (fscanf(f, "%" SCNx64 " %" SCNx64, &start, &end) == 2) {
        if (n_functions == capacity) {
            functions = grow(functions, &capacity, sizeof *functions);
        }
        functions[n_functions++] = (struct function){.start = start, .end = end};
    }
    fclose(f);
    return 0;
}

static void write_callgraph(void)
{
    FILE *f = fopen(callgraph_file, "w");
    if (f == NULL) {
        return;
    }
    for (unsigned int v = 0; v < MAX_THREADS; v++) {
        struct thread *t = __atomic_load_n(&threads[v], __ATOMIC_ACQUIRE);
        for (uint32_t node = 1; t != NULL && node < t->n_nodes; node++) {
            fprintf(f, "%u %" PRIu32 " %" PRIu32 " %" PRIu32 " %" PRIu64 "\n", v, node, t->nodes[node].parent,
                    t->nodes[node].function, t->nodes[node].self);
        }
    }
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

static void on_vcpu_exit(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    if (vcpu_index < MAX_THREADS && threads[vcpu_index] != NULL) {
        threads[vcpu_index]->restart = 1;
    }
}

static void on_plugin_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    char line[96];
    snprintf(line, sizeof line, "total insns: %" PRIu64 "\n", total_insns);
    qemu_plugin_outs(line);
    /* The call tree first: the runner takes the count file as the sign that both are complete. */
    if (callgraph_file != NULL) {
        write_callgraph();
    }
    if (outfile != NULL) {
        FILE *f = fopen(outfile, "w");
        if (f != NULL) {
            fprintf(f, "%" PRIu64 " %u\n", total_insns, vcpus);
            for (unsigned int i = 0; i < n_accelerators; i++) {
                fprintf(f, "accelerator %" PRIx64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", accelerators[i].address,
                        accelerators[i].calls, accelerators[i].bytes, accelerators[i].insns);
            }
            fclose(f);
        }
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
                                           char **argv)
{
    (void)info;
    char *functions_file = NULL;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "outfile=", 8) == 0) {
            outfile = strdup(argv[i] + 8);
        } else if (strncmp(argv[i], "callgraph=", 10) == 0) {
            callgraph_file = strdup(argv[i] + 10);
        } else if (strncmp(argv[i], "functions=", 10) == 0) {
            functions_file = strdup(argv[i] + 10);
        } else if (strcmp(argv[i], "mode=atomic") == 0) {
            atomic_mode = 1;
        } else if (strcmp(argv[i], "mode=inline") == 0) {
            atomic_mode = 0;
        } else {
            fprintf(stderr, "insn_count: unknown argument '%s' (expected outfile=PATH, mode=inline|atomic, "
                            "functions=PATH, callgraph=PATH)\n",
                    argv[i]);
            return -1;
        }
    }
    if (functions_file != NULL && read_functions(functions_file) != 0) {
        return -1;
    }
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(id, on_vcpu_exit);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_translate);
    qemu_plugin_register_vcpu_syscall_cb(id, on_syscall);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
