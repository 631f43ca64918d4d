"""Reading cells with calamine: blanks, types, A1 origin, and error values restored."""

import datetime as dt
import io
from pathlib import Path

import pytest
import xlsxwriter

from xlreview.cells import ExcelError
from xlreview.errors import FileProblemError, PackageError, WorkbookLockedError
from xlreview.io.files import (
    column_index,
    error_cells,
    read_grids,
    read_in_background,
    sheet_names,
    start_reading,
)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "cells.xlsx"
    wb = xlsxwriter.Workbook(path)
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    clock = wb.add_format({"num_format": "hh:mm"})
    ws = wb.add_worksheet("Leads")
    ws.write_row("A1", ["lead_id", "amount", "won", "created", "at", "time"])
    ws.write_string("A2", "L1")
    ws.write_number("B2", 1500.5)
    ws.write_boolean("C2", True)
    ws.write_datetime("D2", dt.datetime(2026, 3, 31), day)
    ws.write_datetime("E2", dt.datetime(2026, 3, 31, 13, 30), stamp)
    ws.write_datetime("F2", dt.time(18, 0), clock)
    # Row 3: formulas whose cached results are errors, and a text that only looks like one.
    ws.write_formula("A3", "=1/0", None, "#DIV/0!")
    ws.write_formula("B3", "=NA()", None, "#N/A")
    ws.write_string("C3", "#N/A")
    ws.write_formula("F3", '=VLOOKUP("x",A1:A2,2,0)', None, "#REF!")
    offset = wb.add_worksheet("Offset")
    offset.write("C3", "first cell")
    wb.add_worksheet("Empty")
    wb.close()
    return path


def test_cells_have_the_design_types_and_blanks_are_empty_text(book):
    grid = read_grids(book, ["Leads"])["Leads"]
    assert grid[0] == ["lead_id", "amount", "won", "created", "at", "time"]
    lead, amount, won, created, at, time = grid[1]
    assert (lead, amount, won) == ("L1", 1500.5, True)
    assert created == dt.date(2026, 3, 31)
    assert at == dt.datetime(2026, 3, 31, 13, 30)
    assert time == dt.time(18, 0)  # the core reads it as 0.75 of a day (test_parsing)
    assert grid[2][3] == "" and grid[2][4] == ""


def test_error_values_come_back_as_excel_errors(book):
    row = read_grids(book, ["Leads"])["Leads"][2]
    assert row[0] == ExcelError("#DIV/0!") and isinstance(row[0], ExcelError)
    assert isinstance(row[1], ExcelError) and row[1] == "#N/A"
    assert isinstance(row[5], ExcelError) and row[5] == "#REF!"
    # A typed text "#N/A" is a string, not an error.
    assert row[2] == "#N/A" and not isinstance(row[2], ExcelError)


def test_grid_starts_at_a1_even_when_the_data_does_not(book):
    grid = read_grids(book, ["Offset"])["Offset"]
    # C3 is row index 2, column index 2; everything before it is blank.
    assert grid[2][2] == "first cell"
    assert grid[0] == ["", "", ""] and grid[1] == ["", "", ""]
    assert grid[2][:2] == ["", ""]


def test_sheet_selection_and_names(book):
    assert sheet_names(book) == ["Leads", "Offset", "Empty"]
    grids = read_grids(book, ["Empty", "No such sheet"])
    assert list(grids) == ["Empty"]
    assert grids["Empty"] == []
    assert list(read_grids(book)) == ["Leads", "Offset", "Empty"]


def test_not_a_workbook_raises_package_error(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a zip")
    with pytest.raises(PackageError):
        read_grids(path)
    with pytest.raises(FileProblemError, match=r"missing\.xlsx does not exist"):
        sheet_names(tmp_path / "missing.xlsx")


@pytest.mark.parametrize(
    ("letters", "index"),
    [("A", 0), ("Z", 25), ("AA", 26), ("AZ", 51), ("XFD", 16383)],  # 16384 columns
)
def test_column_index(letters, index):
    assert column_index(letters) == index


def _sheet_xml(rows: int) -> bytes:
    """Rows 1..rows; every third row has an error cell in column B."""
    body = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c>'
        + (f'<c r="B{r}" t="e"><f>NA()</f><v>#N/A</v></c>' if r % 3 == 0 else "")
        + "</row>"
        for r in range(1, rows + 1)
    )
    return f'<worksheet><sheetData>{body}</sheetData></worksheet>'.encode()


@pytest.mark.parametrize("chunk_size", [5, 17, 64, 1 << 20])
def test_error_scan_finds_each_error_once_whatever_the_chunking(chunk_size):
    found = list(error_cells(io.BytesIO(_sheet_xml(50)), chunk_size))
    # Rows 3, 6, …, 48: 16 errors, at 0-based (row - 1, column B = 1).
    assert found == [(r - 1, 1, "#N/A") for r in range(3, 51, 3)]


def test_error_scan_handles_prefixes_attribute_order_and_empty_cells():
    xml = (
        b'<x:sheetData><x:row r="1"><x:c t="e" r="C1"><x:v>#VALUE!</x:v></x:c>'
        b'<x:c r="D1" t="e"/><x:c r="E1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>'
    )
    assert list(error_cells(io.BytesIO(xml))) == [(0, 2, "#VALUE!"), (0, 3, "#N/A")]


# --- reading in background threads ----------------------------------------------------


def _book_with_sheets(path: Path, sizes: dict[str, int]) -> Path:
    wb = xlsxwriter.Workbook(path)
    for name, rows in sizes.items():
        ws = wb.add_worksheet(name)
        for r in range(rows):
            ws.write_row(r, 0, [f"{name}-{r}", r, r * 0.5])
        if rows > 2:
            ws.write_formula(rows, 1, "=NA()", None, "#N/A")
    wb.close()
    return path


def test_parallel_read_gives_every_sheet_in_the_order_asked(tmp_path):
    # The biggest sheet is parsed first, in its own thread; the result keeps the order of
    # the names asked for, and each sheet gets its own cells and its own error cells.
    sizes = {"Small": 3, "Big": 3000, "Tiny": 1, "Middle": 300}
    path = _book_with_sheets(tmp_path / "many.xlsx", sizes)
    grids = read_in_background(path, ["Tiny", "Big", "Middle", "Small", "Nope"]).take()
    assert list(grids) == ["Tiny", "Big", "Middle", "Small"]
    for name, rows in sizes.items():
        grid = grids[name]
        assert [row[0] for row in grid[:rows]] == [f"{name}-{r}" for r in range(rows)]
        assert grid[rows - 1][1] == float(rows - 1)
        if rows > 2:
            assert isinstance(grid[rows][1], ExcelError) and grid[rows][1] == "#N/A"


def test_start_reading_refuses_a_workbook_open_in_excel(tmp_path):
    path = _book_with_sheets(tmp_path / "open.xlsx", {"Leads": 3})
    (tmp_path / "~$open.xlsx").write_bytes(b"\x05Alice")
    with pytest.raises(WorkbookLockedError):
        start_reading(path)


def test_a_read_error_reaches_whoever_waits(tmp_path):
    path = _book_with_sheets(tmp_path / "broken.xlsx", {"Leads": 3})
    # Truncate the sheet XML inside the package: calamine fails while parsing the sheet.
    import zipfile

    broken = tmp_path / "broken2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(PackageError):
        read_in_background(broken, ["Leads"]).take()


def test_a_reading_hands_its_cells_over_once(tmp_path):
    # The reading keeps no reference to the cells it handed over (so that a million of them
    # are freed as soon as the rebuild is done with them): small sheets can be taken first,
    # the rest later, and asking for a sheet twice is a mistake.
    path = _book_with_sheets(tmp_path / "once.xlsx", {"Leads": 300, "Small": 3, "Tiny": 1})
    reading = read_in_background(path, ["Leads", "Small", "Tiny"])
    first = reading.take(["Tiny", "Small", "Nope"])
    assert list(first) == ["Tiny", "Small"] and first["Small"][3][1] == "#N/A"
    rest = reading.take()
    assert list(rest) == ["Leads"] and rest["Leads"][300][1] == "#N/A"
    assert reading.take() == {}
    with pytest.raises(RuntimeError, match="taken already"):
        reading.take(["Small"])
