"""Live plan formulas, as written (their values are checked by LibreOffice elsewhere):
Settings links, functions both Excel 2016 and LibreOffice 7.4 compute, the split's form."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tests.plan_helpers import make_inputs, random_leads, random_spend
from xlreview.layout import build_sheets
from xlreview.plan import build_plan
from xlreview.review import build_review
from xlreview.sheetmodel import Formula

# Excel 2016 and LibreOffice 7.4 both compute these; no LET, LAMBDA, XLOOKUP, FILTER, SEQUENCE.
ALLOWED = {"SUM", "SUMIF", "IFERROR", "INDEX", "MATCH", "ROUND", "ROUNDUP", "ROUNDDOWN",
           "SUMPRODUCT", "IF", "AND", "OR", "N", "COUNT", "INT", "MOD", "MAX"}
PLAN_SHEETS = ("targets", "plan_monthly", "plan_quarterly", "plan_weekly", "budget",
               "scenarios")


@pytest.fixture(scope="module")
def sheets():
    inputs = make_inputs(random_leads(2_000, seed=3), spend=random_spend())
    inputs.settings = replace(inputs.settings, revenue_target=4e7, fiscal_year=2026)
    inputs.names = {"settings": "Settings"}  # read from a workbook with a Settings sheet
    tables = dict(build_review(inputs))
    tables.update(build_plan(inputs, tables))
    return {s.key: s for s in build_sheets(tables, settings=inputs.settings, extra=inputs)}


def _formulas(sheet) -> list[str]:
    cells = [c.value for c in sheet.cells]
    cells += [v for b in sheet.blocks for c in b.columns for v in c.values]
    return [v.text for v in cells if isinstance(v, Formula)]


def test_plan_sheets_use_only_functions_excel_2016_and_libreoffice_compute(sheets):
    used: set[str] = set()
    for key in PLAN_SHEETS:
        for text in _formulas(sheets[key]):
            used |= set(re.findall(r"([A-Z][A-Z0-9.]*)\(", text))
    assert used <= ALLOWED, used - ALLOWED


def test_targets_inputs_read_settings(sheets):
    cells = {(c.row, c.col): c.value for c in sheets["targets"].cells}
    target = cells[(2, 1)]
    assert isinstance(target, Formula)
    assert 'INDEX(\'Settings\'!$B:$B,MATCH("revenue_target",\'Settings\'!$A:$A,0))' in target.text
    assert target.value == 4e7
    # Shares typed as 50 mean 50%, as Settings reads them.
    assert "/100" in cells[(3, 1)].text and "new_customer_share" in cells[(3, 1)].text
    assert "avg_deal_size" in cells[(6, 1)].text


def test_every_plan_sheet_is_live(sheets):
    monthly = sheets["plan_monthly"].block("plan_monthly")
    for key in ("leads", "mql", "sql", "opp", "won", "revenue", "budget"):
        assert all(isinstance(v, Formula) for v in monthly.column(key).values), key
    # Customers (no lag): the cumulative split of the Targets Total row's customers.
    first = monthly.column("won").values[0].text
    assert first.startswith("=ROUND(N('Targets'!$") and "ROUND(" in first
    quarterly = sheets["plan_quarterly"].block("plan_quarterly")
    assert quarterly.column("leads").values[0].text == "=SUM('Plan by month'!B5:B7)"
    weekly = sheets["plan_weekly"].block("plan_weekly")
    assert all(isinstance(v, Formula) for v in weekly.column("won").values)
    check = sheets["budget"].block("budget_check")
    for key in ("plan_needs", "budget_buys", "gap"):
        assert all(isinstance(v, Formula) for v in check.column(key).values), key
    outcomes = sheets["scenarios"].block("scenario_outcomes")
    assert all(isinstance(v, Formula) for v in outcomes.column("stretch").values)
