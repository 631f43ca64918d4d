"""The sample company: deterministic, complete, and shaped like a real B2B funnel.

Every assertion is an invariant of the generator's design (documented in
``xlreview/sample.py``), never a figure copied from its output.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from xlreview import model
from xlreview.checks import Findings
from xlreview.sample import sample_company
from xlreview.settings import parse_settings, settings_fields

FY = 2025
STAGE_ORDER = ["created", "mql_date", "sql_date", "opp_date", "won_date"]


@pytest.fixture(scope="module")
def en() -> dict[str, pd.DataFrame]:
    return sample_company(7, leads_per_year=4000, fiscal_year=FY)


@pytest.fixture(scope="module")
def zh() -> dict[str, pd.DataFrame]:
    return sample_company(7, leads_per_year=4000, fiscal_year=FY, lang="zh-CN")


def _reached(leads: pd.DataFrame, stage_col: str) -> pd.Series:
    """A stage is reached when its date or any later stage date is set (skips included)."""
    later = STAGE_ORDER[STAGE_ORDER.index(stage_col):]
    return leads[later].notna().any(axis=1)


def test_same_seed_gives_equal_frames_and_another_seed_differs():
    first = sample_company(3, leads_per_year=500)
    again = sample_company(3, leads_per_year=500)
    other = sample_company(4, leads_per_year=500)
    assert first.keys() == again.keys()
    for key in first:
        pd.testing.assert_frame_equal(first[key], again[key])
    assert not first["leads"].equals(other["leads"])
    assert not first["spend"]["cost"].equals(other["spend"]["cost"])


def test_every_input_sheet_is_there_with_the_model_columns(en):
    assert set(en) == {spec.key for spec in model.INPUT_SHEETS}
    for spec in model.INPUT_SHEETS:
        assert list(en[spec.key].columns) == spec.keys, spec.key


def test_three_years_with_exactly_the_requested_leads_per_year(en):
    years = en["leads"]["created"].dt.year.value_counts().sort_index()
    assert years.index.tolist() == [FY - 2, FY - 1, FY]
    assert (years == 4000).all()
    assert en["leads"]["lead_id"].is_unique


def test_at_least_eight_channels_including_events_and_a_trade_show(en, zh):
    assert en["leads"]["channel"].nunique() >= 8
    assert {"Events", "Trade show", "Website", "Baidu SEM"} <= set(en["leads"]["channel"])
    assert {"线下活动", "展会", "官网", "百度SEM"} <= set(zh["leads"]["channel"])


def test_event_and_trade_show_leads_all_belong_to_a_spend_campaign(en):
    leads, spend = en["leads"], en["spend"]
    at_events = leads[leads["channel"].isin(["Events", "Trade show"])]
    assert at_events["campaign"].notna().all()
    assert at_events["campaign"].nunique() >= 2 * 3  # several events a year, three years
    spend_campaigns = set(spend["campaign"].dropna())
    assert set(at_events["campaign"]) <= spend_campaigns


def test_stage_dates_are_in_order_and_never_after_the_export_day(en):
    leads = en["leads"]
    dates = leads[STAGE_ORDER].to_numpy("datetime64[ns]")
    # Skipped stages are blank; compare each set date with the latest set date before it.
    running = dates[:, 0]
    for col in range(1, dates.shape[1]):
        current = dates[:, col]
        has = ~np.isnat(current)
        assert (current[has] >= running[has]).all(), STAGE_ORDER[col]
        running = np.where(has, current, running)
    export = pd.Timestamp(FY, 12, 31)
    for col in [*STAGE_ORDER, "lost_date"]:
        assert (leads[col].dropna() <= export).all(), col
    lost = leads["lost_date"].notna()
    assert (leads.loc[lost, "lost_date"] >= leads.loc[lost, "opp_date"].fillna(
        leads.loc[lost, "created"])).all()
    assert not (lost & leads["won_date"].notna()).any()


def test_some_stages_are_skipped_and_some_opportunities_are_open_at_year_end(en):
    leads = en["leads"]
    assert (leads["won_date"].notna() & leads["opp_date"].isna()).any()
    assert (leads["sql_date"].notna() & leads["mql_date"].isna()).any()
    open_opps = leads["opp_date"].notna() & leads["won_date"].isna() & leads["lost_date"].isna()
    assert open_opps.sum() > 0
    assert leads.loc[open_opps, "amount"].notna().all()  # open opportunities carry an amount


def test_step_conversion_rates_are_between_20_and_45_percent(en):
    leads = en["leads"]
    reached = [_reached(leads, col).sum() for col in STAGE_ORDER]
    # The last cohort is still open, so look at the first two years only for opp→won.
    old = leads[leads["created"].dt.year < FY]
    reached_old = [_reached(old, col).sum() for col in STAGE_ORDER]
    rates = [reached[i + 1] / reached[i] for i in range(3)]
    rates.append(reached_old[4] / reached_old[3])
    for rate in rates:
        assert 0.20 <= rate <= 0.45, rates


def test_lags_range_from_days_to_months(en):
    leads = en["leads"]
    to_mql = (leads["mql_date"] - leads["created"]).dt.days.dropna()
    cycle = (leads["won_date"] - leads["created"]).dt.days.dropna()
    assert 1 <= to_mql.median() <= 14
    assert 30 <= cycle.median() <= 240


def test_deal_sizes_are_50k_to_500k_and_only_on_opportunities(en):
    leads = en["leads"]
    won = leads[leads["won_date"].notna()]
    assert won["amount"].between(50_000, 500_000).all()
    assert won["amount"].nunique() > 10  # spread, not one price
    assert leads.loc[leads["opp_date"].isna() & leads["won_date"].isna(), "amount"].isna().all()
    assert leads.loc[leads["lost_date"].notna(), "amount"].isna().all()


def test_lead_types_are_new_or_existing_in_each_language(en, zh):
    assert set(en["leads"]["lead_type"]) == {"new", "existing"}
    assert set(zh["leads"]["lead_type"]) == {"新客户", "老客户"}
    assert (en["leads"]["lead_type"] == "new").mean() > 0.5


def test_q4_is_the_heaviest_quarter_and_february_the_lightest_month(en):
    created = en["leads"]["created"]
    by_quarter = created.dt.quarter.value_counts()
    assert by_quarter.idxmax() == 4
    by_month = created.dt.month.value_counts()
    assert by_month.idxmin() == 2


def test_spend_is_positive_monthly_and_covers_every_month_of_paid_channels(en):
    spend = en["spend"]
    assert (spend["cost"] > 0).all()
    assert (spend["visits"] >= 0).all() and (spend["impressions"] >= spend["visits"]).all()
    assert (spend["month"].dt.day == 1).all()
    baidu = spend[spend["channel"] == "Baidu SEM"]
    assert baidu["month"].nunique() == 36
    # Partners bring leads without a spend line: their ROI must come out blank.
    assert "Partners" in set(en["leads"]["channel"])
    assert "Partners" not in set(spend["channel"])


@pytest.mark.parametrize("channel", ["Baidu SEM", "Douyin", "WeChat", "LinkedIn"])
def test_monthly_leads_follow_a_concave_response_to_spend(channel):
    # log(leads) = log(a) + b·log(cost): the generator uses b = 0.6, so a fit on three
    # years of months must find diminishing returns (0 < b < 1) and a clear relation.
    frames = sample_company(11, leads_per_year=20_000)
    leads, spend = frames["leads"], frames["spend"]
    n = leads[leads["channel"] == channel].groupby(leads["created"].dt.to_period("M")).size()
    cost = spend[spend["channel"] == channel].groupby(spend["month"].dt.to_period("M"))["cost"]
    joined = pd.concat([n.rename("n"), cost.sum().rename("cost")], axis=1).dropna()
    slope, _ = np.polyfit(np.log(joined["cost"]), np.log(joined["n"]), 1)
    assert 0.3 < slope < 0.9
    assert np.corrcoef(np.log(joined["cost"]), np.log(joined["n"]))[0, 1] > 0.7


def test_settings_cover_every_key_and_parse_without_findings(en, zh):
    for frames, lang, brand in ((en, "en", "CloudRise"), (zh, "zh-CN", "云启软件")):
        table = frames["settings"]
        assert table["key"].tolist() == settings_fields()
        findings = Findings()
        rows = [(i + 4, k, v) for i, (k, v) in enumerate(zip(table["key"], table["value"],
                                                              strict=True))]
        settings = parse_settings(rows, findings=findings)
        assert len(findings.to_frame()) == 0
        assert settings.fiscal_year == FY and settings.currency == "CNY"
        assert settings.language == lang and settings.brand == brand
        assert settings.new_customer_share == 0.6 and settings.marketing_share == 0.5
        assert settings.experiment_share == 0.2 and settings.seasonality == "history"
        assert settings.revenue_target > 0 and settings.budget_total > 0


def test_settings_brand_appears_in_mentions_with_three_competitors(en):
    mentions = en["mentions"]
    brand = en["settings"].set_index("key").loc["brand", "value"]
    assert brand in set(mentions["brand"])
    assert mentions["brand"].nunique() == 4
    assert set(mentions["platform"]) == {"Douyin", "Xiaohongshu", "Bilibili", "WeChat"}
    assert sorted(mentions["month"].dt.year.unique()) == [FY - 1, FY]
    assert mentions["month"].nunique() == 24
    assert (mentions["mentions"] >= 0).all()


def test_goals_span_modules_layers_metrics_and_typed_actuals(en):
    goals = en["goals"]
    assert {"brand", "growth", "content", "events"} <= set(goals["module"])
    assert set(goals["layer"]) == {"completion", "effect", "roi"}
    assert {"leads", "mql", "marketing_revenue", "roi", "cac"} <= set(goals["metric"].dropna())
    assert set(goals["direction"]) == {"higher", "lower"}
    assert goals.loc[goals["metric"].notna(), "actual"].isna().all()
    assert goals.loc[goals["metric"].isna(), "actual"].notna().all()
    assert (goals["target"] > 0).all()
    assert goals["weight"].sum() == pytest.approx(1.0)


def test_initiatives_fall_in_the_plan_year(en):
    items = en["initiatives"]
    assert 8 <= len(items) <= 12
    assert (items["start"].dt.year == FY + 1).all() and (items["end"].dt.year == FY + 1).all()
    assert (items["start"] <= items["end"]).all()
    assert items["owner"].notna().all() and (items["budget"] > 0).all()
    assert items["kpi"].notna().all()


def test_message_house_has_a_roof_three_pillars_with_proofs_and_a_foundation(en):
    house = en["message_house"]
    parts = house["part"].value_counts()
    assert parts["roof"] == 1 and parts["foundation"] == 1 and parts["pillar"] == 3
    pillars = house.loc[house["part"] == "pillar", "pillar"]
    proofs = house[house["part"] == "proof"].groupby("pillar").size()
    assert set(proofs.index) == set(pillars)
    assert proofs.between(2, 3).all()


def test_headcount_team_and_improvements_are_filled(en, zh):
    assert (en["headcount"]["annual_cost"] > 0).all()
    assert en["headcount"]["marketing_share"].between(0, 1).all()
    assert (en["team"]["headcount"] >= 1).all()
    assert len(en["improvements"]) >= 3
    assert (en["improvements"]["due"].dt.year == FY + 1).all()
    # Chinese data is Chinese: no English role names left.
    assert not set(zh["headcount"]["role"]) & set(en["headcount"]["role"])


def test_fiscal_year_moves_every_date():
    frames = sample_company(leads_per_year=300, fiscal_year=2030, years=2)
    assert sorted(frames["leads"]["created"].dt.year.unique()) == [2029, 2030]
    assert (frames["initiatives"]["start"].dt.year == 2031).all()


@pytest.mark.slow
def test_a_million_leads_in_a_few_seconds():
    start = time.perf_counter()
    frames = sample_company(leads_per_year=333_334)
    elapsed = time.perf_counter() - start
    assert len(frames["leads"]) == 1_000_002
    assert elapsed < 15


def test_baseline_is_the_year_before_grown_for_every_month_quarter_and_channel(en):
    base, leads = en["baseline"], en["leads"]
    months = base[base["period"].str.fullmatch(r"2025-\d\d")]
    quarters = base[base["period"].str.fullmatch(r"2025-Q\d")]
    assert len(months) == 12 * 7 and len(quarters) == 4 * 7
    assert set(base["metric"]) == {"leads", "mql", "sql", "opp", "won", "revenue", "cost"}
    # Growth, never less than the year before: January's leads plan ≥ January 2024's leads.
    january = leads["created"].dt.to_period("M") == pd.Period("2024-01")
    plan = months[(months["period"] == "2025-01") & (months["metric"] == "leads")]["plan"]
    assert plan.iloc[0] >= january.sum() > 0
    channels = base[base["channel"].notna()]
    assert set(channels["channel"]) == set(leads["channel"])
    # Channels without a spend line have no cost plan.
    assert "Partners" not in set(channels.loc[channels["metric"] == "cost", "channel"])
