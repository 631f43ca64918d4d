"""Time phasing: largest-remainder splits, monthly weights, stage lags, weeks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.plan_helpers import combine, funnel_leads
from xlreview.errors import InputError
from xlreview.phasing import (
    iso_weeks,
    monthly_weights,
    plan_monthly,
    plan_quarterly,
    plan_weekly,
    revenue_by_customers,
    round_excel,
    split_cents,
    split_cumulative,
    split_money,
    split_whole,
    stage_lags,
)

FLAT = np.full(12, 1 / 12)


@pytest.mark.parametrize(
    "total, weights, expected",
    [
        (10, [1, 1, 1], [4, 3, 3]),  # 3.33 each: one extra to the first (stable tie)
        (7, [0.5, 0.3, 0.2], [4, 2, 1]),  # 3.5, 2.1, 1.4 → floors 3, 2, 1; rest 1 → .5
        (5, [0, 0], [3, 2]),  # all-zero weights split evenly
        (4, [1, np.nan, -2, 1], [2, 0, 0, 2]),  # blank and negative weights count as 0
        (0, [1, 2], [0, 0]),
    ],
)
def test_split_whole_by_hand(total, weights, expected):
    assert split_whole(total, weights).tolist() == expected


@pytest.mark.parametrize("total, weights", [(-1, [1]), (2.5, [1, 1]), (3, [])])
def test_split_whole_rejects(total, weights):
    with pytest.raises(InputError):
        split_whole(total, weights)


@given(
    total=st.integers(min_value=0, max_value=10**12),
    weights=st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=60),
)
def test_split_whole_adds_up_exactly_and_stays_near_the_quota(total, weights):
    parts = split_whole(total, weights)
    assert parts.sum() == total
    assert (parts >= 0).all()
    w = np.array(weights)
    w = w if w.sum() > 0 else np.ones_like(w)
    quota = total * w / w.sum()
    assert (np.abs(parts - quota) < 1 + 1e-6 * max(total, 1)).all()


@pytest.mark.parametrize(
    "total, weights, expected",
    [
        # Shares 1/3, 2/3, 1: ROUND(3.33) = 3, ROUND(6.67) = 7, 10 → 3, 4, 3.
        (10, [1, 1, 1], [3, 4, 3]),
        # Shares .5, .8, 1: ROUND(3.5) = 4 (halves up), ROUND(5.6) = 6, 7 → 4, 2, 1.
        (7, [0.5, 0.3, 0.2], [4, 2, 1]),
        (5, [0, 0], [3, 2]),  # all zero: shares 1/2, 1 → ROUND(2.5) = 3, 5
        (4, [1, np.nan, -2, 1], [2, 0, 0, 2]),  # blank and negative weights count as 0
        (0, [1, 2], [0, 0]),
    ],
)
def test_split_cumulative_by_hand(total, weights, expected):
    assert split_cumulative(total, weights).tolist() == expected


@given(
    total=st.integers(min_value=0, max_value=10**12),
    weights=st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=60),
)
def test_split_cumulative_adds_up_exactly_within_one_of_the_quota(total, weights):
    parts = split_cumulative(total, weights)
    assert parts.sum() == total and (parts >= 0).all()
    w = np.array(weights)
    w = w if w.sum() > 0 else np.ones_like(w)
    quota = total * w / w.sum()
    assert (np.abs(parts - quota) <= 1 + 1e-6 * max(total, 1)).all()


def test_split_cents():
    # 100.00 in thirds: 10,000 cents → ROUND(3,333.3) = 3,333, ROUND(6,666.7) = 6,667, all.
    assert split_cents(100, [1, 1, 1]).tolist() == [33.33, 33.34, 33.33]


def test_split_money_to_the_cent():
    # 100.00 / 3 = 33.333… → 3333, 3333, 3333 cents + 1 cent to the first.
    assert split_money(100, [1, 1, 1]).tolist() == [33.34, 33.33, 33.33]


@given(total=st.floats(min_value=0, max_value=1e9),
       weights=st.lists(st.floats(min_value=0, max_value=1e3), min_size=1, max_size=12))
def test_split_money_adds_up_to_the_cent(total, weights):
    cents = np.round(split_money(total, weights) * 100)
    assert cents.sum() == round(total * 100)
    assert (cents >= 0).all()


def won_history():
    # Leads over two full years (2024-01-01 … 2025-12-31). Won: Jan 2024 100, Jan 2025 300,
    # Jun 2024 200. Per calendar month over the 24 months: Jan (100+300)/2 = 200,
    # Jun (200+0)/2 = 100 → weights Jan 2/3, Jun 1/3, others 0.
    leads = combine(funnel_leads("A", [1, 0, 0, 0, 0], start="2024-01-01"),
                    funnel_leads("A", [1, 0, 0, 0, 0], start="2025-12-31", prefix="end"))
    won = pd.DataFrame({"won_date": pd.to_datetime(["2024-01-15", "2025-01-20", "2024-06-03"]),
                        "amount": [100.0, 300.0, 200.0]})
    for column in ("created", "mql_date", "sql_date", "opp_date"):
        won[column] = won["won_date"] - pd.Timedelta(days=40)
    return pd.concat([leads, won], ignore_index=True)


def test_monthly_weights_from_won_revenue_history():
    weights, reason = monthly_weights(won_history())
    expected = np.zeros(12)
    expected[0], expected[5] = 2 / 3, 1 / 3
    assert reason is None
    assert weights == pytest.approx(expected)


def test_monthly_weights_flat_by_setting_or_short_history():
    assert monthly_weights(won_history(), "flat") == (pytest.approx(FLAT), None)
    short = funnel_leads("A", [100, 50, 20, 10, 5])  # 100 days of history
    weights, reason = monthly_weights(short)
    assert reason == "short_history"
    assert weights == pytest.approx(FLAT)


def test_stage_lags_in_months():
    # funnel_leads: won 30 days after created, 25 after MQL, 20 after SQL, 10 after opp.
    # 30 / 30.44 = 0.99 → 1 month; 25 → 0.82 → 1; 20 → 0.66 → 1; 10 → 0.33 → 0.
    assert stage_lags(funnel_leads("A", [10, 8, 6, 4, 2])) == {
        "lead": 1, "mql": 1, "sql": 1, "opp": 0}


def test_plan_monthly_moves_earlier_stages_by_their_lag():
    # All customers in January (weights 1, 0, …). Leads lag 1 month: January's leads are
    # needed in December of the year before (12 needed before the year); within the year
    # they reappear in December for next January (same seasonality assumed).
    weights = np.zeros(12)
    weights[0] = 1
    counts = {"lead": 12, "mql": 6, "sql": 4, "opp": 2, "won": 1}
    monthly, needed = plan_monthly(counts, 1000.0, weights, {"lead": 1, "mql": 0, "sql": 0,
                                                            "opp": 0}, 2027, budget=1200.0)
    assert monthly["won"].tolist() == [1] + [0] * 11
    assert monthly["mql"].tolist() == [6] + [0] * 11
    assert monthly["leads"].tolist() == [0] * 11 + [12]
    assert needed == {"lead": 12, "mql": 0, "sql": 0, "opp": 0}
    assert monthly["revenue"].sum() == 1000.0
    # Budget follows the leads: all of it in December.
    assert monthly["budget"].tolist() == [0.0] * 11 + [1200.0]
    assert monthly["month"].iloc[0] == pd.Timestamp("2027-01-01")


def test_quarters_are_sums_of_months():
    counts = {"lead": 1200, "mql": 120, "sql": 60, "opp": 30, "won": 12}
    monthly, _ = plan_monthly(counts, 1200.0, FLAT, {}, 2027, budget=99.99)
    quarterly = plan_quarterly(monthly)
    assert quarterly["quarter"].tolist() == ["Q1", "Q2", "Q3", "Q4"]
    assert quarterly["leads"].tolist() == [300, 300, 300, 300]
    assert quarterly["won"].tolist() == [3, 3, 3, 3]
    assert round(quarterly["budget"].sum(), 2) == 99.99


def test_iso_weeks_of_2027():
    weeks = iso_weeks(2027)
    # 1 Jan 2027 is a Friday: its week's Thursday is 31 Dec 2026, so it is 2026-W53 and not
    # one of the plan's weeks. 2027-W01 starts Monday 4 January; 31 Dec 2027 is a Friday in
    # 2027-W52 (Thursday 30 December): 52 weeks.
    assert len(weeks) == 52
    assert weeks["week"].iloc[0] == "2027-W01" and weeks["week"].iloc[-1] == "2027-W52"
    assert weeks["week_start"].iloc[0] == pd.Timestamp("2027-01-04")
    # Each week counts in the month of its Thursday. Thursdays of 2027: January 7, 14, 21,
    # 28 (4); April 1, 8, 15, 22, 29 (5); July 1 … 29 (5); September 2 … 30 (5);
    # December 2 … 30 (5); the other months 4.
    per_month = weeks["month"].dt.month.value_counts().sort_index().tolist()
    assert per_month == [4, 4, 4, 5, 4, 4, 5, 4, 5, 4, 4, 5]
    # W05 starts Monday 1 February (Thursday 4 February): February's first week.
    assert weeks["month"].iloc[4] == pd.Timestamp("2027-02-01")
    # 2027-W13 runs 29 March – 4 April: its Thursday is 1 April, so it counts in April.
    assert weeks["week_start"].iloc[12] == pd.Timestamp("2027-03-29")
    assert weeks["month"].iloc[12] == pd.Timestamp("2027-04-01")


@pytest.mark.parametrize("year", [2020, 2021, 2026, 2027, 2032, 2038])
def test_iso_weeks_agree_with_pandas_iso_calendar(year):
    days = pd.date_range(f"{year - 1}-12-20", f"{year + 1}-01-10", freq="D")
    iso = days.isocalendar()
    thursdays = days[(iso["year"] == year).to_numpy() & (days.day_of_week == 3)]
    weeks = iso_weeks(year)
    assert weeks["week"].tolist() == [f"{year}-W{w:02d}" for w in thursdays.isocalendar()["week"]]
    assert weeks["week_start"].tolist() == (thursdays - pd.Timedelta(days=3)).tolist()
    assert (weeks["month"].dt.month == thursdays.month).all()


def test_a_month_splits_evenly_over_its_weeks():
    # 10 January leads over January's 4 weeks, cumulative: ROUND(10 × 1/4) = ROUND(2.5) = 3,
    # ROUND(5) = 5, ROUND(7.5) = 8, 10 → 3, 2, 3, 2. February's first week (W05) has none.
    monthly, _ = plan_monthly({"lead": 10}, 0.0, np.eye(12)[0], {}, 2027)
    weekly = plan_weekly(monthly, 2027)
    assert weekly["leads"].iloc[:5].tolist() == [3, 2, 3, 2, 0]
    assert weekly["week_start"].iloc[0] == pd.Timestamp("2027-01-04")
    assert list(weekly.columns) == ["week", "week_start", "month", "leads", "mql", "sql", "opp",
                                    "won", "revenue"]


def test_revenue_comes_with_customers_in_months_and_weeks():
    # 3 customers and ¥1,200 on flat weights. Customers: marks ROUND(3 × i/12) for i = 1..12
    # = 0, 1 (0.5 rounds up), 1, 1, 1, 2 (1.5), 2, 2, 2, 3 (2.5), 3, 3 → one in February,
    # June and October. Revenue = ¥1,200 × the customers' running share: ¥400 in each of
    # those months, none in the others (the seasonality alone would give ¥100 a month).
    monthly, _ = plan_monthly({"won": 3}, 1200.0, FLAT, {}, 2027)
    assert monthly["won"].tolist() == [0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0]
    assert monthly["revenue"].tolist() == [0, 400, 0, 0, 0, 400, 0, 0, 0, 400, 0, 0]
    # Weeks: each month's customer over its 4 weeks: ROUND(1 × j/4) = 0, 1 (0.5), 1, 1 →
    # the month's 2nd week: Thursdays 11 February (W06), 10 June (W23), 14 October (W41).
    weekly = plan_weekly(monthly, 2027)
    with_customers = weekly.loc[weekly["won"] > 0]
    assert with_customers["week"].tolist() == ["2027-W06", "2027-W23", "2027-W41"]
    assert with_customers["revenue"].tolist() == [400.0, 400.0, 400.0]
    assert weekly["revenue"].sum() == 1200.0
    assert (weekly.loc[weekly["won"] == 0, "revenue"] == 0).all()


def test_weekly_revenue_comes_with_customers():
    # 2 January customers and ¥1,000 (all weight on January), over January's 4 weeks:
    # ROUND(2 × j/4) = 1 (0.5), 1, 2 (1.5), 2 → one in W01 and one in W03, ¥500 each.
    monthly, _ = plan_monthly({"won": 2}, 1000.0, np.eye(12)[0], {}, 2027)
    weekly = plan_weekly(monthly, 2027)
    assert weekly["won"].iloc[:5].tolist() == [1, 0, 1, 0, 0]
    assert weekly["revenue"].iloc[:5].tolist() == [500.0, 0.0, 500.0, 0.0, 0.0]


def test_revenue_without_customers_follows_the_seasonality_then_the_weeks():
    # No customers planned: ¥2,100 by the weights (all January), then evenly over January's
    # 4 weeks on cents: ROUND(210,000 × j/4) = 52,500, 105,000, … → ¥525 a week.
    monthly, _ = plan_monthly({"lead": 21}, 2100.0, np.eye(12)[0], {}, 2027)
    assert monthly["revenue"].tolist() == [2100.0] + [0.0] * 11
    weekly = plan_weekly(monthly, 2027)
    assert weekly["revenue"].iloc[:5].tolist() == [525.0, 525.0, 525.0, 525.0, 0.0]


def test_revenue_by_customers_by_hand():
    # ¥1,000 over customers 1, 0, 2: running shares 1/3, 1/3, 1 on 100,000 cents →
    # ROUND(33,333.3) = 33,333, 33,333, 100,000 → ¥333.33, 0, ¥666.67.
    assert revenue_by_customers(1000.0, np.array([1, 0, 2]), np.ones(3)).tolist() == [
        333.33, 0.0, 666.67]
    # No customers: by the fallback weights 1, 3 → ¥250, ¥750.
    assert revenue_by_customers(1000.0, np.zeros(2), np.array([1, 3])).tolist() == [
        250.0, 750.0]


@settings(deadline=None, max_examples=50)
@given(counts=st.lists(st.integers(min_value=0, max_value=10**7), min_size=5, max_size=5),
       weights=st.lists(st.floats(min_value=0, max_value=100), min_size=12, max_size=12),
       revenue=st.floats(min_value=0, max_value=1e10),
       year=st.integers(min_value=2020, max_value=2035))
def test_months_and_weeks_add_up_to_the_annual_targets(counts, weights, revenue, year):
    annual = dict(zip(["lead", "mql", "sql", "opp", "won"], counts, strict=True))
    lags = {"lead": 3, "mql": 2, "sql": 1, "opp": 13}
    monthly, needed = plan_monthly(annual, revenue, np.array(weights), lags, year)
    weekly = plan_weekly(monthly, year)
    for column, total in zip(["leads", "mql", "sql", "opp", "won"], counts, strict=True):
        assert monthly[column].sum() == total
        assert weekly[column].sum() == total
        assert (weekly[column] >= 0).all()
    # The target in cents as Excel's ROUND has it (halves up: ¥0.125 is 13 cents, where
    # Python's round would say 12), as the sheet's formulas round it.
    cents = int(round_excel(revenue * 100))
    assert round(monthly["revenue"].sum() * 100) == cents
    assert round(weekly["revenue"].sum() * 100) == cents
    assert all(0 <= needed[s] <= annual[s] for s in needed)
    # The weeks counting in a month (its Thursday's) add up to the month, to the unit and
    # the cent, for every stage and revenue; a period without customers has no revenue.
    by_month = weekly.groupby("month")[["leads", "mql", "sql", "opp", "won", "revenue"]].sum()
    months = monthly.set_index("month")[by_month.columns]
    for column in ("leads", "mql", "sql", "opp", "won"):
        assert by_month[column].tolist() == months[column].tolist(), column
    cents = (by_month["revenue"] * 100).round().tolist()
    assert cents == (months["revenue"] * 100).round().tolist()
    if counts[4] > 0:
        assert (monthly.loc[monthly["won"] == 0, "revenue"] == 0).all()
        assert (weekly.loc[weekly["won"] == 0, "revenue"] == 0).all()


def test_a_target_of_half_a_cent_rounds_up_as_excel_does():
    # Hypothesis found it: ¥0.125 with no customers planned is 13 cents over the months
    # (Excel's ROUND(12.5) = 13), not Python's round-half-even 12.
    monthly, _ = plan_monthly(dict.fromkeys(["lead", "mql", "sql", "opp", "won"], 0), 0.125,
                              np.zeros(12), {"lead": 3, "mql": 2, "sql": 1, "opp": 13}, 2020)
    assert round(monthly["revenue"].sum() * 100) == 13
    assert round_excel(12.5) == 13 and round_excel(0.285 * 100) == 29
