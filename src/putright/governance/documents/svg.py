"""Bar charts as server-rendered SVG, readable without colour.

Each series has its own fill pattern (solid, hatched, outlined), every bar carries its
value as text, and the legend names the patterns. No script and no style attribute, so
the Content-Security-Policy holds; each chart is accompanied by its data table.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from django.utils.html import escape

BAR = 18
GAP = 6
GROUP_GAP = 14
LABEL_WIDTH = 200
PLOT_WIDTH = 330
VALUE_WIDTH = 70
_ids = itertools.count(1)

PATTERNS = (
    ("solid", '<rect width="8" height="8" fill="#0b0c0c"/>', "solid"),
    (
        "hatch",
        '<rect width="8" height="8" fill="#ffffff"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#0b0c0c" stroke-width="2"/>',
        "diagonal lines",
    ),
    (
        "dots",
        '<rect width="8" height="8" fill="#ffffff"/><circle cx="4" cy="4" r="1.8" fill="#0b0c0c"/>',
        "dots",
    ),
)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    unit: str = "",
) -> str:
    """A horizontal bar chart: one group per label, one bar per series. Returns SVG markup."""
    uid = f"chart{next(_ids)}"
    values = [v for _, vs in series for v in vs if v is not None]
    top = max(values, default=0) or 1
    legend_height = 24 if len(series) > 1 else 0
    group = len(series) * (BAR + GAP) + GROUP_GAP
    height = legend_height + max(len(labels), 1) * group + 4
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{uid}-title {uid}-desc">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">Bar chart. The same figures are in the table that follows.</desc>',
        "<defs>",
    ]
    for key, body, _ in PATTERNS:
        parts.append(
            f'<pattern id="{uid}-{key}" width="8" height="8" patternUnits="userSpaceOnUse">{body}</pattern>'
        )
    parts.append("</defs>")
    if len(series) > 1:
        x = 0
        for index, (name, _) in enumerate(series):
            key, _, pattern_name = PATTERNS[index % len(PATTERNS)]
            parts.append(
                f'<rect x="{x}" y="4" width="16" height="16" fill="url(#{uid}-{key})" stroke="#0b0c0c"/>'
                f'<text x="{x + 22}" y="17" font-family="Arial, sans-serif" font-size="14" fill="#0b0c0c">'
                f"{escape(name)} ({pattern_name})</text>"
            )
            x += 30 + 9 * len(name) + 9 * len(pattern_name)
    for row, label in enumerate(labels):
        y0 = legend_height + row * group
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y0 + (len(series) * (BAR + GAP)) / 2 + 4:.0f}" text-anchor="end" '
            f'font-family="Arial, sans-serif" font-size="14" fill="#0b0c0c">{escape(label[:28])}</text>'
        )
        for index, (_, vs) in enumerate(series):
            value = vs[row]
            y = y0 + index * (BAR + GAP)
            key = PATTERNS[index % len(PATTERNS)][0]
            length = 0 if value is None else max(round(PLOT_WIDTH * value / top), 1 if value else 0)
            if length:
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" '
                    f'fill="url(#{uid}-{key})" stroke="#0b0c0c"/>'
                )
            text = "no figure" if value is None else _fmt(value) + unit
            parts.append(
                f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR - 4}" font-family="Arial, sans-serif" '
                f'font-size="14" fill="#0b0c0c">{escape(text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
