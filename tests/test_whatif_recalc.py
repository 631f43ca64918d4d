"""Every native formula, recalculated by LibreOffice, equals the number Python computed.

The generated workbook is recalculated by LibreOffice headless (profile with
``OOXMLRecalcMode`` = 0, "always recalculate") and read back with openpyxl ``data_only``.
"""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest

from tests import lo_convert
from tests import tables_fixture as fx
from xlreview.io.writer import write_sheets
from xlreview.labels import label
from xlreview.layout import build_sheets

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(lo_convert.soffice() is None, reason="LibreOffice (soffice) missing"),
]


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("whatif")
    written = tmp / "generated.xlsx"
    sheets = build_sheets(fx.tables(with_share_of_voice=True), settings=fx.settings(),
                          extra=fx.extra())
    write_sheets(sheets, written)
    return written, lo_convert.convert(written, "xlsx", tmp)


def _same(python: object, office: object) -> bool:
    if python in (None, "") or office in (None, ""):
        return python in (None, "") and office in (None, "")
    if isinstance(python, int | float) and isinstance(office, int | float):
        return math.isclose(python, office, rel_tol=1e-9, abs_tol=1e-9)
    return python == office


def _assert_formulas_match(written: Path, recalculated: Path) -> int:
    """Every formula cell's LibreOffice value equals its cached (Python) value."""
    formulas = openpyxl.load_workbook(written)
    cached = openpyxl.load_workbook(written, data_only=True)
    office = openpyxl.load_workbook(recalculated, data_only=True)
    checked = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                python = cached[ws.title][cell.coordinate].value
                computed = office[ws.title][cell.coordinate].value
                assert _same(python, computed), (ws.title, cell.coordinate, cell.value,
                                                 python, computed)
                checked += 1
    return checked


def test_every_formula_equals_the_python_value(books):
    checked = _assert_formulas_match(*books)
    # Targets 3 channels × 9 + 9 totals + target cell; budget 4 + 5; phasing 7 + 7 + 6;
    # quadrant helper 3 × 2 — at least 70 formulas.
    assert checked >= 70


def test_targets_recalculate_to_the_hand_worked_funnel(books):
    _, recalculated = books
    ws = openpyxl.load_workbook(recalculated, data_only=True)[label("sheet.targets")]
    assert ws["B6"].value == 3_000_000 and ws["B8"].value == 15
    # Rows 11–13: customers, opp, SQL, MQL, leads (G..K), worked out in the fixture.
    assert [ws[f"{c}11"].value for c in "GHIJK"] == [8, 27, 54, 135, 540]
    assert [ws[f"{c}12"].value for c in "GHIJK"] == [4, 20, 67, 134, 1_340]
    # Partners: a lead→MQL rate of 0 gives a blank, never #DIV/0!.
    assert [ws[f"{c}13"].value for c in "GHIJ"] == [3, 15, 50, 167]
    assert ws["K13"].value in (None, "")
    # Gap: 540 − 550 = −10; total 1,880 − 550 = 1,330.
    assert ws["R11"].value == -10 and ws["R14"].value == 1_330


def test_what_if_a_new_target_recalculates_the_chain(books, tmp_path):
    written, _ = books
    wb = openpyxl.load_workbook(written)
    ws = wb[label("sheet.targets")]
    ws["B3"] = 20_000_000  # company target doubled → marketing target 6,000,000
    ws["F12"] = None  # Search: win rate blanked
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    out = openpyxl.load_workbook(lo_convert.convert(edited, "xlsx", tmp_path), data_only=True)
    ws = out[label("sheet.targets")]
    # 6,000,000 / 200,000 = 30 customers; by share 15, 9, 6 (no remainder).
    assert ws["B6"].value == 6_000_000 and ws["B8"].value == 30
    assert [ws[f"G{r}"].value for r in (11, 12, 13)] == [15, 9, 6]
    # Trade shows: ⌈15/0.3⌉ = 50; ⌈50/0.5⌉ = 100; ⌈100/0.4⌉ = 250; ⌈250/0.25⌉ = 1,000;
    # implied cost 1,000 × 500 = 500,000; revenue 15 × 200,000 = 3,000,000.
    assert [ws[f"{c}11"].value for c in "HIJK"] == [50, 100, 250, 1_000]
    assert ws["P11"].value == 500_000 and ws["M11"].value == 3_000_000
    # Search: a blank win rate blanks the rest of its chain.
    assert all(ws[f"{c}12"].value in (None, "") for c in "HIJK")
    # Totals skip blanks: customers 30; leads 1,000 (Partners' rate is 0).
    assert ws["G14"].value == 30 and ws["K14"].value == 1_000


def test_formulas_match_the_real_review_and_plan(tmp_path):
    """The core's own tables (random leads and spend), not the fixture: same numbers."""
    from dataclasses import replace

    from tests.plan_helpers import make_inputs, random_leads, random_spend
    from xlreview.plan import build_plan
    from xlreview.review import build_review

    inputs = make_inputs(random_leads(3_000, seed=1), spend=random_spend())
    inputs.settings = replace(inputs.settings, revenue_target=5e7, language="zh-CN")
    tables = dict(build_review(inputs))
    tables.update(build_plan(inputs, tables))
    tables["data_check"] = inputs.findings.to_frame()
    written = tmp_path / "real.xlsx"
    write_sheets(build_sheets(tables, settings=inputs.settings, extra=inputs), written)
    recalculated = lo_convert.convert(written, "xlsx", tmp_path)
    assert _assert_formulas_match(written, recalculated) >= 40
