#include "fs_yaml.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_file.h"
#include "core/fs_suggest.h"

enum { FS_YAML_MAX_BYTES = 4 * 1024 * 1024 };

fs_pos fs_yaml_pos(const fs_yaml *yaml, const yaml_node_t *node)
{
    return fs_pos_at(yaml->path, (int)node->start_mark.line + 1, (int)node->start_mark.column + 1);
}

/* A key given twice in one mapping: libyaml keeps both, and whichever a
 * reader looked at first would win in silence. Mappings of more than a
 * thousand keys are left to the readers, which refuse them. */
static bool unique_keys(fs_yaml *yaml, yaml_node_t *node, fs_diags *diags)
{
    yaml_node_pair_t *start = node->data.mapping.pairs.start, *top = node->data.mapping.pairs.top;
    if (top - start > 1000)
        return true;
    for (yaml_node_pair_t *pair = start; pair < top; pair++) {
        yaml_node_t *key = fs_yaml_node(yaml, pair->key);
        const char *name = fs_yaml_scalar(key);
        for (yaml_node_pair_t *earlier = start; name && earlier < pair; earlier++) {
            yaml_node_t *first = fs_yaml_node(yaml, earlier->key);
            const char *other = fs_yaml_scalar(first);
            if (!other || strcmp(name, other) != 0)
                continue;
            fs_error(diags, fs_yaml_pos(yaml, key), "keep one of the two, merged",
                     "key '%s' is given twice in this mapping (first at line %d)", name,
                     (int)first->start_mark.line + 1);
            return false;
        }
    }
    return true;
}

/* Each node must be reached exactly once from the root: a second visit is an
 * alias, which factsheet refuses because a few aliases can expand into an
 * exponentially large tree (the "billion laughs"), and cycles never end. */
static bool check_tree(fs_yaml *yaml, int index, int depth, unsigned char *seen, fs_diags *diags)
{
    yaml_node_t *node = yaml_document_get_node(&yaml->document, index);
    if (!node)
        return true;
    if (seen[index]) {
        fs_error(diags, fs_yaml_pos(yaml, node),
                 "write the repeated part out in full where it is needed",
                 "YAML anchors and aliases are not supported");
        return false;
    }
    seen[index] = 1;
    if (depth > FS_YAML_MAX_DEPTH) {
        fs_error(diags, fs_yaml_pos(yaml, node), "flatten the layout: nest fewer boxes",
                 "nesting is deeper than %d levels", FS_YAML_MAX_DEPTH);
        return false;
    }
    if (node->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *item = node->data.sequence.items.start;
             item < node->data.sequence.items.top; item++)
            if (!check_tree(yaml, *item, depth + 1, seen, diags))
                return false;
    } else if (node->type == YAML_MAPPING_NODE) {
        if (!unique_keys(yaml, node, diags))
            return false;
        for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
             pair < node->data.mapping.pairs.top; pair++) {
            if (!check_tree(yaml, pair->key, depth + 1, seen, diags) ||
                !check_tree(yaml, pair->value, depth + 1, seen, diags))
                return false;
        }
    }
    return true;
}

/* libyaml's scanner slows down with the depth of flow nesting ("[{[{..."),
 * and yaml_parser_load reads the whole file before the tree can be checked:
 * ten thousand levels take seconds. A first pass over the events stops at
 * the first level past the limit, having read only that far. Syntax errors
 * are left to the full load, which reports them. */
static bool nesting_within_limit(fs_yaml *yaml, const char *bytes, size_t length, fs_diags *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return true;
    yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, length);
    int depth = 0;
    bool ok = true, done = false;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event))
            break;
        if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT) {
            /* The root collection is level 0, as in the tree check. */
            if (++depth > FS_YAML_MAX_DEPTH + 1) {
                fs_error(diags,
                         fs_pos_at(yaml->path, (int)event.start_mark.line + 1,
                                   (int)event.start_mark.column + 1),
                         "flatten the layout: nest fewer boxes", "nesting is deeper than %d levels",
                         FS_YAML_MAX_DEPTH);
                ok = false;
                done = true;
            }
        } else if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        done = done || event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return ok;
}

bool fs_yaml_parse(fs_yaml *yaml, const char *path, const char *bytes, size_t length,
                   fs_arena *arena, fs_diags *diags)
{
    memset(yaml, 0, sizeof *yaml);
    yaml->path = fs_arena_strdup(arena, path);
    if (!yaml->path)
        return false;
    if (!nesting_within_limit(yaml, bytes, length, diags))
        return false;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory reading YAML");
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, length);
    if (!yaml_parser_load(&parser, &yaml->document)) {
        fs_pos pos = fs_pos_at(yaml->path, (int)parser.problem_mark.line + 1,
                               (int)parser.problem_mark.column + 1);
        const char *problem = parser.problem ? parser.problem : "unreadable YAML";
        /* "while scanning a quoted scalar": the place where the thing that
         * went wrong started is more useful than where the parser gave up. */
        size_t at = parser.problem_mark.index;
        bool tab = at < length && bytes[at] == '\t';
        /* Only blanks before it on its line: the tab indents the line. */
        bool indents = tab;
        for (size_t i = at; indents && i > 0 && bytes[i - 1] != '\n'; i--)
            indents = bytes[i - 1] == ' ' || bytes[i - 1] == '\t';
        /* A string or block the scanner could not finish is best shown where
         * it starts; a structure the parser could not follow (a line
         * indented too little) is best shown where it went wrong. */
        bool from_start = parser.context && strncmp(parser.context, "while scanning", 14) == 0;
        if (from_start && !tab)
            pos = fs_pos_at(yaml->path, (int)parser.context_mark.line + 1,
                            (int)parser.context_mark.column + 1);
        /* A tab where YAML wants spaces is the most common slip of an
         * editor, and libyaml's words for it say nothing of tabs. */
        if (parser.context && strncmp(parser.context, "found duplicate anchor", 22) == 0)
            fs_error(diags,
                     fs_pos_at(yaml->path, (int)parser.problem_mark.line + 1,
                               (int)parser.problem_mark.column + 1),
                     "write the repeated part out in full where it is needed",
                     "YAML anchors and aliases are not supported");
        else if (tab)
            fs_error(diags, pos,
                     "indent with spaces only: YAML does not allow tabs for indentation",
                     indents ? "invalid YAML: a tab indents this line"
                             : "invalid YAML: a tab where YAML does not allow one");
        else if (parser.context)
            fs_error(diags, pos, "check the indentation and that every ':' inside text is quoted",
                     "invalid YAML: %s %s", problem, parser.context);
        else
            fs_error(diags, pos, "check the indentation and that every ':' inside text is quoted",
                     "invalid YAML: %s", problem);
        yaml_parser_delete(&parser);
        return false;
    }
    yaml_parser_delete(&parser);
    yaml->loaded = true;
    yaml_node_t *root = yaml_document_get_root_node(&yaml->document);
    if (!root) {
        fs_error(diags, fs_pos_at(yaml->path, 1, 1), "start from an example in layouts/",
                 "the file is empty; expected a mapping of keys");
        fs_yaml_close(yaml);
        return false;
    }
    size_t nodes = (size_t)(yaml->document.nodes.top - yaml->document.nodes.start);
    unsigned char *seen = fs_calloc(nodes + 1, 1);
    if (!seen) {
        fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory reading YAML");
        fs_yaml_close(yaml);
        return false;
    }
    bool ok = check_tree(yaml, 1, 0, seen, diags);
    free(seen);
    if (!ok)
        fs_yaml_close(yaml);
    return ok;
}

bool fs_yaml_open(fs_yaml *yaml, const char *path, fs_arena *arena, fs_diags *diags)
{
    memset(yaml, 0, sizeof *yaml);
    fs_file file = fs_file_read(path, FS_YAML_MAX_BYTES);
    if (file.status == FS_FILE_TOO_LARGE) {
        fs_error(diags, fs_pos_at(path, 0, 0), "split the layout or shorten its text",
                 "the file is larger than %d MiB", FS_YAML_MAX_BYTES / (1024 * 1024));
        return false;
    }
    if (file.status != FS_FILE_READ) {
        fs_file_report(&file, "check the path", diags);
        return false;
    }
    bool ok = fs_yaml_parse(yaml, path, file.bytes, file.length, arena, diags);
    free(file.bytes);
    return ok;
}

void fs_yaml_close(fs_yaml *yaml)
{
    if (yaml->loaded)
        yaml_document_delete(&yaml->document);
    yaml->loaded = false;
}

yaml_node_t *fs_yaml_root(fs_yaml *yaml)
{
    return yaml_document_get_root_node(&yaml->document);
}

yaml_node_t *fs_yaml_node(fs_yaml *yaml, int index)
{
    return yaml_document_get_node(&yaml->document, index);
}

const char *fs_yaml_scalar(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

const char *fs_yaml_kind(const yaml_node_t *node)
{
    switch (node->type) {
    case YAML_MAPPING_NODE:
        return "a mapping";
    case YAML_SEQUENCE_NODE:
        return "a list";
    default:
        return "text";
    }
}

static bool expect_scalar(fs_yaml *yaml, yaml_node_t *node, const char *what, const char *expected,
                          fs_diags *diags)
{
    if (node->type == YAML_SCALAR_NODE)
        return true;
    fs_error(diags, fs_yaml_pos(yaml, node), NULL, "'%s' must be %s, not %s", what, expected,
             fs_yaml_kind(node));
    return false;
}

bool fs_yaml_string(fs_yaml *yaml, yaml_node_t *node, const char *what, fs_arena *arena,
                    const char **out, fs_diags *diags)
{
    if (!expect_scalar(yaml, node, what, "text", diags))
        return false;
    *out = fs_arena_strdup(arena, fs_yaml_scalar(node));
    return *out != NULL;
}

bool fs_yaml_number(fs_yaml *yaml, yaml_node_t *node, const char *what, double min, double max,
                    double *out, fs_diags *diags)
{
    if (!expect_scalar(yaml, node, what, "a number", diags))
        return false;
    const char *text = fs_yaml_scalar(node);
    char *end;
    errno = 0;
    double value = strtod(text, &end);
    if (end == text || *end || errno || !isfinite(value)) {
        fs_error(diags, fs_yaml_pos(yaml, node), "write a plain number such as 1.2",
                 "'%s' must be a number, not '%s'", what, text);
        return false;
    }
    if (value < min || value > max) {
        fs_error(diags, fs_yaml_pos(yaml, node), NULL, "'%s' must be between %g and %g, not %g",
                 what, min, max, value);
        return false;
    }
    *out = value;
    return true;
}

bool fs_yaml_int(fs_yaml *yaml, yaml_node_t *node, const char *what, long min, long max, long *out,
                 fs_diags *diags)
{
    if (!expect_scalar(yaml, node, what, "a whole number", diags))
        return false;
    const char *text = fs_yaml_scalar(node);
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (end == text || *end || errno) {
        fs_error(diags, fs_yaml_pos(yaml, node), "write digits, such as 4",
                 "'%s' must be a whole number, not '%s'", what, text);
        return false;
    }
    if (value < min || value > max) {
        fs_error(diags, fs_yaml_pos(yaml, node), NULL, "'%s' must be between %ld and %ld, not %ld",
                 what, min, max, value);
        return false;
    }
    *out = value;
    return true;
}

bool fs_yaml_bool(fs_yaml *yaml, yaml_node_t *node, const char *what, bool *out, fs_diags *diags)
{
    static const char *const words[] = {"false", "true", "no", "yes", NULL};
    int index;
    if (!fs_yaml_choice(yaml, node, what, words, &index, diags))
        return false;
    *out = index % 2 == 1;
    return true;
}

bool fs_parse_length(const char *text, double *points)
{
    static const struct {
        const char *unit;
        double points;
    } units[] = {{"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0}, {"pt", 1.0}, {"", 1.0}};
    char *end;
    errno = 0;
    double value = strtod(text, &end);
    if (end == text || errno || !isfinite(value))
        return false;
    while (*end == ' ')
        end++;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(end, units[i].unit) == 0) {
            *points = value * units[i].points;
            return true;
        }
    }
    return false;
}

bool fs_yaml_length(fs_yaml *yaml, yaml_node_t *node, const char *what, double *out,
                    fs_diags *diags)
{
    if (!expect_scalar(yaml, node, what, "a length", diags))
        return false;
    double points;
    if (!fs_parse_length(fs_yaml_scalar(node), &points)) {
        fs_error(diags, fs_yaml_pos(yaml, node), "write a number with a unit: 4mm, 1cm, 10pt",
                 "'%s' must be a length, not '%s'", what, fs_yaml_scalar(node));
        return false;
    }
    if (points < 0 || points > 10000) {
        fs_error(diags, fs_yaml_pos(yaml, node), NULL, "'%s' must be between 0 and 3.5m, not '%s'",
                 what, fs_yaml_scalar(node));
        return false;
    }
    *out = points;
    return true;
}

bool fs_yaml_choice(fs_yaml *yaml, yaml_node_t *node, const char *what, const char *const *choices,
                    int *out, fs_diags *diags)
{
    if (!expect_scalar(yaml, node, what, "a word", diags))
        return false;
    const char *text = fs_yaml_scalar(node);
    size_t count = 0;
    for (; choices[count]; count++) {
        if (strcmp(text, choices[count]) == 0) {
            *out = (int)count;
            return true;
        }
    }
    fs_buf list = {0};
    for (size_t i = 0; i < count; i++)
        fs_buf_printf(&list, "%s%s", i ? ", " : "", choices[i]);
    const char *best;
    fs_buf hint = {0};
    if (fs_suggest(text, choices, count, &best, 1))
        fs_buf_printf(&hint, "did you mean '%s'? ", best);
    fs_buf_printf(&hint, "'%s' takes one of: %s", what, fs_buf_str(&list));
    fs_error(diags, fs_yaml_pos(yaml, node), fs_buf_str(&hint), "unknown %s '%s'", what, text);
    fs_buf_free(&list);
    fs_buf_free(&hint);
    return false;
}

void fs_yaml_unknown_key(fs_yaml *yaml, yaml_node_t *key, const char *where,
                         const char *const *allowed, size_t count, fs_diags *diags)
{
    const char *text = fs_yaml_scalar(key);
    if (!text) {
        fs_error(diags, fs_yaml_pos(yaml, key), NULL, "keys must be words, not %s",
                 fs_yaml_kind(key));
        return;
    }
    fs_buf hint = {0}, intro = {0};
    fs_buf_printf(&intro, "%s takes: ", where);
    fs_suggest_hint(&hint, text, allowed, count, fs_buf_str(&intro));
    fs_error(diags, fs_yaml_pos(yaml, key), fs_buf_str(&hint), "unknown key '%s' in %s", text,
             where);
    fs_buf_free(&intro);
    fs_buf_free(&hint);
}

long fs_yaml_key_index(fs_yaml *yaml, yaml_node_t *key, const char *where,
                       const char *const *allowed, size_t count, fs_diags *diags)
{
    const char *name = fs_yaml_scalar(key);
    for (size_t i = 0; name && i < count; i++)
        if (strcmp(name, allowed[i]) == 0)
            return (long)i;
    fs_yaml_unknown_key(yaml, key, where, allowed, count, diags);
    return -1;
}
