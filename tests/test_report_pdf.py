"""``xlreview pdf``: the report is the generated sheets, the Dashboard first (issue 13)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests import lo_convert
from xlreview.cli import main, write_demo
from xlreview.io import report
from xlreview.labels import label
from xlreview.layout import GENERATED
from xlreview.rebuild import rebuild


def _text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.libreoffice
@pytest.mark.skipif(lo_convert.soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler missing")
def test_the_report_pdf_is_the_generated_sheets_with_the_dashboard_on_page_one(tmp_path):
    book = write_demo(tmp_path)
    rebuild(book)
    before = book.read_bytes()

    assert main(["pdf", str(book)]) == 0

    pdf = book.with_suffix(".pdf")
    assert book.read_bytes() == before  # only read
    assert "".join(label("title.dashboard", "en", year=2025).split()) in "".join(
        _text(pdf, 1, 1).split())
    text = _text(pdf)
    # The sample's 12,000 leads are not printed: no lead id appears (L0000001 …).
    assert "L0000001" not in text and "L0000123" not in text
    # About a page per generated sheet (a whole-workbook print is 800+ pages).
    pages = report.page_count(pdf)
    assert len(GENERATED) - 5 <= pages <= 2 * len(GENERATED)
    assert pages == int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                       check=True).stdout.split("Pages:")[1].split()[0])


def test_a_workbook_never_rebuilt_has_no_report(tmp_path, capsys):
    book = tmp_path / "t.xlsx"
    assert main(["template", str(book)]) == 0
    capsys.readouterr()

    assert main(["pdf", str(book)]) == 1

    assert "no generated sheets yet" in capsys.readouterr().err
    assert not book.with_suffix(".pdf").exists()


def test_without_libreoffice_the_message_says_how_to_export_in_excel(tmp_path, capsys,
                                                                     monkeypatch):
    book = write_demo(tmp_path)
    rebuild(book)
    monkeypatch.setattr(report, "office", lambda: None)

    assert main(["pdf", str(book), "-o", str(tmp_path / "r.pdf")]) == 1

    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "LibreOffice" in err and "File > Export > PDF" in err
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".xlreview-*")) == []
