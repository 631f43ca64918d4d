"""The hand-off of MQLs to sales (fiscal year 2024), by hand.

Leads (Excel rows 4..10)::

    row id  created     mql         sql         handoff
    4   H1  2024-01-05  2024-01-10  2024-01-20  accepted
    5   H2  2024-02-05  2024-02-10  -           Recycled
    6   H3  2024-03-05  2024-03-10  -           拒绝         (rejected)
    7   H4  2024-04-05  2024-04-10  -           -            (no outcome yet)
    8   H5  2024-05-05  2024-05-10  2024-06-01  maybe        (unknown: a warning, no outcome)
    9   H6  2023-05-05  2023-05-10  2023-05-20  accepted     (an MQL of 2023: not counted)
    10  H7  2024-06-05  -           -           -            (never an MQL)

Five MQLs in 2024: accepted 1 (20 %), recycled 1, rejected 1, no outcome 2 (40 %). Reached
SQL: the accepted one (1 of 1) and H5 (1 of the 2 without outcome).
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.test_year_over_year import leads_frame
from xlreview.checks import Findings
from xlreview.handoff import handoff_table, outcome_key


def leads(with_handoff: bool = True):
    rows = [("H1", "2024-01-05", "2024-01-10", "2024-01-20"),
            ("H2", "2024-02-05", "2024-02-10", None), ("H3", "2024-03-05", "2024-03-10", None),
            ("H4", "2024-04-05", "2024-04-10", None),
            ("H5", "2024-05-05", "2024-05-10", "2024-06-01"),
            ("H6", "2023-05-05", "2023-05-10", "2023-05-20"), ("H7", "2024-06-05", None, None)]
    frame = leads_frame([(i, c, "web", None, m, q, None, None, None) for i, c, m, q in rows])
    if with_handoff:
        frame["handoff"] = ["accepted", "Recycled", "拒绝", None, "maybe", "accepted", None]
    frame["_row"] = range(4, 11)
    return frame


def test_outcomes_of_the_years_mqls():
    table = handoff_table(leads(), 2024)
    assert table["outcome"].tolist() == ["accepted", "recycled", "rejected", "pending"]
    assert table["leads"].tolist() == [1, 1, 1, 2]
    assert table["share"].tolist() == [0.2, 0.2, 0.2, 0.4]
    assert table["sql"].tolist() == [1, 0, 0, 1]
    assert table["to_sql"].tolist() == [1.0, 0.0, 0.0, 0.5]  # accepted → SQL: 1 of 1


def test_without_sql_dates_the_sql_columns_are_blank():
    untracked = leads()
    untracked["sql_date"] = pd.NaT
    table = handoff_table(untracked, 2024)
    assert table["leads"].tolist() == [1, 1, 1, 2]
    assert table["sql"].isna().all() and table["to_sql"].isna().all()


def test_unknown_outcome_is_a_warning_naming_sheet_row_and_column():
    findings = Findings()
    handoff_table(leads(), 2024, findings, sheet="Leads")
    [issue] = findings.issues
    assert (issue.severity, issue.sheet, issue.row, issue.column) == (
        "warning", "Leads", 8, "handoff")
    assert "maybe" in issue.message


def test_without_handoff_values_the_table_is_empty():
    assert handoff_table(leads(with_handoff=False), 2024).empty
    blank = leads()
    blank["handoff"] = None
    assert handoff_table(blank, 2024).empty


@pytest.mark.parametrize(("text", "key"), [
    ("Accepted", "accepted"), ("SAL", "accepted"), ("已接受", "accepted"),
    ("back to nurture", "recycled"), ("退回培育", "recycled"),
    ("Disqualified", "rejected"), ("无效", "rejected"),
    ("", None), (None, None), ("later", "?"),
])
def test_outcome_words_in_english_and_chinese(text, key):
    assert outcome_key(text) == key
