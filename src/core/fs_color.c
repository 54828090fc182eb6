#include "fs_color.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool fs_color_parse_hex(const char *text, fs_rgba *out)
{
    if (text[0] != '#')
        return false;
    size_t length = strlen(text + 1);
    if (length != 3 && length != 6 && length != 8)
        return false;
    double channels[4] = {0, 0, 0, 1};
    for (size_t i = 0; i < length; i++)
        if (hex_digit(text[1 + i]) < 0)
            return false;
    for (size_t c = 0; c < (length == 8 ? 4u : 3u); c++) {
        int value = length == 3 ? hex_digit(text[1 + c]) * 17
                                : hex_digit(text[1 + 2 * c]) * 16 + hex_digit(text[2 + 2 * c]);
        channels[c] = value / 255.0;
    }
    *out = (fs_rgba){channels[0], channels[1], channels[2], channels[3]};
    return true;
}

static double luminance(fs_rgba c)
{
    double channel[3] = {c.r, c.g, c.b};
    for (int i = 0; i < 3; i++)
        channel[i] =
            channel[i] <= 0.04045 ? channel[i] / 12.92 : pow((channel[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

double fs_color_contrast(fs_rgba a, fs_rgba b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
