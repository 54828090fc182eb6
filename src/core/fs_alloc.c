#include "fs_alloc.h"

#include <stdlib.h>
#include <string.h>

#ifdef FS_ALLOC_FAILURES
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include <stdio.h>

static atomic_long countdown = -1;
static atomic_long made;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* FS_ALLOC_REPORT=1 prints how many allocations a run made, so a test
 * knows how far to count. */
static void report(void)
{
    fprintf(stderr, "allocations: %ld\n", atomic_load(&made));
}

static void read_countdown(void)
{
    const char *text = getenv("FS_FAIL_ALLOC");
    atomic_store(&countdown, text ? atol(text) : -1);
    if (getenv("FS_ALLOC_REPORT"))
        atexit(report);
}

/* True for the FS_FAIL_ALLOC-th allocation (counting from 1), once. */
static bool fail_now(void)
{
    pthread_once(&once, read_countdown);
    atomic_fetch_add(&made, 1);
    return atomic_fetch_sub(&countdown, 1) == 1;
}
#else
static int fail_now(void)
{
    return 0;
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
