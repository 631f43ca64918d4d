"""Top-down targets: the reverse funnel (hand arithmetic), rates per channel, the table."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.plan_helpers import combine, funnel_leads, make_inputs, spend_rows
from xlreview.errors import InputError
from xlreview.labels import label
from xlreview.targets import (
    TARGET_COLUMNS,
    channel_rates,
    customer_shares,
    funnel_counts,
    funnel_target,
    marketing_target,
    targets_table,
)

SEED_RATES = [0.2, 0.3, 0.4, 0.25]  # lead→MQL, MQL→SQL, SQL→opp, win rate


def test_seed_002_worked_example():
    # 200M × 60% new × 50% marketing = 60M. ⌈60M / 500k⌉ = 120 customers;
    # ⌈120 / 0.25⌉ = 480 opportunities; ⌈480 / 0.4⌉ = 1200 SQL; ⌈1200 / 0.3⌉ = 4000 MQL;
    # ⌈4000 / 0.2⌉ = 20000 leads.
    target = marketing_target(200e6, 0.6, 0.5)
    assert target == pytest.approx(60e6)
    assert funnel_counts(target, 500e3, SEED_RATES) == [20000, 4000, 1200, 480, 120]


def test_rounds_up_at_every_stage():
    # 1,000,000 / 300,000 = 3.33 → 4 customers; 4 / 0.3 = 13.3 → 14 opp; 14 / 0.3 = 46.7
    # → 47 SQL; 47 / 0.3 = 156.7 → 157 MQL; 157 / 0.3 = 523.3 → 524 leads.
    assert funnel_counts(1e6, 300e3, [0.3, 0.3, 0.3, 0.3]) == [524, 157, 47, 14, 4]


def test_rounding_is_excel_roundup_not_float_ceil():
    # 30 customers / 0.3 is 100.00000000000001 in binary floating point; Excel says 100.
    assert funnel_counts(30, None, [1, 1, 1, 0.3]) == [100, 100, 100, 100, 30]


def test_funnel_target_table():
    # deal_size None: the target is customers. 10 / 0.5 = 20 opp, / 0.5 = 40 SQL, / 1 = 40
    # MQL, / 0.8 = 50 leads.
    table = funnel_target(10, None, [0.8, 1.0, 0.5, 0.5])
    assert table["stage"].tolist() == ["lead", "mql", "sql", "opp", "won"]
    assert table["count"].tolist() == [50, 40, 40, 20, 10]


def test_zero_target_gives_zero_everywhere():
    assert funnel_counts(0, 500e3, SEED_RATES) == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    "rates",
    [
        [0.2, 0.3, 0.4],  # three rates
        [0.2, 0.3, 0.4, 0.0],  # a rate of 0 would need infinitely many opportunities
        [0.2, 0.3, 0.4, 1.5],  # above 100%
        [0.2, 0.3, float("nan"), 0.25],  # blank
        [0.2, None, 0.4, 0.25],  # empty cell
        [0.2, "30%", 0.4, 0.25],  # text
        [-0.2, 0.3, 0.4, 0.25],  # negative
    ],
)
def test_bad_rates_raise_input_error_with_reason(rates):
    with pytest.raises(InputError, match="rate"):
        funnel_counts(60e6, 500e3, rates)


@pytest.mark.parametrize("target, deal", [(-1, 500e3), (math.inf, 500e3), (60e6, 0), (60e6, -5)])
def test_bad_target_or_deal_size_raise(target, deal):
    with pytest.raises(InputError):
        funnel_counts(target, deal, SEED_RATES)


rate = st.floats(min_value=0.001, max_value=1.0)


@given(
    target=st.floats(min_value=0, max_value=1e10),
    deal=st.one_of(st.none(), st.floats(min_value=1, max_value=1e7)),
    rates=st.lists(rate, min_size=4, max_size=4),
)
def test_forward_funnel_reaches_the_target_and_no_more_than_needed(target, deal, rates):
    counts = funnel_counts(target, deal, rates)  # leads, mql, sql, opp, won
    need = target / deal if deal else target
    slack = 1e-9  # Excel's 15-digit rounding before ROUNDUP
    assert counts[4] >= need * (1 - slack)
    assert counts[4] - 1 < need * (1 + slack) or counts[4] == 0
    for i, r in enumerate(rates):
        # Running forward: count × rate reaches the next stage's count ...
        assert counts[i] * r >= counts[i + 1] * (1 - slack)
        # ... and one fewer would not (rounded up, not padded).
        assert (counts[i] - 1) * r < counts[i + 1] * (1 + slack) or counts[i] == 0


def tiny_leads():
    # Channel A: 10 leads, 5 MQL, 4 SQL, 2 opp, 1 won. Channel B: 10, 2, 1, 1, 1.
    # Overall: 20, 7, 5, 3, 2 → lead→MQL 7/20, MQL→SQL 5/7, SQL→opp 3/5, win 2/3.
    leads = combine(funnel_leads("A", [10, 5, 4, 2, 1]), funnel_leads("B", [10, 2, 1, 1, 1]))
    # A lost lead late in the year makes every lead old enough (cycle = 30 days).
    leads.loc[19, "lost_date"] = pd.Timestamp("2025-12-31")
    return leads


def test_channel_rates_fall_back_to_overall_where_conversions_are_few():
    found = channel_rates(tiny_leads(), min_conversions=2)
    # A: 5 MQL, 4 SQL, 2 opp ≥ 2 → own 0.5, 0.8, 0.5; 1 won < 2 → overall 2/3.
    assert found.rates.loc["A"].tolist() == pytest.approx([0.5, 0.8, 0.5, 2 / 3])
    # B: 2 MQL → own 0.2; 1 SQL, 1 opp, 1 won < 2 → overall 5/7, 3/5, 2/3.
    assert found.rates.loc["B"].tolist() == pytest.approx([0.2, 5 / 7, 0.6, 2 / 3])
    assert found.source.to_dict() == {"A": "overall", "B": "overall"}
    found = channel_rates(tiny_leads(), min_conversions=1)
    assert found.rates.loc["B"].tolist() == pytest.approx([0.2, 0.5, 1.0, 1.0])
    assert found.source.to_dict() == {"A": "channel", "B": "channel"}


def test_rates_use_only_leads_old_enough_to_have_converted():
    # 10 more A leads created on the last day cannot have converted yet (cycle 30 days):
    # they must not dilute A's lead→MQL rate of 5/10.
    leads = tiny_leads()
    young = funnel_leads("A", [10, 0, 0, 0, 0], start="2025-12-31", prefix="y")
    found = channel_rates(combine(leads, young), min_conversions=1)
    assert found.rates.loc["A", "lead_to_mql"] == pytest.approx(0.5)


def test_customer_shares_overrides_are_renormalised():
    history = pd.Series({"A": 1, "B": 3})
    assert customer_shares(history).to_dict() == pytest.approx({"A": 0.25, "B": 0.75})
    # A typed 3 and B typed 1 → 3/4 and 1/4; a blank override keeps the history share.
    override = pd.Series({"A": 3.0, "B": 1.0})
    assert customer_shares(history, override).to_dict() == pytest.approx({"A": 0.75, "B": 0.25})
    partial = pd.Series({"A": 0.5, "B": np.nan})  # A 0.5, B history 0.75 → 0.4 / 0.6
    assert customer_shares(history, partial).to_dict() == pytest.approx({"A": 0.4, "B": 0.6})


def tiny_inputs(**kwargs):
    spend = spend_rows([("2025-01-01", "A", 1000.0)])
    settings = {"revenue_target": 1e6, "avg_deal_size": 100e3, "min_conversions": 1}
    return make_inputs(tiny_leads(), spend=spend, **{**settings, **kwargs})


def test_targets_table_by_hand():
    inputs = tiny_inputs()
    table = targets_table(inputs).set_index("channel")
    assert list(table.reset_index().columns) == list(TARGET_COLUMNS)
    # 1M / 100k = 10 customers; 1 won each → share 0.5 / 0.5 → 5 + 5.
    # A (0.5, 0.8, 0.5, 0.5): opp ⌈5/0.5⌉ = 10, SQL 20, MQL ⌈20/0.8⌉ = 25, leads 50.
    # B (0.2, 0.5, 1.0, 1.0): opp 5, SQL 5, MQL 10, leads ⌈10/0.2⌉ = 50.
    stages = ["customers", "opp", "sql", "mql", "leads"]
    assert table.loc["A", stages].tolist() == [5, 10, 20, 25, 50]
    assert table.loc["B", stages].tolist() == [5, 5, 5, 10, 50]
    assert table.loc["total", ["customers", "leads"]].tolist() == [10, 100]
    assert table.loc["A", "revenue"] == 500e3
    # CPL A = 1000 cost / 10 leads in 2025 = 100 → implied 50 × 100 = 5000. B: no spend.
    assert table.loc["A", "cpl"] == 100
    assert table.loc["A", "implied_cost"] == 5000
    assert np.isnan(table.loc["B", "cpl"]) and np.isnan(table.loc["B", "implied_cost"])
    assert any("B" in i.message and i.sheet == "targets" for i in inputs.findings)
    assert table.loc["total", "rate_source"] == "overall"


def test_targets_table_uses_user_overrides_and_bottom_up():
    previous = pd.DataFrame({"channel": ["A", "B", "Total"], "share_override": [3, 1, None],
                             "bottom_up_leads": [60, None, 60], "pick": ["bottom_up", None, None]})
    table = targets_table(tiny_inputs(previous={"targets": previous})).set_index("channel")
    # Shares 0.75 / 0.25 of 10 customers = 7.5 / 2.5 → largest remainder (tie: first) 8 / 2.
    assert table.loc[["A", "B"], "customers"].tolist() == [8, 2]
    # A: opp 16, SQL 32, MQL 40, leads 80; gap = 80 − 60 = 20; picked bottom-up → plan 60.
    assert table.loc["A", ["leads", "bottom_up_leads", "gap", "plan_leads"]].tolist() == [
        80, 60, 20, 60]
    assert table.loc["B", "pick"] == "top_down"
    # B: 2 customers → opp 2, SQL 2, MQL 4, leads 20. Total plan leads = 60 + 20.
    assert table.loc["total", "plan_leads"] == 80
    assert table.loc["total", "bottom_up_leads"] == 60  # the Total row typed is ignored
    # The typed overrides are written back so that they survive the next rebuild.
    assert table.loc[["A", "B"], "share_override"].tolist() == [3, 1]


def test_zero_target_and_missing_target():
    table = targets_table(tiny_inputs(revenue_target=0.0))
    assert (table[["customers", "opp", "sql", "mql", "leads"]] == 0).all().all()
    inputs = tiny_inputs(revenue_target=None)
    table = targets_table(inputs)
    assert table["leads"].isna().all()
    assert any(i.sheet == "targets" and "revenue target" in i.message for i in inputs.findings)


def test_a_stage_nobody_reached_gives_blanks_and_a_reason_not_inf():
    leads = funnel_leads("A", [10, 5, 4, 2, 0])  # nobody won: win rate 0
    inputs = make_inputs(leads, revenue_target=1e6, avg_deal_size=100e3)
    table = targets_table(inputs)
    assert not np.isinf(table.select_dtypes("number").to_numpy()).any()
    assert table["customers"].tolist() == [10, 10]
    assert table["opp"].isna().all()
    assert any(label("col.opp_to_won", "en") in i.message for i in inputs.findings)


def test_deal_size_defaults_to_the_mean_new_customer_deal():
    table = targets_table(tiny_inputs(avg_deal_size=None))
    assert table["avg_deal"].iloc[0] == 100e3  # every won lead has amount 100k


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_channels_without_spend_are_one_data_check_line(lang):
    # No spend at all: A and B both lack a CPL → one line naming both, not one per channel.
    inputs = make_inputs(tiny_leads(), spend=spend_rows([]), revenue_target=1e6,
                         avg_deal_size=100e3, min_conversions=1, language=lang)
    targets_table(inputs)
    lines = [i.message for i in inputs.findings if i.sheet == "targets"]
    no_spend = [m for m in lines if ("A" in m and "B" in m)]
    assert len(no_spend) == 1 and no_spend[0].startswith("2")
    assert ("A, B" if lang == "en" else "A、B") in no_spend[0]


def test_the_channel_without_a_name_is_shown_as_no_channel_not_an_internal_code():
    leads = tiny_leads()
    leads.loc[leads["channel"] == "B", "channel"] = "unassigned"
    inputs = make_inputs(leads, spend=spend_rows([("2025-01-01", "A", 1000.0)]),
                         revenue_target=1e6, avg_deal_size=100e3, min_conversions=1)
    targets_table(inputs)
    lines = [i.message for i in inputs.findings if i.sheet == "targets"]
    assert any(label("value.unassigned") in m for m in lines)
    assert not any("unassigned" in m for m in lines)
