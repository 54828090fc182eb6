/* Replays a libFuzzer target's inputs without libFuzzer, so that any C
 * compiler's build runs every fuzz target on its seed corpus (make check's,
 * with sanitizers): a target that no longer builds, or whose checks no
 * longer hold for its seeds, fails the tests, though clang is not needed.
 * Links with one tests/fuzz/fuzz_NAME.c. Calls the target's
 * LLVMFuzzerInitialize when it has one, then LLVMFuzzerTestOneInput once per
 * file, each file's bytes in a buffer of their own size (so a read past the
 * end is caught), and once with no bytes, as libFuzzer does.
 *   replay-NAME FOLDER_OR_FILE...
 * Prints nothing; exits 0 when every input returns. A crash or a sanitizer
 * report ends the process (tests/fuzz/check-corpus then finds the input). */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs the target on the bytes of path; false when it cannot be read. */
static bool replay_file(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return false;
    }
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    rewind(in);
    /* libFuzzer's pointer is never NULL, even for no bytes (malloc(0) is a
     * real allocation of none). */
    uint8_t *data = size >= 0 ? malloc((size_t)size) : NULL;
    bool ok = data && fread(data, 1, (size_t)size, in) == (size_t)size;
    fclose(in);
    if (ok)
        LLVMFuzzerTestOneInput(data, (size_t)size);
    else
        fprintf(stderr, "replay: cannot read %s\n", path);
    free(data);
    return ok;
}

/* Runs the target on every file of a folder, in name order. */
static bool replay_folder(const char *dir)
{
    DIR *folder = opendir(dir);
    if (!folder) {
        fprintf(stderr, "replay: cannot read the folder %s\n", dir);
        return false;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(folder))) {
        if (entry->d_name[0] == '.')
            continue;
        char **grown = realloc(names, (count + 1) * sizeof *names);
        if (!grown)
            break;
        names = grown;
        size_t size = strlen(dir) + strlen(entry->d_name) + 2;
        if (!(names[count] = malloc(size)))
            break;
        snprintf(names[count++], size, "%s/%s", dir, entry->d_name);
    }
    closedir(folder);
    if (count)
        qsort(names, count, sizeof *names, by_name);
    bool ok = count > 0;
    if (!count)
        fprintf(stderr, "replay: no input in %s\n", dir);
    for (size_t i = 0; i < count; i++) {
        ok = replay_file(names[i]) && ok;
        free(names[i]);
    }
    free(names);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: replay-NAME FOLDER_OR_FILE...\n", stderr);
        return 2;
    }
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    uint8_t *none = malloc(0);
    if (none)
        LLVMFuzzerTestOneInput(none, 0);
    free(none);
    bool ok = true;
    for (int i = 1; i < argc; i++) {
        struct stat info;
        if (stat(argv[i], &info) == 0 && S_ISDIR(info.st_mode))
            ok = replay_folder(argv[i]) && ok;
        else
            ok = replay_file(argv[i]) && ok;
    }
    return ok ? 0 : 1;
}
