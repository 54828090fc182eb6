/* The one hash map (core/fs_map.h): FNV-1a against its published test
 * vectors, lookups by string and by pointer, growth, and the map in an
 * arena and on the heap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/fs_map.h"

static void fnv_1a_matches_its_test_vectors(void **state)
{
    (void)state;
    assert_true(fs_hash_string("") == UINT64_C(0xcbf29ce484222325));
    assert_true(fs_hash_string("a") == UINT64_C(0xaf63dc4c8601ec8c));
    assert_true(fs_hash_string("foobar") == UINT64_C(0x85944171f73967e8));
    /* Fed in parts, the same as whole. */
    assert_true(fs_hash(fs_hash(FS_HASH_SEED, "foo", 3), "bar", 3) == fs_hash_string("foobar"));
}

static void strings_are_found_by_their_text(void **state)
{
    (void)state;
    fs_arena *arena = fs_arena_create();
    fs_map map = {.arena = arena};
    char names[1000][24];
    for (int i = 0; i < 1000; i++) {
        snprintf(names[i], sizeof names[i], "name %d", i);
        assert_true(fs_map_add(&map, fs_hash_string(names[i]), names[i]));
    }
    assert_int_equal(map.count, 1000);
    /* Found by an equal string at another address, never by a near one. */
    char key[24];
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "name %d", i);
        assert_ptr_equal(fs_map_find(&map, fs_hash_string(key), fs_map_same_string, key), names[i]);
    }
    assert_null(fs_map_find(&map, fs_hash_string("name 1000"), fs_map_same_string, "name 1000"));
    assert_null(fs_map_find(&map, fs_hash_string("name"), fs_map_same_string, "name"));
    fs_arena_free(arena);
}

typedef struct {
    const void *key;
    double value;
} pointer_item;

static bool same_pointer(const void *item, const void *key)
{
    return ((const pointer_item *)item)->key == key;
}

static void pointers_are_found_by_their_address(void **state)
{
    (void)state;
    fs_map map = {0}; /* on the heap */
    int things[300];
    pointer_item items[300];
    for (int i = 0; i < 300; i++) {
        items[i] = (pointer_item){&things[i], i * 0.5};
        assert_true(fs_map_add(&map, fs_hash_pointer(&things[i]), &items[i]));
    }
    for (int i = 0; i < 300; i++) {
        const pointer_item *found =
            fs_map_find(&map, fs_hash_pointer(&things[i]), same_pointer, &things[i]);
        assert_non_null(found);
        assert_float_equal(found->value, i * 0.5, 0);
    }
    int other;
    assert_null(fs_map_find(&map, fs_hash_pointer(&other), same_pointer, &other));
    fs_map_free(&map);
    assert_int_equal(map.count, 0);
    assert_null(fs_map_find(&map, fs_hash_pointer(&things[0]), same_pointer, &things[0]));
}

static void every_item_is_visited_once(void **state)
{
    (void)state;
    fs_map map = {0};
    int items[100] = {0};
    for (int i = 0; i < 100; i++)
        assert_true(fs_map_add(&map, fs_hash_pointer(&items[i]), &items[i]));
    size_t at = 0, seen = 0;
    for (int *item; (item = fs_map_next(&map, &at));) {
        (*item)++;
        seen++;
    }
    assert_int_equal(seen, 100);
    for (int i = 0; i < 100; i++)
        assert_int_equal(items[i], 1);
    fs_map_free(&map);
    at = 0;
    assert_null(fs_map_next(&map, &at));
}

/* Items with one hash (a hash collision) are told apart by same. */
static void colliding_hashes_are_told_apart(void **state)
{
    (void)state;
    fs_map map = {0};
    char *a = "apple", *b = "banana";
    assert_true(fs_map_add(&map, 42, a));
    assert_true(fs_map_add(&map, 42, b));
    assert_ptr_equal(fs_map_find(&map, 42, fs_map_same_string, "banana"), b);
    assert_ptr_equal(fs_map_find(&map, 42, fs_map_same_string, "apple"), a);
    assert_null(fs_map_find(&map, 42, fs_map_same_string, "cherry"));
    fs_map_free(&map);
}

/* A set of addresses: items that are their own keys; NULL is no item. */
static void a_set_of_addresses_has_each_once(void **state)
{
    (void)state;
    fs_map set = {0};
    int a = 1, b = 2;
    assert_true(fs_map_add(&set, fs_hash_pointer(&a), &a));
    assert_ptr_equal(fs_map_find(&set, fs_hash_pointer(&a), fs_map_same_address, &a), &a);
    assert_null(fs_map_find(&set, fs_hash_pointer(&b), fs_map_same_address, &b));
    assert_false(fs_map_add(&set, fs_hash_pointer(NULL), NULL));
    assert_int_equal(set.count, 1);
    fs_map_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fnv_1a_matches_its_test_vectors),
        cmocka_unit_test(strings_are_found_by_their_text),
        cmocka_unit_test(pointers_are_found_by_their_address),
        cmocka_unit_test(every_item_is_visited_once),
        cmocka_unit_test(colliding_hashes_are_told_apart),
        cmocka_unit_test(a_set_of_addresses_has_each_once),
    };
    return cmocka_run_group_tests_name("map", tests, NULL, NULL);
}
