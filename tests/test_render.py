"""Every generated sheet renders with LibreOffice, in English and Chinese, and is not blank.

The README pictures come from the rebuilt sample workbook: ``python docs/render_docs.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from tests import lo_convert
from tests import tables_fixture as fx
from xlreview.io.writer import write_sheets
from xlreview.labels import label
from xlreview.layout import build_sheets

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        lo_convert.soffice() is None or shutil.which("pdftoppm") is None,
        reason="LibreOffice or poppler missing",
    ),
]


def _read_pgm(path: Path) -> np.ndarray:
    """Grey pixels of a ``pdftoppm -gray`` page (binary PGM; no imaging library needed)."""
    data = path.read_bytes()
    # P5 header: magic, width, height, maxval separated by whitespace.
    parts = data.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][: width * height], dtype=np.uint8).reshape(height, width)


@pytest.fixture(scope="module", params=["en", "zh-CN", "zh-TW"])
def rendered(request, tmp_path_factory):
    lang = request.param
    tmp = tmp_path_factory.mktemp(f"render-{lang}")
    sheets = build_sheets(fx.tables(with_share_of_voice=True), settings=fx.settings(lang),
                          extra=fx.extra())
    book = tmp / f"generated_{lang}.xlsx"
    write_sheets(sheets, book)
    pdf = lo_convert.convert(book, "pdf", tmp)
    subprocess.run(["pdftoppm", "-r", "60", "-gray", str(pdf), str(tmp / "page")], check=True)
    pages = sorted(tmp.glob("page-*.pgm"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return lang, sheets, pdf, pages, text


def test_every_sheet_has_a_page_that_is_not_blank(rendered):
    _, sheets, _, pages, _ = rendered
    assert len(pages) >= len(sheets)
    for page in pages:
        pixels = _read_pgm(page)
        ink = float((pixels < 200).mean())
        assert pixels.std() > 5 and ink > 0.002, (page.name, ink)


def test_every_sheet_title_is_on_a_page(rendered):
    lang, sheets, _, _, text = rendered
    flat = "".join(text.split())
    for sheet in sheets:
        first = next(c.value for c in sheet.cells if (c.row, c.col) == (0, 0))
        title = str(first).split("{")[0]
        assert "".join(title.split()) in flat, (lang, sheet.key, title)


def test_chinese_text_uses_a_cjk_font(rendered):
    lang, _, pdf, _, text = rendered
    if lang == "en":
        pytest.skip("English")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "CJK" in fonts or "Droid" in fonts or "WenQuanYi" in fonts, fonts
    assert label("title.chart_funnel", lang) in text  # chart titles render as text


# The acronyms a Chinese B2B team uses as they are; all other English is untranslated.
_ACRONYMS = {"MQL", "SQL", "SAL", "ROI", "CAC", "KPI", "OKR"}
# The how-to sheet names the commands, the programs and the keys: xlreview rebuild, Excel,
# Ctrl+P, File > Export > PDF (the keys are printed in English on Chinese keyboards).
_HOW_TO_WORDS = {"xlreview", "rebuild", "baseline", "pdf", "xlsx", "Excel", "Python", "PDF",
                 "Ctrl", "Shift"}


def test_chinese_pages_hold_no_english_but_the_acronyms_and_the_data(rendered):
    lang, _, _, _, text = rendered
    if lang == "en":
        pytest.skip("English")
    data = " ".join(str(v) for frame in fx.tables(with_share_of_voice=True).values()
                    for col in frame.columns for v in frame[col].tolist() if isinstance(v, str))
    data += " " + " ".join(str(v) for v in vars(fx.extra()).values())
    allowed = _ACRONYMS | set(re.findall(r"[A-Za-z]{2,}", data)) | {"Q"}
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    left = words - allowed - _HOW_TO_WORDS - {"CRM", "AI"}
    assert left == set(), left


def test_dashboard_fits_on_the_first_page(rendered):
    lang, _, pdf, _, _ = rendered
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                capture_output=True, text=True, check=True).stdout
    flat = "".join(first_page.split())
    for key in ("title.chart_funnel", "title.chart_monthly", "title.kpi_pipeline"):
        assert "".join(label(key, lang).split()) in flat
    # The second page starts the ROI sheet, so the dashboard took exactly one page.
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert "".join(label("title.roi_matrix", lang).split()) in "".join(second.split())


def test_quadrant_bubbles_are_labelled_with_their_channel(rendered):
    lang, _, pdf, _, _ = rendered
    roi_page = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert "".join(label("title.chart_quadrant", lang).split()) in "".join(roi_page.split())
    # "Search" (spend 100,000) is in the table, the cost/revenue axis, the helper column, the
    # quadrant's legend and beside its bubble: five times. Without the bubble label, four.
    assert roi_page.count("Search") == 5


def _words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    """Every word on page 1 of ``pdf`` with its box (x0, y0, x1, y1 in points)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', xml)
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in found]


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_sample_quadrant_names_do_not_overlap(tmp_path, lang):
    # The sample company's ten channels, drawn by LibreOffice: no word of one channel's name
    # may overlap a word of another's anywhere on the ROI matrix page (table, axes, legend,
    # bubble labels). The old chart centred every name on its bubble: Content and Email,
    # 277 and 290 leads at 0.061 and 0.062 opportunities per lead, printed over each other.
    from docs.render_docs import rebuilt_sample, render_pdf
    from xlreview.sample import sample_company

    book = rebuilt_sample(tmp_path / "book", lang)
    pdf = render_pdf(book, [label("sheet.roi_matrix", lang)], tmp_path / "pdf")
    channels = sample_company(lang=lang)["leads"]["channel"].dropna().unique().tolist()
    owner = {w: c for c in channels for w in str(c).split()}
    words = [w for w in _words(pdf) if w[4] in owner]
    assert len(words) >= 3 * len(channels)  # table, helper, legend (axis, bubbles: most)
    clashes = [(a[4], b[4]) for i, a in enumerate(words) for b in words[i + 1:]
               if owner[a[4]] != owner[b[4]]
               and min(a[2], b[2]) - max(a[0], b[0]) > 1
               and min(a[3], b[3]) - max(a[1], b[1]) > 0.3 * min(a[3] - a[1], b[3] - b[1])]
    assert clashes == []


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW"])
def test_bundled_chinese_sample_shows_no_english_but_acronyms_and_its_own_data(tmp_path, lang):
    # The rebuilt sample company, every generated sheet: no English label may be left.
    from docs.render_docs import render_pdf
    from xlreview.layout import GENERATED
    from xlreview.sample import sample_company

    book = Path(__file__).parents[1] / "workbooks" / f"xlreview_sample_{lang}.xlsx"
    pdf = render_pdf(book, [label(f"sheet.{key}", lang) for key in GENERATED], tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    data = " ".join(str(v) for frame in sample_company(lang=lang).values()
                    for col in frame.columns if frame[col].dtype != "datetime64[ns]"
                    for v in frame[col].dropna().unique().tolist() if isinstance(v, str))
    allowed = _ACRONYMS | set(re.findall(r"[A-Za-z]{2,}", data))
    # The how-to sheet's command line, and Q1…Q4, W01… of the plan sheets.
    allowed |= _HOW_TO_WORDS
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    # A chart's category label may wrap inside a word (百度SEM → 百度 SE / M).
    assert {w for w in words - allowed if not any(w in a for a in allowed)} == set()
def _page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Each page's width and height in points (1/72 inch)."""
    import re

    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    return [(round(float(w)), round(float(h)))
            for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def test_the_report_prints_as_a_report(rendered):
    """Every generated sheet prints one page wide, landscape: A4, or A3 for the wide ones
    (Targets, the 52-week Gantt), so that printing or exporting gives about a page per
    sheet, not hundreds."""
    _, sheets, pdf, pages, _ = rendered
    long_sheets = 2  # Plan by week (52 weeks and the lead times) and one more may run over
    assert len(sheets) <= len(pages) <= len(sheets) + long_sheets
    a4, a3 = (842, 595), (1191, 842)  # landscape
    sizes = _page_sizes(pdf)
    assert len(sizes) == len(pages) and set(sizes) == {a4, a3}
    wide = {s.key for s in sheets if s.paper() == "A3"}
    assert {"targets", "workplan"} <= wide
    assert "dashboard" not in wide
