"""Modules, quarter themes and lessons: the plan's words, with hand-worked numbers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from xlreview.checks import Findings
from xlreview.modules import (
    MODULE_COLUMNS,
    lessons_table,
    module_completion,
    module_plan,
    quarter_number,
    quarter_themes,
)

NAN = np.nan


def _modules(budgets: list[float]) -> pd.DataFrame:
    names = ["brand", "growth", "content"][: len(budgets)]
    return pd.DataFrame({"module": names, "focus": "f", "kpi": "k", "target": 1.0,
                         "budget": budgets, "risk": None, "_row": range(4, 4 + len(budgets))})


def test_module_budget_shares_of_the_programme_budget():
    # Programme 1,000,000: 200,000 → 20%, 500,000 → 50%; 300,000 not yet given to a module.
    findings = Findings()
    table = module_plan(_modules([200_000, 500_000]), 1_000_000, findings)
    assert list(table.columns) == list(MODULE_COLUMNS)
    assert table["budget_share"].tolist() == pytest.approx([0.2, 0.5])
    assert findings.to_frame().empty
    assert table["strategy"].isna().all()  # a column the sheet does not have stays blank


def test_module_budgets_above_the_programme_budget_are_a_warning():
    # 600,000 + 500,000 = 1,100,000 against 1,000,000: 100,000 too much.
    findings = Findings()
    module_plan(_modules([600_000, 500_000]), 1_000_000, findings, sheet="module_plan")
    frame = findings.to_frame()
    assert frame["severity"].tolist() == ["warning"]
    assert frame["column"].tolist() == ["budget"]
    assert "1,100,000" in frame["message"].iloc[0] and "100,000" in frame["message"].iloc[0]


def test_without_a_programme_budget_shares_are_blank():
    table = module_plan(_modules([100.0]), None)
    assert math.isnan(table["budget_share"].iloc[0])
    assert module_plan(_modules([100.0]), 0.0)["budget_share"].isna().all()


@pytest.mark.parametrize(("value", "expected"), [
    ("Q1", 1), ("q3", 3), (" Q4 ", 4), (2, 2), (2.0, 2), ("3", 3),
    ("2027Q2", 2), ("2027-Q2", 2), ("Q2 2027", 2),  # with the year
    ("第一季度", 1), ("二季度", 2), ("Q3季度", 3), ("2027年第四季度", 4),  # Chinese
    ("Q5", None), (0, None), ("spring", None), (None, None), (NAN, None), ("", None),
])
def test_quarter_number(value, expected):
    assert quarter_number(value) == expected


def test_quarter_themes_in_order_with_unknown_quarters_reported_and_doubles_joined():
    quarters = pd.DataFrame({
        "quarter": ["Q3", "第一季度", "Q5", "Q3"],
        "theme": ["Scale", "Awareness", "Never", "Partners"],
        "key_campaigns": ["WAIC", None, None, "Co-marketing"],
        "_row": [4, 5, 6, 7],
    })
    findings = Findings()
    table = quarter_themes(quarters, findings, sheet="Quarters")
    assert table.astype(object).where(table.notna(), None).values.tolist() == [
        ["Q1", "Awareness", None],
        ["Q3", "Scale / Partners", "WAIC / Co-marketing"],
    ]
    frame = findings.to_frame()
    assert frame[["severity", "row", "column"]].values.tolist() == [
        ["warning", 6, "quarter"], ["info", 7, "theme"]]


def _goal_review(modules, completions):
    return pd.DataFrame({"module": modules, "completion": completions})


def test_module_completion_caps_each_goal_and_weights_by_the_goals_sheet():
    review = _goal_review(["growth", "growth", "brand", "brand"], [1.5, 0.6, 0.9, NAN])
    goals = pd.DataFrame({"weight": [1.0, 3.0, NAN, 2.0]})
    # growth: (min(1.5, 1) × 1 + 0.6 × 3) / 4 = 2.8 / 4 = 0.7;
    # brand: 0.9 with weight blank = 1; the blank completion is left out → 0.9.
    assert module_completion(goals, review) == pytest.approx({"growth": 0.7, "brand": 0.9})


def test_lessons_carry_their_module_goal_completion():
    lessons = pd.DataFrame({"module": ["Growth ", "events"], "what_worked": ["SLA", "Salons"],
                            "method": ["48 h", "30 seats"], "evidence": [None, "CPO ÷ 3"]})
    review = _goal_review(["growth"], [0.8])
    table = lessons_table(lessons, pd.DataFrame({"weight": [NAN]}), review)
    # Modules match without case or spaces; events has no goal → blank.
    assert table["module_completion"].iloc[0] == pytest.approx(0.8)
    assert math.isnan(table["module_completion"].iloc[1])
    assert table["method"].tolist() == ["48 h", "30 seats"]


def test_module_completion_follows_the_goal_cap():
    review = _goal_review(["growth", "growth"], [1.5, 0.6])
    # cap 1.2: (1.2 + 0.6) / 2 = 0.9.
    assert module_completion(pd.DataFrame(), review, 1.2) == pytest.approx({"growth": 0.9})
