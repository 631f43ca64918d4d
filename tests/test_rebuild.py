"""The rebuild end to end on files: it never loses data.

The sample workbook is written once per session (``sample_book``); each test copies it.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xlreview.errors import WorkbookLockedError
from xlreview.labels import label
from xlreview.rebuild import rebuild


@pytest.fixture(scope="session")
def sample_book(tmp_path_factory) -> Path:
    from xlreview.cli import write_demo

    return write_demo(tmp_path_factory.mktemp("sample"))


@pytest.fixture
def book(sample_book: Path, tmp_path: Path) -> Path:
    path = tmp_path / "review.xlsx"
    shutil.copy(sample_book, path)
    return path


def _add_user_work(path: Path) -> None:
    """What a marketer adds by hand: a sheet with values, a formula, formatting, a name."""
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("My notes")
    ws["A1"] = "Budget memo"
    ws["A1"].font = openpyxl.styles.Font(bold=True, color="FFC00000")
    ws["B2"] = 1234.5
    ws["B2"].number_format = "#,##0.00"
    ws["B3"] = "=B2*2"
    wb.defined_names["memo_total"] = openpyxl.workbook.defined_name.DefinedName(
        "memo_total", attr_text="'My notes'!$B$3"
    )
    wb.save(path)


def _sheet_values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


def _generated_names(lang: str = "en") -> set[str]:
    from xlreview.layout import generated_sheet_names

    return generated_sheet_names()


def test_rebuild_writes_the_review_tables_with_the_contract_headers(book):
    rebuild(book)
    wb = openpyxl.load_workbook(book)
    tables = {name: (ws, ws.tables[name]) for ws in wb for name in ws.tables}
    ws, roi = tables["roi_matrix"]
    first, last = roi.ref.split(":")
    header = [c.value for c in ws[first:last][0]]
    assert header == [
        "Channel", "Cost", "Visits", "Leads", "MQL", "SQL", "Opportunities", "Customers",
        "Revenue", "CPL", "Cost per MQL", "Cost per SQL", "CAC", "ROAS", "ROI", "Quadrant",
    ]
    for name in ("funnel", "events", "monthly", "sales_cycle", "pipeline", "goal_review",
                 "data_check", "targets", "budget", "plan_monthly", "plan_quarterly"):
        assert name in tables, name


def test_user_sheets_values_formulas_formatting_and_names_survive(book):
    _add_user_work(book)
    inputs_before = {
        k: v for k, v in _sheet_values(book).items() if k not in _generated_names()
    }
    rebuild(book)
    rebuild(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["My notes"]
    assert ws["B3"].value == "=B2*2"
    assert ws["B2"].number_format == "#,##0.00"
    assert ws["A1"].font.bold and ws["A1"].font.color.rgb == "FFC00000"
    assert wb.defined_names["memo_total"].attr_text == "'My notes'!$B$3"
    after = _sheet_values(book)
    for name, rows in inputs_before.items():
        assert after[name] == rows, name


def test_non_generated_parts_are_byte_for_byte_the_same(book):
    rebuild(book)
    before = zipfile.ZipFile(book)
    before_parts = {n: before.read(n) for n in before.namelist()}
    rebuild(book)
    after = zipfile.ZipFile(book)
    after_parts = {n: after.read(n) for n in after.namelist()}
    # Rebuilding twice with the same inputs gives the same file contents.
    assert after_parts == before_parts


def test_rebuilding_twice_gives_the_same_values(book):
    rebuild(book)
    first = _sheet_values(book)
    rebuild(book)
    assert _sheet_values(book) == first


def test_a_workbook_open_in_excel_is_reported_not_overwritten(book):
    lock = book.with_name("~$" + book.name)
    lock.write_bytes(b"owner")
    original = book.read_bytes()
    with pytest.raises(WorkbookLockedError):
        rebuild(book)
    assert book.read_bytes() == original


def test_a_workbook_opened_while_the_rebuild_computes_is_not_overwritten(book):
    # The read has started (as the command line starts it) when the user opens the
    # workbook in Excel: the lock file is checked again before the file is replaced.
    from xlreview.io.files import start_reading

    original = book.read_bytes()
    reading = start_reading(book)
    book.with_name("~$" + book.name).write_bytes(b"owner")
    with pytest.raises(WorkbookLockedError):
        rebuild(book, reading=reading)
    assert book.read_bytes() == original


def test_a_failure_half_way_leaves_the_file_as_it_was(book, monkeypatch):
    original = book.read_bytes()

    def broken_writer(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("xlreview.io.writer.write_sheets", broken_writer)
    with pytest.raises(RuntimeError):
        rebuild(book)
    assert book.read_bytes() == original
    assert sorted(p.name for p in book.parent.iterdir()) == [book.name]


def test_chinese_workbook_gets_chinese_sheet_names(tmp_path):
    from xlreview.cli import write_demo

    path = write_demo(tmp_path, lang="zh-CN")
    rebuild(path)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert label("sheet.roi_matrix", "zh-CN") in names
    assert label("sheet.roi_matrix", "en") not in names


def test_share_copy_setting_writes_the_copy_beside_the_workbook(book):
    from xlreview.io.share import write_share_copy
    from xlreview.rebuild import share_copy_path

    wb = openpyxl.load_workbook(book)
    ws = wb["Settings"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "share_copy")
    ws.cell(row, 2).value = "yes"
    wb.save(book)
    rebuild(book)
    copy = share_copy_path(book)
    assert copy.name == "review_share.xlsx"
    names = openpyxl.load_workbook(copy, read_only=True).sheetnames
    assert names == openpyxl.load_workbook(book, read_only=True).sheetnames
    # The next rebuild replaces its own copy: the copy of the workbook as rebuilt now.
    copy.write_bytes(_marked_stub(book))
    rebuild(book)
    assert copy.read_bytes() == write_share_copy(book, book.with_name("fresh.xlsx")).read_bytes()
    # … but never a file of the user's that happens to have the name.
    copy.write_bytes(b"mine")
    result = rebuild(book)
    assert copy.read_bytes() == b"mine"
    warning = result.data_check[result.data_check["column"] == "share_copy"]
    assert len(warning) == 1 and "review_share.xlsx" in warning["message"].iloc[0]
    assert warning["severity"].iloc[0] == "warning"


def _marked_stub(book: Path) -> bytes:
    """A small package carrying the rebuild's marks: an older share copy of ours."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            if not name.startswith("xl/worksheets/"):
                dst.writestr(name, src.read(name))
    return out.getvalue()


@pytest.mark.parametrize(("lang", "shown"), [("en", "Targets"), ("zh-CN", "目标拆解"),
                                             ("zh-TW", "目標拆解")])
def test_data_check_names_generated_sheets_as_the_user_sees_them(lang, shown):
    import pandas as pd

    from xlreview.inputs import Inputs
    from xlreview.rebuild import data_check
    from xlreview.settings import Settings

    empty = pd.DataFrame()
    inputs = Inputs(empty, empty, empty, empty, Settings(language=lang))
    inputs.findings.add("info", "targets", None, None, "a note")
    inputs.findings.add("error", "线索", 5, "创建日期", "bad date")
    check = data_check(inputs)
    assert check["sheet"].tolist() == ["线索", shown]  # errors first; input names untouched


def test_every_data_check_row_names_a_sheet_of_the_workbook(book):
    # Notes of the plan (lead time, budget, targets …) name the generated sheet that shows
    # them, never an internal table key such as "plan_lead_time".
    result = rebuild(book)
    names = set(openpyxl.load_workbook(book, read_only=True).sheetnames)
    sheets = set(result.data_check["sheet"])
    assert sheets, "the sample has notes"
    assert sheets <= names, sheets - names
