/* The arithmetic of charts, apart from drawing them: how many pictograms a
 * share fills, how long a bar is on a scale. Placement uses it to lay
 * charts out; it is tested on its own. */
#ifndef FS_CHART_H
#define FS_CHART_H

#include <stddef.h>

#include "bind/fs_box.h"

/* The pictograms of total that a share in percent fills: whole ones, and
 * the share of the next one (47% of 10 is 4 whole and 0.7 of the fifth;
 * 50% of 10 is 5 and nothing more). */
typedef struct {
    long whole;
    double part; /* 0 to under 1 */
} fs_chart_share;

fs_chart_share fs_chart_icons_share(double share, long total);

/* The end of a chart's scale: the largest value or target of its items
 * (0 when every one is 0). */
double fs_chart_scale_max(const fs_chart_item *items, size_t count);

/* The share of a full bar that value takes on a scale ending at max,
 * between 0 and 1 (0 when max is 0). */
double fs_chart_fraction(double value, double max);

#endif
