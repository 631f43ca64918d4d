"""ROI, cost ratios and the channel quadrant."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_review import sample_leads, sample_spend
from xlreview.roi import events_table, headcount_cost, quadrant, roi, roi_matrix, spend_in_year


def test_roi_programme_and_fully_loaded():
    # (300 − 100) / 100 = 2; with headcount 50: (300 − 150) / 150 = 1.
    assert roi(300.0, 100.0) == 2.0
    assert roi(300.0, 100.0, headcount=50.0) == 1.0
    assert roi(0.0, 100.0) == -1.0


@pytest.mark.parametrize("revenue, cost, headcount", [
    (100.0, 0.0, 0.0),       # no spend: no ROI, not infinity
    (0.0, 0.0, 0.0),         # 0 / 0
    (100.0, float("nan"), 0.0),  # blank cost
])
def test_roi_blank_without_investment(revenue, cost, headcount):
    assert math.isnan(roi(revenue, cost, headcount))


@given(st.floats(0, 1e9), st.floats(1, 1e9), st.floats(0, 1e9))
def test_fully_loaded_roi_never_above_programme_roi(revenue, cost, headcount):
    assert roi(revenue, cost, headcount) <= roi(revenue, cost) + 1e-9


def test_quadrant_split_at_the_medians():
    """Volumes 10, 20, 30, 40 → median 25; qualities .1, .4, .2, .3 → median .25.
    a: low/low question; b: low volume, high quality; c: high volume, low quality;
    d: both high."""
    volume = pd.Series([10.0, 20, 30, 40], index=list("abcd"))
    quality = pd.Series([0.1, 0.4, 0.2, 0.3], index=list("abcd"))
    assert quadrant(volume, quality).tolist() == ["question", "quality", "volume", "star"]


def test_spend_in_year_by_campaign_skips_rows_without_one():
    # Only the Expo row (2024-04, 3000) has a campaign.
    out = spend_in_year(sample_spend(), 2024, "campaign")
    assert out.to_dict("index") == {"Expo": {"cost": 3000.0, "visits": 0.0}}


def test_headcount_cost_blank_share_is_whole():
    # 100 × 0.5 + 40 × (blank → 1) = 90
    frame = pd.DataFrame({"annual_cost": [100.0, 40.0], "marketing_share": [0.5, None]})
    assert headcount_cost(frame) == 90.0
    assert headcount_cost(pd.DataFrame()) == 0.0


def test_total_row_sums_channels_and_recomputes_ratios():
    m = roi_matrix(sample_leads(), sample_spend(), 2024)
    body, total = m.iloc[:-1], m.iloc[-1]
    assert total["channel"] == "total"
    for column in ("cost", "visits", "leads", "mql", "sql", "opp", "won", "revenue"):
        assert total[column] == body[column].sum()
    assert total["cpl"] == total["cost"] / total["leads"]
    assert total["roas"] == total["revenue"] / total["cost"]


def test_other_year_only_spend_is_not_a_channel_row():
    """2023: ads spend 999 (Dec) and ads leads L10 L11, web L9 → channels ads and web only;
    ads cost 999, leads 2, won 1 (L10, 500)."""
    m = roi_matrix(sample_leads(), sample_spend(), 2023).set_index("channel")
    assert list(m.index) == ["ads", "web", "total"]
    assert m.loc["ads", ["cost", "leads", "won", "revenue"]].tolist() == [999, 2, 1, 500]


def test_event_rates_are_of_the_campaign_cohort():
    """Forum: F1 created 2023 (MQL, SQL 2023; opp Jan 2024, won Feb 2024, 100) and F2
    created 2024 (MQL only). 2024 counts (period): 1 lead, 1 MQL, 0 SQL, 1 opp, 1 won, 100.
    Rates of the 2024 cohort (F2): lead→MQL 1/1, MQL→SQL 0/1, SQL→opp 0/0 and opp→won 0/0
    blank (the period counts would give opp→won 1/1)."""
    leads = pd.DataFrame({
        "lead_id": ["F1", "F2"],
        "created": pd.to_datetime(["2023-12-01", "2024-03-01"]),
        "channel": ["events", "events"],
        "campaign": ["Forum", "Forum"],
        "mql_date": pd.to_datetime(["2023-12-05", "2024-03-02"]),
        "sql_date": pd.to_datetime(["2023-12-10", None]),
        "opp_date": pd.to_datetime(["2024-01-10", None]),
        "won_date": pd.to_datetime(["2024-02-01", None]),
        "amount": [100.0, float("nan")],
    })
    row = events_table(leads, pd.DataFrame(), 2024).iloc[0]
    assert row[["campaign", "channel", "leads", "mql", "sql", "opp", "won", "revenue"]
               ].tolist() == ["Forum", "events", 1, 1, 0, 1, 1, 100]
    assert row["lead_to_mql"] == 1.0 and row["mql_to_sql"] == 0.0
    assert pd.isna(row["sql_to_opp"]) and pd.isna(row["opp_to_won"])
    assert pd.isna(row["roi"])  # no cost


def test_main_channel_of_a_campaign():
    """Most leads decide (x: 2 web, 1 ads → web); a tie takes the first channel in sort
    order (y: ads and web → ads); a campaign without leads takes its spend's channel (z)."""
    from xlreview.roi import _main_channel
    from xlreview.stages import StageView

    leads = pd.DataFrame({"campaign": ["x", "x", "x", "y", "y", None],
                          "channel": ["web", "ads", "web", "web", "ads", "ads"]})
    spend = pd.DataFrame({"campaign": ["z", "x"], "channel": ["events", "events"]})
    found = _main_channel(StageView(leads), spend, pd.Index(["x", "y", "z", "w"]))
    assert found.tolist()[:3] == ["web", "ads", "events"] and pd.isna(found["w"])


def test_campaign_lifetime_beside_the_year():
    """FY 2025. Summit24: 2 leads created Nov 2024, 2,000 spent Nov 2024, one deal of 5,000
    won Feb 2025 → in-year: revenue 5,000, no cost, ROI blank; lifetime: 2 leads, cost
    2,000, revenue 5,000, ROI (5,000 − 2,000) / 2,000 = 1.5. Summit25 (Dec 2025): 1,000
    spent, nothing won yet → ROI −100% in the year and to date."""
    from xlreview.roi import events_table

    leads = pd.DataFrame({
        "lead_id": ["L1", "L2", "L3"],
        "created": pd.to_datetime(["2024-11-01", "2024-11-01", "2025-12-10"]),
        "channel": ["events"] * 3,
        "campaign": ["Summit24", "Summit24", "Summit25"],
        "won_date": pd.to_datetime(["2025-02-01", None, None]),
        "amount": [5000.0, np.nan, np.nan],
    })
    for column in ("mql_date", "sql_date", "opp_date", "lost_date"):
        leads[column] = pd.NaT
    spend = pd.DataFrame({"month": pd.to_datetime(["2024-11-01", "2025-12-01"]),
                          "channel": ["events"] * 2, "campaign": ["Summit24", "Summit25"],
                          "cost": [2000.0, 1000.0], "visits": [0.0, 0.0]})
    events = events_table(leads, spend, 2025).set_index("campaign")
    s24, s25 = events.loc["Summit24"], events.loc["Summit25"]
    assert (s24["revenue"], s24["cost"]) == (5000, 0) and np.isnan(s24["roi"])
    assert s24[["lifetime_leads", "lifetime_cost", "lifetime_revenue", "lifetime_roi"]
               ].tolist() == [2, 2000, 5000, 1.5]
    assert s25["roi"] == -1 and s25["lifetime_roi"] == -1
