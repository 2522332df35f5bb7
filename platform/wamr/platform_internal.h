/*
 * WAMR's platform header for the bare-metal rv64im target (WAMR's
 * core/shared/platform/include/platform_common.h includes it as
 * "platform_internal.h"). The target is single-threaded, has no file system
 * and no MMU to speak of: threads, mutexes and files are stubs, mmap is the
 * heap (plus the linker script's linear-memory region), see wamr_platform.c.
 *
 * This file and wamr_platform.c are the project's own port; WAMR itself is a
 * source tree the user points the project at (the wamr-root tool).
 */
#ifndef _PLATFORM_INTERNAL_H
#define _PLATFORM_INTERNAL_H

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BH_PLATFORM_WASRISC
#define BH_PLATFORM_WASRISC
#endif

#define BH_APPLET_PRESERVED_STACK_SIZE (2 * BH_KB)
#define BH_THREAD_DEFAULT_PRIORITY 0
#define BH_HAS_DLFCN 0

/* One thread, no scheduler: the lock types only have to exist. */
typedef int korp_tid;
typedef int korp_mutex;
typedef int korp_cond;
typedef int korp_thread;
typedef int korp_rwlock;
typedef int korp_sem;

#define OS_THREAD_MUTEX_INITIALIZER 0

/* Used by platform_api_extension.h's declarations only: no files here. */
typedef int os_file_handle;
typedef void *os_dir_stream;
typedef int os_raw_file_handle;
typedef int os_poll_file_handle;
typedef unsigned int os_nfds_t;
typedef int os_timespec;

static inline os_file_handle
os_get_invalid_handle(void)
{
    return -1;
}

static inline int
os_getpagesize(void)
{
    return 4096;
}

#endif
