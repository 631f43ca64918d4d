"""The contingency reserve: a share of the programme budget held back, by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.plan_helpers import combine, funnel_leads, make_inputs, spend_rows
from xlreview.budget import budget_table
from xlreview.errors import InputError
from xlreview.reserve import reserve_row, split_reserve
from xlreview.settings import parse_settings


def test_split_reserve_by_hand():
    # 5% of 4,060,000 = 203,000; the rest 3,857,000.
    assert split_reserve(4_060_000, 0.05) == (203_000.0, 3_857_000.0)
    # 1/3 of 100.00 = 33.333… → 33.33 to the nearest cent; the rest 66.67.
    assert split_reserve(100.0, 1 / 3) == (33.33, 66.67)
    assert split_reserve(1_000.0, 0.0) == (0.0, 1_000.0)


@pytest.mark.parametrize("share", [-0.1, 1.5, float("nan")])
def test_split_reserve_rejects_a_share_outside_0_to_1(share):
    with pytest.raises(InputError):
        split_reserve(1_000.0, share)


@given(st.integers(0, 10**11), st.floats(0, 1))
def test_reserve_and_rest_add_up_to_the_cent(cents, share):
    reserve, rest = split_reserve(cents / 100, share)
    assert round(reserve * 100) + round(rest * 100) == cents
    assert reserve >= 0 and rest >= 0


def test_no_reserve_line_when_there_is_none():
    assert reserve_row(0.0).empty
    assert reserve_row(12.5)[["channel", "type", "planned_cost"]].values.tolist() == [
        ["reserve", "reserve", 12.5]]


def test_the_budget_table_takes_the_reserve_off_before_the_allocation():
    # Budget 10,000 − headcount 1,000 = programme 9,000; reserve 10% = 900; the rest 8,100:
    # experiments 20% = 1,620, proven 6,480 split 1 : 3 by implied cost (no bounds):
    # A 1,620, B 4,860. Total still 10,000.
    leads = combine(funnel_leads("A", [10, 5, 4, 2, 1], deal=2000.0),
                    funnel_leads("B", [10, 2, 1, 1, 1], deal=3000.0))
    spend = spend_rows([("2025-01-01", "A", 1000.0), ("2025-01-01", "B", 3000.0)])
    previous = pd.DataFrame({"channel": ["A", "B"], "type": ["proven", "proven"],
                             "min": [0, 0], "max": [1e6, 1e6], "locked": [None, None]})
    inputs = make_inputs(leads, spend=spend, headcount_cost=1000.0,
                         previous={"budget": previous}, fiscal_year=2025, budget_total=10_000.0,
                         budget_method="implied", reserve_share=0.1)
    targets = pd.DataFrame({"channel": ["A", "B", "total"], "implied_cost": [1, 3, 4]})
    table = budget_table(inputs, targets).set_index("channel")
    assert table["planned_cost"].to_dict() == {"A": 1620, "B": 4860, "experiment": 1620,
                                               "reserve": 900, "headcount": 1000,
                                               "total": 10_000}
    assert table.loc["reserve", "type"] == "reserve"
    # No cost last year: the change is blank, not infinite.
    assert pd.isna(table.loc["reserve", "change"])


def test_reserve_share_setting_reads_percentages_and_rejects_nonsense():
    assert parse_settings([(2, "reserve_share", "5%")]).reserve_share == 0.05
    assert parse_settings([(2, "reserve_share", 5)]).reserve_share == 0.05  # 5 means 5%
    assert parse_settings([]).reserve_share == 0.0
    from xlreview.checks import Findings

    findings = Findings()
    assert parse_settings([(3, "reserve_share", "lots")], findings=findings).reserve_share == 0
    assert [(i.row, i.column) for i in findings] == [(3, "value")]
