/* The allocator of factsheet's own code: malloc and friends. A normal build
 * has no state and calls the C library directly. The test build
 * (-DFS_ALLOC_FAILURES, made by make check for tests/alloc/sweep) can fail
 * one chosen allocation on purpose, as Lua's test allocator does, so every
 * path that handles running out of memory is exercised: it must end in a
 * diagnostic and a non-zero exit, never a crash. In that build the count is
 * process-wide, atomic state, set only through the two functions below. */
#ifndef FS_ALLOC_H
#define FS_ALLOC_H

#include <stddef.h>

void *fs_malloc(size_t size);
void *fs_calloc(size_t count, size_t size);
void *fs_realloc(void *memory, size_t size);
char *fs_strdup(const char *text);

#ifdef FS_ALLOC_FAILURES
/* From now on, n allocations succeed and the next one returns NULL, once;
 * n < 0 fails none. Restarts the count that fs_alloc_count reports. */
void fs_alloc_fail_after(long n);

/* The allocations made (failed or not) since the last fs_alloc_fail_after. */
long fs_alloc_count(void);
#endif

#endif
