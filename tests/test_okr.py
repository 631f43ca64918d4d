"""The OKR tree: objectives, key results, what they roll up to, completion rolled up by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from xlreview.checks import Findings
from xlreview.okr import INDENT, OKR_COLUMNS, okr_tree

NAN = np.nan


def _sheet(*rows: tuple[object, ...]) -> pd.DataFrame:
    """OKR rows (objective, key_result, owner, parent, target, actual, weight) from row 4."""
    frame = pd.DataFrame(rows, columns=["objective", "key_result", "owner", "parent", "target",
                                        "actual", "weight"])
    frame["_row"] = range(4, 4 + len(frame))
    return frame


def _by_name(table: pd.DataFrame) -> dict[str, pd.Series]:
    return {str(r["item"]).strip(): r for _, r in table.iterrows()}


def test_department_objective_rolls_up_team_objectives_through_key_results():
    okr = _sheet(
        ("Grow revenue", None, "Li", None, NAN, NAN, NAN),
        ("Grow revenue", "MQL +20%", "Li", None, 1200, NAN, 2.0),
        ("Grow revenue", "SOV 25%", "Wang", None, 0.25, 0.21, 1.0),
        ("Fill the funnel", None, "Liu", "MQL +20%", NAN, NAN, NAN),
        ("Fill the funnel", "SEM leads +15%", "Liu", None, 1.15, 1.05, NAN),
        ("Fill the funnel", "MQL→SQL 40%", "Li", None, 0.40, 0.36, NAN),
    )
    findings = Findings()
    table = okr_tree(okr, findings)
    assert list(table.columns) == list(OKR_COLUMNS)
    assert findings.to_frame().empty
    # Tree order: each node followed by its children, in sheet order.
    assert [s.strip() for s in table["item"]] == [
        "Grow revenue", "MQL +20%", "Fill the funnel", "SEM leads +15%", "MQL→SQL 40%",
        "SOV 25%"]
    assert table["level"].tolist() == [0, 1, 2, 3, 3, 1]
    assert table["item"].iloc[3] == INDENT * 3 + "SEM leads +15%"
    got = _by_name(table)
    # Key results: 1.05 / 1.15 = 0.913043…; 0.36 / 0.40 = 0.9; 0.21 / 0.25 = 0.84.
    assert got["SEM leads +15%"]["completion"] == pytest.approx(1.05 / 1.15)
    assert got["MQL→SQL 40%"]["completion"] == pytest.approx(0.9)
    # Fill the funnel: equal weights, (0.913043 + 0.9) / 2 = 0.906522; the KR "MQL +20%" has
    # no actual of its own, so it takes its child's completion.
    funnel = (1.05 / 1.15 + 0.9) / 2
    assert got["Fill the funnel"]["completion"] == pytest.approx(funnel)
    assert got["MQL +20%"]["completion"] == pytest.approx(funnel)
    # Grow revenue: weights 2 and 1, (0.906522 × 2 + 0.84 × 1) / 3 = 0.884348.
    assert got["Grow revenue"]["completion"] == pytest.approx((funnel * 2 + 0.84) / 3)
    assert got["Fill the funnel"]["parent"] == "MQL +20%"
    assert got["Grow revenue"]["kind"] == "objective"
    assert got["SOV 25%"]["kind"] == "key_result"


def test_a_key_result_above_target_counts_at_most_100_percent_in_its_objective():
    okr = _sheet(
        ("Pipeline", "MQL", None, None, 100, 150, NAN),  # 1.5, capped at 1 in the roll-up
        ("Pipeline", "SQL", None, None, 50, 25, NAN),  # 0.5
    )
    got = _by_name(okr_tree(okr))
    assert got["MQL"]["completion"] == pytest.approx(1.5)  # shown uncapped
    assert got["Pipeline"]["completion"] == pytest.approx((1.0 + 0.5) / 2)  # 0.75


def test_an_objective_named_only_by_its_key_results_is_added_once():
    okr = _sheet(("Brand", "Posts", None, None, 120, 96, NAN),
                 ("Brand", "Videos", None, None, 12, 12, NAN))
    table = okr_tree(okr)
    # Brand: (96/120 + 12/12) / 2 = (0.8 + 1) / 2 = 0.9.
    assert table["item"].str.strip().tolist() == ["Brand", "Posts", "Videos"]
    assert table["completion"].iloc[0] == pytest.approx(0.9)
    assert table["owner"].iloc[0] is None


def test_weight_zero_leaves_a_child_out_and_blank_weights_count_one():
    okr = _sheet(("O", "A", None, None, 10, 10, 0.0),  # 1.0, weight 0: left out
                 ("O", "B", None, None, 10, 5, NAN),  # 0.5, weight 1
                 ("O", "C", None, None, 10, 2, 3.0))  # 0.2, weight 3
    # (0.5 × 1 + 0.2 × 3) / 4 = 1.1 / 4 = 0.275.
    assert okr_tree(okr)["completion"].iloc[0] == pytest.approx(0.275)


def test_missing_parent_is_a_finding_and_the_row_goes_to_the_top():
    okr = _sheet(("Team goal", None, None, "No such KR", NAN, NAN, NAN),
                 ("Team goal", "Posts", None, None, 10, 8, NAN))
    findings = Findings()
    table = okr_tree(okr, findings, sheet="OKR")
    frame = findings.to_frame()
    assert len(frame) == 1
    assert (frame["sheet"].iloc[0], frame["row"].iloc[0], frame["column"].iloc[0]) == (
        "OKR", 4, "parent")
    assert "No such KR" in frame["message"].iloc[0]
    assert table["level"].tolist() == [0, 1]
    assert table["completion"].iloc[0] == pytest.approx(0.8)


def test_a_circle_is_a_finding_not_a_crash():
    # A rolls up to KR b, b belongs to B, B rolls up to KR a of A: a circle A → a … → A.
    okr = _sheet(("A", None, None, "b", NAN, NAN, NAN),
                 ("A", "a", None, None, 10, 5, NAN),
                 ("B", None, None, "a", NAN, NAN, NAN),
                 ("B", "b", None, None, 10, 10, NAN))
    findings = Findings()
    table = okr_tree(okr, findings, sheet="OKR")
    frame = findings.to_frame()
    assert len(frame) == 1 and frame["column"].iloc[0] == "parent"
    assert frame["row"].iloc[0] == 4  # cut at the circle's first row: A
    assert "A" in frame["message"].iloc[0] and "→" in frame["message"].iloc[0]
    # Every row is still shown once, A at the top: A → a → B → b.
    assert table["item"].str.strip().tolist() == ["A", "a", "B", "b"]
    assert table["level"].tolist() == [0, 1, 2, 3]
    # b = 1.0; B = 1.0; a has its own actual: 0.5; A = 0.5.
    assert table["completion"].tolist() == pytest.approx([0.5, 0.5, 1.0, 1.0])


def test_a_row_rolling_up_to_itself_is_a_circle():
    okr = _sheet(("Self", None, None, "Self", NAN, NAN, NAN))
    findings = Findings()
    table = okr_tree(okr, findings)
    assert len(findings.to_frame()) == 1
    assert table["level"].tolist() == [0]
    assert math.isnan(table["completion"].iloc[0])


def test_zero_target_duplicate_and_negative_weight_are_findings():
    okr = _sheet(("O", "K", None, None, 0, 5, NAN),
                 ("O", "K", None, None, 10, 5, -1.0),
                 ("O", None, None, None, NAN, NAN, NAN),
                 ("O", None, None, None, NAN, NAN, NAN))
    findings = Findings()
    table = okr_tree(okr, findings, sheet="OKR")
    messages = findings.to_frame()
    assert sorted(messages["column"]) == ["key_result", "objective", "target", "weight"]
    assert set(messages["row"]) == {4, 5, 7}
    # K (row 4) blank, K (row 5) 0.5 with weight 1: the objective is 0.5.
    assert table["completion"].iloc[0] == pytest.approx(0.5)


def test_empty_or_blank_sheet_gives_an_empty_table():
    assert okr_tree(pd.DataFrame()).empty
    blank = _sheet((None, None, None, None, NAN, NAN, NAN))
    assert okr_tree(blank).empty
    assert list(okr_tree(blank).columns) == list(OKR_COLUMNS)


def test_the_cap_follows_the_goal_cap_setting():
    okr = _sheet(("P", "MQL", None, None, 100, 150, NAN),  # 1.5
                 ("P", "SQL", None, None, 50, 25, NAN))  # 0.5
    # cap 1.2: (1.2 + 0.5) / 2 = 0.85; no cap (a large one): (1.5 + 0.5) / 2 = 1.0.
    assert okr_tree(okr, cap=1.2)["completion"].iloc[0] == pytest.approx(0.85)
    assert okr_tree(okr, cap=9.0)["completion"].iloc[0] == pytest.approx(1.0)


def test_a_key_result_with_a_parent_rolls_up_there_not_to_its_objective():
    okr = _sheet(("Brand", None, None, None, NAN, NAN, NAN),
                 ("Growth", "Webinar leads", None, "Brand", 100, 50, NAN))  # 0.5
    table = okr_tree(okr)
    # Growth is added (named by the key result) but has no child: completion blank.
    assert table["item"].str.strip().tolist() == ["Brand", "Webinar leads", "Growth"]
    assert table["parent"].tolist()[1] == "Brand"
    assert table["completion"].iloc[0] == pytest.approx(0.5)
    assert math.isnan(table["completion"].iloc[2])
