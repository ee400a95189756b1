"""Horizontal bar charts drawn on the server as SVG: no JavaScript, and each one is shown
with the table of its numbers beside it (the chart is a picture of the table)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

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
    def svg(self) -> SafeString:
        """The labels, bars and numbers as SVG elements, written here rather than by a
        template loop, which costs a template variable per number (a company helps
        hundreds of associations)."""
        text = _texts()
        return mark_safe(  # noqa: S308 — every value is escaped here
            "".join(
                f'\n    <text class="co-chart-label" x="{text(bar.label_x)}" '
                f'y="{text(bar.text_y)}" text-anchor="end">{text(bar.label)}</text>'
                f'\n    <rect class="co-chart-bar" x="{text(self.label_width)}" '
                f'y="{text(bar.y)}" width="{text(bar.width)}" '
                f'height="{text(self.bar_height)}"></rect>'
                f'\n    <text class="co-chart-value" x="{text(bar.value_x)}" '
                f'y="{text(bar.text_y)}">{text(bar.value)}</text>\n  '
                for bar in self.bars
            )
        )


def _texts():
    """What writes a value as `{{ value }}` does: localised, escaped (a whole number
    without thousands separators is its digits, said at once: most values here are)."""
    if settings.USE_THOUSAND_SEPARATOR:
        return lambda value: conditional_escape(localize(value))
    return lambda value: str(value) if type(value) is int else conditional_escape(localize(value))


def table_rows(rows: list[tuple[str, int]]) -> SafeString:
    """The rows of a chart's table (`companies/_chart_table.html`): a row header, then the
    hours."""
    text = _texts()
    return mark_safe(  # noqa: S308 — every value is escaped here
        "".join(
            f'<tr><th scope="row">{text(label)}</th><td class="co-number">{text(value)}</td></tr>'
            for label, value in rows
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
