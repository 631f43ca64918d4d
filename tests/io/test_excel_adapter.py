"""The live-Excel adapter against an in-memory xlwings stand-in (``fake_xlwings``)."""

from __future__ import annotations

import datetime as dt
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.io import fake_xlwings as fake
from xlreview.cells import ExcelError
from xlreview.errors import InputError
from xlreview.io import excel
from xlreview.layout import Block, Cell, Column, Formula, Merge, Sheet, Style


def tiny_sheet(name: str = "Tiny") -> Sheet:
    """A title, a merged note and a 3-column table at row 3 (0-based row 2)."""
    return Sheet(
        key="tiny", name=name,
        cells=[Cell(0, 0, "Title", Style(bold=True)),
               Cell(1, 0, dt.datetime(2026, 1, 31), Style(num_format="yyyy-mm-dd"))],
        merges=[Merge(0, 3, 0, 4, "Merged note", Style())],
        blocks=[Block("tbl_tiny", 2, 0, [
            Column("channel", "Channel", ["Web", "=not a formula"], Style()),
            Column("cost", "Cost", [100.0, float("nan")], Style(num_format="#,##0")),
            Column("roi", "ROI", [Formula("=B4*2", 200.0), None], Style(num_format="0%")),
        ])],
        widths={0: 12.0},
    )


# --- the sheet model as cells (pure) --------------------------------------------------


def test_sheet_cells_dense_grid_from_a1() -> None:
    grid = excel.sheet_cells(tiny_sheet())
    assert len(grid) == 5 and all(len(row) == 5 for row in grid)  # A1:E5
    assert grid[0][:4] == ["Title", None, None, "Merged note"]
    assert grid[1][0] == dt.datetime(2026, 1, 31)
    assert grid[2][:3] == ["Channel", "Cost", "ROI"]
    assert grid[3][:3] == ["Web", 100.0, "=B4*2"]      # formula as its text
    # Text that Excel would take for a formula keeps an apostrophe; NaN/None are blank.
    assert grid[4][:3] == ["'=not a formula", None, None]


@pytest.mark.parametrize(("value", "expected"), [
    (float("nan"), None), (pd.NaT, None), (pd.Timestamp("2026-03-01"), dt.datetime(2026, 3, 1)),
    (np.int64(7), 7), ("2027-W01", "'2027-W01"), ("TRUE", "'TRUE"),
    ("Q1", "Q1"), ("线索", "线索"), (True, True),
])
def test_cell_values_for_excel(value: object, expected: object) -> None:
    out = excel._cell_out(value)
    assert out == expected and type(out) is type(expected)


def test_number_formats_cover_the_data_rows() -> None:
    formats = dict(excel.number_formats(tiny_sheet()))
    assert formats[(3, 1, 4, 1)] == "#,##0"   # cost, 2 data rows (B4:B5)
    assert formats[(3, 2, 4, 2)] == "0%"
    assert formats[(1, 0, 1, 0)] == "yyyy-mm-dd"


# --- reading and writing through the fake ---------------------------------------------


def test_read_grid_from_a1_with_errors() -> None:
    book = fake.Book()
    ws = book.sheets.add("Leads")
    ws.cells[(2, 3)] = "lead_id"                 # used range starts at C2
    ws.cells[(3, 3)] = fake.ErrorValue("#N/A")
    ws.cells[(3, 4)] = 5.0
    grid = excel.sheet_grid(ws)
    assert grid == [[None] * 4, [None, None, "lead_id", None], [None, None, "#N/A", 5.0]]
    assert isinstance(grid[2][2], ExcelError)


def test_read_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "CHUNK_ROWS", 2)
    book = fake.Book.from_grids({"Leads": [[i] for i in range(5)]})
    assert excel.sheet_grid(book.sheets["Leads"]) == [[0], [1], [2], [3], [4]]
    reads = [c for c in book.app.calls if c[0] == "read"]
    assert len(reads) == 3  # rows 1-2, 3-4, 5


def test_read_grids_only_reads_input_sheets() -> None:
    book = fake.Book.from_grids({"Leads": [["lead_id"]], "My notes": [["x"]],
                                 "费用": [["month"]]})
    assert set(excel.read_grids(book)) == {"Leads", "费用"}


def test_read_grids_also_reads_the_sheet_the_mapping_names() -> None:
    # A Mapping row with column 工作表 names the Leads sheet "CRM導出"; other sheets stay unread.
    book = fake.Book.from_grids({"CRM導出": [["線索ID"]], "My notes": [["x"]],
                                 "字段映射": [["工作表", "字段", "源列名"],
                                              ["線索", "工作表", "CRM導出"]]})
    assert set(excel.read_grids(book)) == {"字段映射", "CRM導出"}


def test_write_sheet_values_formats_tables_merges_widths() -> None:
    book = fake.Book()
    ws = book.sheets.add("Tiny")
    excel.write_sheet(ws, tiny_sheet())
    assert ws.cells[(1, 1)] == "Title" and ws.cells[(1, 4)] == "Merged note"
    assert ws.cells[(4, 3)] == "=B4*2"
    assert ws.cells[(5, 1)] == "=not a formula"   # Excel strips the apostrophe
    assert (5, 2) not in ws.cells                 # NaN written as blank
    assert ws.formats[(4, 2)] == ws.formats[(5, 2)] == "#,##0"
    assert ws.tables.items == [("tbl_tiny", (3, 1), (5, 3))]
    assert ws.merged == [((1, 4), (1, 5))]
    assert ws.widths == {1: 12.0}
    # All values in one write call.
    assert [c for c in book.app.calls if c[0] == "write"] == [("write", "Tiny", (1, 1))]


def _result(sheets: list[Sheet], severities: list[str], lang: str = "en") -> excel.Result:
    inputs = type("I", (), {"settings": type("S", (), {"language": lang})()})()
    check = pd.DataFrame({"severity": severities})
    return excel.Result(inputs, {"data_check": check}, sheets)


def test_rebuild_replaces_generated_sheets_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from xlreview.labels import label

    roi_name = label("sheet.roi_matrix")
    book = fake.Book.from_grids({"Leads": [["lead_id"], [1]], "My notes": [["memo"]],
                                 roi_name: [["old"]]})
    seen = {}

    def compute(grids, *, progress):
        seen["grids"] = grids
        progress("review")
        return _result([tiny_sheet(roi_name)], ["info"])

    monkeypatch.setattr(excel, "compute", compute)
    excel.rebuild_book(book)
    assert [s.name for s in book.sheets] == ["Leads", "My notes", roi_name]
    assert book.sheets["My notes"].cells == {(1, 1): "memo"}
    assert book.sheets[roi_name].cells[(1, 1)] == "Title"   # "old" is gone
    assert seen["grids"] == {"Leads": [["lead_id"], [1]]}
    # Status bar showed progress, then went back to Excel; screen updating restored.
    assert "xlreview: computing the review…" in book.app.status_history
    assert f"xlreview: {roi_name}…" in book.app.status_history
    assert book.app.status_bar is False
    assert book.app.screen_updating is True
    assert book.app.alerts == []    # infos only: no message box


def test_rebuild_reports_problems_in_a_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    book = fake.Book.from_grids({"Leads": [["lead_id"]]})
    result = _result([], ["error", "warning", "warning", "info"], lang="zh-CN")
    monkeypatch.setattr(excel, "compute", lambda grids, progress: result)
    excel.rebuild_book(book)
    assert [a["prompt"] for a in book.app.alerts] == [
        "1 个错误、2 个警告：请查看“数据检查”工作表"]


def test_input_error_shows_a_message_box_and_restores_excel(
        monkeypatch: pytest.MonkeyPatch) -> None:
    book = fake.Book.from_grids({"Leads": [["lead_id"]]})

    def compute(grids, progress):
        raise InputError("no Leads sheet")

    monkeypatch.setattr(excel, "compute", compute)
    with pytest.raises(InputError):
        excel.rebuild_book(book)
    assert book.app.alerts[0]["mode"] == "critical"
    assert "no Leads sheet" in book.app.alerts[0]["prompt"]
    assert book.app.status_bar is False and book.app.screen_updating is True


def test_ribbon_main_rebuilds_the_active_book_not_the_addin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from xlreview import ribbon

    book = fake.Book.from_grids({"Leads": [["lead_id"]]})
    addin = fake.Book("xlreview.xlam")  # the add-in is the caller of RunPython
    addin.app = book.app
    monkeypatch.setattr(fake.Book, "_caller", addin)
    monkeypatch.setitem(sys.modules, "xlwings", fake)
    monkeypatch.setattr(excel, "compute", lambda grids, progress: _result([tiny_sheet()], []))
    ribbon.main()
    assert book.sheets["Tiny"].cells[(1, 1)] == "Title"
    assert "Tiny" not in [s.name for s in addin.sheets]


# --- live path = headless path, cell by cell ------------------------------------------


def _same(live: object, headless: object) -> bool:
    if isinstance(live, dt.datetime) and isinstance(headless, int | float):
        live = (live - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(live, int | float) and isinstance(headless, int | float):
        return math.isclose(live, headless, rel_tol=1e-12, abs_tol=1e-12)
    return live == headless


@pytest.mark.slow
@pytest.mark.parametrize("sheets", ["demo", "demo_without_deals"])
def test_live_path_shares_everything_but_io_with_the_headless_one(
        tmp_path: Path, sheets: str) -> None:
    """Same input: the grids the adapter writes to the (fake) live book equal the values
    openpyxl reads from the file the command-line rebuild writes, cell by cell.

    ``demo_without_deals`` leaves out the optional Deals sheet (its join into Leads is
    input parsing, the same on both paths).
    """
    import openpyxl

    from xlreview.cli import write_demo
    from xlreview.io.files import read_grids
    from xlreview.rebuild import rebuild

    path = write_demo(tmp_path)
    if sheets == "demo_without_deals":
        wb = openpyxl.load_workbook(path)
        del wb["Deals"]
        wb.save(path)
    book = fake.Book.from_grids(read_grids(path))
    live = excel.rebuild_book(book)
    rebuild(path)
    wb = openpyxl.load_workbook(path)
    assert live.sheets, "the rebuild generated no sheets"
    for sheet in live.sheets:
        ws, got = wb[sheet.name], book.sheets[sheet.name]
        rows = max(ws.max_row, got.used_range.last_cell.row)
        cols = max(ws.max_column, got.used_range.last_cell.column)
        for r in range(1, rows + 1):
            for c in range(1, cols + 1):
                want = ws.cell(r, c).value
                assert _same(got.cells.get((r, c)), want), (sheet.name, r, c, want)
        # Number formats: every one written live is the file's, and none is missing.
        for (r, c), fmt in got.formats.items():
            assert ws.cell(r, c).number_format == fmt, (sheet.name, r, c)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and cell.number_format != "General":
                    assert (cell.row, cell.column) in got.formats, (sheet.name, cell.coordinate)
        tables = dict(ws.tables.items())
        live_tables = {name: f"{_a1(first)}:{_a1(last)}" for name, first, last
                       in got.tables.items}
        assert live_tables == tables, sheet.name


def _a1(cell: tuple[int, int]) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(cell[1])}{cell[0]}"


def test_a_chinese_sheet_is_written_in_its_east_asian_font() -> None:
    # The live path names the font over the written cells, as the file path's styles do.
    book = fake.Book.from_grids({})
    ws = book.sheets.add("Tiny")
    sheet = tiny_sheet()
    sheet.font = "Microsoft JhengHei"
    excel.write_sheet(ws, sheet)
    assert set(ws.fonts.values()) == {"Microsoft JhengHei"}
    assert set(ws.fonts) >= set(ws.cells)  # every written cell
    english = fake.Book.from_grids({}).sheets.add("English")
    excel.write_sheet(english, tiny_sheet("English"))
    assert english.fonts == {}
# --- the ribbon = the command line's rebuild of the file -------------------------------


def _cli_stderr(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    from xlreview.cli import main

    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err.strip()


def test_ribbon_on_a_local_file_is_the_command_line_rebuild_byte_for_byte(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from xlreview.cli import write_demo
    from xlreview.labels import label

    path = write_demo(tmp_path / "ribbon")
    twin = tmp_path / "cli.xlsx"
    shutil.copy2(path, twin)
    edited = {}
    book = fake.Book.from_file(str(path))
    book.on_save = lambda name: edited.setdefault("saved", Path(name).read_bytes())
    result = excel.rebuild_active(book)
    assert result is not None
    code, _ = _cli_stderr(capsys, "rebuild", "-q", str(twin))
    assert code in (0, 3)
    assert path.read_bytes() == twin.read_bytes()          # same result, byte for byte
    assert edited["saved"] != path.read_bytes()            # it was rebuilt after the save
    # Save (the user's edits), close, rebuild, reopen, open on the Dashboard.
    steps = [c for c in book.app.calls if c[0] in ("save", "close", "open", "activate")]
    dashboard = label("sheet.dashboard")
    assert steps == [("save", str(path)), ("close", str(path)), ("open", str(path)),
                     ("activate", path.name, dashboard)]
    reopened = book.app.books.active
    assert reopened is not book and reopened.active_sheet.name == dashboard
    # Dashboard is the first generated tab; generated sheets carry the mark.
    names = [s.name for s in reopened.sheets]
    generated = [s.name for s in reopened.sheets if excel.sheet_mark(s)]
    assert generated[0] == dashboard and names.index(dashboard) == names.index(generated[0])
    assert book.app.status_bar is False and book.app.screen_updating is True


def test_ribbon_failure_shows_the_command_lines_sentence_and_reopens_untouched(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    path = tmp_path / "unrelated.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "my own numbers"
    wb.save(path)
    before = path.read_bytes()
    book = fake.Book.from_file(str(path))
    assert excel.rebuild_active(book) is None
    assert path.read_bytes() == before
    code, sentence = _cli_stderr(capsys, "rebuild", "-q", str(path))
    assert code == 1 and sentence
    assert book.app.alerts == [{"prompt": sentence, "title": "xlreview", "mode": "critical"}]
    assert [c[0] for c in book.app.calls if c[0] in ("save", "close", "open")] == [
        "save", "close", "open"]
    assert book.app.books.active.fullname == str(path)     # reopened
    assert book.app.status_bar is False and book.app.screen_updating is True


def test_ribbon_speaks_the_language_of_the_books_settings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    from xlreview.cli import main

    # A Traditional template with a sheet of the user's named like a generated one.
    path = tmp_path / "繁體.xlsx"
    assert main(["template", "--lang", "zh-TW", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("渠道ROI矩陣")["A1"] = "我的筆記"
    wb.save(path)
    book = fake.Book.from_file(str(path))

    assert excel.rebuild_active(book) is None

    code, sentence = _cli_stderr(capsys, "rebuild", "-q", str(path))
    assert code == 1 and "寫入任何內容" in sentence  # the Traditional sentence
    assert book.app.alerts == [{"prompt": sentence, "title": "xlreview", "mode": "critical"}]
    assert "xlreview：讀取工作簿…" in book.app.status_history


def test_ribbon_when_excel_cannot_save_closes_nothing(tmp_path: Path) -> None:
    from xlreview.cli import write_demo

    path = write_demo(tmp_path)
    before = path.read_bytes()
    book = fake.Book.from_file(str(path))

    def refuse(_: str) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    book.on_save = refuse
    assert excel.rebuild_active(book) is None
    assert path.read_bytes() == before and not book.closed
    assert book.app.alerts[0]["mode"] == "critical"
    assert str(path) in book.app.alerts[0]["prompt"]


@pytest.mark.parametrize(("fullname", "why"), [
    ("Book1", "unsaved"),                                           # never saved
    ("https://contoso.sharepoint.com/sites/mkt/Plan.xlsx", "cloud"),
    ("https://d.docs.live.net/1a2b/Documents/Plan.xlsx", "cloud"),  # OneDrive
])
def test_books_without_a_local_file_take_the_live_path(fullname: str, why: str) -> None:
    book = fake.Book()
    book.fullname = fullname
    assert excel.local_file(book) == (None, why)


def test_read_only_and_other_formats_take_the_live_path(tmp_path: Path) -> None:
    ro = tmp_path / "plan.xlsx"
    ro.write_bytes(b"PK")
    ro.chmod(0o444)
    csv = tmp_path / "plan.csv"
    csv.write_text("a")
    for target, why in ((ro, "read_only"), (csv, "format")):
        book = fake.Book()
        book.fullname = str(target)
        assert excel.local_file(book) == (None, why)
    ro.chmod(0o644)
    book = fake.Book()
    book.fullname = str(ro)
    assert excel.local_file(book) == (ro, "")


def test_live_path_says_in_the_status_bar_what_it_does_not_draw(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from xlreview.labels import label

    book = fake.Book.from_grids({"Leads": [["lead_id"]]})
    book.fullname = "https://contoso.sharepoint.com/sites/mkt/Plan.xlsx"
    dashboard = Sheet(key="dashboard", name="Dashboard", cells=[Cell(0, 0, "Revenue")])
    monkeypatch.setattr(excel, "compute",
                        lambda grids, progress: _result([tiny_sheet(), dashboard], []))
    excel.rebuild_active(book)
    assert book.app.status_bar == label("msg.excel_live_cloud")
    assert "charts" in book.app.status_bar
    assert book.active_sheet.name == "Dashboard"


def test_live_path_recognises_generated_sheets_by_the_mark(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from xlreview.errors import RefusedError

    book = fake.Book.from_grids({"Leads": [["lead_id"]], "My ROI": [["old"]],
                                 "Copy of ROI": [["mine"]]})
    # The user renamed the generated ROI matrix and copied it (the copy keeps the mark).
    book.sheets["My ROI"].names.add("_xlreview_sheet", '="roi_matrix"')
    book.sheets["Copy of ROI"].names.add("_xlreview_sheet", '="roi_matrix"')
    roi = tiny_sheet("ROI matrix")
    roi.key = "roi_matrix"
    monkeypatch.setattr(excel, "compute", lambda grids, progress: _result([roi], []))
    excel.rebuild_book(book)
    assert [s.name for s in book.sheets] == ["Leads", "Copy of ROI", "ROI matrix"]
    assert book.sheets["Copy of ROI"].cells == {(1, 1): "mine"}
    assert excel.sheet_mark(book.sheets["ROI matrix"]) == "roi_matrix"
    # A user's sheet named like a generated one, beside marked sheets, stops the rebuild.
    book.sheets.add("Dashboard", after=book.sheets["Leads"]).cells[(1, 1)] = "my chart data"
    with pytest.raises(RefusedError, match='"Dashboard"'):
        excel.rebuild_book(book)
    assert book.sheets["Dashboard"].cells == {(1, 1): "my chart data"}
    assert book.app.alerts[-1]["mode"] == "critical"


def _calls(text: str) -> set[str]:
    """The attribute and method names of backticked xlwings calls (``book.save()`` → save)."""
    import re

    names = set()
    for code in re.findall(r"``?([^`]+)``?", text):
        if "/" not in code:  # a file path, not a call
            names.update(re.findall(r"\.(\w+)", code))
    return names


def test_readme_lists_exactly_the_xlwings_calls_of_the_adapter() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("xlwings calls the adapter uses")[1].split("**macOS.**")[0]
    doc = excel.__doc__.split("The xlwings surface used here")[1].split("Not written live")[0]
    assert _calls(section) == _calls(doc)
    # The fake stands in for every one of them.
    members = {n for cls in (fake.Book, fake.Books, fake.Sheet, fake.Sheets, fake.Range,
                             fake.App, fake.Tables, fake.Names, fake.Name) for n in dir(cls)}
    members |= {"Book", "app", "books", "sheets", "names", "tables", "name", "refers_to",
                "fullname", "active", "screen_updating"}  # module and instance attributes
    assert _calls(section) <= members, _calls(section) - members
