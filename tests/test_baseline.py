"""Plan baseline and plan against actual, by hand (fiscal year 2025, data to March).

Leads::

    id  created     channel mql         sql         opp         won         amount
    B1  2025-01-10  ads     2025-01-12  2025-01-20  2025-02-01  2025-02-15  1200
    B2  2025-01-20  ads     -           -           -           -           -
    B3  2025-02-03  web     -           -           -           -           -
    B4  2025-03-05  ads     2025-03-10  -           -           -           -
    B5  2024-12-01  ads     -           -           -           -           -    (last year)

Spend: ads 2025-01 300, ads 2025-02 300, web 2025-03 150. The last month with data is March:
3 months elapsed. Leads by month (all channels): January 2, February 1, March 1: a run rate
of 4 / 3 a month.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.test_year_over_year import leads_frame
from xlreview.baseline import (
    Period,
    freeze_plan,
    metric_key,
    parse_period,
    plan_vs_actual,
    read_baseline,
)
from xlreview.checks import Findings

NAN = float("nan")


def leads():
    return leads_frame([
        ("B1", "2025-01-10", "ads", None, "2025-01-12", "2025-01-20", "2025-02-01",
         "2025-02-15", 1200),
        ("B2", "2025-01-20", "ads", None, None, None, None, None, None),
        ("B3", "2025-02-03", "web", None, None, None, None, None, None),
        ("B4", "2025-03-05", "ads", None, "2025-03-10", None, None, None, None),
        ("B5", "2024-12-01", "ads", None, None, None, None, None, None),
    ])


def spend():
    return pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"]),
                         "channel": ["ads", "ads", "web"], "campaign": [None] * 3,
                         "cost": [300.0, 300.0, 150.0]})


def baseline(rows):
    frame = pd.DataFrame(rows, columns=["period", "channel", "metric", "plan"])
    frame["_row"] = range(4, 4 + len(frame))
    return frame


ROWS = [
    ("2025-01", None, "leads", 3),
    ("2025-Q1", None, "leads", 6),
    ("2025-Q2", None, "leads", 6),
    ("2025", "ads", "revenue", 6000),
    ("2025", "ads", "cost", 2400),
    ("2025-04", "Web", "leads", 2),
    ("2026-01", None, "leads", 9),
]


def table():
    return plan_vs_actual(baseline(ROWS), leads(), spend(), 2025)


@pytest.mark.parametrize(("i", "actual", "completion", "forecast"), [
    # January: 2 leads of 3 planned; a month in the past: the forecast is the actual.
    (0, 2, 2 / 3, 2),
    # Q1: 2 + 1 + 1 = 4 of 6.
    (1, 4, 4 / 6, 4),
    # Q2 has not begun: no actual; forecast = 3 months × 4 / 3.
    (2, NAN, NAN, 4),
    # ads revenue: B1's 1200 in February; forecast 1200 + 9 months × 1200 / 3 = 4800.
    (3, 1200, 0.2, 4800),
    # ads cost: 300 + 300; forecast 600 + 9 × 600 / 3 = 2400.
    (4, 600, 0.25, 2400),
    # April, channel "Web" (matched ignoring case): web's 1 lead to March, 1 / 3 a month.
    (5, NAN, NAN, 1 / 3),
])
def test_plan_against_actual_with_run_rate_forecast(i, actual, completion, forecast):
    row = table().iloc[i]
    assert row["actual"] == pytest.approx(actual, nan_ok=True)
    assert row["completion"] == pytest.approx(completion, nan_ok=True)
    assert row["forecast"] == pytest.approx(forecast)
    assert row["variance"] == pytest.approx(actual - ROWS[i][3], nan_ok=True)


def test_only_the_fiscal_years_rows_in_the_sheets_order():
    out = table()
    assert list(out.columns) == ["period", "channel", "metric", "plan", "actual", "variance",
                                 "completion", "forecast"]
    assert out["period"].tolist() == ["2025-01", "2025-Q1", "2025-Q2", "2025", "2025",
                                      "2025-04"]
    assert out.attrs["as_of"] == 3
    assert plan_vs_actual(baseline(ROWS), leads(), spend(), 2024).empty


def test_a_year_without_data_has_no_actual_and_no_forecast():
    rows = [("2027-Q1", None, "leads", 5)]
    out = plan_vs_actual(baseline(rows), leads(), spend(), 2027)
    assert math.isnan(out["actual"].iloc[0]) and math.isnan(out["forecast"].iloc[0])
    assert out.attrs["as_of"] is None


def test_unusable_rows_are_findings_naming_sheet_row_and_column():
    rows = [("next spring", None, "leads", 3), ("2025-02", None, "likes", 3),
            ("2025-02", None, "leads", None), ("2025-03", "tv", "leads", 1)]
    findings = Findings()
    out = plan_vs_actual(baseline(rows), leads(), spend(), 2025, findings,
                         sheet="Plan baseline")
    where = [(i.sheet, i.row, i.column) for i in findings.issues]
    assert where == [("Plan baseline", 4, "period"), ("Plan baseline", 5, "metric"),
                     ("Plan baseline", 6, "plan"), ("Plan baseline", None, "channel")]
    assert out["actual"].tolist() == [0.0]  # tv: no leads, no spend


@pytest.mark.parametrize(("text", "period"), [
    ("2027-03", Period(2027, 3, 1)), ("2027/3", Period(2027, 3, 1)),
    ("2027年3月", Period(2027, 3, 1)), (pd.Timestamp("2027-03-01"), Period(2027, 3, 1)),
    ("2027-03-01 00:00:00", Period(2027, 3, 1)),  # a date typed in Excel, read as text
    ("2027-Q2", Period(2027, 4, 3)), ("Q2 2027", Period(2027, 4, 3)),
    ("2027年第2季度", Period(2027, 4, 3)), ("2027", Period(2027, 1, 12)),
    (2027.0, Period(2027, 1, 12)), ("2027-13", None), ("soon", None), (None, None),
])
def test_periods_as_typed(text, period):
    assert parse_period(text) == period


def test_period_keys():
    assert [Period(2027, 3, 1).key, Period(2027, 4, 3).key, Period(2027, 1, 12).key] == [
        "2027-03", "2027-Q2", "2027"]


@pytest.mark.parametrize(("text", "key"), [
    ("Leads", "leads"), ("customers", "won"), ("商机", "opp"), ("收入", "revenue"),
    ("预算", "cost"), ("likes", None),
    # The words the Plan vs actual sheet shows, and Traditional spellings.
    ("成交额", "revenue"), ("成交額", "revenue"), ("線索", "leads"), ("商機", "opp"),
    ("成交客戶", "won"), ("費用", "cost"), ("營銷合格線索", "mql"),
])
def test_metric_words(text, key):
    assert metric_key(text) == key


def test_freeze_plan_months_quarters_and_channels():
    tables = {
        "plan_monthly": pd.DataFrame({
            "month": pd.to_datetime(["2026-01-01", "2026-02-01"]),
            "leads": [10.0, 20.0], "mql": [4.0, 8.0], "sql": [2.0, 3.0], "opp": [1.0, 1.0],
            "won": [0.0, 1.0], "revenue": [0.0, 500.0], "budget": [100.0, 200.0]}),
        "plan_quarterly": pd.DataFrame({
            "quarter": ["Q1"], "leads": [30.0], "mql": [12.0], "sql": [5.0], "opp": [2.0],
            "won": [1.0], "revenue": [500.0], "budget": [300.0]}),
        "targets": pd.DataFrame({
            "channel": ["ads", "web", "total"], "plan_leads": [25.0, 5.0, 30.0],
            "leads": [24.0, 5.0, 29.0], "mql": [10.0, 2.0, 12.0], "sql": [4.0, 1.0, 5.0],
            "opp": [2.0, 0.0, 2.0], "customers": [1.0, 0.0, 1.0],
            "revenue": [500.0, 0.0, 500.0]}),
        "budget": pd.DataFrame({"channel": ["ads", "web", "headcount"],
                                "type": ["proven", "experiment", "headcount"],
                                "planned_cost": [250.0, 50.0, 1000.0]}),
    }
    frame = freeze_plan(tables, 2026)
    assert list(frame.columns) == ["period", "channel", "metric", "plan"]
    # 2 months × 7 metrics, 1 quarter × 7, 2 channels × 7 = 35 rows.
    assert len(frame) == 35
    first = frame.iloc[:7]
    assert first["period"].unique().tolist() == ["2026-01"]
    assert first["metric"].tolist() == ["leads", "mql", "sql", "opp", "won", "revenue", "cost"]
    assert first["plan"].tolist() == [10, 4, 2, 1, 0, 0, 100]
    quarter = frame[frame["period"] == "2026-Q1"].set_index("metric")["plan"]
    assert quarter["cost"] == 300
    ads = frame[frame["channel"] == "ads"].set_index("metric")["plan"]
    assert (ads["leads"], ads["won"], ads["cost"]) == (25, 1, 250)  # leads as planned
    assert frame[frame["channel"] == "web"].set_index("metric")["plan"]["cost"] == 50
    # Frozen rows read back as they were written.
    frame["_row"] = range(4, 4 + len(frame))
    assert len(read_baseline(frame)) == 35


def test_other_years_are_kept_as_typed_and_the_years_rows_counted():
    from xlreview.baseline import other_years

    typed = baseline([("2025-01", None, "leads", 3), ("2026-Q1", "ads", "Leads", 9),
                      ("soon", None, "leads", 1), ("2026", None, "cost", 100)])
    kept, clash = other_years(typed, 2026)
    assert clash == 2
    assert kept["period"].tolist() == ["2025-01", "soon"]  # the unreadable one is the user's
    assert list(kept.columns) == ["period", "channel", "metric", "plan"]
    assert other_years(typed.iloc[0:0], 2026)[1] == 0


def test_a_stage_the_export_does_not_track_has_no_actual():
    untracked = leads()
    untracked["sql_date"] = pd.NaT
    rows = [("2025-Q1", None, "sql", 5), ("2025-Q1", None, "leads", 6)]
    out = plan_vs_actual(baseline(rows), untracked, spend(), 2025)
    assert math.isnan(out["actual"][0]) and math.isnan(out["forecast"][0])
    assert out["actual"][1] == 4


def test_the_year_at_a_glance_adds_up_the_months_of_all_channels():
    from xlreview.baseline import year_at_a_glance

    rows = [*ROWS, ("2025-06", None, "leads", 4)]
    glance = year_at_a_glance(plan_vs_actual(baseline(rows), leads(), spend(), 2025))
    # Months of all channels: January (plan 3, actual 2, forecast 2) and June (plan 4, not
    # begun: no actual, forecast one month × 4 / 3). Quarters, years and Web's April are
    # other rows.
    [row] = glance.to_dict("records")
    assert (row["metric"], row["plan"], row["actual"]) == ("leads", 7.0, 2.0)
    assert row["forecast"] == pytest.approx(2 + 4 / 3)
    assert row["forecast_completion"] == pytest.approx((2 + 4 / 3) / 7)
    assert year_at_a_glance(table().iloc[0:0]).empty
