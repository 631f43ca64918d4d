"""Every rebuild against a corpus of workbooks nobody here wrote (issue 12).

``tests/fixtures/corpus/`` holds public workbooks of many producers (Excel, LibreOffice,
WPS, POI, SheetJS, ClosedXML, XlsxWriter, calamine's own test files: pivots, VBA, chart
sheets, strict OOXML, namespace prefixes, macro and dialog sheets, pictures in cells) and
hostile files made here (not a zip, a truncated zip, a zip bomb); LICENSES.md names each
file's source and licence. Each file is either refused cleanly (one plain sentence,
exit 1, not a byte changed) or, with an input sheet grafted in (``corpus.py``), rebuilt:
every part it had stays byte for byte (but the lists a rebuild owns), every cell value it
had reads back equal, and a second rebuild changes nothing.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from xlreview.cli import main
from xlreview.io.files import read_grids, sheet_names
from xlreview.io.opc import CONTENT_TYPES, Package, rels_part

from .corpus import graft_settings_sheet
from .workbooks import selected_tabs, unselected

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
# Files refused, with the words their message must hold (everything else is rebuilt).
REFUSED = {
    "calamine_issue_666_panic.xlsb": "is a binary workbook (.xlsb)",
    "sheetjs_1904.xlsb": "is a binary workbook (.xlsb)",
    "calamine_pass_protected.xlsx": "is protected with a password",
    "poi_protected_passtika.xlsx": "is protected with a password",
    "poi_xlsx_corrupted.xlsx": "is not an Excel workbook xlreview can read",  # no workbook
    "poi_poc_xmlbomb.xlsx": "is not an Excel workbook xlreview can read",  # entity bomb
    "hostile_not_a_zip.xlsx": "is not an Excel workbook xlreview can read",  # a CSV
    "hostile_truncated.xlsx": "is not an Excel workbook xlreview can read",
    "hostile_zip_bomb.xlsx": "is not an Excel workbook xlreview can read",  # 256 MB inside
}
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xlsb"))
# A few, of different producers, are also opened by LibreOffice (slow: a subset only).
LIBREOFFICE = ("calamine_pivots.xlsx", "poi_SampleSS_strict.xlsx", "sheetjs_wps_write.xlsx")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _owned(path: Path) -> set[str]:
    """The parts a rebuild may rewrite: those listing sheets, names, styles and types."""
    with zipfile.ZipFile(path) as z:
        package = Package(z)
        workbook = package.workbook_part()
        styles = [t for t in package.targets(workbook) if t.lower().endswith("styles.xml")]
        chain = [t for t in package.targets(workbook) if "calcchain" in t.lower()]
        app = [n for n in package.names if n.lower() == "docprops/app.xml"]
    return {CONTENT_TYPES, workbook, rels_part(workbook), *styles, *chain, *app}


def test_the_corpus_is_small_and_licensed():
    assert len(FILES) <= 40
    assert sum((CORPUS / f).stat().st_size for f in FILES) <= 8 << 20
    licences = (CORPUS / "LICENSES.md").read_text()
    assert all(f"`{f}`" in licences for f in FILES)


@pytest.mark.parametrize("name", [f for f in FILES if f in REFUSED])
def test_a_file_we_cannot_rebuild_is_refused_cleanly(name, tmp_path, capsys):
    book = tmp_path / name
    shutil.copy(CORPUS / name, book)
    assert main(["rebuild", "-q", str(book)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "Error" not in err, err
    assert REFUSED[name] in err
    assert book.read_bytes() == (CORPUS / name).read_bytes()


@pytest.mark.parametrize("name", [f for f in FILES if f not in REFUSED])
def test_a_public_workbook_is_rebuilt_and_nothing_of_it_changes(name, tmp_path):
    from xlreview.io.package import merge_generated
    from xlreview.io.writer import write_sheets
    from xlreview.rebuild import generated_sheet_keys, rebuild

    book = tmp_path / name
    shutil.copy(CORPUS / name, book)
    graft_settings_sheet(book)
    before, owned = _parts(book), _owned(book)
    sheets = sheet_names(book)
    values = read_grids(book, sheets)

    result = rebuild(book)

    after = _parts(book)
    # The book opens on the Dashboard: the user's selected tab loses that one flag.
    changed = [p for p, data in before.items()
               if p not in owned and after.get(p) != unselected(data)]
    assert changed == []
    assert selected_tabs(book) == ["Dashboard"]
    assert read_grids(book, sheets) == values
    with zipfile.ZipFile(book) as z:
        package = Package(z)
        # (WPS writes folder entries, "docProps/": folders have no content type.)
        assert [n for n in z.namelist() if n != CONTENT_TYPES and not n.endswith("/")
                and not package.content_type(n)] == []
        assert sum(s.name == "ROI matrix" for s in package.sheets()) == 1
    # A second rebuild with the same inputs gives the very same file.
    generated = io.BytesIO()
    write_sheets(result.sheets, generated)
    again = tmp_path / ("again" + book.suffix)
    merge_generated(book, generated, again, generated_names=generated_sheet_keys(),
                    open_on="dashboard")
    assert again.read_bytes() == book.read_bytes()


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("name", LIBREOFFICE)
def test_libreoffice_opens_a_rebuilt_public_workbook(name, tmp_path):
    from tests.lo_convert import convert
    from xlreview.rebuild import rebuild

    book = tmp_path / name
    shutil.copy(CORPUS / name, book)
    graft_settings_sheet(book)
    rebuild(book)
    pdf = convert(book, "pdf", tmp_path)
    assert pdf.exists() and pdf.stat().st_size > 1000
