#include "fs_alloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#ifdef FS_ALLOC_FAILURES
#include <stdatomic.h>

/* Allocations left before the failing one; -1 when none is to fail. */
static atomic_long left = -1;
static atomic_long made;

void fs_alloc_fail_after(long n)
{
    atomic_store(&made, 0);
    atomic_store(&left, n < 0 ? -1 : n);
}

long fs_alloc_count(void)
{
    return atomic_load(&made);
}

/* True for the allocation fs_alloc_fail_after chose, once, on any thread. */
static bool fail_now(void)
{
    atomic_fetch_add(&made, 1);
    long n = atomic_load(&left);
    while (n >= 0 && !atomic_compare_exchange_weak(&left, &n, n - 1))
        ;
    return n == 0;
}
#else
static bool fail_now(void)
{
    return false;
}
#endif

void *fs_malloc(size_t size)
{
    return fail_now() ? NULL : malloc(size);
}

void *fs_calloc(size_t count, size_t size)
{
    return fail_now() ? NULL : calloc(count, size);
}

void *fs_realloc(void *memory, size_t size)
{
    return fail_now() ? NULL : realloc(memory, size);
}

char *fs_strdup(const char *text)
{
    return fail_now() ? NULL : strdup(text);
}
