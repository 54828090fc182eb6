#include "fs_fold.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* A UTF-16 text in the arena. */
typedef struct {
    UChar *text;
    int32_t length;
} utext;

/* Room for length UTF-16 units and a terminator, or NULL. */
static UChar *room(fs_arena *arena, int32_t length)
{
    return length < 0 ? NULL : fs_arena_array(arena, (size_t)length + 1, sizeof(UChar));
}

static utext from_utf8(const char *text, fs_arena *arena)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(NULL, 0, &length, text, -1, &status);
    utext out = {room(arena, length), length};
    status = U_ZERO_ERROR;
    if (out.text)
        u_strFromUTF8(out.text, length + 1, NULL, text, -1, &status);
    return U_SUCCESS(status) ? out : (utext){0};
}

static utext nfd(utext in, fs_arena *arena)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFDInstance(&status);
    if (!in.text || U_FAILURE(status))
        return (utext){0};
    int32_t length = unorm2_normalize(normalizer, in.text, in.length, NULL, 0, &status);
    utext out = {room(arena, length), length};
    status = U_ZERO_ERROR;
    if (out.text)
        unorm2_normalize(normalizer, in.text, in.length, out.text, length + 1, &status);
    return U_SUCCESS(status) ? out : (utext){0};
}

/* Full case folding (CaseFolding.txt C + F), not locale-dependent. */
static utext fold_case(utext in, fs_arena *arena)
{
    UErrorCode status = U_ZERO_ERROR;
    if (!in.text)
        return in;
    int32_t length = u_strFoldCase(NULL, 0, in.text, in.length, U_FOLD_CASE_DEFAULT, &status);
    utext out = {room(arena, length), length};
    status = U_ZERO_ERROR;
    if (out.text)
        u_strFoldCase(out.text, length + 1, in.text, in.length, U_FOLD_CASE_DEFAULT, &status);
    return U_SUCCESS(status) ? out : (utext){0};
}

const char *fs_fold(const char *text, bool caseless, fs_arena *arena)
{
    utext form = nfd(from_utf8(text, arena), arena);
    if (caseless)
        form = nfd(fold_case(form, arena), arena);
    if (!form.text)
        return NULL;
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strToUTF8(NULL, 0, &length, form.text, form.length, &status);
    char *out = length >= 0 ? fs_arena_alloc(arena, (size_t)length + 1) : NULL;
    status = U_ZERO_ERROR;
    if (out)
        u_strToUTF8(out, length + 1, NULL, form.text, form.length, &status);
    return out && U_SUCCESS(status) ? out : NULL;
}
