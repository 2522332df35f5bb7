/*
 * WASI preview 1 over the platform's system interface. See wasi_core.h.
 *
 * The guest sees stdin, stdout and stderr and nothing else: no preopened
 * directories, so path_* calls answer NOTCAPABLE, and wasi-libc or Go never
 * reach a file system that a zkVM would not have.
 */
#include "wasi_core.h"

#include <string.h>

#include "wasrisc_platform.h"

enum {
    ERRNO_AGAIN = 6,
    ERRNO_BADF = 8,
    ERRNO_FAULT = 21,
    ERRNO_INVAL = 28,
    ERRNO_IO = 29,
    ERRNO_NOSYS = 52,
    ERRNO_SPIPE = 70,
    ERRNO_NOTCAPABLE = 76,
};

enum { CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME = 2, CLOCK_THREAD_CPUTIME = 3 };
enum { FILETYPE_CHARACTER_DEVICE = 2 };
enum { EVENTTYPE_CLOCK = 0, EVENTTYPE_FD_READ = 1, EVENTTYPE_FD_WRITE = 2 };
enum { SUBCLOCKFLAG_ABSTIME = 1 };

#define RIGHT_FD_READ (1ull << 1)
#define RIGHT_FD_FDSTAT_SET_FLAGS (1ull << 3)
#define RIGHT_FD_WRITE (1ull << 6)
#define RIGHT_POLL_FD_READWRITE (1ull << 27)

/* 2026-01-01T00:00:00Z: a fixed wall-clock start keeps runs identical. */
#define VIRTUAL_EPOCH_NS 1767225600000000000ull
#define VIRTUAL_TICK_NS 1000ull

static uint64_t virtual_elapsed_ns;

/* Returns a host pointer for [offset, offset+len) or NULL when out of bounds. */
static uint8_t *at(wasi_mem_t m, uint32_t offset, uint64_t len)
{
    if ((uint64_t)offset + len > m.size) {
        return NULL;
    }
    return m.base + offset;
}

static uint32_t load_u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static uint64_t load_u64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static void store_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, sizeof v); }
static void store_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, sizeof v); }
static void store_u16(uint8_t *p, uint16_t v) { memcpy(p, &v, sizeof v); }

static int is_stdio(uint32_t fd) { return fd <= 2; }

/* --- arguments and environment ------------------------------------------ */

static uint32_t count_strings(char **list, uint32_t *bytes)
{
    uint32_t n = 0;
    uint32_t total = 0;
    for (; list != NULL && list[n] != NULL; n++) {
        total += (uint32_t)strlen(list[n]) + 1;
    }
    *bytes = total;
    return n;
}

static uint32_t sizes_get(wasi_mem_t m, char **list, uint32_t count_out, uint32_t size_out)
{
    uint8_t *count_p = at(m, count_out, 4);
    uint8_t *size_p = at(m, size_out, 4);
    if (count_p == NULL || size_p == NULL) {
        return ERRNO_FAULT;
    }
    uint32_t bytes;
    store_u32(count_p, count_strings(list, &bytes));
    store_u32(size_p, bytes);
    return WASI_ERRNO_SUCCESS;
}

static uint32_t strings_get(wasi_mem_t m, char **list, uint32_t pointers, uint32_t buffer)
{
    uint32_t bytes;
    uint32_t n = count_strings(list, &bytes);
    uint8_t *ptrs = at(m, pointers, (uint64_t)n * 4);
    uint8_t *buf = at(m, buffer, bytes);
    if (ptrs == NULL || buf == NULL) {
        return ERRNO_FAULT;
    }
    uint32_t offset = 0;
    for (uint32_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]) + 1;
        memcpy(buf + offset, list[i], len);
        store_u32(ptrs + 4 * i, buffer + offset);
        offset += (uint32_t)len;
    }
    return WASI_ERRNO_SUCCESS;
}

uint32_t wasi_args_sizes_get(wasi_mem_t m, uint32_t argc_out, uint32_t argv_buf_size_out)
{
    return sizes_get(m, wasrisc_argv, argc_out, argv_buf_size_out);
}

uint32_t wasi_args_get(wasi_mem_t m, uint32_t argv, uint32_t argv_buf)
{
    return strings_get(m, wasrisc_argv, argv, argv_buf);
}

uint32_t wasi_environ_sizes_get(wasi_mem_t m, uint32_t count_out, uint32_t size_out)
{
    return sizes_get(m, wasrisc_envp, count_out, size_out);
}

uint32_t wasi_environ_get(wasi_mem_t m, uint32_t environ, uint32_t environ_buf)
{
    return strings_get(m, wasrisc_envp, environ, environ_buf);
}

/* --- clocks ------------------------------------------------------------- */

static uint64_t clock_now(uint32_t id)
{
    virtual_elapsed_ns += VIRTUAL_TICK_NS;
    return id == CLOCK_REALTIME ? VIRTUAL_EPOCH_NS + virtual_elapsed_ns : virtual_elapsed_ns;
}

static int clock_known(uint32_t id) { return id <= CLOCK_THREAD_CPUTIME; }

uint32_t wasi_clock_res_get(wasi_mem_t m, uint32_t id, uint32_t res_out)
{
    uint8_t *p = at(m, res_out, 8);
    if (!clock_known(id)) {
        return ERRNO_INVAL;
    }
    if (p == NULL) {
        return ERRNO_FAULT;
    }
    store_u64(p, VIRTUAL_TICK_NS);
    return WASI_ERRNO_SUCCESS;
}

uint32_t wasi_clock_time_get(wasi_mem_t m, uint32_t id, uint64_t precision, uint32_t time_out)
{
    (void)precision;
    uint8_t *p = at(m, time_out, 8);
    if (!clock_known(id)) {
        return ERRNO_INVAL;
    }
    if (p == NULL) {
        return ERRNO_FAULT;
    }
    store_u64(p, clock_now(id));
    return WASI_ERRNO_SUCCESS;
}

/*
 * One guest thread and virtual time: a poll that waits on clocks completes by
 * moving time to the earliest deadline; stdio is always ready.
 */
uint32_t wasi_poll_oneoff(wasi_mem_t m, uint32_t in, uint32_t out, uint32_t nsubscriptions,
                          uint32_t nevents_out)
{
    enum { SUBSCRIPTION_SIZE = 48, EVENT_SIZE = 32 };
    uint8_t *subs = at(m, in, (uint64_t)nsubscriptions * SUBSCRIPTION_SIZE);
    uint8_t *events = at(m, out, (uint64_t)nsubscriptions * EVENT_SIZE);
    uint8_t *nevents_p = at(m, nevents_out, 4);
    if (nsubscriptions == 0) {
        return ERRNO_INVAL;
    }
    if (subs == NULL || events == NULL || nevents_p == NULL) {
        return ERRNO_FAULT;
    }

    int any_fd = 0;
    uint64_t earliest = UINT64_MAX;
    for (uint32_t i = 0; i < nsubscriptions; i++) {
        const uint8_t *s = subs + i * SUBSCRIPTION_SIZE;
        if (s[8] == EVENTTYPE_CLOCK) {
            uint64_t timeout = load_u64(s + 24);
            uint16_t flags = (uint16_t)(s[40] | (s[41] << 8));
            uint64_t base = load_u32(s + 16) == CLOCK_REALTIME ? VIRTUAL_EPOCH_NS : 0;
            uint64_t deadline = (flags & SUBCLOCKFLAG_ABSTIME) ? timeout - base
                                                               : virtual_elapsed_ns + timeout;
            if (deadline < earliest) {
                earliest = deadline;
            }
        } else {
            any_fd = 1;
        }
    }
    if (!any_fd && earliest != UINT64_MAX && earliest > virtual_elapsed_ns) {
        virtual_elapsed_ns = earliest;
    }

    uint32_t n = 0;
    for (uint32_t i = 0; i < nsubscriptions; i++) {
        const uint8_t *s = subs + i * SUBSCRIPTION_SIZE;
        uint8_t type = s[8];
        uint16_t error = 0;
        if (type == EVENTTYPE_CLOCK) {
            if (any_fd) {
                continue;
            }
            uint64_t timeout = load_u64(s + 24);
            uint16_t flags = (uint16_t)(s[40] | (s[41] << 8));
            uint64_t base = load_u32(s + 16) == CLOCK_REALTIME ? VIRTUAL_EPOCH_NS : 0;
            uint64_t deadline = (flags & SUBCLOCKFLAG_ABSTIME) ? timeout - base : earliest;
            if (deadline > virtual_elapsed_ns) {
                continue;
            }
        } else if (type == EVENTTYPE_FD_READ || type == EVENTTYPE_FD_WRITE) {
            error = is_stdio(load_u32(s + 16)) ? 0 : ERRNO_BADF;
        } else {
            error = ERRNO_INVAL;
        }
        uint8_t *e = events + n * EVENT_SIZE;
        memset(e, 0, EVENT_SIZE);
        memcpy(e, s, 8); /* userdata */
        store_u16(e + 8, error);
        e[10] = type;
        n++;
    }
    store_u32(nevents_p, n);
    return WASI_ERRNO_SUCCESS;
}

/* --- file descriptors: stdin, stdout, stderr ------------------------------ */

uint32_t wasi_fd_write(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                       uint32_t nwritten_out)
{
    uint8_t *vec = at(m, iovs, (uint64_t)iovs_len * 8);
    uint8_t *nwritten_p = at(m, nwritten_out, 4);
    if (fd != 1 && fd != 2) {
        return ERRNO_BADF;
    }
    if (vec == NULL || nwritten_p == NULL) {
        return ERRNO_FAULT;
    }
    uint32_t total = 0;
    for (uint32_t i = 0; i < iovs_len; i++) {
        uint32_t len = load_u32(vec + 8 * i + 4);
        uint8_t *buf = at(m, load_u32(vec + 8 * i), len);
        if (buf == NULL) {
            return ERRNO_FAULT;
        }
        uint32_t done = 0;
        while (done < len) {
            long n = wasrisc_write((int)fd, buf + done, len - done);
            if (n <= 0) {
                return ERRNO_IO;
            }
            done += (uint32_t)n;
        }
        total += len;
    }
    store_u32(nwritten_p, total);
    return WASI_ERRNO_SUCCESS;
}

uint32_t wasi_fd_read(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                      uint32_t nread_out)
{
    uint8_t *vec = at(m, iovs, (uint64_t)iovs_len * 8);
    uint8_t *nread_p = at(m, nread_out, 4);
    if (fd != 0) {
        return ERRNO_BADF;
    }
    if (vec == NULL || nread_p == NULL) {
        return ERRNO_FAULT;
    }
    uint32_t total = 0;
    for (uint32_t i = 0; i < iovs_len; i++) {
        uint32_t len = load_u32(vec + 8 * i + 4);
        uint8_t *buf = at(m, load_u32(vec + 8 * i), len);
        if (buf == NULL) {
            return ERRNO_FAULT;
        }
        long n = wasrisc_read(0, buf, len);
        if (n < 0) {
            return ERRNO_IO;
        }
        total += (uint32_t)n;
        if ((uint32_t)n < len) {
            break;
        }
    }
    store_u32(nread_p, total);
    return WASI_ERRNO_SUCCESS;
}

uint32_t wasi_fd_fdstat_get(wasi_mem_t m, uint32_t fd, uint32_t stat_out)
{
    uint8_t *p = at(m, stat_out, 24);
    if (!is_stdio(fd)) {
        return ERRNO_BADF;
    }
    if (p == NULL) {
        return ERRNO_FAULT;
    }
    memset(p, 0, 24);
    p[0] = FILETYPE_CHARACTER_DEVICE;
    uint64_t rights = (fd == 0 ? RIGHT_FD_READ : RIGHT_FD_WRITE) | RIGHT_FD_FDSTAT_SET_FLAGS |
                      RIGHT_POLL_FD_READWRITE;
    store_u64(p + 8, rights);
    return WASI_ERRNO_SUCCESS;
}

uint32_t wasi_fd_fdstat_set_flags(wasi_mem_t m, uint32_t fd, uint32_t flags)
{
    (void)m;
    (void)flags;
    return is_stdio(fd) ? WASI_ERRNO_SUCCESS : ERRNO_BADF;
}

uint32_t wasi_fd_close(wasi_mem_t m, uint32_t fd)
{
    (void)m;
    return is_stdio(fd) ? WASI_ERRNO_SUCCESS : ERRNO_BADF;
}

uint32_t wasi_fd_seek(wasi_mem_t m, uint32_t fd, uint64_t offset, uint32_t whence,
                      uint32_t newoffset_out)
{
    (void)m;
    (void)offset;
    (void)whence;
    (void)newoffset_out;
    return is_stdio(fd) ? ERRNO_SPIPE : ERRNO_BADF;
}

uint32_t wasi_fd_tell(wasi_mem_t m, uint32_t fd, uint32_t offset_out)
{
    (void)m;
    (void)offset_out;
    return is_stdio(fd) ? ERRNO_SPIPE : ERRNO_BADF;
}

uint32_t wasi_fd_sync(wasi_mem_t m, uint32_t fd)
{
    (void)m;
    return is_stdio(fd) ? WASI_ERRNO_SUCCESS : ERRNO_BADF;
}

uint32_t wasi_fd_datasync(wasi_mem_t m, uint32_t fd) { return wasi_fd_sync(m, fd); }

/* No preopened directories: wasi-libc stops asking after the first BADF. */
uint32_t wasi_fd_prestat_get(wasi_mem_t m, uint32_t fd, uint32_t buf)
{
    (void)m;
    (void)fd;
    (void)buf;
    return ERRNO_BADF;
}

uint32_t wasi_fd_prestat_dir_name(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len)
{
    (void)m;
    (void)fd;
    (void)path;
    (void)path_len;
    return ERRNO_BADF;
}

/* --- process ------------------------------------------------------------ */

void wasi_proc_exit(wasi_mem_t m, uint32_t code)
{
    (void)m;
    wasrisc_exit((int)code);
}

uint32_t wasi_proc_raise(wasi_mem_t m, uint32_t sig)
{
    (void)m;
    (void)sig;
    return ERRNO_NOSYS;
}

uint32_t wasi_sched_yield(wasi_mem_t m)
{
    (void)m;
    return WASI_ERRNO_SUCCESS;
}

/* splitmix64 with a fixed seed: reproducible "randomness" for reproducible counts. */
static uint64_t random_state = 0x5741535249534300ull; /* "WASRISC\0" */

uint32_t wasi_random_get(wasi_mem_t m, uint32_t buf, uint32_t buf_len)
{
    uint8_t *p = at(m, buf, buf_len);
    if (p == NULL) {
        return ERRNO_FAULT;
    }
    for (uint32_t i = 0; i < buf_len; i += 8) {
        uint64_t z = (random_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        uint32_t n = buf_len - i < 8 ? buf_len - i : 8;
        memcpy(p + i, &z, n);
    }
    return WASI_ERRNO_SUCCESS;
}

/* --- what a zkVM guest has no use for ------------------------------------- */
/* Answers that a caller can handle: BADF for descriptors that do not exist,
 * NOTCAPABLE for paths (no directory was preopened), NOSYS for sockets. */

uint32_t wasi_fd_advise(wasi_mem_t m, uint32_t fd, uint64_t offset, uint64_t len, uint32_t advice)
{
    (void)m, (void)offset, (void)len, (void)advice;
    return is_stdio(fd) ? ERRNO_SPIPE : ERRNO_BADF;
}

uint32_t wasi_fd_allocate(wasi_mem_t m, uint32_t fd, uint64_t offset, uint64_t len)
{
    (void)m, (void)offset, (void)len;
    return is_stdio(fd) ? ERRNO_SPIPE : ERRNO_BADF;
}

uint32_t wasi_fd_fdstat_set_rights(wasi_mem_t m, uint32_t fd, uint64_t base, uint64_t inheriting)
{
    (void)m, (void)base, (void)inheriting;
    return is_stdio(fd) ? ERRNO_NOTCAPABLE : ERRNO_BADF;
}

uint32_t wasi_fd_filestat_get(wasi_mem_t m, uint32_t fd, uint32_t buf)
{
    uint8_t *p = at(m, buf, 64);
    if (!is_stdio(fd)) {
        return ERRNO_BADF;
    }
    if (p == NULL) {
        return ERRNO_FAULT;
    }
    memset(p, 0, 64);
    p[16] = FILETYPE_CHARACTER_DEVICE; /* filestat.filetype */
    return WASI_ERRNO_SUCCESS;
}

uint32_t wasi_fd_filestat_set_size(wasi_mem_t m, uint32_t fd, uint64_t size)
{
    (void)m, (void)size;
    return is_stdio(fd) ? ERRNO_INVAL : ERRNO_BADF;
}

uint32_t wasi_fd_filestat_set_times(wasi_mem_t m, uint32_t fd, uint64_t atim, uint64_t mtim,
                                    uint32_t flags)
{
    (void)m, (void)atim, (void)mtim, (void)flags;
    return is_stdio(fd) ? ERRNO_NOTCAPABLE : ERRNO_BADF;
}

uint32_t wasi_fd_pread(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint64_t offset,
                       uint32_t nread_out)
{
    (void)m, (void)iovs, (void)iovs_len, (void)offset, (void)nread_out;
    return is_stdio(fd) ? ERRNO_SPIPE : ERRNO_BADF;
}

uint32_t wasi_fd_pwrite(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                        uint64_t offset, uint32_t nwritten_out)
{
    (void)m, (void)iovs, (void)iovs_len, (void)offset, (void)nwritten_out;
    return is_stdio(fd) ? ERRNO_SPIPE : ERRNO_BADF;
}

uint32_t wasi_fd_readdir(wasi_mem_t m, uint32_t fd, uint32_t buf, uint32_t buf_len, uint64_t cookie,
                         uint32_t bufused_out)
{
    (void)m, (void)buf, (void)buf_len, (void)cookie, (void)bufused_out;
    return is_stdio(fd) ? ERRNO_NOTCAPABLE : ERRNO_BADF;
}

uint32_t wasi_fd_renumber(wasi_mem_t m, uint32_t fd, uint32_t to)
{
    (void)m, (void)to;
    return is_stdio(fd) ? ERRNO_NOTCAPABLE : ERRNO_BADF;
}

uint32_t wasi_path_create_directory(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len)
{
    (void)m, (void)fd, (void)path, (void)path_len;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_filestat_get(wasi_mem_t m, uint32_t fd, uint32_t flags, uint32_t path,
                                uint32_t path_len, uint32_t buf)
{
    (void)m, (void)fd, (void)flags, (void)path, (void)path_len, (void)buf;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_filestat_set_times(wasi_mem_t m, uint32_t fd, uint32_t flags, uint32_t path,
                                      uint32_t path_len, uint64_t atim, uint64_t mtim,
                                      uint32_t fst_flags)
{
    (void)m, (void)fd, (void)flags, (void)path, (void)path_len, (void)atim, (void)mtim,
        (void)fst_flags;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_link(wasi_mem_t m, uint32_t old_fd, uint32_t old_flags, uint32_t old_path,
                        uint32_t old_path_len, uint32_t new_fd, uint32_t new_path,
                        uint32_t new_path_len)
{
    (void)m, (void)old_fd, (void)old_flags, (void)old_path, (void)old_path_len, (void)new_fd,
        (void)new_path, (void)new_path_len;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_open(wasi_mem_t m, uint32_t fd, uint32_t dirflags, uint32_t path,
                        uint32_t path_len, uint32_t oflags, uint64_t rights_base,
                        uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_out)
{
    (void)m, (void)fd, (void)dirflags, (void)path, (void)path_len, (void)oflags,
        (void)rights_base, (void)rights_inheriting, (void)fdflags, (void)fd_out;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_readlink(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len,
                            uint32_t buf, uint32_t buf_len, uint32_t bufused_out)
{
    (void)m, (void)fd, (void)path, (void)path_len, (void)buf, (void)buf_len, (void)bufused_out;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_remove_directory(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len)
{
    (void)m, (void)fd, (void)path, (void)path_len;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_rename(wasi_mem_t m, uint32_t fd, uint32_t old_path, uint32_t old_path_len,
                          uint32_t new_fd, uint32_t new_path, uint32_t new_path_len)
{
    (void)m, (void)fd, (void)old_path, (void)old_path_len, (void)new_fd, (void)new_path,
        (void)new_path_len;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_symlink(wasi_mem_t m, uint32_t old_path, uint32_t old_path_len, uint32_t fd,
                           uint32_t new_path, uint32_t new_path_len)
{
    (void)m, (void)old_path, (void)old_path_len, (void)fd, (void)new_path, (void)new_path_len;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_path_unlink_file(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len)
{
    (void)m, (void)fd, (void)path, (void)path_len;
    return ERRNO_NOTCAPABLE;
}

uint32_t wasi_sock_accept(wasi_mem_t m, uint32_t fd, uint32_t flags, uint32_t fd_out)
{
    (void)m, (void)fd, (void)flags, (void)fd_out;
    return ERRNO_NOSYS;
}

uint32_t wasi_sock_recv(wasi_mem_t m, uint32_t fd, uint32_t ri_data, uint32_t ri_data_len,
                        uint32_t ri_flags, uint32_t ro_datalen_out, uint32_t ro_flags_out)
{
    (void)m, (void)fd, (void)ri_data, (void)ri_data_len, (void)ri_flags, (void)ro_datalen_out,
        (void)ro_flags_out;
    return ERRNO_NOSYS;
}

uint32_t wasi_sock_send(wasi_mem_t m, uint32_t fd, uint32_t si_data, uint32_t si_data_len,
                        uint32_t si_flags, uint32_t so_datalen_out)
{
    (void)m, (void)fd, (void)si_data, (void)si_data_len, (void)si_flags, (void)so_datalen_out;
    return ERRNO_NOSYS;
}

uint32_t wasi_sock_shutdown(wasi_mem_t m, uint32_t fd, uint32_t how)
{
    (void)m, (void)fd, (void)how;
    return ERRNO_NOSYS;
}
