"""Horizontal bar charts drawn on the server as SVG: no JavaScript, and each one is shown
with the table of its numbers beside it (the chart is a picture of the table)."""

import html
from dataclasses import dataclass

from django.utils.safestring import SafeString

from .rendering import number

# One bar, its label and its number (with the spaces the template loop wrote).
BAR = (
    '\n    <text class="tch-chart-label" x="{label_x}" y="{text_y}" text-anchor="end">'
    "{label}</text>"
    '\n    <rect class="tch-chart-bar" x="{x}" y="{y}" width="{width}" height="{height}"></rect>'
    '\n    <text class="tch-chart-value" x="{value_x}" y="{text_y}">{value}</text>\n  '
)

LABEL_WIDTH = 170  # room for the labels, left of the bars
BAR_AREA = 230
VALUE_WIDTH = 40
BAR_HEIGHT = 18
GAP = 8
TOP = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    # Where the label ends and the number starts, and their baseline.
    text_y: int
    value_x: int
    label_x: int = LABEL_WIDTH - 6


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def svg_bars(self) -> SafeString:
        """The bars, their labels and numbers as SVG elements, for `teaching/_chart.html`:
        written here rather than by a template loop, which cost a template variable per
        number (eight per bar, forty students' bars). Only the label is text to escape."""
        return SafeString(
            "".join(
                BAR.format(
                    label_x=bar.label_x,
                    text_y=bar.text_y,
                    label=html.escape(bar.label),
                    x=self.label_width,
                    y=bar.y,
                    width=bar.width,
                    height=self.bar_height,
                    value_x=bar.value_x,
                    value=number(bar.value),
                )
                for bar in self.bars
            )
        )


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(items: list[tuple[str, int]]) -> Chart:
    """One bar per (label, value), scaled to the largest value."""
    top = max((value for _label, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        y = TOP + index * (BAR_HEIGHT + GAP)
        width = round(BAR_AREA * value / top)
        bars.append(
            Bar(
                label=_short(str(label)),
                value=value,
                y=y,
                width=width,
                text_y=y + BAR_HEIGHT - 5,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    height = TOP * 2 + len(items) * (BAR_HEIGHT + GAP)
    return Chart(bars=bars, width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH, height=max(height, 30))
