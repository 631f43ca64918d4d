"""Where each bubble's name goes on the channel quadrant, so that no two names overlap.

Excel and LibreOffice place a data label only where they are told (centre, right, left,
above or below its point) and never move it away from another label. The rule here decides
each label's side from the data before the chart is written, the same way for any data:

- the chart's plot area is estimated in pixels (axes padded by a tenth of the data's span)
  and each bubble's radius from its size (area proportional, the largest a fixed share of
  the plot), each name's box from its display width;
- points are taken left to right (then bottom to top), and each name goes to the first of
  right, left, above, below where its box stays inside the plot and touches neither a name
  already placed nor another bubble; failing that, of the sides that touch no name the one
  touching fewest bubbles; failing that, no label: the legend names every channel anyway.

Deterministic: the same data give the same sides, a rebuild does not shuffle the labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .sheetmodel import display_width

SIDES: tuple[str, ...] = ("right", "left", "above", "below")
"""Label sides in the order tried (xlsxwriter's data-label positions)."""
CHAR_PX = 6.0
"""Width of one display column of an 8-point label, in pixels (a CJK character is two)."""
LABEL_HEIGHT_PX = 12.0
GAP_PX = 2.0
LARGEST_BUBBLE = 0.16
"""Diameter of the largest bubble as a share of the plot's smaller side: a quarter at the
chart's bubble scale of 60% (Excel's and LibreOffice's rule), and a little to spare."""


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels, y downwards."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)

    def touches_circle(self, cx: float, cy: float, radius: float) -> bool:
        nearest_x = min(max(cx, self.left), self.right)
        nearest_y = min(max(cy, self.top), self.bottom)
        return math.hypot(cx - nearest_x, cy - nearest_y) < radius


@dataclass(frozen=True)
class Point:
    """A bubble in pixels: centre (``x``, ``y``, y downwards) and radius."""

    x: float
    y: float
    radius: float


def plot_points(x: Sequence[float], y: Sequence[float], sizes: Sequence[float], *,
                plot_width: float, plot_height: float) -> list[Point]:
    """The bubbles as the chart draws them, roughly: values to pixels on axes padded by a
    tenth of the span, radius by the square root of the size (blank or non-finite read as
    0)."""
    xs, ys, ss = _finite(x), _finite(y), _finite(sizes)
    px = _scale(xs, plot_width)
    py = [plot_height - v for v in _scale(ys, plot_height)]  # y grows upwards on the chart
    largest = max((s for s in ss if s > 0), default=0.0)
    r_max = LARGEST_BUBBLE * min(plot_width, plot_height) / 2
    return [Point(px[i], py[i], r_max * math.sqrt(ss[i] / largest) if ss[i] > 0 else 0.0)
            for i in range(len(xs))]


def label_box(side: str, point: Point, name: str) -> Box:
    """The box of ``name`` placed on ``side`` of ``point``."""
    width = display_width(str(name)) * CHAR_PX + 2 * GAP_PX
    h, cx, cy, radius = LABEL_HEIGHT_PX, point.x, point.y, point.radius
    if side == "right":
        left = cx + radius + GAP_PX
        return Box(left, cy - h / 2, left + width, cy + h / 2)
    if side == "left":
        right = cx - radius - GAP_PX
        return Box(right - width, cy - h / 2, right, cy + h / 2)
    if side == "above":
        bottom = cy - radius - GAP_PX
        return Box(cx - width / 2, bottom - h, cx + width / 2, bottom)
    top = cy + radius + GAP_PX
    return Box(cx - width / 2, top, cx + width / 2, top + h)


def label_sides(
    x: Sequence[float],
    y: Sequence[float],
    sizes: Sequence[float],
    names: Sequence[str],
    *,
    plot_width: float,
    plot_height: float,
) -> list[str | None]:
    """The side of each point's name (one of :data:`SIDES`), or None for no label.

    Args:
        x, y: the points' values (blank or non-finite read as 0).
        sizes: the bubble sizes (area proportional).
        names: each point's label text.
        plot_width, plot_height: the plot area in pixels.

    Examples:
        >>> label_sides([0, 10, 10.2], [0, 5, 5], [1, 1, 1], ["A", "B", "C"],
        ...             plot_width=400, plot_height=300)
        ['right', 'left', 'below']
    """
    points = plot_points(x, y, sizes, plot_width=plot_width, plot_height=plot_height)
    plot = Box(0.0, 0.0, plot_width, plot_height)
    xs, ys = _finite(x), _finite(y)
    order = sorted(range(len(points)), key=lambda i: (xs[i], ys[i], i))
    placed: list[Box] = []
    sides: list[str | None] = [None] * len(points)
    for i in order:
        boxes = {side: label_box(side, points[i], names[i]) for side in SIDES}
        free = [s for s in SIDES if not any(boxes[s].overlaps(b) for b in placed)]
        touched = {s: sum(boxes[s].touches_circle(p.x, p.y, p.radius)
                          for j, p in enumerate(points) if j != i) for s in free}
        clear = [s for s in free if _inside(boxes[s], plot) and not touched[s]]
        side = (clear or sorted(free, key=lambda s: (touched[s], not _inside(boxes[s], plot)))
                or [None])[0]
        sides[i] = side
        if side is not None:
            placed.append(boxes[side])
    return sides


def _finite(values: Sequence[float]) -> list[float]:
    out = []
    for v in values:
        number = float(v) if isinstance(v, int | float) else 0.0
        out.append(number if math.isfinite(number) else 0.0)
    return out


def _scale(values: list[float], pixels: float) -> list[float]:
    """Values to pixels along an axis padded by a tenth of the span on either side."""
    if not values:
        return []
    low, high = min(values), max(values)
    span = high - low if high > low else max(abs(high), 1.0)
    low, high = low - span / 10, high + span / 10
    return [(v - low) / (high - low) * pixels for v in values]


def _inside(box: Box, plot: Box) -> bool:
    return (box.left >= plot.left and box.right <= plot.right
            and box.top >= plot.top and box.bottom <= plot.bottom)
