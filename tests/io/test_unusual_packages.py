"""Valid but unusual packages (issue 12, point 9): if LibreOffice opens it, we rebuild it.

Each case turns the template into a package as some producer writes it, then rebuilds it
twice: every part the rebuild does not own stays byte for byte, the second rebuild changes
nothing, every part has a content type, and the generated sheets read back.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from xlreview.cli import main
from xlreview.io.files import read_grids
from xlreview.io.opc import Package

from .workbooks import _edit_zip, unselected

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# The parts a rebuild owns: those that list sheets, names, formats and types.
LISTS = {"[Content_Types].xml", "docProps/app.xml"}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _prefixed(xml: str, prefix: str) -> str:
    """``xml`` with the spreadsheetml namespace bound to ``prefix`` instead of the default."""
    head, _, body = xml.partition("?>")
    body = body.replace(f'xmlns="{MAIN}"', f'xmlns:{prefix}="{MAIN}"')
    body = re.sub(r"<(/?)([A-Za-z]\w*)(?=[\s/>])", rf"<\1{prefix}:\2", body)
    return head + "?>" + body


def namespace_prefixes(path: Path, prefix: str = "x", parts: tuple[str, ...] = (
        "xl/workbook.xml", "xl/styles.xml")) -> None:
    found = _parts(path)
    _edit_zip(path, {p: _prefixed(found[p].decode(), prefix).encode() for p in parts}, {})


def macro_and_dialog_sheets(path: Path, *, ghost: bool = False) -> None:
    found = _parts(path)
    wb = found["xl/workbook.xml"].decode()
    rels = found["xl/_rels/workbook.xml.rels"].decode()
    types = found["[Content_Types].xml"].decode()
    extra = {}
    if ghost:  # a sheet without a relationship id
        wb = wb.replace("</sheets>", '<sheet name="Ghost" sheetId="42"/></sheets>')
    else:
        wb = wb.replace("</sheets>", '<sheet name="Macro1" sheetId="40" r:id="rIdM1"/>'
                        '<sheet name="Dialog1" sheetId="41" r:id="rIdD1"/></sheets>')
        rels = rels.replace("</Relationships>", (
            '<Relationship Id="rIdM1" Type="http://schemas.microsoft.com/office/2006/'
            'relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/>'
            '<Relationship Id="rIdD1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/dialogsheet" Target="dialogsheets/sheet1.xml"/>'
            "</Relationships>"))
        types = types.replace("</Types>", (
            '<Override PartName="/xl/macrosheets/sheet1.xml" '
            'ContentType="application/vnd.ms-excel.macrosheet+xml"/>'
            '<Override PartName="/xl/dialogsheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml"/></Types>'))
        extra = {
            "xl/macrosheets/sheet1.xml": (
                f'<xm:macrosheet xmlns="{MAIN}" xmlns:xm="http://schemas.microsoft.com/office/'
                'excel/2006/main"><sheetData><row r="1"><c r="A1"><f>RETURN()</f></c></row>'
                "</sheetData></xm:macrosheet>").encode(),
            "xl/dialogsheets/sheet1.xml": (
                f'<dialogsheet xmlns="{MAIN}"><sheetViews><sheetView workbookViewId="0"/>'
                "</sheetViews></dialogsheet>").encode(),
        }
    _edit_zip(path, {"xl/workbook.xml": wb.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
                     "[Content_Types].xml": types.encode()}, extra)


def no_rels_default(path: Path) -> None:
    """Every .rels typed by its own Override, no ``<Default Extension="rels">``."""
    found = _parts(path)
    types = re.sub(r'<Default Extension="rels"[^>]*/>', "", found["[Content_Types].xml"].decode())
    rels_type = "application/vnd.openxmlformats-package.relationships+xml"
    overrides = "".join(f'<Override PartName="/{n}" ContentType="{rels_type}"/>'
                        for n in found if n.endswith(".rels"))
    _edit_zip(path, {"[Content_Types].xml": types.replace("</Types>", overrides + "</Types>")
                     .encode()}, {})


def workbook_outside_xl(path: Path) -> None:
    """The workbook part and its parts in ``wb/`` (a valid package: the root rels say so)."""
    found = _parts(path)
    moved = {("wb/" + n[3:] if n.startswith("xl/") else n): d for n, d in found.items()}
    moved["[Content_Types].xml"] = moved["[Content_Types].xml"].replace(b'"/xl/', b'"/wb/')
    moved["_rels/.rels"] = moved["_rels/.rels"].replace(b"xl/workbook.xml", b"wb/workbook.xml")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in moved.items():
            z.writestr(name, data)


def pretty_calc_chain(path: Path) -> None:
    """A calcChain.xml with line breaks between entries (the user's, kept as it is)."""
    found = _parts(path)
    chain = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="'
             f'{MAIN}">\n  <c r="B4" i="1"/>\n  <c r="B5"/>\n</calcChain>')
    rels = found["xl/_rels/workbook.xml.rels"].decode().replace("</Relationships>", (
        '<Relationship Id="rIdCC" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'))
    types = found["[Content_Types].xml"].decode().replace("</Types>", (
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.calcChain+xml"/></Types>'))
    _edit_zip(path, {"xl/_rels/workbook.xml.rels": rels.encode(),
                     "[Content_Types].xml": types.encode()}, {"xl/calcChain.xml": chain.encode()})


CASES = {
    "x: prefix (workbook, styles)": namespace_prefixes,
    "x: prefix on every sheet too": lambda p: namespace_prefixes(p, "x", (
        "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml")),
    "ns2: workbook (Tencent Docs)": lambda p: namespace_prefixes(p, "ns2", ("xl/workbook.xml",)),
    "macro sheet and dialog sheet": macro_and_dialog_sheets,
    "sheet without a relationship id": lambda p: macro_and_dialog_sheets(p, ghost=True),
    "no Default for .rels": no_rels_default,
    "workbook part outside xl/": workbook_outside_xl,
    "pretty-printed calcChain": pretty_calc_chain,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unusual") / "template.xlsx"
    assert main(["template", str(path)]) == 0
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_an_unusual_package_is_rebuilt_and_nothing_else_changes(case, template, tmp_path):
    book = tmp_path / "book.xlsx"
    shutil.copy(template, book)
    CASES[case](book)
    before = _parts(book)
    with zipfile.ZipFile(book) as z:
        package = Package(z)
        workbook = package.workbook_part()
        owned = LISTS | {workbook, f"{workbook.rsplit('/', 1)[0]}/_rels/workbook.xml.rels",
                         f"{workbook.rsplit('/', 1)[0]}/styles.xml"}
    assert main(["rebuild", "-q", str(book)]) == 0
    first = _parts(book)
    for name, data in before.items():
        if name not in owned:  # the book opens on the Dashboard: see test_corpus
            assert first.get(name) == unselected(data), name
    assert main(["rebuild", "-q", str(book)]) == 0
    assert _parts(book) == first  # a second rebuild changes nothing
    with zipfile.ZipFile(book) as z:
        package = Package(z)
        untyped = [n for n in z.namelist() if n != "[Content_Types].xml"
                   and not package.content_type(n)]
        assert untyped == []
        names = [s.name for s in package.sheets()]
    assert "ROI matrix" in names and names.count("ROI matrix") == 1
    grids = read_grids(book, ["Funnel"])
    assert any("Stage" in str(row) for row in grids["Funnel"][:10])


def test_added_elements_take_the_workbooks_namespace_prefix(template, tmp_path):
    book = tmp_path / "book.xlsx"
    shutil.copy(template, book)
    namespace_prefixes(book, "ns2", ("xl/workbook.xml", "xl/styles.xml"))
    assert main(["rebuild", "-q", str(book)]) == 0
    workbook = _parts(book)["xl/workbook.xml"].decode()
    assert '<ns2:sheet name="ROI matrix"' in workbook
    assert '<ns2:definedName name="_xlreview_sheet"' in workbook
    assert "<sheet " not in workbook and "<definedName " not in workbook
    styles = _parts(book)["xl/styles.xml"].decode()
    assert "<xf " not in styles and "<ns2:xf " in styles
