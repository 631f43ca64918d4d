"""Goal review: direction, layer, completion, status and gap."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xlreview.checks import Findings
from xlreview.goals import goal_review, lower_is_better, normalise_layer, normalise_metric


@pytest.mark.parametrize("text, lower", [
    ("lower", True), ("低", True), ("越低越好", True), ("down", True), ("-", True),
    (" Lower ", True), ("higher", False), ("越高越好", False), (None, False), (np.nan, False),
])
def test_direction(text, lower):
    assert lower_is_better(text) is lower


@pytest.mark.parametrize("text, layer", [
    ("completion", "completion"), ("完成层", "completion"), ("效果层", "effect"),
    ("Effect", "effect"), ("ROI层", "roi"), ("roi", "roi"), ("投入产出", "roi"),
    ("brand health", "brand health"),  # unknown text is kept as typed
    (None, None),
])
def test_layer(text, layer):
    assert normalise_layer(text) == layer


def test_metric_keys():
    assert normalise_metric(" Leads ") == "leads"
    assert normalise_metric("customers") == "won"
    assert normalise_metric("Share of voice") == "share_of_voice"
    assert normalise_metric("foo") is None


def _goals(rows):
    return pd.DataFrame(rows, columns=["module", "layer", "goal", "metric", "direction",
                                       "target", "actual", "_row"])


def test_statuses_at_the_thresholds():
    """Completion 1.0 achieved, .8 at risk, .79 missed; lower is better 50 vs actual 40:
    50/40 = 1.25 achieved, gap 40 − 50 = −10 (beaten); typed actual wins over the metric."""
    goals = _goals([
        ("m", "effect", "a", None, None, 100.0, 100.0, 2),
        ("m", "effect", "b", None, None, 100.0, 80.0, 3),
        ("m", "effect", "c", None, None, 100.0, 79.0, 4),
        ("m", "roi", "d", "cpl", "lower", 50.0, 40.0, 5),
    ])
    out = goal_review(goals, {"cpl": 999.0})
    assert out["status"].tolist() == ["achieved", "at_risk", "missed", "achieved"]
    np.testing.assert_allclose(out["completion"], [1.0, 0.8, 0.79, 1.25])
    np.testing.assert_allclose(out["gap"], [0, 20, 21, -10])


def test_lower_is_better_with_zero_actual_is_blank_not_infinite():
    out = goal_review(_goals([("m", "roi", "cac", None, "低", 10.0, 0.0, 2)]), {})
    assert np.isnan(out["completion"].iloc[0]) and pd.isna(out["status"].iloc[0])


def test_findings_name_the_row():
    """Row 2: target 0 → warning; row 3: unknown metric → warning; row 4: no actual, no
    metric → info."""
    findings = Findings()
    goal_review(_goals([
        ("m", "effect", "a", None, None, 0.0, 5.0, 2),
        ("m", "effect", "b", "visits", None, 10.0, None, 3),
        ("m", "effect", "c", None, None, 10.0, None, 4),
    ]), {}, findings, sheet="目标", lang="zh-CN")
    assert [(i.severity, i.sheet, i.row, i.column) for i in findings] == [
        ("warning", "目标", 2, "target"), ("warning", "目标", 3, "metric"),
        ("info", "目标", 4, "actual")]
    assert "visits" in findings.issues[1].message


def test_no_goals_gives_an_empty_table():
    out = goal_review(_goals([]), {})
    assert out.empty and list(out.columns)[-4:] == ["gap", "weight", "owner", "comment"]


def test_weight_owner_and_comment_are_shown_as_typed():
    goals = _goals([("m", "effect", "a", None, None, 100.0, 90.0, 2),
                    ("m", "effect", "b", None, None, 100.0, 80.0, 3)])
    goals["weight"] = [0.3, None]
    goals["owner"] = ["Li Na", None]
    goals["comment"] = [None, "Typed by the team"]
    out = goal_review(goals, {})
    assert out["weight"].tolist()[:1] == [0.3] and pd.isna(out["weight"][1])
    assert out["owner"][0] == "Li Na" and pd.isna(out["owner"][1])
    assert pd.isna(out["comment"][0]) and out["comment"][1] == "Typed by the team"


def test_goal_score_caps_each_goal():
    """Leads at 200% cannot hide revenue at 24%: capped at 100% → (1 + 0.24) / 2 = 0.62,
    where the uncapped mean would claim 112%. With a 120% cap: (1.2 + 0.24) / 2 = 0.72;
    weights 1 and 3: (1 × 1 + 0.24 × 3) / 4 = 0.43."""
    from xlreview.goals import goal_score
    from xlreview.settings import parse_settings

    completion = pd.Series([2.0, 0.24])
    assert goal_score(completion) == pytest.approx(0.62)
    assert goal_score(completion, cap=1.2) == pytest.approx(0.72)
    assert goal_score(completion, pd.Series([1, 3])) == pytest.approx(0.43)
    assert parse_settings([(2, "goal_cap", "120")]).goal_cap == pytest.approx(1.2)
    assert parse_settings([(2, "goal_cap", None)]).goal_cap == 1.0
