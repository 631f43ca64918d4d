"""The shareable copy: cell functions become values, native formulas stay, no code."""

import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
import xlwings

from xlreview.errors import PackageError
from xlreview.io.share import strip_cell_functions, write_share_copy


def _vba_project(tmp_path: Path) -> Path:
    source = Path(xlwings.__file__).parent / "quickstart.xlsm"
    target = tmp_path / "vbaProject.bin"
    target.write_bytes(zipfile.ZipFile(source).read("xl/vbaProject.bin"))
    return target


@pytest.fixture
def macro_book(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsm"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Plan")
    ws.write_column("B1", [0.2, 0.3, 0.4, 0.25])
    ws.write_formula("A1", '=FUNNEL_TARGET(1000000,50000,B1:B4,"leads")', None, 4167)
    ws.write_formula("A2", "=SUM(B1:B4)", None, 1.15)
    ws.write_formula("A3", "=ROI(C1,C2)", None, 0.5)
    ws.write_string("A4", "ROI (text, not a call)")
    wb.add_vba_project(str(_vba_project(tmp_path)))
    wb.close()
    return path


def test_cell_functions_become_values_and_native_formulas_stay(macro_book, tmp_path):
    out = write_share_copy(macro_book, tmp_path / "share.xlsx")
    formulas = openpyxl.load_workbook(out)["Plan"]
    values = openpyxl.load_workbook(out, data_only=True)["Plan"]
    # A1, A3 called cell functions: the cached values remain, the formulas are gone.
    assert formulas["A1"].value == 4167
    assert formulas["A3"].value == 0.5
    # A2 is a native formula: still a formula, with its cached value.
    assert formulas["A2"].value == "=SUM(B1:B4)"
    assert values["A2"].value == 1.15
    assert formulas["A4"].value == "ROI (text, not a call)"


def test_the_copy_carries_no_code(macro_book, tmp_path):
    assert "xl/vbaProject.bin" in zipfile.ZipFile(macro_book).namelist()
    out = write_share_copy(macro_book, tmp_path / "share.xlsm")
    assert out.suffix == ".xlsx"
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    assert not any("vbaProject" in n for n in names)
    assert "macroEnabled" not in types
    assert "vbaProject" not in rels


def test_shared_formulas_following_a_cell_function_are_stripped_too():
    xml = (
        '<c r="A1"><f t="shared" ref="A1:A3" si="0">FUNNEL_TARGET(B1,C1,D1:G1)</f><v>7</v></c>'
        '<c r="A2"><f t="shared" si="0"/><v>8</v></c>'
        '<c r="A5"><f t="shared" ref="A5:A6" si="1">SUM(B5:C5)</f><v>9</v></c>'
        '<c r="A6"><f t="shared" si="1"/><v>10</v></c>'
    )
    out = strip_cell_functions(xml)
    assert out.count("<f") == 2  # only the SUM master and its follower remain
    assert 'si="1"' in out and 'si="0"' not in out
    assert "<v>7</v>" in out and "<v>8</v>" in out


def test_external_links_become_values():
    xml = '<c r="A1"><f>[1]Sheet1!A1*2</f><v>4</v></c><c r="B1"><f>A1*2</f><v>8</v></c>'
    assert strip_cell_functions(xml) == '<c r="A1"><v>4</v></c><c r="B1"><f>A1*2</f><v>8</v></c>'


def test_refuses_to_overwrite_the_workbook(macro_book):
    book = macro_book.with_suffix(".xlsx")
    macro_book.rename(book)
    with pytest.raises(PackageError):
        write_share_copy(book, book)
