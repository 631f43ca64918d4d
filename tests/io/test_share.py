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


def _typed_and_complete(path: Path) -> None:
    """Every part has a content type; no Override and no relationship names a missing part."""
    import re

    from xlreview.io.opc import Package, resolve

    with zipfile.ZipFile(path) as z:
        package = Package(z)
        names = set(z.namelist())
        assert [n for n in names if n != "[Content_Types].xml"
                and not package.content_type(n)] == []
        overrides = re.findall(r'PartName="/([^"]+)"', z.read("[Content_Types].xml").decode())
        assert [p for p in overrides if p not in names] == []
        for rels in (n for n in names if n.endswith(".rels")):
            source = rels.replace("_rels/", "").removesuffix(".rels")
            for rel in package.rels(source):
                if not rel.external:
                    assert resolve(source, rel.target) in names, (rels, rel.target)


def test_printer_settings_typed_by_a_bin_default_keep_their_type(tmp_path):
    # Excel types printer settings with <Default Extension="bin"> when there is no VBA.
    from .workbooks import _edit_zip

    path = tmp_path / "plain.xlsx"
    wb = xlsxwriter.Workbook(path)
    wb.add_worksheet("Plan").write("A1", 1)
    wb.close()
    with zipfile.ZipFile(path) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = "xl/worksheets/_rels/sheet1.xml.rels"
    printer = "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"
    _edit_zip(path, {"[Content_Types].xml": types.replace(
        "<Default Extension", f'<Default Extension="bin" ContentType="{printer}"/>'
        "<Default Extension", 1).encode()}, {
        "xl/printerSettings/printerSettings1.bin": b"\x00printer\x00" * 8,
        rels: b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
              b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
              b'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"'
              b"/></Relationships>"})
    out = write_share_copy(path, tmp_path / "share.xlsx")
    assert "xl/printerSettings/printerSettings1.bin" in zipfile.ZipFile(out).namelist()
    _typed_and_complete(out)


def test_vba_signature_parts_go_with_the_vba_project(macro_book, tmp_path):
    from .workbooks import _edit_zip

    signature_type = "application/vnd.ms-office.vbaProjectSignature"
    kinds = {"vbaProjectSignature.bin": "digitalSignature",
             "vbaProjectSignatureAgile.bin": "digitalSignatureAgile",
             "vbaProjectSignatureV3.bin": "digitalSignatureV3"}
    with zipfile.ZipFile(macro_book) as z:
        types = z.read("[Content_Types].xml").decode()
    overrides = "".join(f'<Override PartName="/xl/{n}" ContentType="{signature_type}"/>'
                        for n in kinds)
    rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.microsoft.com/office/2006/'
                   f'relationships/vbaProjectSignature" Target="{n}"/>'
                   for i, n in enumerate(kinds, start=1))
    _edit_zip(macro_book, {"[Content_Types].xml": types.replace("</Types>", overrides + "</Types>")
                           .encode()}, {
        **{f"xl/{n}": b"\x01signature" for n in kinds},
        "xl/_rels/vbaProject.bin.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            f'http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
            "</Relationships>").encode()})
    _typed_and_complete(macro_book)  # the test book itself is sound
    out = write_share_copy(macro_book, tmp_path / "share.xlsx")
    names = zipfile.ZipFile(out).namelist()
    assert [n for n in names if "vbaProject" in n] == []
    _typed_and_complete(out)
