/*
 * WASI preview 1, implemented once over the platform's system interface.
 * Transpiler adapters (generated at build time) translate their import naming
 * into calls of these functions, passing a view of the guest's linear memory.
 * Every pointer argument is an offset into that memory and is bounds-checked.
 *
 * Time and randomness are deterministic so that instruction counts repeat:
 * clocks are virtual (they advance by 1 µs per reading and jump forward when
 * the guest sleeps), and random_get is a fixed-seed generator.
 */
#ifndef WASRISC_WASI_CORE_H
#define WASRISC_WASI_CORE_H

#include <stdint.h>

typedef struct {
    uint8_t *base;
    uint64_t size;
} wasi_mem_t;

#define WASI_ERRNO_SUCCESS 0

uint32_t wasi_args_get(wasi_mem_t m, uint32_t argv, uint32_t argv_buf);
uint32_t wasi_args_sizes_get(wasi_mem_t m, uint32_t argc_out, uint32_t argv_buf_size_out);
uint32_t wasi_environ_get(wasi_mem_t m, uint32_t environ, uint32_t environ_buf);
uint32_t wasi_environ_sizes_get(wasi_mem_t m, uint32_t count_out, uint32_t size_out);
uint32_t wasi_clock_res_get(wasi_mem_t m, uint32_t id, uint32_t res_out);
uint32_t wasi_clock_time_get(wasi_mem_t m, uint32_t id, uint64_t precision, uint32_t time_out);
uint32_t wasi_fd_advise(wasi_mem_t m, uint32_t fd, uint64_t offset, uint64_t len, uint32_t advice);
uint32_t wasi_fd_allocate(wasi_mem_t m, uint32_t fd, uint64_t offset, uint64_t len);
uint32_t wasi_fd_close(wasi_mem_t m, uint32_t fd);
uint32_t wasi_fd_datasync(wasi_mem_t m, uint32_t fd);
uint32_t wasi_fd_fdstat_get(wasi_mem_t m, uint32_t fd, uint32_t stat_out);
uint32_t wasi_fd_fdstat_set_flags(wasi_mem_t m, uint32_t fd, uint32_t flags);
uint32_t wasi_fd_fdstat_set_rights(wasi_mem_t m, uint32_t fd, uint64_t base, uint64_t inheriting);
uint32_t wasi_fd_filestat_get(wasi_mem_t m, uint32_t fd, uint32_t buf);
uint32_t wasi_fd_filestat_set_size(wasi_mem_t m, uint32_t fd, uint64_t size);
uint32_t wasi_fd_filestat_set_times(wasi_mem_t m, uint32_t fd, uint64_t atim, uint64_t mtim,
                                    uint32_t flags);
uint32_t wasi_fd_pread(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint64_t offset,
                       uint32_t nread_out);
uint32_t wasi_fd_prestat_get(wasi_mem_t m, uint32_t fd, uint32_t buf);
uint32_t wasi_fd_prestat_dir_name(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len);
uint32_t wasi_fd_pwrite(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                        uint64_t offset, uint32_t nwritten_out);
uint32_t wasi_fd_read(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                      uint32_t nread_out);
uint32_t wasi_fd_readdir(wasi_mem_t m, uint32_t fd, uint32_t buf, uint32_t buf_len, uint64_t cookie,
                         uint32_t bufused_out);
uint32_t wasi_fd_renumber(wasi_mem_t m, uint32_t fd, uint32_t to);
uint32_t wasi_fd_seek(wasi_mem_t m, uint32_t fd, uint64_t offset, uint32_t whence,
                      uint32_t newoffset_out);
uint32_t wasi_fd_sync(wasi_mem_t m, uint32_t fd);
uint32_t wasi_fd_tell(wasi_mem_t m, uint32_t fd, uint32_t offset_out);
uint32_t wasi_fd_write(wasi_mem_t m, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                       uint32_t nwritten_out);
uint32_t wasi_path_create_directory(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len);
uint32_t wasi_path_filestat_get(wasi_mem_t m, uint32_t fd, uint32_t flags, uint32_t path,
                                uint32_t path_len, uint32_t buf);
uint32_t wasi_path_filestat_set_times(wasi_mem_t m, uint32_t fd, uint32_t flags, uint32_t path,
                                      uint32_t path_len, uint64_t atim, uint64_t mtim,
                                      uint32_t fst_flags);
uint32_t wasi_path_link(wasi_mem_t m, uint32_t old_fd, uint32_t old_flags, uint32_t old_path,
                        uint32_t old_path_len, uint32_t new_fd, uint32_t new_path,
                        uint32_t new_path_len);
uint32_t wasi_path_open(wasi_mem_t m, uint32_t fd, uint32_t dirflags, uint32_t path,
                        uint32_t path_len, uint32_t oflags, uint64_t rights_base,
                        uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_out);
uint32_t wasi_path_readlink(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len,
                            uint32_t buf, uint32_t buf_len, uint32_t bufused_out);
uint32_t wasi_path_remove_directory(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len);
uint32_t wasi_path_rename(wasi_mem_t m, uint32_t fd, uint32_t old_path, uint32_t old_path_len,
                          uint32_t new_fd, uint32_t new_path, uint32_t new_path_len);
uint32_t wasi_path_symlink(wasi_mem_t m, uint32_t old_path, uint32_t old_path_len, uint32_t fd,
                           uint32_t new_path, uint32_t new_path_len);
uint32_t wasi_path_unlink_file(wasi_mem_t m, uint32_t fd, uint32_t path, uint32_t path_len);
uint32_t wasi_poll_oneoff(wasi_mem_t m, uint32_t in, uint32_t out, uint32_t nsubscriptions,
                          uint32_t nevents_out);
__attribute__((noreturn)) void wasi_proc_exit(wasi_mem_t m, uint32_t code);
uint32_t wasi_proc_raise(wasi_mem_t m, uint32_t sig);
uint32_t wasi_sched_yield(wasi_mem_t m);
uint32_t wasi_random_get(wasi_mem_t m, uint32_t buf, uint32_t buf_len);
uint32_t wasi_sock_accept(wasi_mem_t m, uint32_t fd, uint32_t flags, uint32_t fd_out);
uint32_t wasi_sock_recv(wasi_mem_t m, uint32_t fd, uint32_t ri_data, uint32_t ri_data_len,
                        uint32_t ri_flags, uint32_t ro_datalen_out, uint32_t ro_flags_out);
uint32_t wasi_sock_send(wasi_mem_t m, uint32_t fd, uint32_t si_data, uint32_t si_data_len,
                        uint32_t si_flags, uint32_t so_datalen_out);
uint32_t wasi_sock_shutdown(wasi_mem_t m, uint32_t fd, uint32_t how);

#endif
