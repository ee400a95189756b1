"""Bar charts drawn on the server as SVG: no JavaScript, and each one is shown with the table
of its numbers beside it (the chart is a picture of the table), as the teacher's dashboard
does (`teaching/charts.py`).

Each label has its own line above its bar, the bars' lengths are in percent of the width
and the text keeps its size — it reads at 360 px, as the diagnosis's chart does — and the
colours are SVG attributes, so a PDF draws it with no stylesheet (`templates/core/_bars.html`).
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ROW = 46  # a label line (16 px text) and a bar of 18 px, with room between rows
LINE = 16
BAR = 18
LEGEND_ROW = 24
# Told apart by colour-blind readers too (Okabe–Ito, darkened to 4.5:1 on white).
PALETTE = ["#0b5cad", "#b35900", "#00745f", "#a3467a", "#5b6270", "#6b5b00"]
TRACK = "#e7e4dc"
INK = "#1f2328"


@dataclass(frozen=True)
class Line:
    """One row: its label and number on a line, its bar (or segments) below."""

    label: str
    text: str  # the number as shown: "12", "64 / 100", "—"
    label_y: int
    bar_y: int
    percent: float = 0.0  # the bar's length, in percent of the width
    segments: list["Segment"] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    x: float  # percent
    width: float  # percent
    colour: str


@dataclass(frozen=True)
class Key:
    """An entry of a stacked chart's legend, one per line above the bars."""

    label: str
    colour: str
    y: int = 0


@dataclass(frozen=True)
class Bars:
    lines: list[Line]
    height: int
    legend: list[Key] = field(default_factory=list)
    template: str = "core/_bars.html"
    colour: str = PALETTE[0]
    track: str = TRACK
    ink: str = INK
    bar_height: int = BAR

    @property
    def svg(self) -> SafeString:
        """The legend, labels, numbers and bars as SVG elements, written here rather than
        by template loops, which cost a template variable per number."""
        ink, height = self.ink, self.bar_height
        parts = [
            f'<rect x="0" y="{key.y + 4}" width="16" height="16" rx="2" fill="{key.colour}"/>'
            f'<text x="24" y="{key.y + 17}" font-size="14" fill="{ink}">{escape(key.label)}</text>'
            for key in self.legend
        ]
        for line in self.lines:
            parts.append(
                f'<text x="0" y="{line.label_y}" font-size="14" fill="{ink}">'
                f"{escape(line.label)}</text>"
                f'<text x="100%" y="{line.label_y}" font-size="14" font-weight="700" '
                f'fill="{ink}" text-anchor="end">{escape(line.text)}</text>'
                f'<rect x="0" y="{line.bar_y}" width="100%" height="{height}" rx="3" '
                f'fill="{self.track}"/>'
            )
            for segment in line.segments:
                parts.append(
                    f'<rect x="{segment.x}%" y="{line.bar_y}" width="{segment.width}%" '
                    f'height="{height}" fill="{segment.colour}" stroke="#ffffff" '
                    'stroke-width="1"/>'
                )
            if line.percent and not line.segments:
                parts.append(
                    f'<rect x="0" y="{line.bar_y}" width="{line.percent}%" height="{height}" '
                    f'rx="3" fill="{self.colour}"/>'
                )
        return mark_safe("\n".join(parts))  # noqa: S308 — the only text is escaped


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else number_format(value)


def _percent(value: float, top: float) -> float:
    return round(100 * value / top, 2) if top else 0.0


def bars(
    items: list[tuple[str, float | None]], *, scale: float | None = None, unit: str = ""
) -> Bars:
    """One bar per (label, value); `scale` is the value of a full bar (100 for scores out of
    100), else the largest value. A value of None is drawn as "—" with no bar."""
    top = scale or max((value or 0 for _label, value in items), default=0) or 1
    lines = []
    for index, (label, value) in enumerate(items):
        y = index * ROW
        text = "—" if value is None else f"{_shown(value)}{unit}"
        lines.append(
            Line(
                label=str(label),
                text=text,
                label_y=y + LINE,
                bar_y=y + LINE + 6,
                percent=_percent(value or 0, top),
            )
        )
    return Bars(lines=lines, height=max(len(items) * ROW, ROW))


def stacked(
    items: list[tuple[str, list[int]]], series: list[str], *, colours: list[str] = PALETTE
) -> Bars:
    """One bar per (label, [a value per series]), its segments side by side in the order of
    `series`, every bar scaled to the largest total; the legend names each colour."""
    top = max((sum(values) for _label, values in items), default=0) or 1
    legend = [
        Key(str(name), colours[i % len(colours)], y=i * LEGEND_ROW) for i, name in enumerate(series)
    ]
    offset = LEGEND_ROW * len(legend) + (8 if legend else 0)
    lines = []
    for index, (label, values) in enumerate(items):
        y = offset + index * ROW
        segments, x = [], 0.0
        for position, value in enumerate(values):
            if value:
                width = _percent(value, top)
                segments.append(Segment(x=x, width=width, colour=legend[position].colour))
                x = round(x + width, 2)
        lines.append(
            Line(
                label=str(label),
                text=str(sum(values)),
                label_y=y + LINE,
                bar_y=y + LINE + 6,
                percent=x,
                segments=segments,
            )
        )
    return Bars(
        lines=lines,
        height=offset + max(len(items) * ROW, ROW),
        legend=legend,
    )
