"""Pipeline carry-over: open opportunities, win rate, value and close months."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_review import sample_leads
from xlreview.pipeline import (
    close_month_shares,
    deal_values,
    open_opportunities,
    pipeline_tables,
    pipeline_value,
    win_rates,
)


def test_pipeline_value_by_month():
    # 100 × .5 in month 1; 50 × .5 in month 3; nothing in month 2.
    out = pipeline_value([100.0, 50.0], 0.5, [1, 3])
    assert out.values.tolist() == [[1, 50.0], [2, 0.0], [3, 25.0]]


def test_pipeline_value_all_in_month_one_and_blanks_skipped():
    # (100 + 300) × .25 = 100; the blank amount is skipped.
    out = pipeline_value([100.0, None, 300.0], 0.25)
    assert out.values.tolist() == [[1, 100.0]]


def test_pipeline_value_lengths_must_match():
    with pytest.raises(ValueError, match="close_months"):
        pipeline_value([1.0, 2.0], 0.5, [1])


def test_open_opportunities_at_year_end():
    """2024-12-31: L7 only. L4 was lost in May; L1 L5 L9 were won; L10 L11 closed in 2023.
    At 2023-12-31 L9 (opp 2024-01-05) is not yet an opportunity, so none is open."""
    leads = sample_leads()
    assert open_opportunities(leads, 2024)["lead_id"].tolist() == ["L7"]
    assert open_opportunities(leads, 2023).empty


def test_win_rate_is_won_over_decided_opportunities_and_channel_minimum():
    """Opportunities decided (won or lost) by the end of 2024: won L1, L5, L9, L10; lost L4,
    L11 (L7 is still open) → overall 4 / 6. With min_conversions 2, ads has 4 decided
    (L1, L10 won; L4, L11 lost) → 2 / 4; events (L5) and web (L9) have one each → overall."""
    win = win_rates(sample_leads(), 2024, min_conversions=2)
    assert (win.won, win.decided, win.basis, win.stage) == (4, 6, "decided", "opp")
    assert win.overall == pytest.approx(4 / 6)
    assert win.by_channel.to_dict() == pytest.approx({"ads": 0.5, "events": 4 / 6,
                                                      "web": 4 / 6})


def test_win_rate_without_lost_dates_counts_stale_opportunities():
    """A CRM without lost dates: 4 opportunities old enough to have closed (created 59 days,
    one median sales cycle, before the last date), 1 won → 1/4, not 1/1."""
    leads = pd.DataFrame({
        "created": pd.to_datetime(["2023-01-01"] * 4),
        "channel": ["a"] * 4,
        "opp_date": pd.to_datetime(["2023-02-01"] * 4),
        "won_date": pd.to_datetime(["2023-03-01", None, None, None]),
        "lost_date": pd.to_datetime([None] * 4),
    })
    win = win_rates(leads, 2024)
    assert (win.overall, win.basis) == (0.25, "no_lost")


def test_deal_value_falls_back_to_channel_then_overall_median():
    """Medians of won amounts: ads 500 and 1000 → 750; overall 500, 1000, 2000, 3000 → 1500.
    An open ads deal without amount is 750; one of a new channel is 1500; one with an
    amount keeps it."""
    leads = sample_leads()
    extra = pd.DataFrame({"channel": ["ads", "new", "ads"], "amount": [np.nan, np.nan, 42.0]},
                         index=[100, 101, 102])
    assert deal_values(leads, extra).tolist() == [750.0, 1500.0, 42.0]


def test_close_month_shares_conditional_on_age():
    """Cycles 10, 40, 100, 400 days; year end 2024-12-31.
    Age 0: all 4 count; 10 → Jan 10 (Jan), 40 → Feb 9 (Feb), 100 → Apr 10 (Apr), 400 → 2026
    → each a quarter, the last outside next year. Age 50: cycles > 50 are 100 and 400 →
    remaining 50 days (Feb 19) and 350 (Dec 16) → half each. Age 500: overdue → month 1."""
    cycles = np.array([10.0, 40.0, 100.0, 400.0])
    shares = close_month_shares(np.array([0.0, 50.0, 500.0]), cycles, 2024)
    expected = np.zeros((3, 12))
    expected[0, [0, 1, 3]] = 0.25
    expected[1, [1, 11]] = 0.5
    expected[2, 0] = 1.0
    np.testing.assert_allclose(shares, expected)


@given(st.lists(st.integers(0, 800), min_size=1, max_size=30),
       st.lists(st.integers(0, 400), min_size=1, max_size=10))
def test_close_month_shares_are_probabilities(cycles, ages):
    shares = close_month_shares(np.array(ages, float), np.sort(np.array(cycles, float)), 2024)
    assert (shares >= 0).all()
    assert (shares.sum(axis=1) <= 1 + 1e-9).all()


def test_months_add_up_to_expected_next_year():
    table, months = pipeline_tables(sample_leads(), 2024)
    total = table.set_index("channel").loc["total"]
    assert months["expected_revenue"].sum() == pytest.approx(total["expected_next_year"])
    assert total["expected_next_year"] <= total["expected_value"] <= total["pipeline_value"]
