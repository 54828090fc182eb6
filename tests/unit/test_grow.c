/* The one grow helper (core/fs_grow.h): arrays in an arena and on the heap
 * keep their items as they grow, double their room, and refuse a size that
 * overflows without losing what they hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "core/fs_grow.h"

static void an_arena_array_keeps_its_items_as_it_grows(void **state)
{
    (void)state;
    fs_arena *arena = fs_arena_create();
    int *items = NULL;
    size_t count = 0, capacity = 0;
    for (int i = 0; i < 1000; i++) {
        int *grown = fs_arena_reserve(arena, items, count, count + 1, &capacity, sizeof *grown);
        assert_non_null(grown);
        assert_true(capacity > count);
        items = grown;
        items[count++] = i;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(items[i], i);
    /* Doubling from 16: 16, 32, ..., 1024. */
    assert_int_equal(capacity, 1024);
    fs_arena_free(arena);
}

static void room_left_is_used_before_growing(void **state)
{
    (void)state;
    fs_arena *arena = fs_arena_create();
    size_t capacity = 0;
    char *items = fs_arena_reserve(arena, NULL, 0, 1, &capacity, 1);
    assert_int_equal(capacity, 16);
    assert_ptr_equal(fs_arena_reserve(arena, items, 15, 16, &capacity, 1), items);
    assert_int_equal(capacity, 16);
    fs_arena_free(arena);
}

static void a_size_that_overflows_is_refused(void **state)
{
    (void)state;
    fs_arena *arena = fs_arena_create();
    size_t capacity = 0;
    char *items = fs_arena_reserve(arena, NULL, 0, 1, &capacity, 1);
    assert_non_null(items);
    /* 16 items of SIZE_MAX / 8 bytes are more than memory can count. */
    size_t huge = capacity;
    assert_null(fs_arena_reserve(arena, items, huge, huge + 1, &huge, SIZE_MAX / 8));
    assert_int_equal(huge, 16);
    size_t heap_capacity = 1;
    void *heap = malloc(1);
    assert_null(fs_heap_reserve(heap, SIZE_MAX / 2, &heap_capacity, 4));
    assert_int_equal(heap_capacity, 1); /* heap is still the caller's */
    free(heap);
    fs_arena_free(arena);
}

static void a_heap_array_grows_to_what_is_needed(void **state)
{
    (void)state;
    char *bytes = NULL;
    size_t capacity = 0;
    bytes = fs_heap_reserve(bytes, 5, &capacity, 1);
    assert_non_null(bytes);
    assert_int_equal(capacity, 16);
    bytes[4] = 'x';
    /* Far past twice the room: to what is needed. */
    char *grown = fs_heap_reserve(bytes, 1000, &capacity, 1);
    assert_non_null(grown);
    assert_int_equal(capacity, 1000);
    assert_int_equal(grown[4], 'x');
    free(grown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_arena_array_keeps_its_items_as_it_grows),
        cmocka_unit_test(room_left_is_used_before_growing),
        cmocka_unit_test(a_size_that_overflows_is_refused),
        cmocka_unit_test(a_heap_array_grows_to_what_is_needed),
    };
    return cmocka_run_group_tests_name("grow", tests, NULL, NULL);
}
