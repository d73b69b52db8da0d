"""Small charts drawn on the server as inline SVG: no JavaScript, no library, no CDN.

Geometry is computed here; the template (``web/bar_chart.html``) only writes it out,
escaping every label, so a chart is as safe as any other page text.
"""

from __future__ import annotations

from dataclasses import dataclass

from vigil.cases.timeline import YearCount

BAR_WIDTH = 28
GAP = 8
PLOT_HEIGHT = 80
LABEL_SPACE = 18
VALUE_SPACE = 14


@dataclass(frozen=True)
class Bar:
    """One bar: its label under it, its value above it, and where it is drawn."""

    label: str
    value: int
    x: int
    y: int
    width: int
    height: int
    centre: int


@dataclass(frozen=True)
class BarChart:
    """Bars side by side, with the drawing's width and height."""

    bars: list[Bar]
    width: int
    height: int
    baseline: int


def year_chart(years: list[YearCount]) -> BarChart:
    """Incidents per year as bars, the busiest year full height; a quiet year draws no bar."""
    baseline = VALUE_SPACE + PLOT_HEIGHT
    bars = []
    for i, row in enumerate(years):
        height = round(row.share * PLOT_HEIGHT)
        x = GAP + i * (BAR_WIDTH + GAP)
        bars.append(
            Bar(str(row.year), row.incidents, x, baseline - height, BAR_WIDTH, height, x + BAR_WIDTH // 2)
        )
    width = GAP + len(bars) * (BAR_WIDTH + GAP)
    return BarChart(bars, width, baseline + LABEL_SPACE, baseline)
