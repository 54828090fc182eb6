/* The YAML reading shared by layouts and themes: a libyaml document checked
 * for what factsheet refuses (aliases, cycles, deep nesting), and typed
 * readers of scalars that report file:line:column with a hint. */
#ifndef FS_YAML_H
#define FS_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"

enum { FS_YAML_MAX_DEPTH = 64 };

typedef struct {
    yaml_document_t document;
    const char *path; /* for diagnostics; lives in the run arena */
    bool loaded;
} fs_yaml;

/* Reads and parses the file at path. False with an error appended when the
 * file is unreadable, is not valid YAML, is empty, uses anchors/aliases, or
 * nests deeper than FS_YAML_MAX_DEPTH. On success the caller calls
 * fs_yaml_close. */
bool fs_yaml_open(fs_yaml *yaml, const char *path, fs_arena *arena, fs_diags *diags);

/* The same from bytes in memory; path names them in diagnostics. */
bool fs_yaml_parse(fs_yaml *yaml, const char *path, const char *bytes, size_t length,
                   fs_arena *arena, fs_diags *diags);

void fs_yaml_close(fs_yaml *yaml);

yaml_node_t *fs_yaml_root(fs_yaml *yaml);
yaml_node_t *fs_yaml_node(fs_yaml *yaml, int index);

/* The position of a node, 1-based. */
fs_pos fs_yaml_pos(const fs_yaml *yaml, const yaml_node_t *node);

/* A scalar's text (NULL for a mapping or sequence). */
const char *fs_yaml_scalar(const yaml_node_t *node);

/* The YAML kind of a node in words ("a mapping", "a list", "text"), for
 * messages that say what was found. */
const char *fs_yaml_kind(const yaml_node_t *node);

/* Typed readers: each returns false with an error at the node when the
 * value does not have the expected form; `what` names the key in messages. */
bool fs_yaml_string(fs_yaml *yaml, yaml_node_t *node, const char *what, fs_arena *arena,
                    const char **out, fs_diags *diags);
bool fs_yaml_int(fs_yaml *yaml, yaml_node_t *node, const char *what, long min, long max, long *out,
                 fs_diags *diags);
bool fs_yaml_number(fs_yaml *yaml, yaml_node_t *node, const char *what, double min, double max,
                    double *out, fs_diags *diags);
bool fs_yaml_bool(fs_yaml *yaml, yaml_node_t *node, const char *what, bool *out, fs_diags *diags);

/* A length: "14mm", "1.5cm", "10pt", "0.5in", or a bare number of points.
 * Stored in points. */
bool fs_yaml_length(fs_yaml *yaml, yaml_node_t *node, const char *what, double *out,
                    fs_diags *diags);

/* Parses a length from text; false when it is not one. */
bool fs_parse_length(const char *text, double *points);

/* One of the words in choices (NULL-terminated); *out is its index. An
 * unknown word gets a did-you-mean. */
bool fs_yaml_choice(fs_yaml *yaml, yaml_node_t *node, const char *what, const char *const *choices,
                    int *out, fs_diags *diags);

/* The index of key's word among the allowed ones; -1 after reporting it
 * unknown (with a did-you-mean) in where. */
long fs_yaml_key_index(fs_yaml *yaml, yaml_node_t *key, const char *where,
                       const char *const *allowed, size_t count, fs_diags *diags);

/* Reports key as unknown among the allowed ones, with the nearest as a
 * did-you-mean hint. */
void fs_yaml_unknown_key(fs_yaml *yaml, yaml_node_t *key, const char *where,
                         const char *const *allowed, size_t count, fs_diags *diags);

#endif
