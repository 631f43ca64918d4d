"""Budget: 80/20 split, allocation methods within bounds, to the cent; response curves."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.plan_helpers import (
    combine,
    funnel_leads,
    make_inputs,
    random_leads,
    random_spend,
    spend_rows,
)
from xlreview.budget import (
    BUDGET_COLUMNS,
    Lines,
    allocate_by_roi,
    allocate_greedy,
    allocate_proportional,
    bounded_allocation,
    budget_check_table,
    budget_table,
    curve_marginal,
    curve_value,
    fit_power,
    to_cents,
)
from xlreview.errors import InputError


def test_allocate_by_roi_by_hand():
    # 1000 × 20% = 200 to experiments; 800 by (1 + ROI) = 2 : 1 → 533.33… and 266.66…;
    # cents 53333.33 / 26666.67 → floors 53333 + 26666, the last cent to the larger
    # remainder (.67): 533.33 and 266.67.
    table = allocate_by_roi(1000, ["A", "B"], [1.0, 0.0])
    assert table["channel"].tolist() == ["A", "B", "experiment"]
    assert table["type"].tolist() == ["proven", "proven", "experiment"]
    assert table["budget"].tolist() == [533.33, 266.67, 200.0]


def test_allocate_by_roi_ignores_losses_beyond_100_percent_and_blanks():
    # ROI −2 and blank weigh 0; 100 × 0.5 = 50 to C.
    table = allocate_by_roi(100, ["A", "B", "C"], [-2.0, np.nan, 0.5], experiment_share=0.5)
    assert table["budget"].tolist() == [0.0, 0.0, 50.0, 50.0]


@pytest.mark.parametrize("total, channels, roi, share", [
    (-1, ["A"], [0.1], 0.2),  # negative budget
    (100, ["A"], [0.1], 1.2),  # share above 100%
    (100, ["A", "B"], [0.1], 0.2),  # lengths differ
])
def test_allocate_by_roi_rejects(total, channels, roi, share):
    with pytest.raises(InputError):
        allocate_by_roi(total, channels, roi, share)


@settings(deadline=None)
@given(total=st.floats(min_value=0, max_value=1e9),
       roi=st.lists(st.floats(min_value=-3, max_value=20), min_size=1, max_size=8),
       share=st.floats(min_value=0, max_value=1))
def test_allocate_by_roi_adds_up_to_the_cent(total, roi, share):
    table = allocate_by_roi(total, [f"c{i}" for i in range(len(roi))], roi, share)
    assert round(table["budget"].sum() * 100) == round(total * 100)
    assert (table["budget"] >= 0).all()


def test_fit_power_recovers_a_known_curve():
    spend = np.array([10, 20, 40, 80, 160, 320, 640], dtype=float) * 1000
    leads = 3.0 * spend**0.6  # y = 3·x^0.6 exactly
    curve = fit_power(spend, leads)
    assert curve.b == pytest.approx(0.6)
    assert curve.a == pytest.approx(3.0)
    assert curve.r2 == pytest.approx(1.0)
    assert curve.reason is None and curve.months == 7


def test_fit_power_falls_back_to_a_flat_rate():
    # 4 months < 6: flat rate = Σ leads / Σ spend = (10+20+30+40) / (100+200+300+400) = 0.1
    few = fit_power(np.array([100, 200, 300, 400.0]), np.array([10, 20, 30, 40.0]))
    assert (few.a, few.b, few.reason) == (pytest.approx(0.1), 1.0, "fit_few_months")
    # Convex data (y = x²): b = 2 ≥ 1 is no diminishing return.
    x = np.arange(1, 9, dtype=float)
    steep = fit_power(x, x**2)
    assert (steep.b, steep.reason) == (1.0, "fit_no_diminishing")
    # No spend at all: no curve.
    assert fit_power(np.zeros(8), np.ones(8)).a == 0


def test_curve_value_and_marginal():
    # Annual 1200 spread over 12 months: 12 · 2 · 100^0.5 = 240; marginal 2·0.5·100^−0.5 = 0.1
    assert curve_value(np.array(1200.0), 2.0, 0.5) == pytest.approx(240)
    assert curve_marginal(np.array([1200.0]), 2.0, 0.5)[0] == pytest.approx(0.1)


def test_greedy_finds_the_closed_form_optimum():
    # Common b = 0.5: equal marginals a_i·b·(x_i/12)^(b−1) ⇒ x_i ∝ a_i^(1/(1−b)) = a_i².
    # a = 1, 2, 3 → 1 : 4 : 9 of 14,000 = 1000, 4000, 9000.
    x = allocate_greedy(14_000, [1, 2, 3], [0.5] * 3, [0] * 3, [np.inf] * 3)
    step = 14_000 / 1000
    assert np.abs(x - [1000, 4000, 9000]).max() <= 2 * step
    assert x.sum() == pytest.approx(14_000)


@settings(max_examples=40, deadline=None)
@given(a=st.lists(st.floats(min_value=1, max_value=3), min_size=2, max_size=5),
       b=st.floats(min_value=0.2, max_value=0.6),
       total=st.floats(min_value=1e3, max_value=1e8))
def test_greedy_reaches_equal_marginal_returns(a, b, total):
    a = np.array(a)
    n = len(a)
    x = allocate_greedy(total, a, [b] * n, np.zeros(n), np.full(n, np.inf))
    best = total * a ** (1 / (1 - b)) / (a ** (1 / (1 - b))).sum()  # closed form
    assert x.sum() == pytest.approx(total)
    # Tolerance: the greedy moves in steps of total/1000, so within n steps of the optimum,
    # and its value within 0.01% of the optimal value.
    assert np.abs(x - best).max() <= n * total / 1000
    assert curve_value(x, a, b).sum() >= curve_value(best, a, b).sum() * (1 - 1e-4)
    # Equal marginal returns (within 5%) where a channel holds at least 5% of the money.
    big = x >= 0.05 * total
    marginal = curve_marginal(x, a, np.full(n, b))[big]
    assert marginal.max() <= marginal.min() * 1.05


@settings(max_examples=40, deadline=None)
@given(last=st.lists(st.floats(min_value=1e3, max_value=1e6), min_size=2, max_size=6),
       a=st.lists(st.floats(min_value=0.1, max_value=10), min_size=6, max_size=6),
       b=st.lists(st.floats(min_value=0.1, max_value=0.95), min_size=6, max_size=6))
def test_greedy_never_does_worse_than_last_year(last, a, b):
    # Same total as last year, bounds ±30%: last year's split is feasible, so the optimizer
    # must do at least as well on the curves (1e-6 relative: step discretisation).
    n = len(last)
    x0 = np.array(last)
    a_, b_ = np.array(a[:n]), np.array(b[:n])
    x = allocate_greedy(x0.sum(), a_, b_, 0.7 * x0, 1.3 * x0)
    assert curve_value(x, a_, b_).sum() >= curve_value(x0, a_, b_).sum() * (1 - 1e-6)
    assert (x >= 0.7 * x0 - 1e-6).all() and (x <= 1.3 * x0 + 1e-6).all()


def _greedy_the_plain_way(total, a, b, lower, upper, steps=1000):
    """allocate_greedy as first written: both curve values of every channel at each step."""
    x, hi = np.array(lower, dtype=float), np.array(upper, dtype=float)
    remaining = total - x.sum()
    step = remaining / steps
    while remaining > 1e-9 * max(total, 1.0) and step > 0:
        size = np.minimum(np.minimum(step, hi - x), remaining)
        with np.errstate(divide="ignore", invalid="ignore"):
            gain = (curve_value(x + size, a, b) - curve_value(x, a, b)) / size
        gain = np.where(size > 1e-12, gain, -np.inf)
        best = int(np.argmax(gain))
        if not np.isfinite(gain[best]):
            break
        x[best] += size[best]
        remaining -= size[best]
    return x


@settings(max_examples=60, deadline=None)
@given(a=st.lists(st.floats(min_value=0, max_value=10), min_size=1, max_size=8),
       b=st.floats(min_value=0.1, max_value=1), spread=st.floats(min_value=0, max_value=1))
def test_greedy_keeps_the_plain_results_to_the_last_bit(a, b, spread):
    # allocate_greedy keeps each channel's current curve value instead of recomputing it.
    n = len(a)
    a_, b_ = np.array(a), np.linspace(b, 1, n)
    lower = np.arange(n) * 100.0
    upper = np.where(np.arange(n) % 3 == 0, np.inf, lower + 5_000 * (1 + spread))
    total = lower.sum() + spread * 4_000 * n
    got = allocate_greedy(total, a_, b_, lower, upper)
    assert got.tolist() == _greedy_the_plain_way(total, a_, b_, lower, upper).tolist()


def test_proportional_within_bounds_by_hand():
    # 900 by weights 1 : 2 → 300 / 600, but B is capped at 500: B 500, A takes 400.
    x = allocate_proportional(900, [1, 2], [0, 0], [1000, 500])
    assert x.tolist() == pytest.approx([400, 500])
    # Same with minimums of 100 (λ·w starts below them): still 400 / 500.
    x = allocate_proportional(900, [1, 2], [100, 100], [1000, 500])
    assert x.tolist() == pytest.approx([400, 500])
    # 1,000 by 1 : 3 with A at least 400: A 400, B 600 (not 250 / 750).
    x = allocate_proportional(1000, [1, 3], [400, 0], [np.inf, np.inf])
    assert x.tolist() == pytest.approx([400, 600])


@settings(max_examples=100, deadline=None)
@given(data=st.lists(st.tuples(st.floats(min_value=1, max_value=1e6),
                               st.floats(min_value=0, max_value=1e6),
                               st.floats(min_value=0, max_value=1e6)), min_size=1, max_size=6),
       fraction=st.floats(min_value=0, max_value=1))
def test_proportional_is_proportional_except_at_a_bound(data, fraction):
    w, lower, room = (np.array(v) for v in zip(*data, strict=True))
    upper = lower + room
    total = lower.sum() + fraction * room.sum()  # feasible
    x = allocate_proportional(total, w, lower, upper)
    assert x.sum() == pytest.approx(total, rel=1e-9, abs=1e-6)
    assert (x >= lower - 1e-6).all() and (x <= upper + 1e-6).all()
    # One ratio λ = x/w for lines strictly inside their bounds; a line at its Max wanted
    # more (w·λ ≥ Max), a line at its Min wanted less.
    ratio = x / w
    inside = (x > lower + 1e-6 * (1 + x)) & (x < upper - 1e-6 * (1 + x))
    if inside.sum() >= 2:
        assert ratio[inside].max() == pytest.approx(ratio[inside].min(), rel=1e-6)
    if inside.any():
        lam = ratio[inside].mean()
        free = room > 1e-3 * (1 + upper)  # lines whose Min and Max are really apart
        at_max = free & ~inside & (x >= upper - 1e-6 * (1 + x))
        at_min = free & ~inside & (x <= lower + 1e-6 * (1 + x))
        assert (ratio[at_max] <= lam * (1 + 1e-6)).all()
        assert (ratio[at_min] >= lam * (1 - 1e-6)).all()


@st.composite
def budget_lines(draw):
    n = draw(st.integers(min_value=1, max_value=6))
    cents = st.integers(min_value=0, max_value=10**8)
    last = np.array([draw(cents) for _ in range(n)]) / 100
    lower = np.array([draw(cents) for _ in range(n)]) / 100
    upper = lower + np.array([draw(cents) for _ in range(n)]) / 100
    locked = np.array([draw(st.booleans()) for _ in range(n)])
    upper = np.where(locked, lower, upper)
    lines = Lines([f"c{i}" for i in range(n)], last, lower, upper, locked)
    total = draw(cents) / 100
    a = np.array([draw(st.floats(min_value=0, max_value=10)) for _ in range(n)])
    b = np.array([draw(st.floats(min_value=0.1, max_value=1)) for _ in range(n)])
    weights = np.array([draw(st.floats(min_value=0, max_value=1e6)) for _ in range(n)])
    return lines, total, weights, (a, b)


@settings(max_examples=150, deadline=None)
@given(case=budget_lines(), method=st.sampled_from(["implied", "roi", "curve"]))
def test_budget_adds_up_to_the_cent_and_respects_min_max_locked(case, method):
    lines, total, weights, curve = case
    amounts, problem = bounded_allocation(total, lines, method, weights, curve)
    planned = to_cents(amounts, total, lines.lower, lines.upper)
    assert round(planned.sum() * 100) == round(total * 100)
    assert (planned >= 0).all()
    feasible = lines.lower.sum() <= total <= lines.upper.sum()
    assert (problem is None) == feasible
    if feasible:
        assert (planned >= lines.lower - 1e-9).all()
        assert (planned <= lines.upper + 1e-9).all()
        assert (planned[lines.locked] == lines.lower[lines.locked]).all()


def two_channel_inputs(previous=None, **kwargs):
    # A: 1 won of 2,000, cost 1,000 (ROI 1). B: 1 won of 3,000, cost 3,000 (ROI 0).
    leads = combine(funnel_leads("A", [10, 5, 4, 2, 1], deal=2000.0),
                    funnel_leads("B", [10, 2, 1, 1, 1], deal=3000.0))
    spend = spend_rows([("2025-01-01", "A", 1000.0), ("2025-01-01", "B", 3000.0)])
    settings = {"fiscal_year": 2025, "budget_total": 10_000.0, "budget_method": "implied"}
    return make_inputs(leads, spend=spend, headcount_cost=1000.0,
                       previous={"budget": previous} if previous is not None else None,
                       **{**settings, **kwargs})


def implied(a, b):
    return pd.DataFrame({"channel": ["A", "B", "total"], "implied_cost": [a, b, a + b]})


def test_budget_table_default_bounds_by_hand():
    # Programme = 10,000 − 1,000 headcount = 9,000; 20% = 1,800 to experiments, 7,200 proven.
    # Default bounds ±30%: A 700–1,300, B 2,100–3,900; Σ max 5,200 < 7,200, so the extra
    # 2,000 is spread in proportion to Max: A 1,300 + 500 = 1,800; B 3,900 + 1,500 = 5,400.
    inputs = two_channel_inputs()
    table = budget_table(inputs, implied(1, 1)).set_index("channel")
    assert list(table.reset_index().columns) == list(BUDGET_COLUMNS)
    assert table["planned_cost"].to_dict() == {"A": 1800, "B": 5400, "experiment": 1800,
                                               "headcount": 1000, "total": 10_000}
    # Default bounds are not written back as if typed (they follow last year's cost).
    assert table.loc["A", ["min", "max"]].isna().all()
    assert table.loc["A", "change"] == pytest.approx(0.8)  # 1,800 / 1,000 − 1
    assert table.loc["experiment", "type"] == "experiment"
    assert any(i.sheet == "budget" and "Max" in i.message for i in inputs.findings)


def test_budget_table_implied_method_with_user_bounds():
    # Wide bounds: 7,200 by implied cost 1 : 3 → 1,800 / 5,400.
    previous = pd.DataFrame({"channel": ["A", "B"], "type": ["proven", "proven"],
                             "min": [0, 0], "max": [1e6, 1e6], "locked": [None, None]})
    table = budget_table(two_channel_inputs(previous), implied(1, 3)).set_index("channel")
    assert table.loc[["A", "B"], "planned_cost"].tolist() == [1800, 5400]


def test_budget_table_roi_method_by_hand():
    # Weights = last cost × (1 + ROI): A 1,000 × 2 = 2,000; B 3,000 × 1 = 3,000.
    # 7,200 × 2/5 = 2,880; × 3/5 = 4,320.
    previous = pd.DataFrame({"channel": ["A", "B"], "type": ["proven", "proven"],
                             "min": [0, 0], "max": [1e6, 1e6], "locked": [None, None]})
    inputs = two_channel_inputs(previous, budget_method="roi")
    table = budget_table(inputs, implied(1, 1)).set_index("channel")
    assert table.loc[["A", "B"], "planned_cost"].tolist() == [2880, 4320]


def test_locked_lines_and_marked_experiments():
    # B locked at its Min 3,000; A takes the rest of 7,200 = 4,200 (within 0–10,000).
    # ABM is marked experimental: it gets the 1,800 and no generic experiment row appears.
    previous = pd.DataFrame({"channel": ["A", "B", "ABM"],
                             "type": ["proven", "proven", "experiment"],
                             "min": [0, 3000, None], "max": [10_000, None, None],
                             "locked": [None, "yes", None]})
    table = budget_table(two_channel_inputs(previous), implied(5, 1)).set_index("channel")
    assert table.loc[["A", "B", "ABM"], "planned_cost"].tolist() == [4200, 3000, 1800]
    assert bool(table.loc["B", "locked"]) is True
    assert table.loc["B", "min"] == 3000 and table.loc["A", "max"] == 10_000  # typed: kept
    assert "experiment" not in table.index


def test_budget_below_the_locked_lines_is_scaled_with_a_reason():
    # Proven 7,200 < B locked at 9,000: B scaled down to 7,200, A gets 0, and a finding.
    previous = pd.DataFrame({"channel": ["B"], "type": ["proven"], "min": [9000],
                             "max": [None], "locked": [True]})
    inputs = two_channel_inputs(previous)
    table = budget_table(inputs, implied(1, 1)).set_index("channel")
    assert table.loc[["A", "B"], "planned_cost"].tolist() == [0, 7200]
    assert any(i.sheet == "budget" and "locked" in i.message for i in inputs.findings)
    assert table.loc["total", "planned_cost"] == 10_000


def test_budget_below_headcount_and_blank_budget():
    inputs = two_channel_inputs(budget_total=500.0)  # below 1,000 headcount
    table = budget_table(inputs, implied(1, 1)).set_index("channel")
    assert table.loc[["A", "B"], "planned_cost"].tolist() == [0, 0]
    assert any("headcount" in i.message for i in inputs.findings)
    # Blank budget: the programme follows the goal, the implied cost 4,000 plus the 20%
    # experiment share on top: 4,000 / 0.8 = 5,000 (proven 4,000, experiments 1,000).
    inputs = two_channel_inputs(budget_total=None)
    table = budget_table(inputs, implied(1000, 3000)).set_index("channel")
    assert table.loc["total", "planned_cost"] == 5000 + 1000


def test_curve_method_end_to_end():
    inputs = make_inputs(random_leads(5000), spend=random_spend(), fiscal_year=2026,
                         budget_total=5e6, budget_method="curve")
    table = budget_table(inputs, implied(1, 1))
    proven = table[table["type"].isin(["proven", "experiment"])]
    assert round(proven["planned_cost"].sum() * 100) == 5e8
    assert table["fit"].iloc[:3].str.len().gt(0).all()
    assert any("correlational" in i.message for i in inputs.findings)


def plan_totals(plan_leads, customers, revenue, implied_cost):
    """A Targets table reduced to what the budget reads: two equal channels and Total."""
    half = [v / 2 for v in (plan_leads, customers, revenue, implied_cost)]
    return pd.DataFrame({"channel": ["A", "B", "total"],
                         "plan_leads": [half[0], half[0], plan_leads],
                         "leads": [half[0], half[0], plan_leads],
                         "customers": [half[1], half[1], customers],
                         "revenue": [half[2], half[2], revenue],
                         "implied_cost": [half[3], half[3], implied_cost]})


def test_budget_check_a_budget_short_by_a_known_amount():
    # Budget: 10,000 − 1,000 headcount = 9,000; proven 7,200 → A 1,800, B 5,400 (see the
    # default-bounds test). One month of history each (< 6): flat rates, A 10 leads per
    # 1,000 = 0.01, B 10 per 3,000: leads bought 1,800 × 0.01 + 5,400 / 300 = 18 + 18 = 36.
    # Revenue per lead: only lead 0 of each channel is a sales cycle (30 days) older than
    # the last date (31 Jan), and it is won: A 2,000, B 3,000 → 18 × 2,000 + 18 × 3,000 =
    # 90,000.
    # The plan: 60 leads, 6 customers, 60,000 revenue, implied cost 5,000.
    inputs = two_channel_inputs()
    targets = plan_totals(60, 6, 60_000, 5_000)
    check = budget_check_table(inputs, targets, budget_table(inputs, targets))
    assert list(check.columns) == ["metric", "plan_needs", "budget_buys", "gap"]
    rows = check.set_index("metric")
    # Customers bought: 36 leads × the plan's 6 / 60 = 3.6, rounded down to 3.
    # Programme cost: the plan needs 5,000 / (1 − 20%) = 6,250; the budget has 9,000.
    assert rows.loc["lead"].tolist() == [60, 36, -24]
    assert rows.loc["won"].tolist() == [6, 3, -3]
    assert rows.loc["revenue"].tolist() == [60_000, 90_000, 30_000]
    assert rows.loc["programme_cost"].tolist() == [6_250, 9_000, 2_750]
    # 24 leads short at the plan's cost per lead 5,000 / 60 = 83.33: 2,000 more.
    short = [i for i in inputs.findings if i.severity == "warning" and "fewer" in i.message]
    assert len(short) == 1 and short[0].sheet == "budget"
    assert "24 fewer than the 60" in short[0].message and "2,000.00 more" in short[0].message


def test_budget_check_no_warning_when_the_budget_buys_the_plan():
    inputs = two_channel_inputs()
    targets = plan_totals(36, 3, 60_000, 3_000)  # exactly the 36 leads bought
    check = budget_check_table(inputs, targets, budget_table(inputs, targets))
    assert check.set_index("metric").loc["lead", "gap"] == 0
    assert not any("fewer" in i.message for i in inputs.findings)


def test_target_method_the_budget_follows_the_goal():
    # Implied cost A 1,000, B 3,000: programme 4,000 / 0.8 = 5,000, experiments 1,000; the
    # proven lines get exactly their implied cost (no ±30% band: B had 3,000, A 1,000).
    previous = pd.DataFrame({"channel": ["A"], "type": ["proven"], "min": [None],
                             "max": [None], "locked": [None]})
    inputs = two_channel_inputs(previous, budget_method="target", budget_total=None)
    table = budget_table(inputs, implied(1000, 3000)).set_index("channel")
    assert table.loc[["A", "B", "experiment"], "planned_cost"].tolist() == [1000, 3000, 1000]
    # Now doubled targets, A 4,000 (4 × last year: beyond +30%) and B 6,000: 12,500.
    inputs = two_channel_inputs(budget_method="target", budget_total=None)
    table = budget_table(inputs, implied(4000, 6000)).set_index("channel")
    assert table.loc[["A", "B", "experiment"], "planned_cost"].tolist() == [4000, 6000, 2500]
    assert not any(i.severity == "warning" for i in inputs.findings)


def test_target_method_total_budget_is_a_cap_reported_when_hit():
    # The goal needs 5,000 of programme money; the total 4,000 − 1,000 headcount leaves
    # 3,000: capped. Proven 2,400 split 1 : 3 by implied cost → 600 / 1,800.
    inputs = two_channel_inputs(budget_method="target", budget_total=4_000.0)
    table = budget_table(inputs, implied(1000, 3000)).set_index("channel")
    assert table.loc[["A", "B", "experiment"], "planned_cost"].tolist() == [600, 1800, 600]
    capped = [i for i in inputs.findings if "capped" in i.message]
    assert len(capped) == 1 and "5,000.00" in capped[0].message
    # A total above the need is not spent: the programme stays at 5,000.
    inputs = two_channel_inputs(budget_method="target", budget_total=20_000.0)
    table = budget_table(inputs, implied(1000, 3000)).set_index("channel")
    assert table.loc["total", "planned_cost"] == 5_000 + 1_000
    assert not any("capped" in i.message for i in inputs.findings)
