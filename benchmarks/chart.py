"""A small SVG bar chart (no plotting dependency): one panel per metric, one bar per client."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

import attrs

WIDTH = 760
LABEL_WIDTH = 300
BAR_HEIGHT = 18
GAP = 8
PANEL_TOP = 34
FONT = "font-family='sans-serif' font-size='12'"
COLORS = {"sdk": "#2f6fbf", "raw": "#8a8f98", "peer": "#c7a252"}


@attrs.frozen
class Bar:
    label: str
    value: float
    kind: str
    """``sdk``, ``raw`` or ``peer``: the bar's colour."""


@attrs.frozen
class Panel:
    title: str
    bars: Sequence[Bar]


def _number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:.2f} M"
    if value >= 10_000:
        return f"{value / 1000:.0f} k"
    return f"{value:,.0f}"


def _panel(panel: Panel, top: int) -> tuple[list[str], int]:
    out = [f"<text x='8' y='{top + 16}' {FONT} font-weight='bold'>{escape(panel.title)}</text>"]
    largest = max((bar.value for bar in panel.bars), default=0.0) or 1.0
    span = WIDTH - LABEL_WIDTH - 90
    y = top + PANEL_TOP
    for bar in panel.bars:
        length = max(1.0, bar.value / largest * span)
        color = COLORS.get(bar.kind, COLORS["raw"])
        out.append(
            f"<text x='{LABEL_WIDTH - 8}' y='{y + 13}' {FONT} text-anchor='end'>"
            f"{escape(bar.label)}</text>"
        )
        out.append(
            f"<rect x='{LABEL_WIDTH}' y='{y}' width='{length:.1f}' height='{BAR_HEIGHT}' "
            f"fill='{color}'/>"
        )
        out.append(
            f"<text x='{LABEL_WIDTH + length + 6:.1f}' y='{y + 13}' {FONT}>"
            f"{_number(bar.value)}</text>"
        )
        y += BAR_HEIGHT + GAP
    return out, y + GAP


def svg(panels: Sequence[Panel], caption: str = "") -> str:
    """The chart as an SVG document."""
    body: list[str] = []
    top = 0
    for panel in panels:
        lines, top = _panel(panel, top)
        body += lines
    if caption:
        body.append(f"<text x='8' y='{top + 12}' {FONT} fill='#555'>{escape(caption)}</text>")
        top += 24
    head = (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{top}' "
        f"viewBox='0 0 {WIDTH} {top}'>"
    )
    background = f"<rect width='{WIDTH}' height='{top}' fill='white'/>"
    return "\n".join([head, background, *body, "</svg>"]) + "\n"
