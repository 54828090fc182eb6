#include "fs_chart.h"

#include <math.h>

long fs_chart_icons_filled(double share, long total)
{
    /* A small epsilon keeps 45% of 10 at 5 whatever the binary rounding of
     * 0.45 * 10 does. */
    long filled = (long)floor(share * (double)total / 100.0 + 0.5 + 1e-9);
    return filled < 0 ? 0 : filled > total ? total : filled;
}

double fs_chart_scale_max(const fs_chart_item *items, size_t count)
{
    double max = 0;
    for (size_t i = 0; i < count; i++) {
        max = fmax(max, items[i].value);
        if (items[i].has_target)
            max = fmax(max, items[i].target);
    }
    return max;
}

double fs_chart_fraction(double value, double max)
{
    if (max <= 0 || value <= 0)
        return 0;
    return value >= max ? 1 : value / max;
}
