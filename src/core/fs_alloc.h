/* The allocator of factsheet's own code: malloc and friends, with a test
 * build that fails the Nth allocation on purpose (make alloc-failures), so
 * every path that handles running out of memory is exercised: it must end
 * in a diagnostic and a non-zero exit, never a crash. In that build the
 * countdown is process-wide state, read once from FS_FAIL_ALLOC; a normal
 * build has no state and calls the C library directly. */
#ifndef FS_ALLOC_H
#define FS_ALLOC_H

#include <stddef.h>

void *fs_malloc(size_t size);
void *fs_calloc(size_t count, size_t size);
void *fs_realloc(void *memory, size_t size);
char *fs_strdup(const char *text);

#endif
