"""Scenarios: Base / Stretch / Cautious by hand, typed values kept, the sheet read back."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.plan_helpers import funnel_leads, make_inputs
from xlreview.labels import label
from xlreview.plan import build_plan
from xlreview.scenarios import (
    SCENARIO_INPUTS,
    read_scenarios,
    scenario_inputs,
    scenario_outcomes,
)
from xlreview.settings import Settings
from xlreview.whatif import read_linked_inputs

SETTINGS = Settings(revenue_target=10_000_000, new_customer_share=0.5, marketing_share=0.5,
                    budget_total=1_000_000, experiment_share=0.2)
# The plan: 25 customers of 100,000; 100 opportunities, 200 SQL, 400 MQL, 1,000 leads
# (effective rates 0.4, 0.5, 0.5, 0.25); implied cost 500,000 (500 a lead).
TARGETS = pd.DataFrame({
    "channel": ["A", "total"], "customers": [25.0, 25.0], "opp": [100.0, 100.0],
    "sql": [200.0, 200.0], "mql": [400.0, 400.0], "leads": [1000.0, 1000.0],
    "avg_deal": [100_000.0, 100_000.0], "implied_cost": [500_000.0, 500_000.0],
})
BUDGET = pd.DataFrame({"channel": ["A", "headcount", "total"],
                       "type": ["proven", "headcount", None],
                       "planned_cost": [700_000.0, 200_000.0, 900_000.0]})


def test_base_stretch_cautious_by_hand():
    frame = scenario_inputs(SETTINGS, TARGETS, BUDGET)
    rows = frame.set_index("input")
    assert list(rows.index) == list(SCENARIO_INPUTS)
    assert rows.loc["opp_to_won", "base"] == 0.25 and rows.loc["lead_to_mql", "base"] == 0.4
    assert rows.loc["revenue_target", ["base", "stretch", "cautious"]].tolist() == (
        pytest.approx([10e6, 12e6, 8e6]))  # ± 20%
    out = scenario_outcomes(frame, SETTINGS, TARGETS, BUDGET).set_index("outcome")
    # Base: 10M × .5 × .5 / 100k = 25 customers; ⌈25/.25⌉ = 100 opp, 200 SQL, 400 MQL,
    # 1,000 leads; × 500 = 500,000; gap 1,000,000 − 200,000 − 500,000 / 0.8 = 175,000.
    assert out["base"].tolist() == pytest.approx([25, 100, 200, 400, 1000, 500_000, 175_000])
    # Stretch 12M: 30 customers … 1,200 leads, 600,000; gap 800,000 − 750,000 = 50,000.
    assert out["stretch"].tolist() == pytest.approx([30, 120, 240, 480, 1200, 600_000, 50_000])
    # Cautious 8M: 20 … 800 leads, 400,000; gap 800,000 − 500,000 = 300,000.
    assert out["cautious"].tolist() == pytest.approx([20, 80, 160, 320, 800, 400_000, 300_000])


def test_typed_values_are_kept_defaults_follow_base():
    # Previous sheet: Stretch target typed 15M (not 10M × 1.2); Cautious target equal to
    # its default (8M) and a Cautious win rate typed 0.2; a renamed Stretch column.
    previous = pd.DataFrame({"input": ["revenue_target", "opp_to_won"],
                             "base": [10e6, 0.25], "stretch": [15e6, 0.25],
                             "cautious": [8e6, 0.2]})
    previous.attrs["names"] = ["Base", "Aggressive", None]
    settings = Settings(**{**SETTINGS.__dict__, "revenue_target": 20e6})
    frame = scenario_inputs(settings, TARGETS, BUDGET, previous).set_index("input")
    # The target moved to 20M: the untyped Cautious follows (16M), the typed Stretch stays.
    assert frame.loc["revenue_target", ["base", "stretch", "cautious"]].tolist() == (
        pytest.approx([20e6, 15e6, 16e6]))
    assert frame.loc["opp_to_won", "cautious"] == 0.2
    assert frame.loc["revenue_target", "_typed_stretch"]
    assert not frame.loc["revenue_target", "_typed_cautious"]
    out = scenario_outcomes(frame.reset_index(), settings, TARGETS, BUDGET)
    # Cautious: 16M × .25 / 100k = 40 customers; win rate 0.2 → 200 opportunities.
    assert out.set_index("outcome").loc[["customers", "opp"], "cautious"].tolist() == [40, 200]


def test_a_missing_rate_or_target_leaves_the_outcome_blank():
    settings = Settings(**{**SETTINGS.__dict__, "revenue_target": None})
    frame = scenario_inputs(settings, TARGETS, BUDGET)
    out = scenario_outcomes(frame, settings, TARGETS, BUDGET)
    assert out[["base", "stretch", "cautious"]].isna().all().all()


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_read_scenarios_back_by_position_with_renamed_columns(lang):
    def name(key: str) -> str:
        return label(f"value.scenario_{key}", lang)

    grid = [
        [label("title.scenarios", lang)], [None], [None],
        [label("col.scenario_input", lang), "Base", "Aggressive", "Cautious", None, "x"],
        [name("revenue_target"), 10e6, 15e6, "8,000,000"],
        [name("opp_to_won"), 0.25, None, 0.2],
        ["something else", 1, 2, 3],
    ]
    frame = read_scenarios({label("sheet.scenarios", lang): grid, "Other": [["Input"]]})
    assert frame is not None
    assert frame.attrs["names"] == ["Base", "Aggressive", "Cautious"]
    rows = frame.set_index("input")
    assert rows.loc["revenue_target"].tolist() == [10e6, 15e6, 8e6]  # text read as a number
    assert rows.loc["opp_to_won", "base"] == 0.25 and math.isnan(rows.loc["opp_to_won",
                                                                           "stretch"])
    assert read_scenarios({"Other": grid}) is None


def test_a_number_typed_over_a_settings_link_is_reported_not_lost():
    # The previous Targets sheet: B3 typed 60M over its link (Settings says 10M); B4 equals
    # Settings (the formula's value); B7 from the history (Settings blank): never reported.
    lang = "en"
    grid = [[label("title.targets", lang)], [None],
            [label("title.company_target", lang), 60e6],
            [label("title.new_share", lang), 0.5],
            [label("title.marketing_share", lang), None],
            [label("title.marketing_target", lang), 1],
            [label("title.avg_deal", lang), 123.0]]
    linked = read_linked_inputs({label("sheet.targets", lang): grid})
    assert linked["cell"].tolist() == ["B3", "B4", "B5", "B7"]
    inputs = make_inputs(funnel_leads("web", [100, 50, 20, 10, 5]),
                         previous={"targets_linked": linked}, **{
                             k: getattr(SETTINGS, k) for k in
                             ("revenue_target", "new_customer_share", "marketing_share")})
    build_plan(inputs, {})
    typed = [i for i in inputs.findings if "typed over" in i.message]
    assert len(typed) == 1 and typed[0].sheet == "targets"
    assert "B3" in typed[0].message and "60,000,000" in typed[0].message


def test_stages_not_tracked_are_blank_and_spanned():
    # An export without SQL and opportunity dates: Targets leaves them blank and the
    # MQL→SQL column holds MQL→customer (25 of 400). Base: 25 customers; opp and SQL blank;
    # ⌈25 / (25/400)⌉ = 400 MQL; ⌈400 / 0.4⌉ = 1,000 leads.
    targets = TARGETS.assign(opp=float("nan"), sql=float("nan"))
    frame = scenario_inputs(SETTINGS, targets, BUDGET)
    rates = frame.set_index("input")["base"]
    assert math.isnan(rates["opp_to_won"]) and math.isnan(rates["sql_to_opp"])
    assert rates["mql_to_sql"] == 25 / 400 and rates["lead_to_mql"] == 0.4
    out = scenario_outcomes(frame, SETTINGS, targets, BUDGET).set_index("outcome")["base"]
    assert out["customers"] == 25 and out[["opp", "sql"]].isna().all()
    assert out["mql"] == 400 and out["leads"] == 1000 and out["implied_cost"] == 500_000
