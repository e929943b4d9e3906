"""Bar charts laid out in Python and drawn as inline SVG by templates/learning/chart_*.html.

No JavaScript and nothing from a CDN: the page works offline and on any phone, and screen
readers get a title, a one-line summary and the figures as a table.
"""

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    summary: str
    width: int
    height: int
    bars: list[Bar]
    x_labels: list[Tick] = field(default_factory=list)
    y_labels: list[Tick] = field(default_factory=list)
    gridlines: list[float] = field(default_factory=list)
    # The left edge of the plot area and the baseline, for the axis lines.
    left: float = 0
    baseline: float = 0


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least `value` (and at least 1)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def column_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    points: list[tuple[str, int]],
    label_every: int = 7,
    label_last: bool = False,
) -> Chart:
    """Vertical bars, one per point, with every `label_every`-th label under the axis, counted
    from the first point, or from the last with `label_last` (so "today" ends a history)."""
    width, height, left, right, top, bottom = 480, 220, 36, 24, 12, 34
    plot_width, plot_height = width - left - right, height - top - bottom
    top_value = nice_ceiling(max((value for _, value in points), default=0))
    slot = plot_width / max(len(points), 1)
    baseline = top + plot_height
    bars = [
        Bar(
            x=round(left + index * slot + slot * 0.15, 2),
            y=round(baseline - plot_height * value / top_value, 2),
            width=round(slot * 0.7, 2),
            height=round(plot_height * value / top_value, 2),
            label=label,
            value=value,
        )
        for index, (label, value) in enumerate(points)
    ]
    x_labels = [
        Tick(x=round(left + index * slot + slot / 2, 2), y=baseline + 22, text=label)
        for index, (label, _) in enumerate(points)
        if (len(points) - 1 - index if label_last else index) % label_every == 0
    ]
    levels = [0, top_value // 2, top_value] if top_value % 2 == 0 else [0, top_value]
    y_labels = [
        Tick(
            x=left - 8, y=round(baseline - plot_height * level / top_value + 5, 2), text=str(level)
        )
        for level in levels
    ]
    gridlines = [round(baseline - plot_height * level / top_value, 2) for level in levels[1:]]
    return Chart(
        chart_id=chart_id,
        title=title,
        summary=summary,
        width=width,
        height=height,
        bars=bars,
        x_labels=x_labels,
        y_labels=y_labels,
        gridlines=gridlines,
        left=left,
        baseline=baseline,
    )


def row_chart(*, chart_id: str, title: str, summary: str, points: list[tuple[str, int]]) -> Chart:
    """Horizontal bars with their labels on the left and their values at their ends."""
    # Room for the longest label at the largest font the page uses (18px on a phone, about
    # ten units a character), so "Relearning" is not clipped.
    longest = max((len(label) for label, _ in points), default=0)
    row, left, right, top = 30, max(60, 12 + 11 * longest), 48, 8
    width = 480
    height = top * 2 + row * len(points)
    plot_width = width - left - right
    top_value = max((value for _, value in points), default=0) or 1
    bars = [
        Bar(
            x=left,
            y=top + index * row + 6,
            width=round(plot_width * value / top_value, 2),
            height=row - 12,
            label=label,
            value=value,
        )
        for index, (label, value) in enumerate(points)
    ]
    y_labels = [Tick(x=left - 8, y=bar.y + bar.height / 2 + 5, text=bar.label) for bar in bars]
    x_labels = [
        Tick(x=bar.x + bar.width + 6, y=bar.y + bar.height / 2 + 5, text=str(bar.value))
        for bar in bars
    ]
    return Chart(
        chart_id=chart_id,
        title=title,
        summary=summary,
        width=width,
        height=height,
        bars=bars,
        x_labels=x_labels,
        y_labels=y_labels,
        left=left,
        baseline=height - top,
    )
