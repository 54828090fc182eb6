#include "fs_chart.h"

#include <math.h>

fs_chart_share fs_chart_icons_share(double share, long total)
{
    double filled = fmin(fmax(share, 0), 100) * (double)total / 100.0;
    /* A part within a millionth of a whole pictogram is that whole one: the
     * binary rounding of 0.3 * 10 must not draw 2.9999999 pictograms. */
    double whole = floor(filled + 1e-6);
    double part = filled - whole;
    return (fs_chart_share){(long)whole, part < 1e-6 ? 0 : part};
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
