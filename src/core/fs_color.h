/* Colours as linear-free sRGB components in 0..1, and the WCAG contrast
 * ratio used to keep text readable on its background. */
#ifndef FS_COLOR_H
#define FS_COLOR_H

#include <stdbool.h>

typedef struct {
    double r, g, b, a;
} fs_rgba;

/* Parses "#rgb", "#rrggbb" or "#rrggbbaa". False when text is not one. */
bool fs_color_parse_hex(const char *text, fs_rgba *out);

/* WCAG 2.x contrast ratio between two opaque colours, 1 to 21. */
double fs_color_contrast(fs_rgba a, fs_rgba b);

#endif
