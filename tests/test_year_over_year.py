"""Year over year on two hand-made fiscal years (2023 last year, 2024 this year).

Leads (dates yyyy-mm-dd)::

    id  created     channel mql         sql         opp         won         amount
    A1  2023-03-01  ads     2023-03-05  2023-03-10  2023-04-01  2023-06-01  1000
    A2  2023-05-01  ads     -           -           -           -           -
    A3  2024-02-01  ads     2024-02-05  2024-02-10  2024-03-01  2024-04-01  3000
    A4  2024-03-01  ads     -           -           -           -           -
    A5  2024-04-01  ads     -           -           -           -           -
    W1  2024-05-01  web     -           -           -           -           -

Spend: ads 2023-01 cost 1000 visits 100; ads 2024-01 cost 1500 visits 300; web 2024-02 cost
500 visits 0.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from xlreview.funnel import funnel_table
from xlreview.year_over_year import change, funnel_last_year, year_over_year

COLUMNS = ["lead_id", "created", "channel", "campaign", "mql_date", "sql_date", "opp_date",
           "won_date", "lost_date", "amount", "lead_type"]


def leads_frame(rows: list[tuple]) -> pd.DataFrame:
    """Leads in the ``Inputs.leads`` shape from (id, created, channel, campaign, mql, sql,
    opp, won, amount) tuples."""
    records = []
    for lead_id, created, channel, campaign, mql, sql, opp, won, amount in rows:
        records.append({"lead_id": lead_id, "created": created, "channel": channel,
                        "campaign": campaign, "mql_date": mql, "sql_date": sql,
                        "opp_date": opp, "won_date": won, "lost_date": None,
                        "amount": amount, "lead_type": None})
    frame = pd.DataFrame(records, columns=COLUMNS)
    for column in ("created", "mql_date", "sql_date", "opp_date", "won_date", "lost_date"):
        frame[column] = pd.to_datetime(frame[column])
    frame["amount"] = frame["amount"].astype(float)
    return frame


def two_years() -> tuple[pd.DataFrame, pd.DataFrame]:
    leads = leads_frame([
        ("A1", "2023-03-01", "ads", None, "2023-03-05", "2023-03-10", "2023-04-01",
         "2023-06-01", 1000),
        ("A2", "2023-05-01", "ads", None, None, None, None, None, None),
        ("A3", "2024-02-01", "ads", None, "2024-02-05", "2024-02-10", "2024-03-01",
         "2024-04-01", 3000),
        ("A4", "2024-03-01", "ads", None, None, None, None, None, None),
        ("A5", "2024-04-01", "ads", None, None, None, None, None, None),
        ("W1", "2024-05-01", "web", None, None, None, None, None, None),
    ])
    spend = pd.DataFrame({
        "month": pd.to_datetime(["2023-01-01", "2024-01-01", "2024-02-01"]),
        "channel": ["ads", "ads", "web"], "campaign": [None] * 3,
        "cost": [1000.0, 1500.0, 500.0], "visits": [100.0, 300.0, 0.0],
        "impressions": [0.0] * 3,
    })
    return leads, spend


def _rows(table: pd.DataFrame, channel: str) -> pd.DataFrame:
    return table[table["channel"] == channel].set_index("metric")


@pytest.mark.parametrize(("metric", "last", "this", "expected"), [
    ("cost", 1000, 1500, 0.5),      # 1500 / 1000 − 1
    ("visits", 100, 300, 2.0),      # 300 / 100 − 1
    ("leads", 2, 3, 0.5),           # A1, A2 → A3, A4, A5
    ("mql", 1, 1, 0.0),
    ("won", 1, 1, 0.0),
    ("revenue", 1000, 3000, 2.0),
    ("cpl", 500, 500, 0.0),         # 1000 / 2 → 1500 / 3
    ("cac", 1000, 1500, 0.5),       # 1000 / 1 → 1500 / 1
    ("roi", 0.0, 1.0, 100.0),       # (1000 − 1000) / 1000 → (3000 − 1500) / 1500: +100 pp
])
def test_a_channel_of_both_years(metric, last, this, expected):
    leads, spend = two_years()
    row = _rows(year_over_year(leads, spend, 2024), "ads").loc[metric]
    assert (row["last_year"], row["this_year"]) == (last, this)
    assert row["change"] == pytest.approx(expected)


def test_a_new_channel_has_zero_counts_last_year_and_no_change():
    leads, spend = two_years()
    web = _rows(year_over_year(leads, spend, 2024), "web")
    assert web.loc["leads", ["last_year", "this_year"]].tolist() == [0, 1]
    assert web.loc["cost", ["last_year", "this_year"]].tolist() == [0, 500]
    # No leads or cost last year: no CPL, no ROI, and no change to show.
    assert math.isnan(web.loc["cpl", "last_year"]) and web.loc["cpl", "this_year"] == 500
    assert web.loc["roi", "this_year"] == -1.0  # (0 − 500) / 500
    assert web["change"].isna().all()


def test_total_of_both_years():
    leads, spend = two_years()
    total = _rows(year_over_year(leads, spend, 2024), "total")
    assert total.loc["cost", ["last_year", "this_year", "change"]].tolist() == [1000, 2000, 1.0]
    assert total.loc["leads", ["last_year", "this_year", "change"]].tolist() == [2, 4, 1.0]
    assert total.loc["cac", "this_year"] == 2000  # 2000 / 1 customer
    assert total.loc["roi", "this_year"] == 0.5   # (3000 − 2000) / 2000
    assert total.loc["roi", "change"] == pytest.approx(50.0)  # 0 % → 50 %: +50 pp


def test_table_shape_channels_then_total_each_with_every_metric():
    leads, spend = two_years()
    table = year_over_year(leads, spend, 2024)
    assert list(table.columns) == ["channel", "metric", "last_year", "this_year", "change"]
    assert table["channel"].unique().tolist() == ["ads", "web", "total"]
    assert table["metric"].tolist()[:11] == ["cost", "visits", "leads", "mql", "sql", "opp",
                                             "won", "revenue", "cpl", "cac", "roi"]


def test_no_data_gives_an_empty_table():
    leads, spend = two_years()
    assert year_over_year(leads.iloc[0:0], spend.iloc[0:0], 2024).empty


def test_change_blank_where_last_year_is_zero_or_blank():
    last = pd.Series([0.0, float("nan"), 4.0, float("nan")])
    this = pd.Series([5.0, 5.0, 5.0, 0.2])
    metric = pd.Series(["leads", "cpl", "leads", "roi"])
    out = change(last, this, metric)
    assert out.isna().tolist() == [True, True, False, True]
    assert out[2] == 0.25


def test_funnel_shows_last_years_conversion_beside_this_years():
    leads, _ = two_years()
    funnel = funnel_last_year(funnel_table(leads, 2024), leads, 2024).set_index("stage")
    columns = list(funnel.columns)
    assert columns.index("conversion_last_year") == columns.index("conversion") + 1
    # 2023 cohort: A1, A2 → 1 MQL of 2 leads; 2024 cohort: A3, A4, A5, W1 → 1 of 4.
    assert funnel.loc["mql", "conversion_last_year"] == 0.5
    assert funnel.loc["mql", "conversion"] == 0.25
    assert funnel.loc["won", "conversion_last_year"] == 1.0
    assert math.isnan(funnel.loc["lead", "conversion_last_year"])


def test_a_stage_the_export_does_not_track_stays_blank_in_both_years():
    """No SQL date in the export: the ROI matrix shows SQL blank, and so does the change."""
    leads, spend = two_years()
    leads["sql_date"] = pd.NaT
    table = year_over_year(leads, spend, 2024)
    sql = table[table["metric"] == "sql"]
    assert sql[["last_year", "this_year", "change"]].isna().all().all()
    # Counts of tracked stages are unchanged.
    ads = _rows(table, "ads")
    assert ads.loc["leads", ["last_year", "this_year"]].tolist() == [2, 3]
