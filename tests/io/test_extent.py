"""One stray cell far away (XFD1048576) must not make the reader allocate the whole sheet."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from xlreview.io.extent import bounds, too_sparse, trim

from .workbooks import edit_part

STRAY = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>oops</t></is></c></row>'
LEADS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>note</t></is></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>lead_id</t></is></c>'
    '<c r="B3" t="inlineStr"><is><t>created</t></is></c></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>L1</t></is></c><c r="B4"><v>45658</v></c></row>'
)


def _sheet(rows: str, dimension: str) -> bytes:
    return (f'<worksheet><dimension ref="{dimension}"/><sheetData>{rows}</sheetData>'
            "</worksheet>").encode()


def test_a_dense_sheet_is_read_as_it_is():
    xml = _sheet(LEADS, "A1:B4")
    assert not too_sparse(xml, len(xml))


def test_a_stray_cell_is_trimmed_to_the_data_and_the_tables():
    xml = _sheet(LEADS + STRAY, "A1:XFD1048576")
    # 1,048,576 rows x 16,384 columns = 17 billion cells for ~500 bytes of XML.
    assert too_sparse(xml, len(xml))
    # Rows 1, 3, 4 are contiguous (gaps under 1000); row 1,048,576 is not. Columns A, B
    # likewise; XFD (16,384) is not. A table reaching D10 widens the kept block to it.
    assert bounds(xml, []) == (4, 2)
    assert bounds(xml, ["A3:D10"]) == (10, 4)
    trimmed = trim(xml, 4, 2)
    assert b"XFD" not in trimmed and b"oops" not in trimmed
    assert b'<dimension ref="A1:B4"/>' in trimmed
    assert trimmed.replace(b'<dimension ref="A1:B4"/>', b"") == xml.replace(
        b'<dimension ref="A1:XFD1048576"/>', b"").replace(STRAY.encode(), b"")


def test_a_rebuild_with_a_stray_cell_runs_in_bounded_memory(tmp_path):
    book = tmp_path / "book.xlsx"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": f"{root}:{root / 'udfs'}"}
    run = [sys.executable, "-m", "xlreview"]
    subprocess.run([*run, "template", str(book)], check=True, env=env, capture_output=True)
    edit_part(book, "xl/worksheets/sheet2.xml", "</sheetData>", STRAY + "</sheetData>")
    edit_part(book, "xl/worksheets/sheet2.xml", 'ref="A1:L3"', 'ref="A1:XFD1048576"')
    copy = tmp_path / "before.xlsx"
    shutil.copy(book, copy)
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))"
    code = f"{limit}; import sys; from xlreview.cli import run; sys.argv[1:] = {['rebuild', '-q', str(book)]!r}; run()"  # noqa: E501
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    # The template's Leads table spans A3:L4 (12 columns, header and one blank row): that
    # block is read, the stray cell is reported, and the Leads sheet itself is untouched.
    assert "[Warning] Leads: Cells far beyond L4, away from the data" in done.stdout
    import zipfile

    with zipfile.ZipFile(book) as after, zipfile.ZipFile(copy) as before:
        assert after.read("xl/worksheets/sheet2.xml") == before.read("xl/worksheets/sheet2.xml")


def test_a_sheet_without_a_dimension_is_measured_by_its_cells(tmp_path):
    # Some producers write no <dimension>: calamine sizes its grid by the cells, so the
    # stray cell is found by scanning them.
    import io
    import zipfile

    from xlreview.io.extent import span, trimmed_package

    xml = _sheet(LEADS + STRAY, "A1").replace(b'<dimension ref="A1"/>', b"")
    assert span(xml) == (1_048_576, 16_384)
    assert span(_sheet(LEADS, "A1")) == (4, 2)
    book = tmp_path / "b.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", xml)
    copy, kept = trimmed_package(book, {"Leads": "xl/worksheets/sheet1.xml"}, ["Leads"])
    assert kept == {"Leads": (4, 2)}
    with zipfile.ZipFile(io.BytesIO(copy)) as z:
        assert b"XFD" not in z.read("xl/worksheets/sheet1.xml")
