"""Funnel functions: conversion rates, stage counts and the sales cycle."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_review import sample_leads
from xlreview.funnel import (
    cohort_counts,
    conversion_rates,
    period_counts,
    ratio,
    sales_cycle_days,
)

NAN = float("nan")


def test_conversion_rates_by_channel():
    """All 11 sample leads (cohort, reached by now):
    ads L1 L2 L3 L4 L10 L11: 6 leads, MQL 5 (not L3), SQL 4 (L1 L4 L10 L11), opp 4, won 2
    (L1 L10) → 5/6, 4/5, 4/4, 2/4, 2/6.
    events L5 L6 L7: 3, 3, 2, 2, 1 → 1, 2/3, 1, 1/2, 1/3.
    web L8 L9: 2, 1, 1, 1, 1 → 1/2, 1, 1, 1, 1/2.
    """
    rates = conversion_rates(sample_leads(), by="channel")
    assert list(rates.columns) == ["channel", "lead_to_mql", "mql_to_sql", "sql_to_opp",
                                   "opp_to_won", "lead_to_won"]
    assert rates["channel"].tolist() == ["ads", "events", "web"]
    np.testing.assert_allclose(rates.iloc[:, 1:].to_numpy(float), [
        [5 / 6, 4 / 5, 1, 1 / 2, 2 / 6],
        [1, 2 / 3, 1, 1 / 2, 1 / 3],
        [1 / 2, 1, 1, 1, 1 / 2],
    ])


def test_conversion_rates_overall_and_from_dates_only():
    """Without the reached_* flags a later stage date still implies the earlier stages:
    one lead with only a won date counts at every stage."""
    leads = pd.DataFrame({
        "created": pd.to_datetime(["2024-01-01", "2024-01-02"]),
        "mql_date": pd.to_datetime([None, None]),
        "sql_date": pd.to_datetime([None, None]),
        "opp_date": pd.to_datetime([None, None]),
        "won_date": pd.to_datetime(["2024-03-01", None]),
    })
    rates = conversion_rates(leads)
    assert rates.iloc[0].tolist() == [0.5, 1.0, 1.0, 1.0, 0.5]


def test_a_stage_nobody_reached_gives_blank_rates():
    """L3 alone: 1 lead, no MQL → lead→MQL 0/1 = 0, every later rate 0/0 = blank."""
    leads = sample_leads()
    rates = conversion_rates(leads[leads["lead_id"] == "L3"]).iloc[0]
    assert rates["lead_to_mql"] == 0.0 and rates["lead_to_won"] == 0.0
    assert rates[["mql_to_sql", "sql_to_opp", "opp_to_won"]].isna().all()


def test_period_and_cohort_counts_by_channel():
    """2024, web: period 1 lead (L8), 1 opp and 1 won (L9, created 2023);
    cohort (created 2024) only L8: 1 lead, nothing else."""
    period = period_counts(sample_leads(), 2024, "channel").loc["web"].tolist()
    cohort = cohort_counts(sample_leads(), 2024, "channel").loc["web"].tolist()
    assert period == [1, 0, 0, 1, 1]
    assert cohort == [1, 0, 0, 0, 0]


@pytest.mark.parametrize("num_name, den_name, name", [
    ("revenue", "revenue", "revenue"),  # a shared name is kept
    ("revenue", "cost", None),  # different names: none, as pandas' division gives
    (None, None, None),
])
@pytest.mark.parametrize("den_dtype", ["int64", "float64"])
def test_ratio_of_series_on_one_index_is_pandas_division(num_name, den_name, name, den_dtype):
    index = pd.Index(["Search", "Email", "Events", "total"], name="channel")
    num = pd.Series([300.0, 50.0, np.nan, 350.0], index=index, name=num_name)
    den = pd.Series([100, 0, 20, 120], index=index, name=den_name).astype(den_dtype)
    got = ratio(num, den)
    # 300 / 100 = 3; 50 / 0 is blank (no cost); blank / 20 stays blank; 350 / 120.
    expected = pd.Series([3.0, np.nan, np.nan, 350 / 120], index=index, name=name)
    pd.testing.assert_series_equal(got, expected)
    assert got.equals(num / den.astype(float).replace(0.0, np.nan))


def test_ratio_of_series_on_different_indexes_aligns_them():
    num = pd.Series([10.0, 20.0], index=["a", "b"])
    den = pd.Series([5.0, 4.0], index=["b", "c"])
    # Only b is in both: 20 / 5 = 4; a and c have no partner.
    pd.testing.assert_series_equal(ratio(num, den), pd.Series([np.nan, 4.0, np.nan],
                                                              index=["a", "b", "c"]))


def test_ratio_blank_for_zero_and_blank_denominators():
    assert ratio(1.0, 4.0) == 0.25
    assert np.isnan(ratio(1.0, 0.0)) and np.isnan(ratio(1.0, NAN))
    out = ratio(pd.Series([1, 2, 3]), pd.Series([2, 0, np.nan]))
    assert out.iloc[0] == 0.5 and out.iloc[1:].isna().all()


def test_sales_cycle_days_accepts_excel_serials_and_datetimes():
    """45292 is 2024-01-01 in Excel's 1900 date system; to 2024-01-11 is 10 days.
    Deals of 10 and 30 days: median 20, p80 10 + .8·20 = 26."""
    created = [45292, dt.datetime(2024, 1, 1)]
    won = [dt.datetime(2024, 1, 11), "2024-01-31"]
    out = sales_cycle_days(created, won)
    assert out.to_dict("records") == [
        {"lead_type": "all", "deals": 2, "median_days": 20.0, "p80_days": 26.0}]


def test_sales_cycle_days_by_lead_type_skips_blank_and_negative():
    """new: 10 days; existing: 20 and 40 → median 30, p80 20 + .8·20 = 36; the deal with no
    won date and the one won before it was created are left out of every row."""
    created = pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01",
                              "2024-02-01"])
    won = pd.to_datetime(["2024-01-11", "2024-01-21", "2024-02-10", None, "2024-01-15"])
    out = sales_cycle_days(created, won, ["new", "existing", "existing", "new", "new"])
    assert out.values.tolist() == [["new", 1, 10.0, 10.0], ["existing", 2, 30.0, 36.0],
                                   ["all", 3, 20.0, 32.0]]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=40))
def test_cohort_counts_never_grow_down_the_funnel(depths):
    """Each lead reaches stages 0..depth; counts are non-increasing and rates within 0..1."""
    start = pd.Timestamp("2024-01-01")
    frame = {"created": [start] * len(depths)}
    for i, column in enumerate(["mql_date", "sql_date", "opp_date", "won_date"], start=1):
        frame[column] = [start + pd.Timedelta(days=i) if d >= i else pd.NaT for d in depths]
    leads = pd.DataFrame(frame)
    counts = cohort_counts(leads, 2024).iloc[0].tolist()
    assert counts == [sum(d >= i for d in depths) for i in range(5)]
    rates = conversion_rates(leads).iloc[0].dropna()
    assert ((rates >= 0) & (rates <= 1)).all()


def test_sales_cycle_days_accepts_numpy_datetime_arrays():
    """As the SALES_CYCLE cell function passes them: Jan 1 → Jan 11 is 10 days; the pair
    with NaT is skipped."""
    created = np.array(["2024-01-01", "2024-01-01"], dtype="datetime64[ns]")
    won = np.array(["2024-01-11", "NaT"], dtype="datetime64[ns]")
    assert sales_cycle_days(created, won).values.tolist() == [["all", 1, 10.0, 10.0]]
