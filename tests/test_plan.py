"""build_plan end to end: the seed's worked example, table shapes, edge cases, speed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.plan_helpers import (
    empty_leads,
    funnel_leads,
    make_inputs,
    random_leads,
    random_spend,
    spend_rows,
)
from xlreview.plan import actions_table, build_plan, team_table, workplan_table

PLAN_COLUMNS = {
    "avg_deal": ["avg_deal", "source", "deals", "year"],
    "targets": ["channel", "share", "lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won",
                "customers", "opp", "sql", "mql", "leads", "avg_deal", "revenue", "rate_source",
                "cpl", "implied_cost", "bottom_up_leads", "gap", "pick", "plan_leads",
                "share_override", "history_share", "history_lead_to_mql",
                "history_mql_to_sql", "history_sql_to_opp", "history_opp_to_won"],
    "plan_monthly": ["month", "leads", "mql", "sql", "opp", "won", "revenue", "budget"],
    "plan_quarterly": ["quarter", "leads", "mql", "sql", "opp", "won", "revenue", "budget"],
    "plan_weekly": ["week", "week_start", "month", "leads", "mql", "sql", "opp", "won", "revenue"],
    "plan_lead_time": ["stage", "lag_months", "needed_before_year", "pipeline_carried", "gap"],
    "seasonality": ["month", "weight", "cumulative"],
    "scenarios": ["input", "base", "stretch", "cautious", "_typed_base", "_typed_stretch",
                  "_typed_cautious"],
    "scenario_outcomes": ["outcome", "base", "stretch", "cautious"],
    "budget": ["channel", "type", "last_year_cost", "planned_cost", "change", "expected_leads",
               "expected_revenue", "marginal_roi", "min", "max", "locked", "fit"],
    "budget_categories": ["category", "last_year_cost", "planned_cost", "change"],
    "workplan": ["name", "module", "owner", "start", "end", "budget", "kpi"],
    "actions": ["module", "problem", "root_cause", "action", "owner", "due", "quarter"],
    "budget_check": ["metric", "plan_needs", "budget_buys", "gap"],
    "team": ["role", "headcount", "cost_per_person", "cost", "okr"],
    "module_plan": ["module", "focus", "strategy", "kpi", "target", "owner", "budget",
                    "budget_share", "risk", "response"],
    "quarter_themes": ["quarter", "theme", "key_campaigns"],
    "okr_tree": ["level", "kind", "item", "owner", "parent", "target", "actual", "weight",
                 "completion"],
}


def seed_inputs(**kwargs):
    # One channel with rates exactly 0.2, 0.3, 0.4, 0.25:
    # 1000 leads → 200 MQL → 60 SQL → 24 opportunities → 6 customers.
    leads = funnel_leads("web", [1000, 200, 60, 24, 6], start="2025-01-01")
    # A late lost date: every lead is older than the 30-day sales cycle, so all count.
    leads.loc[999, "lost_date"] = pd.Timestamp("2028-01-01")
    spend = spend_rows([(f"2027-{m:02d}-01", "web", 1000.0) for m in range(1, 13)])
    settings = {"fiscal_year": 2027, "revenue_target": 200e6, "new_customer_share": 0.6,
                "marketing_share": 0.5, "avg_deal_size": 500e3, "budget_total": 1e6}
    return make_inputs(leads, spend=spend, **{**settings, **kwargs})


def test_seed_002_worked_example_end_to_end():
    # 200M × 0.6 × 0.5 = 60M; ⌈60M / 500k⌉ = 120 customers; ⌈120 / 0.25⌉ = 480 opp;
    # ⌈480 / 0.4⌉ = 1200 SQL; ⌈1200 / 0.3⌉ = 4000 MQL; ⌈4000 / 0.2⌉ = 20000 leads.
    plan = build_plan(seed_inputs(), {})
    total = plan["targets"].set_index("channel").loc["total"]
    assert total[["customers", "opp", "sql", "mql", "leads"]].tolist() == [
        120, 480, 1200, 4000, 20000]
    assert total["revenue"] == 60e6
    assert total[["lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won"]].tolist() == (
        pytest.approx([0.2, 0.3, 0.4, 0.25]))
    # CPL 2027: 12,000 cost / 365 leads created in 2027 (lead i on 2025-01-01 + i days:
    # i = 730 … 999 → 270 leads) → 12,000 / 270; implied = 20000 × that.
    assert total["cpl"] == pytest.approx(12_000 / 270)
    assert total["implied_cost"] == pytest.approx(20_000 * 12_000 / 270)
    monthly = plan["plan_monthly"]
    assert monthly[["leads", "mql", "sql", "opp", "won"]].sum().tolist() == [
        20000, 4000, 1200, 480, 120]
    assert monthly["revenue"].sum() == pytest.approx(60e6)
    assert monthly["month"].iloc[0] == pd.Timestamp("2028-01-01")


def test_every_plan_table_has_the_contract_columns():
    plan = build_plan(seed_inputs(), {})
    assert set(plan) == set(PLAN_COLUMNS)
    for key, columns in PLAN_COLUMNS.items():
        assert list(plan[key].columns) == columns, key
    assert plan["targets"]["channel"].iloc[-1] == "total"
    assert plan["budget"]["channel"].iloc[-2:].tolist() == ["headcount", "total"]


def test_totals_agree_across_tables():
    plan = build_plan(seed_inputs(), {})
    monthly, quarterly, weekly = plan["plan_monthly"], plan["plan_quarterly"], plan["plan_weekly"]
    for column in ["leads", "mql", "sql", "opp", "won"]:
        assert quarterly[column].sum() == monthly[column].sum() == weekly[column].sum()
    budget = plan["budget"].set_index("channel")
    # Budget total 1,000,000 with no headcount; the monthly budget phases the programme.
    assert budget.loc["total", "planned_cost"] == 1e6
    assert round(monthly["budget"].sum(), 2) == 1e6


def test_short_history_gives_flat_months_and_a_reason():
    # 100 days of leads: shorter than a year → flat weights and a reason. 1M / 100k = 10
    # customers over 12 equal months by the cumulative split: ROUND(10 × i / 12) for
    # i = 1…12 is 1, 2, 3 (2.5 rounds up), 3, 4, 5, 6, 7, 8 (7.5), 8, 9, 10, so the months
    # get 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1.
    short = funnel_leads("web", [100, 50, 20, 10, 5])
    inputs = make_inputs(short, revenue_target=1e6, avg_deal_size=1e5, min_conversions=1)
    plan = build_plan(inputs, {})
    assert plan["plan_monthly"]["won"].tolist() == [1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1]
    assert any(i.sheet == "plan_monthly" for i in inputs.findings)


def test_history_weights_follow_won_revenue():
    # seed_inputs: every customer was won in January or February 2025 (leads 0–5 created
    # 1–6 Jan, won 30 days later: 31 Jan … 5 Feb → 1 in January, 5 in February) over a
    # history of about three years: weights 1/6 and 5/6. 120 customers → 20 and 100.
    plan = build_plan(seed_inputs(), {})
    assert plan["plan_monthly"]["won"].tolist() == [20, 100] + [0] * 10


def test_lead_time_uses_the_review_pipeline_when_given():
    review = {"pipeline": pd.DataFrame({"channel": ["web", "total"], "open_opps": [7, 7]})}
    plan = build_plan(seed_inputs(), review)
    lead_time = plan["plan_lead_time"].set_index("stage")
    assert lead_time.index.tolist() == ["lead", "mql", "sql", "opp"]
    assert lead_time.loc["opp", "pipeline_carried"] == 7
    assert (lead_time["gap"] == (lead_time["needed_before_year"]
                                 - lead_time["pipeline_carried"]).clip(lower=0)).all()


def test_lead_time_gaps_are_noted_on_the_sheet_that_shows_them():
    # The lead-time table is printed on the Plan by month sheet: its notes name that sheet.
    inputs = seed_inputs()
    plan = build_plan(inputs, {})
    gaps = plan["plan_lead_time"]["gap"]
    notes = [i for i in inputs.findings if "before the year" in i.message]
    assert len(notes) == int((gaps > 0).sum()) > 0
    assert {i.sheet for i in notes} == {"plan_monthly"}


def test_empty_inputs_never_crash():
    inputs = make_inputs(empty_leads())
    plan = build_plan(inputs, {})
    assert set(plan) == set(PLAN_COLUMNS)
    assert plan["targets"]["channel"].tolist() == ["total"]
    assert (plan["plan_monthly"]["leads"] == 0).all()
    assert len(inputs.findings) > 0  # no target, no rates …
    numbers = plan["budget"].select_dtypes("number").to_numpy()
    assert not np.isinf(numbers).any()


def test_zero_target_is_all_zeros_with_a_note():
    inputs = seed_inputs(revenue_target=0.0)
    plan = build_plan(inputs, {})
    assert (plan["plan_monthly"][["leads", "mql", "sql", "opp", "won"]] == 0).all().all()
    assert any(i.sheet == "targets" and i.severity == "info" for i in inputs.findings)


def test_workplan_sorted_and_actions_by_quarter():
    initiatives = pd.DataFrame({"name": ["Expo", "Webinar"], "module": ["events", "content"],
                                "start": pd.to_datetime(["2028-05-01", "2028-02-01"]),
                                "end": pd.to_datetime(["2028-05-03", "2028-12-01"])})
    assert workplan_table(initiatives)["name"].tolist() == ["Webinar", "Expo"]
    improvements = pd.DataFrame({"problem": ["slow follow-up", "no CRM", "typo"],
                                 "due": pd.to_datetime(["2028-08-31", "2029-01-15", None])})
    actions = actions_table(improvements, 2028)
    assert actions["quarter"].tolist() == ["Q3", "2029-Q1", None]


@pytest.mark.slow
def test_200k_leads_plan():
    inputs = make_inputs(random_leads(200_000), spend=random_spend(), fiscal_year=2026,
                         revenue_target=200e6, new_customer_share=0.6, marketing_share=0.5,
                         budget_total=8e6, budget_method="curve")
    plan = build_plan(inputs, {})  # its speed is measured in bench/bench_core.py
    assert plan["targets"]["channel"].iloc[-1] == "total"


def test_team_cost_is_the_rows_total_or_cost_per_person_times_headcount():
    # Content: 2 people, 560,000 typed as the row's total (not × 2). SDR: 2 people at
    # 240,000 each, cost blank → 480,000. Brand: headcount blank, 300,000 per person → × 1.
    team = pd.DataFrame({"role": ["Content", "SDR", "Brand"], "headcount": [2.0, 2.0, None],
                         "cost": [560_000.0, None, None],
                         "cost_per_person": [None, 240_000.0, 300_000.0]})
    table = team_table(team)
    assert table["cost"].tolist() == [560_000, 480_000, 300_000]
    inputs = seed_inputs()
    inputs.team = team
    budget = build_plan(inputs, {})["budget"].set_index("channel")
    # Headcount side by side: last year 0 (the Headcount sheet), next year 1,340,000.
    assert budget.loc["headcount", ["last_year_cost", "planned_cost"]].tolist() == [
        0, 1_340_000]
