"""build_review on a tiny hand-computed workbook (fiscal year 2024).

The data set (dates are 2024 unless marked 2023; stage dates already back-filled, as
``read_inputs`` delivers them)::

    id   created     channel  campaign mql    sql    opp         won         lost   amount type
    L1   01-10       ads      -        01-20  02-01  02-15       03-15       -      1000   new
    L2   02-05       ads      Webinar  02-10  -      -           -           -      -      -
    L3   03-01       ads      -        -      -      -           -           -      -      -
    L4   03-15       ads      -        03-20  04-01  04-10       -           05-01  -      -
    L5   04-01       events   Expo     04-02  04-10  05-01       06-30       -      3000   existing
    L6   04-01       events   Expo     04-05  -      -           -           -      -      -
    L7   11-01       events   Expo     11-05  11-20  12-01       -           -      -      -
    L8   09-01       web      -        -      -      -           -           -      -      -
    L9   2023-11-01  web      -        23-11-15 23-12-01 01-05   02-04       -      2000   new
    L10  2023-06-01  ads      -        23-06-10 23-07-01 23-08-01 2023-11-30 -      500    new
    L11  2023-03-01  ads      -        23-03-05 23-03-10 23-04-01 -        23-06-01 -      -

Spend: ads 2024-01 cost 2000 visits 1000; ads 2024-02 cost 1000 visits 500; events/Expo
2024-04 cost 3000 visits 0; social 2024-05 cost 500 visits 200; ads 2023-12 cost 999
(other year, ignored).

Headcount: manager 100000 × 0.5 + analyst 20000 × (blank → 1) = 70000.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from xlreview.checks import Findings
from xlreview.inputs import Inputs
from xlreview.review import build_review
from xlreview.settings import Settings

NAN = float("nan")
LEAD_COLUMNS = ["lead_id", "created", "channel", "campaign", "mql_date", "sql_date", "opp_date",
                "won_date", "lost_date", "amount", "lead_type"]


def _d(text: str | None) -> pd.Timestamp:
    return pd.NaT if text is None else pd.Timestamp(text)


def sample_leads() -> pd.DataFrame:
    """The 11 leads of the module docstring in the ``Inputs.leads`` shape."""
    rows = [
        ("L1", "2024-01-10", "ads", None, "2024-01-20", "2024-02-01", "2024-02-15",
         "2024-03-15", None, 1000.0, "new"),
        ("L2", "2024-02-05", "ads", "Webinar", "2024-02-10", None, None, None, None, NAN, None),
        ("L3", "2024-03-01", "ads", None, None, None, None, None, None, NAN, None),
        ("L4", "2024-03-15", "ads", None, "2024-03-20", "2024-04-01", "2024-04-10", None,
         "2024-05-01", NAN, None),
        ("L5", "2024-04-01", "events", "Expo", "2024-04-02", "2024-04-10", "2024-05-01",
         "2024-06-30", None, 3000.0, "existing"),
        ("L6", "2024-04-01", "events", "Expo", "2024-04-05", None, None, None, None, NAN, None),
        ("L7", "2024-11-01", "events", "Expo", "2024-11-05", "2024-11-20", "2024-12-01", None,
         None, NAN, None),
        ("L8", "2024-09-01", "web", None, None, None, None, None, None, NAN, None),
        ("L9", "2023-11-01", "web", None, "2023-11-15", "2023-12-01", "2024-01-05",
         "2024-02-04", None, 2000.0, "new"),
        ("L10", "2023-06-01", "ads", None, "2023-06-10", "2023-07-01", "2023-08-01",
         "2023-11-30", None, 500.0, "new"),
        ("L11", "2023-03-01", "ads", None, "2023-03-05", "2023-03-10", "2023-04-01", None,
         "2023-06-01", NAN, None),
    ]
    leads = pd.DataFrame(rows, columns=LEAD_COLUMNS)
    for column in ("created", "mql_date", "sql_date", "opp_date", "won_date", "lost_date"):
        leads[column] = pd.to_datetime(leads[column]).astype("datetime64[ns]")
    leads["campaign"] = leads["campaign"].astype(object)
    for stage in ("mql", "sql", "opp", "won"):
        leads[f"reached_{stage}"] = leads[f"{stage}_date"].notna()
    leads["_row"] = range(2, 2 + len(leads))
    return leads


def sample_spend() -> pd.DataFrame:
    spend = pd.DataFrame(
        [("2024-01-01", "ads", None, 2000.0, 1000.0, NAN),
         ("2024-02-01", "ads", None, 1000.0, 500.0, NAN),
         ("2024-04-01", "events", "Expo", 3000.0, 0.0, NAN),
         ("2024-05-01", "social", None, 500.0, 200.0, NAN),
         ("2023-12-01", "ads", None, 999.0, 10.0, NAN)],
        columns=["month", "channel", "campaign", "cost", "visits", "impressions"],
    )
    spend["month"] = pd.to_datetime(spend["month"])
    spend["_row"] = range(2, 2 + len(spend))
    return spend


def sample_goals() -> pd.DataFrame:
    return pd.DataFrame(
        [("brand", "completion", "Leads", "leads", None, 10.0, NAN),
         ("growth", "效果层", "Revenue", "Revenue", "higher", 5000.0, NAN),
         ("growth", "ROI层", "CPL", "cpl", "越低越好", 1000.0, NAN),
         ("content", "完成层", "Articles", None, None, 0.0, 5.0),
         ("events", "effect", "Expo visitors", None, None, 200.0, 100.0),
         ("brand", "effect", "Share of voice", "share_of_voice", None, 0.5, NAN),
         ("brand", "roi", "Mystery", "foo", None, 1.0, NAN)],
        columns=["module", "layer", "goal", "metric", "direction", "target", "actual"],
    ).assign(_row=range(2, 9))


def sample_mentions() -> pd.DataFrame:
    return pd.DataFrame(
        [("2024-03-01", "Douyin", "Acme", 60.0), ("2024-03-01", "Douyin", "Rival", 40.0),
         ("2024-03-01", "Xiaohongshu", "acme ", 10.0),
         ("2024-03-01", "Xiaohongshu", "Rival", 30.0),
         ("2024-03-01", "Xiaohongshu", "Other", 60.0),
         ("2023-05-01", "Douyin", "Acme", 20.0), ("2023-05-01", "Douyin", "Rival", 60.0)],
        columns=["month", "platform", "brand", "mentions"],
    ).assign(month=lambda f: pd.to_datetime(f["month"]))


def sample_inputs(**settings: object) -> Inputs:
    headcount = pd.DataFrame({"role": ["manager", "analyst"],
                              "annual_cost": [100000.0, 20000.0],
                              "marketing_share": [0.5, NAN]})
    options = {"fiscal_year": 2024, "brand": "Acme", **settings}
    return Inputs(
        leads=sample_leads(), spend=sample_spend(), headcount=headcount,
        goals=sample_goals(), settings=Settings(**options), findings=Findings(),
        mentions=sample_mentions(),
    )


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return build_review(sample_inputs())


def test_every_contract_table_with_its_columns(tables):
    expected = {
        "roi_matrix": ["channel", "cost", "visits", "leads", "mql", "sql", "opp", "won",
                       "revenue", "cpl", "cost_per_mql", "cost_per_sql", "cac", "roas", "roi",
                       "quadrant"],
        "roi_summary": ["item", "value"],
        "year_over_year": ["channel", "metric", "last_year", "this_year", "change"],
        "funnel": ["stage", "count_period", "count_cohort", "conversion",
                   "conversion_last_year", "median_days", "note"],
        "handoff": ["outcome", "leads", "share", "sql", "to_sql"],
        "campaign_channels": ["campaign", "channel", "leads", "mql", "sql", "opp", "won",
                              "revenue"],
        "events": ["campaign", "channel", "cost", "visits", "leads", "mql", "sql", "opp",
                   "won", "revenue", "roi", "lead_to_mql", "mql_to_sql", "sql_to_opp",
                   "opp_to_won", "lifetime_leads", "lifetime_cost", "lifetime_revenue",
                   "lifetime_roi"],
        "win_rate": ["stage", "won", "decided", "win_rate", "basis"],
        "monthly": ["month", "leads", "mql", "sql", "opp", "won", "revenue"],
        "sales_cycle": ["lead_type", "deals", "median_days", "p80_days"],
        "pipeline": ["channel", "open_opps", "pipeline_value", "win_rate", "expected_value",
                     "expected_next_year"],
        "pipeline_months": ["month", "expected_revenue"],
        "goal_review": ["module", "layer", "goal", "target", "actual", "completion", "status",
                        "gap", "weight", "owner", "comment"],
        "share_of_voice": ["platform", "mentions", "share", "rank", "share_last_year",
                           "rank_last_year", "change"],
        "sov_brands": ["platform", "brand", "mentions", "share", "rank", "share_last_year",
                       "rank_last_year", "rank_change"],
        "sov_trend": ["month", "Acme", "Rival", "Other"],  # 2024: 70, 70, 60 mentions
        "plan_vs_actual": ["period", "channel", "metric", "plan", "actual", "variance",
                           "completion", "forecast"],
        "pva_year": ["metric", "plan", "actual", "forecast", "forecast_completion"],
        "lessons": ["module", "what_worked", "method", "evidence", "module_completion"],
        "data_check": ["severity", "sheet", "row", "column", "message"],
    }
    assert {k: list(v.columns) for k, v in tables.items()} == expected


def test_roi_matrix_by_hand(tables):
    """Period view of 2024 per channel (see module docstring).

    ads: leads L1 L2 L3 L4 = 4; MQL L1 L2 L4 = 3; SQL L1 L4 = 2; opp L1 L4 = 2; won L1 = 1,
    revenue 1000; cost 2000 + 1000 = 3000 (the 2023 row is ignored), visits 1500.
    CPL 3000/4 = 750, per MQL 1000, per SQL 1500, CAC 3000, ROAS 1000/3000, ROI -2000/3000.
    events: 3 leads, 3 MQL, 2 SQL, 2 opp, 1 won (3000); cost 3000 → ROAS 1, ROI 0.
    social: spend 500 only → CPL blank (0 leads), ROAS 0, ROI (0-500)/500 = -1.
    web: L8 created 2024 (1 lead); L9 (created 2023) has opp and won in 2024 → 1 opp, 1 won,
    2000; no spend → CPL, CAC, ROAS, ROI blank.
    total: cost 6500, visits 1700, 8/6/4/5/3, revenue 6000; CPL 812.5; ROI -500/6500.
    Quadrants: leads 4, 3, 0, 1 → median 2; opp/lead .5, .667, blank, 1 → median .667:
    ads volume, events star, social question, web quality.
    """
    m = tables["roi_matrix"].set_index("channel")
    assert list(m.index) == ["ads", "events", "social", "web", "total"]
    assert m.loc["ads", ["cost", "visits", "leads", "mql", "sql", "opp", "won", "revenue"]
                 ].tolist() == [3000, 1500, 4, 3, 2, 2, 1, 1000]
    assert m.loc["ads", ["cpl", "cost_per_mql", "cost_per_sql", "cac"]].tolist() == [
        750, 1000, 1500, 3000]
    assert m.loc["ads", "roas"] == pytest.approx(1 / 3)
    assert m.loc["ads", "roi"] == pytest.approx(-2 / 3)
    assert m.loc["events", ["roas", "roi"]].tolist() == [1.0, 0.0]
    assert math.isnan(m.loc["social", "cpl"]) and m.loc["social", "roi"] == -1.0
    assert m.loc["web", ["leads", "opp", "won", "revenue"]].tolist() == [1, 1, 1, 2000]
    assert m.loc["web", ["cpl", "cac", "roas", "roi"]].isna().all()
    assert m.loc["total", ["cost", "visits", "leads", "mql", "sql", "opp", "won", "revenue"]
                 ].tolist() == [6500, 1700, 8, 6, 4, 5, 3, 6000]
    assert m.loc["total", "cpl"] == 812.5
    assert m.loc["total", "roi"] == pytest.approx(-500 / 6500)
    assert m["quadrant"].iloc[:4].tolist() == ["volume", "star", "question", "quality"]


def test_roi_summary_fully_loaded(tables):
    """Programme 6500, headcount 70000, revenue 6000:
    ROI programme (6000-6500)/6500; fully loaded (6000-6500-70000)/76500."""
    s = tables["roi_summary"].set_index("item")["value"]
    assert s["programme_cost"] == 6500 and s["headcount_cost"] == 70000
    assert s["revenue"] == 6000
    assert s["roi_programme"] == pytest.approx(-500 / 6500)
    assert s["roi_fully_loaded"] == pytest.approx(-70500 / 76500)


def test_funnel_by_hand(tables):
    """Period 2024: 8 leads, 6 MQL, 4 SQL, 5 opp (L9's too), 3 won (L9's too).
    Cohort (created 2024: L1-L8): 8, 6, 4, 4 (L1 L4 L5 L7), 2 (L1 L5).
    Conversion 6/8, 4/6, 4/4, 2/4. Median days in the cohort:
    lead→MQL 10,5,5,1,4,4 → 4.5; MQL→SQL 12,12,8,15 → 12; SQL→opp 14,9,21,11 → 12.5;
    opp→won 29 (Feb 15→Mar 15, leap year), 60 → 44.5.
    """
    f = tables["funnel"].set_index("stage")
    assert f["count_period"].tolist() == [8, 6, 4, 5, 3]
    assert f["count_cohort"].tolist() == [8, 6, 4, 4, 2]
    np.testing.assert_allclose(f["conversion"], [NAN, 0.75, 4 / 6, 1.0, 0.5])
    np.testing.assert_allclose(f["median_days"], [NAN, 4.5, 12, 12.5, 44.5])


def test_events_by_hand(tables):
    """Expo: cost 3000, leads L5 L6 L7, MQL 3, SQL 2, opp 2, won 1 (3000) → ROI 0,
    rates 3/3, 2/3, 2/2, 1/2. Webinar (L2, no spend): 1 lead, 1 MQL → ROI blank,
    MQL→SQL 0/1 = 0, SQL→opp 0/0 blank; channel from its lead (ads)."""
    e = tables["events"].set_index("campaign")
    assert list(e.index) == ["Expo", "Webinar"]
    assert e.loc["Expo", ["channel", "cost", "leads", "mql", "sql", "opp", "won", "revenue",
                          "roi"]].tolist() == ["events", 3000, 3, 3, 2, 2, 1, 3000, 0.0]
    np.testing.assert_allclose(
        e.loc["Expo", ["lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won"]].astype(float),
        [1, 2 / 3, 1, 0.5])
    assert e.loc["Webinar", "channel"] == "ads"
    assert math.isnan(e.loc["Webinar", "roi"]) and e.loc["Webinar", "mql_to_sql"] == 0.0
    assert math.isnan(e.loc["Webinar", "sql_to_opp"])


def test_monthly_by_hand(tables):
    """Counts by month of each stage date in 2024; revenue Feb 2000 (L9), Mar 1000 (L1),
    Jun 3000 (L5)."""
    m = tables["monthly"]
    assert m["month"].tolist() == list(pd.date_range("2024-01-01", periods=12, freq="MS"))
    assert m["leads"].tolist() == [1, 1, 2, 2, 0, 0, 0, 0, 1, 0, 1, 0]
    assert m["mql"].tolist() == [1, 1, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0]
    assert m["sql"].tolist() == [0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0]
    assert m["opp"].tolist() == [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1]
    assert m["won"].tolist() == [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert m["revenue"].tolist() == [0, 2000, 1000, 0, 0, 3000, 0, 0, 0, 0, 0, 0]


def test_sales_cycle_by_hand(tables):
    """Won in 2024: L1 Jan 10→Mar 15 = 65 days (new), L5 Apr 1→Jun 30 = 90 (existing),
    L9 2023-11-01→2024-02-04 = 95 (new). new: median 80, p80 65 + .8·30 = 89;
    all: 65, 90, 95 → median 90, p80 at position 1.6 → 90 + .6·5 = 93."""
    s = tables["sales_cycle"].set_index("lead_type")
    assert s.loc["new"].tolist() == [2, 80.0, 89.0]
    assert s.loc["existing"].tolist() == [1, 90.0, 90.0]
    assert s.loc["all"].tolist() == [3, 90.0, pytest.approx(93.0)]


def test_pipeline_by_hand(tables):
    """Open at 2024-12-31: only L7 (events, opp Dec 1). No amount → events' median won
    amount 3000. Win rate = won ÷ decided opportunities by the end of 2024: won L1, L5, L9,
    L10; lost L4, L11 → 4/6 (events has fewer than 20, so the overall rate). Expected 2000.
    Past opp→won cycles 29, 30, 60, 121 days; L7 is 30 days old → cycles > 30: 60 and 121 →
    closes 30 days (Jan 30) or 91 days (Apr 1) after year end: 1000 in January and April."""
    p = tables["pipeline"].set_index("channel")
    assert list(p.index) == ["events", "total"]
    assert p.loc["events"].tolist() == pytest.approx([1, 3000, 4 / 6, 2000, 2000])
    assert p.loc["total"].tolist() == pytest.approx([1, 3000, 4 / 6, 2000, 2000])
    months = tables["pipeline_months"]
    assert months["month"].iloc[0] == pd.Timestamp("2025-01-01")
    assert months["expected_revenue"].tolist() == pytest.approx(
        [1000, 0, 0, 1000, 0, 0, 0, 0, 0, 0, 0, 0])


def test_share_of_voice_by_hand(tables):
    """2024 Douyin: Acme 60 of 100 → .6, rank 1; 2023: 20 of 80 → .25, rank 2.
    Xiaohongshu: "acme " = Acme, 10 of 100 → .1, rank 3; nothing in 2023.
    total: 70 of 200 → .35, tied first with Rival (70) → rank 1; 2023 .25 → change .10."""
    s = tables["share_of_voice"].set_index("platform")
    assert list(s.index) == ["Douyin", "Xiaohongshu", "total"]
    assert s.loc["Douyin", ["mentions", "share", "rank", "share_last_year", "rank_last_year"]
                 ].tolist() == [60, 0.6, 1, 0.25, 2]
    assert s.loc["Douyin", "change"] == pytest.approx(0.35)
    assert s.loc["Xiaohongshu", ["share", "rank"]].tolist() == [0.1, 3]
    assert s.loc["Xiaohongshu", ["share_last_year", "change"]].isna().all()
    assert s.loc["total", ["share", "rank"]].tolist() == [0.35, 1]
    assert s.loc["total", "change"] == pytest.approx(0.10)


def test_goal_review_takes_actuals_from_the_review(tables):
    """Leads 8 of 10 → .8 at risk, gap 2; revenue 6000 of 5000 → 1.2 achieved, gap -1000;
    CPL lower is better: 1000/812.5 achieved, gap 812.5-1000 = -187.5; a target of 0 →
    blank; 100 of 200 → .5 missed, gap 100; share of voice .35 of .5 → .7 missed."""
    g = tables["goal_review"]
    assert g["layer"].tolist() == ["completion", "effect", "roi", "completion", "effect",
                                   "effect", "roi"]
    np.testing.assert_allclose(g["actual"], [8, 6000, 812.5, 5, 100, 0.35, NAN])
    np.testing.assert_allclose(g["completion"], [0.8, 1.2, 1000 / 812.5, NAN, 0.5, 0.7, NAN])
    assert g["status"].tolist()[:3] == ["at_risk", "achieved", "achieved"]
    assert g["status"].tolist()[4:6] == ["missed", "missed"]
    assert pd.isna(g["status"].iloc[3])
    np.testing.assert_allclose(g["gap"], [2, -1000, -187.5, -5, 100, 0.15, NAN])


def test_data_check_reports_goal_problems(tables):
    d = tables["data_check"]
    assert d[["severity", "row", "column"]].values.tolist() == [
        ["warning", 5, "target"], ["warning", 8, "metric"]]


def test_fiscal_year_defaults_to_the_latest_lead():
    # Latest created date is 2024-11-01 (L7), so the review is of 2024, as with the setting.
    tables = build_review(sample_inputs(fiscal_year=None))
    assert tables["funnel"]["count_period"].tolist() == [8, 6, 4, 5, 3]


def test_empty_inputs_give_empty_tables_not_errors():
    empty_leads = sample_leads().iloc[0:0]
    inputs = Inputs(
        leads=empty_leads, spend=sample_spend().iloc[0:0],
        headcount=pd.DataFrame(columns=["role", "annual_cost", "marketing_share"]),
        goals=sample_goals().iloc[0:0], settings=Settings(fiscal_year=2024),
    )
    tables = build_review(inputs)
    assert tables["roi_matrix"]["channel"].tolist() == ["total"]
    assert tables["roi_matrix"].loc[0, ["cost", "leads", "revenue"]].tolist() == [0, 0, 0]
    assert tables["funnel"]["count_period"].tolist() == [0] * 5
    assert tables["events"].empty and tables["goal_review"].empty
    assert tables["share_of_voice"].empty
    assert tables["pipeline"]["channel"].tolist() == ["total"]
    assert tables["pipeline_months"]["expected_revenue"].sum() == 0
    assert tables["sales_cycle"]["deals"].tolist() == [0, 0, 0]
