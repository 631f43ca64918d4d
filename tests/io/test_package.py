"""Merging generated sheets into the user's workbook: everything else stays as it was."""

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xlreview.errors import PackageError
from xlreview.io.files import read_grids
from xlreview.io.listings import filter_calc_chain
from xlreview.io.opc import Package, rels_part
from xlreview.io.package import merge_generated

from .workbooks import (
    CUSTOM_UI,
    CUSTOM_UI_TYPE,
    CUSTOM_XML,
    VBA_BYTES,
    WORKBOOK_EXTRAS,
    generated_book,
    rich_user_book,
    user_book,
)

GENERATED = ("ROI matrix", "Plan", "Old", "ROI 矩阵")
# The parts that list sheets, names and formats: the only ones allowed to change.
LISTS = {
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/calcChain.xml",
    "docProps/app.xml",
}


def _merge(book: Path, generated: Path, out: Path) -> Path:
    merge_generated(book, generated, out, generated_names=GENERATED)
    return out


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _text(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode()


@pytest.fixture
def first(tmp_path: Path) -> tuple[Path, Path]:
    """(user book without generated sheets, result of the first rebuild)."""
    book = user_book(tmp_path)
    return book, _merge(book, generated_book(tmp_path), tmp_path / "out.xlsm")


@pytest.fixture
def again(tmp_path: Path) -> tuple[Path, Path]:
    """(user book holding an older rebuild's sheets, result of the new rebuild)."""
    book = user_book(tmp_path, "old.xlsm", old_generated=True)
    return book, _merge(book, generated_book(tmp_path), tmp_path / "again.xlsm")


def test_first_rebuild_copies_every_other_part_byte_for_byte(first):
    book, out = first
    before, after = _parts(book), _parts(out)
    for name, data in before.items():
        if name not in LISTS:
            assert after[name] == data, name
    # Same entries in the same order, the added parts after them.
    assert list(after)[: len(before)] == list(before)
    with zipfile.ZipFile(book) as b, zipfile.ZipFile(out) as o:
        assert o.testzip() is None
        # Unchanged entries are copied compressed as they were (no re-deflate).
        for info in b.infolist():
            if info.filename not in LISTS:
                copy = o.getinfo(info.filename)
                assert (copy.CRC, copy.compress_size) == (info.CRC, info.compress_size)


def test_macros_ribbon_and_custom_xml_survive(first):
    _, out = first
    parts = _parts(out)
    assert parts["xl/vbaProject.bin"] == VBA_BYTES
    assert parts["customUI/customUI14.xml"] == CUSTOM_UI
    assert parts["customXml/item1.xml"] == CUSTOM_XML
    assert CUSTOM_UI_TYPE in parts["_rels/.rels"].decode()
    assert "macroEnabled.main+xml" in parts["[Content_Types].xml"].decode()
    assert "vbaProject.bin" in parts["xl/_rels/workbook.xml.rels"].decode()


def test_openpyxl_sees_sheets_tables_formulas_and_names(first):
    _, out = first
    wb = openpyxl.load_workbook(out, keep_vba=True)
    assert wb.sheetnames == ["Leads", "Spend", "ROI matrix", "Plan"]
    tables = {ws.title: dict(ws.tables.items()) for ws in wb}
    assert tables == {
        "Leads": {"tbl_leads": "A1:C4"},
        "Spend": {},
        "ROI matrix": {"tbl_roi": "A1:C4"},
        "Plan": {},
    }
    assert wb["ROI matrix"]["F1"].value == "=SUM(B2:B4)"
    assert wb["Plan"]["B4"].value == "=ROUNDUP(SUM(B2:B3)*1.1,0)"
    assert wb["Leads"]["E1"].value == "=SUM(C2:C4)"
    assert set(wb.defined_names) == {"TotalCost", "PlanLeads"}
    assert wb["Leads"].defined_names["LocalRange"].value == "Leads!$A$1:$C$4"
    assert wb["ROI matrix"].print_title_rows == "$1:$1"
    assert len(wb["ROI matrix"]._charts) == 1
    assert _images(out, "Leads") == ["xl/media/image1.png"]


def test_added_sheets_keep_values_and_styles(first):
    _, out = first
    wb = openpyxl.load_workbook(out)
    roi, leads = wb["ROI matrix"], wb["Leads"]
    assert roi["A2"].value == "展会 Events" and roi["B2"].value == 1000
    assert roi["E1"].value == "total 合计"
    assert roi["E1"].font.b and roi["E1"].fill.fgColor.rgb == "FFDDEBF7"
    assert roi["F1"].number_format == '#,##0 "元"' and roi["F1"].font.i
    assert roi["C2"].number_format == "0.0%"
    assert wb["Plan"]["A1"].font.b
    # The user's own formats are untouched.
    assert leads["E1"].number_format == '#,##0.00 "元"'
    assert leads["E2"].font.b and leads["E2"].font.color.rgb == "FF1F4E79"
    # The conditional format points at the red differential format.
    (rule,) = [r for rng in roi.conditional_formatting for r in rng.rules]
    assert rule.dxf.font.color.rgb == "FF9C0006"
    # Shared strings of the generated book became inline strings: the user's table stays.
    assert _parts(out)["xl/sharedStrings.xml"] == _parts(first[0])["xl/sharedStrings.xml"]
    assert 't="inlineStr"' in _text(out, "xl/worksheets/sheet3.xml")  # ROI matrix


def test_added_sheets_are_not_selected_and_formulas_recalculate_on_open(first):
    _, out = first
    workbook = _text(out, "xl/workbook.xml")
    assert 'fullCalcOnLoad="1"' in workbook
    selected = [
        name for name, data in _parts(out).items()
        if name.startswith("xl/worksheets/sheet") and b'tabSelected="1"' in data
    ]  # fmt: skip
    assert selected == ["xl/worksheets/sheet1.xml"]


def test_rebuilding_twice_gives_the_same_workbook(first, tmp_path):
    _, out = first
    second = _merge(out, generated_book(tmp_path, "g2.xlsx"), tmp_path / "second.xlsm")
    assert _parts(second) == _parts(out)  # same parts, same bytes, same order
    assert list(_parts(second)) == list(_parts(out))


def test_ids_and_part_names_are_unique(first):
    _, out = first
    workbook = _text(out, "xl/workbook.xml")
    sheet_ids = re.findall(r'<sheet [^>]*sheetId="(\d+)"', workbook)
    assert len(set(sheet_ids)) == len(sheet_ids) == 4
    rels = _text(out, "xl/_rels/workbook.xml.rels")
    ids = re.findall(r'Id="([^"]+)"', rels)
    assert len(set(ids)) == len(ids)
    table_ids = [
        re.search(r'<table [^>]*\bid="(\d+)"', data.decode()).group(1)
        for name, data in _parts(out).items()
        if name.startswith("xl/tables/")
    ]
    assert sorted(table_ids) == ["1", "2"]


def _images(path: Path, sheet: str) -> list[str]:
    """The images sheet ``sheet`` shows (openpyxl needs Pillow to see them: read the rels)."""
    with zipfile.ZipFile(path) as z:
        package = Package(z)
        (part,) = [s.part for s in package.sheets() if s.name == sheet]
        return [p for p in package.closure([part]) if p.startswith("xl/media/")]


def _reachable(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        package = Package(z)
        parts = set(package.closure([""])) - {""}
        return parts | {rels_part(p) for p in parts | {""} if package.has(rels_part(p))}


def test_no_orphan_parts_and_every_part_has_a_content_type(first, again):
    for _, out in (first, again):
        names = set(_parts(out)) - {"[Content_Types].xml"}
        assert names == _reachable(out)
        with zipfile.ZipFile(out) as z:
            package = Package(z)
            assert all(package.content_type(n) for n in names), out


def test_rebuild_replaces_old_generated_sheets_in_place(again):
    book, out = again
    wb = openpyxl.load_workbook(out, keep_vba=True)
    # "Old" is no longer generated: gone. "ROI matrix" keeps its tab; "Plan" is new.
    assert wb.sheetnames == ["Leads", "Spend", "ROI matrix", "Plan"]
    assert dict(wb["ROI matrix"].tables.items()) == {"tbl_roi": "A1:C4"}
    assert wb["ROI matrix"]["A2"].value == "展会 Events"
    assert _images(out, "ROI matrix") == []
    before, after = _parts(book), _parts(out)
    # Leads' sheet, drawing, table and the image it shared with the old ROI matrix stay.
    for name in ("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml",
                 "xl/tables/table1.xml", "xl/media/image1.png", "xl/vbaProject.bin"):  # fmt: skip
        assert after[name] == before[name], name
    assert _images(out, "Leads") == ["xl/media/image1.png"]


def test_names_active_tab_and_calc_chain_follow_the_new_positions(again):
    _, out = again
    workbook = _text(out, "xl/workbook.xml")
    names = re.findall(r"<definedName ([^>]*)>([^<]*)<", workbook)
    # Old's print area went with the removed sheet; OldTotal, a name nobody generates now,
    # is kept (never deleted silently) and points at #REF!, as Excel does when a sheet goes.
    # Each generated sheet carries a hidden local mark holding its key.
    assert names == [
        ('name="LocalRange" localSheetId="0"', "Leads!$A$1:$C$4"),
        ('name="OldTotal"', "#REF!$A$1"),
        ('name="TotalCost"', "Spend!$B$2:$B$3"),
        ('name="PlanLeads"', "Plan!$B$2:$B$3"),
        ('name="_xlnm.Print_Titles" localSheetId="2"', "'ROI matrix'!$1:$1"),
        ('name="_xlreview_sheet" localSheetId="2" hidden="1"', '"roi matrix"'),
        ('name="_xlreview_sheet" localSheetId="3" hidden="1"', '"plan"'),
    ]
    # Spend was tab 2 (Leads, Old, Spend, …); with Old gone it is tab 1.
    assert 'activeTab="1"' in workbook
    # Old had sheetId 2: its calcChain entry goes, Leads (1) and Spend (3) stay.
    assert '<c r="E1" i="1"/><c r="B3" i="3"/></calcChain>' in _text(out, "xl/calcChain.xml")


def test_second_rebuild_of_an_older_book_is_stable(again, tmp_path):
    _, out = again
    second = _merge(out, generated_book(tmp_path, "g2.xlsx"), tmp_path / "second.xlsm")
    assert _parts(second) == _parts(out)
    # Same entries in the same order with the same zip headers: the very same file.
    assert second.read_bytes() == out.read_bytes()


def test_merged_generated_sheets_read_back_with_calamine(first):
    _, out = first
    grids = read_grids(out, ["ROI matrix", "Leads"])
    assert grids["ROI matrix"][1][:3] == ["展会 Events", 1000, 0.25]
    assert grids["ROI matrix"][0][4] == "total 合计"
    assert grids["Leads"][1][0] == "L1"


def test_table_name_clash_with_the_users_table_is_refused(tmp_path):
    book = user_book(tmp_path)
    generated = generated_book(tmp_path)
    # Rename the generated table to the user's own table name.
    parts = _parts(generated)
    with zipfile.ZipFile(generated, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data.replace(b'"tbl_roi"', b'"tbl_leads"'))
    with pytest.raises(PackageError, match="tbl_leads"):
        _merge(book, generated, tmp_path / "out.xlsm")
    assert not (tmp_path / "out.xlsm").exists()  # no half-written file


def test_bad_inputs_raise_package_error(tmp_path):
    book = user_book(tmp_path)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a zip")
    with pytest.raises(PackageError):
        _merge(book, junk, tmp_path / "out.xlsm")
    with pytest.raises(PackageError):
        _merge(book, generated_book(tmp_path), book)


@pytest.mark.parametrize(
    ("chain", "drop", "expected"),
    [
        # Sheet 2's cells go; the entries of sheets 1 and 3 stay as written.
        ('<c r="A1" i="1"/><c r="A2"/><c r="B1" i="2"/><c r="B2"/><c r="C1" i="3"/>', {"2"},
         '<c r="A1" i="1"/><c r="A2"/><c r="C1" i="3"/>'),
        # Nothing of sheet 9 in the chain: unchanged.
        ('<c r="A1" i="1"/><c r="A2"/>', {"9"}, '<c r="A1" i="1"/><c r="A2"/>'),
        # The first entry has no i (sheet unknown): kept as it is.
        ('<c r="A1"/><c r="B1" i="2"/>', {"2"}, '<c r="A1"/>'),
    ],
)  # fmt: skip
def test_filter_calc_chain(chain, drop, expected):
    wrap = "<calcChain>{}</calcChain>"
    assert filter_calc_chain(wrap.format(chain), drop) == wrap.format(expected)


def test_filter_calc_chain_of_only_removed_sheets_is_none():
    assert filter_calc_chain('<calcChain><c r="A1" i="4"/><c r="A2"/></calcChain>', {"4"}) is None


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_result(again, tmp_path):
    _, out = again
    xlsx = tmp_path / "check.xlsx"  # LibreOffice picks the filter by extension
    shutil.copy(out, xlsx)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(xlsx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "check.pdf"
    assert pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        for expected in ("展会 Events", "total 合计", "1,800 元", "month 月份", "L1"):
            assert expected in text


def _app_titles(path: Path) -> tuple[list[str], list[str]]:
    app = _text(path, "docProps/app.xml")
    counts = re.findall(r"<vt:i4>(\d+)</vt:i4>", app)
    titles = re.findall(r"<vt:lpstr>([^<]*)</vt:lpstr>", app.split("<TitlesOfParts>")[1])
    size = re.search(r'<TitlesOfParts><vt:vector size="(\d+)"', app).group(1)
    assert int(size) == len(titles) == sum(map(int, counts))
    return counts, titles


def test_file_properties_list_the_new_sheets(first, again):
    # First rebuild: 2 worksheets + 2 named ranges become 4 worksheets + 2 named ranges.
    assert _app_titles(first[1]) == (
        ["4", "2"],
        ["Leads", "Spend", "ROI matrix", "Plan", "Leads!LocalRange", "TotalCost"],
    )
    # Older book: Leads, Old, Spend, ROI matrix -> Leads, Spend, ROI matrix, Plan. The
    # named-range titles are left for Excel to refresh on its next save.
    counts, titles = _app_titles(again[1])
    assert counts == ["4", "4"]
    assert titles[:4] == ["Leads", "Spend", "ROI matrix", "Plan"]
    assert titles[4:] == _app_titles(again[0])[1][4:]


def _excel_made_book(tmp_path: Path) -> Path:
    """xlwings' quickstart.xlsm: saved by Excel 365 (mc:Ignorable, x14ac, extLst, VBA)."""
    import xlwings

    path = tmp_path / "quickstart.xlsm"
    shutil.copy(Path(xlwings.__file__).parent / "quickstart.xlsm", path)
    return path


def test_a_workbook_saved_by_excel(tmp_path):
    book = _excel_made_book(tmp_path)
    out = _merge(book, generated_book(tmp_path), tmp_path / "out.xlsm")
    before, after = _parts(book), _parts(out)
    assert all(after[name] == data for name, data in before.items() if name not in LISTS)
    wb = openpyxl.load_workbook(out, keep_vba=True)
    assert wb.sheetnames == ["Sheet1", "_xlwings.conf", "ROI matrix", "Plan"]
    assert wb["ROI matrix"]["E1"].font.b and wb["ROI matrix"]["C2"].number_format == "0.0%"
    styles = after["xl/styles.xml"].decode()
    assert 'x14ac:knownFonts="1"' in styles and styles.startswith(
        before["xl/styles.xml"].decode()[:200]
    )
    second = _merge(out, generated_book(tmp_path, "g2.xlsx"), tmp_path / "second.xlsm")
    assert _parts(second) == after


@pytest.mark.parametrize("book_kind", ["first", "again", "excel"])
def test_style_list_counts_match_their_entries(book_kind, first, again, tmp_path):
    from xlreview.io.stylesheet import entries

    out = {
        "first": lambda: first[1],
        "again": lambda: again[1],
        "excel": lambda: _merge(
            _excel_made_book(tmp_path), generated_book(tmp_path), tmp_path / "x.xlsm"
        ),
    }[book_kind]()
    styles = _text(out, "xl/styles.xml")
    for name in ("numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"):
        count = re.search(rf'<{name} count="(\d+)"', styles)
        assert count and int(count.group(1)) == len(entries(styles, name)), name
    # Every s= in the added sheets points at an existing cell format.
    xfs = len(entries(styles, "cellXfs"))
    for name, data in _parts(out).items():
        if name.startswith("xl/worksheets/sheet"):
            assert all(int(s) < xfs for s in re.findall(rb'<c [^>]*\bs="(\d+)"', data))


def test_a_generated_sheet_the_user_hid_stays_hidden(first, tmp_path):
    _, out = first
    hidden = tmp_path / "hidden.xlsm"
    parts = _parts(out)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b'<sheet name="Plan" ', b'<sheet name="Plan" state="hidden" '
    )
    with zipfile.ZipFile(hidden, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    rebuilt = _merge(hidden, generated_book(tmp_path, "g2.xlsx"), tmp_path / "rebuilt.xlsm")
    wb = openpyxl.load_workbook(rebuilt)
    assert wb["Plan"].sheet_state == "hidden" and wb["ROI matrix"].sheet_state == "visible"


def test_the_users_input_sheets_are_never_read(monkeypatch, tmp_path):
    """Input sheets (200k rows) are copied as compressed bytes, never inflated or parsed."""
    book, generated = user_book(tmp_path), generated_book(tmp_path)
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        if self.filename == str(book):
            opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)  # ZipFile.read goes through open
    _merge(book, generated, tmp_path / "out.xlsm")
    assert opened  # the spy sees reads (workbook.xml at least)
    assert "xl/worksheets/sheet1.xml" not in opened
    assert "xl/worksheets/sheet2.xml" not in opened
    assert "xl/vbaProject.bin" not in opened


def test_pivot_caches_connections_and_slicers_survive_two_rebuilds(tmp_path):
    """Parts openpyxl would drop: pivot cache, data connection, slicer cache (issue 6)."""
    book = rich_user_book(tmp_path)
    once = _merge(book, generated_book(tmp_path), tmp_path / "once.xlsm")
    twice = _merge(once, generated_book(tmp_path), tmp_path / "twice.xlsm")
    before, after = _parts(book), _parts(twice)
    for name in (
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "xl/connections.xml",
        "xl/slicerCaches/slicerCache1.xml",
    ):
        assert after[name] == before[name], name
    # The workbook still points at them: the pivot cache and slicer lists, and their rels.
    assert WORKBOOK_EXTRAS in _text(twice, "xl/workbook.xml")
    rels = _text(twice, "xl/_rels/workbook.xml.rels")
    for rel_id in ("rIdPC", "rIdCN", "rIdSC"):
        assert f'Id="{rel_id}"' in rels, rel_id
    types = _text(twice, "[Content_Types].xml")
    assert "/xl/connections.xml" in types and "slicerCache+xml" in types
