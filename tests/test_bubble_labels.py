"""Bubble names on the channel quadrant: a side each, never on top of one another."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlreview.bubble_labels import SIDES, Point, label_box, label_sides, plot_points

PLOT = {"plot_width": 400.0, "plot_height": 300.0}


def test_plot_points_by_hand():
    # x 0 and 10 on an axis padded by a tenth of the span: -1 .. 11, 12 wide → 400 px;
    # y the same over 300 px, upwards. Largest bubble: 0.16 × 300 / 2 = 24 px radius; a
    # quarter of its size, half its radius.
    a, b = plot_points([0, 10], [0, 10], [4, 1], **PLOT)
    assert (a.x, a.y, a.radius) == pytest.approx((1 / 12 * 400, 300 - 1 / 12 * 300, 24))
    assert (b.x, b.y, b.radius) == pytest.approx((11 / 12 * 400, 300 - 11 / 12 * 300, 12))


def test_label_box_by_hand():
    # "Search": 6 display columns × 6 px + 2 × 2 px = 40 wide, 12 high, 2 px off the bubble.
    point = Point(100.0, 50.0, 10.0)
    right = label_box("right", point, "Search")
    assert (right.left, right.top, right.right, right.bottom) == (112, 44, 152, 56)
    above = label_box("above", point, "Search")
    assert (above.left, above.top, above.right, above.bottom) == (80, 26, 120, 38)
    # A Chinese name counts two columns a character: 邮件 = 4 × 6 + 4 = 28 wide.
    left = label_box("left", point, "邮件")
    assert (left.left, left.right) == (60, 88)


def test_far_points_take_the_right_unless_it_leaves_the_plot():
    # A at (33.3, 275): its name fits on the right. B at (366.7, 25), radius 24: on the
    # right its name would end at 366.7 + 26 + 10 = 402.7 > 400 px, so it goes left.
    assert label_sides([0, 10], [0, 10], [1, 1], ["A", "B"], **PLOT) == ["right", "left"]


def test_two_bubbles_on_the_same_spot_get_different_sides():
    # Search and Social coincide at the top right (366.7, 25), radius 24. Search, first in
    # the table, cannot go right (402.7 > 400) and goes left; Social cannot go left (taken),
    # right (outside) or above (its box would end at 25 − 26 = −1 px), so it goes below.
    names = ["Organic", "Search", "Social"]
    sides = label_sides([0, 5, 5], [0, 5, 5], [1, 1, 1], names, **PLOT)
    assert sides == ["right", "left", "below"]


def test_a_crowd_leaves_some_names_to_the_legend():
    # Six names on one spot: four sides, then no free side: the last two get no label.
    names = [f"C{i}" for i in range(6)]
    sides = label_sides([5] * 6 + [0], [5] * 6 + [0], [1] * 7, [*names, "Z"], **PLOT)
    assert sorted(s for s in sides[:6] if s) == sorted(SIDES)
    assert sides[:6].count(None) == 2


def test_blank_and_empty_input():
    assert label_sides([], [], [], [], **PLOT) == []
    # A blank (NaN) value reads as 0; no size draws no bubble; one point: its right.
    assert label_sides([float("nan")], [None], [0], ["Partners"], **PLOT) == ["right"]


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.floats(0, 2000), st.floats(0, 0.2), st.floats(0, 1e6),
                          st.sampled_from(["Search", "Email", "Content", "百度SEM", "Events",
                                           "Partners", "WeChat", "领英"])),
                min_size=1, max_size=25))
def test_placed_names_never_overlap(points):
    x, y, sizes, names = (list(v) for v in zip(*points, strict=True))
    sides = label_sides(x, y, sizes, names, **PLOT)
    assert len(sides) == len(points) and set(sides) <= {*SIDES, None}
    assert sides == label_sides(x, y, sizes, names, **PLOT)  # deterministic
    drawn = plot_points(x, y, sizes, **PLOT)
    boxes = [label_box(s, p, n) for s, p, n in zip(sides, drawn, names, strict=True) if s]
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(b) for b in boxes[i + 1:])
