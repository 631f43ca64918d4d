"""Regenerate the README pictures from the rebuilt sample workbook (run by hand).

Usage::

    python docs/render_docs.py            # writes docs/*.png
    python docs/render_docs.py --all OUT  # also renders every generated sheet into OUT/

The sample company's workbook is written and rebuilt exactly as ``xlreview demo`` does, in
English, Simplified and Traditional Chinese. For each picture a copy of the rebuilt workbook
keeps only the wanted generated sheet visible (hidden sheets do not print), LibreOffice
converts it to PDF with every formula recalculated, and ``pdftoppm`` turns the
first page into a PNG.
Needs LibreOffice (``soffice``) and poppler (``pdftoppm``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import lo_convert  # noqa: E402
from xlreview.cli import write_demo  # noqa: E402
from xlreview.io.report import only_sheets  # noqa: E402
from xlreview.labels import label  # noqa: E402
from xlreview.layout import GENERATED  # noqa: E402
from xlreview.rebuild import rebuild  # noqa: E402

DOCS = ROOT / "docs"
DPI = 100
#: (picture name, language, generated sheet key)
PICTURES = (
    ("dashboard_en", "en", "dashboard"),
    ("dashboard_zh-CN", "zh-CN", "dashboard"),
    ("dashboard_zh-TW", "zh-TW", "dashboard"),
    ("roi_matrix_en", "en", "roi_matrix"),
    ("targets_en", "en", "targets"),
    ("plan_on_page_en", "en", "plan_on_page"),
    ("plan_on_page_zh-CN", "zh-CN", "plan_on_page"),
)


def rebuilt_sample(folder: Path, lang: str) -> Path:
    """The sample company's workbook in ``folder``, rebuilt (as ``xlreview demo``)."""
    path = write_demo(folder, lang=lang)
    rebuild(path)
    return path


def render_pdf(book: Path, names: Collection[str], work: Path) -> Path:
    """A PDF of the sheets ``names`` of ``book`` (formulas recalculated by LibreOffice)."""
    work.mkdir(parents=True, exist_ok=True)
    copy = only_sheets(book, work / book.name, list(names))
    return lo_convert.convert(copy, "pdf", work)


def first_page_png(pdf: Path, out_stem: Path, dpi: int = DPI) -> Path:
    """Page 1 of ``pdf`` as ``out_stem``.png at ``dpi``, cropped to its content + a margin."""
    x, y, w, h = _content_box(pdf, dpi)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                    "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h),
                    str(pdf), str(out_stem)], check=True)
    return out_stem.with_suffix(".png")


def _content_box(pdf: Path, dpi: int, margin: int = 24) -> tuple[int, int, int, int]:
    """(x, y, width, height) in pixels of the non-white part of page 1."""
    grey = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1",
                           "-singlefile", str(pdf)], capture_output=True, check=True).stdout
    parts = grey.split(maxsplit=4)  # binary PGM: P5 width height maxval pixels
    width, height = int(parts[1]), int(parts[2])
    pixels = np.frombuffer(parts[4][: width * height], dtype=np.uint8).reshape(height, width)
    ink = pixels < 245
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return 0, 0, width, height
    x0, y0 = max(int(cols[0]) - margin, 0), max(int(rows[0]) - margin, 0)
    x1, y1 = min(int(cols[-1]) + margin, width), min(int(rows[-1]) + margin, height)
    return x0, y0, x1 - x0, y1 - y0


def render_all(book: Path, lang: str, out: Path, dpi: int = 60) -> list[Path]:
    """Every page of every generated sheet of ``book`` as PNGs in ``out`` (for review)."""
    names = [label(f"sheet.{key}", lang) for key in GENERATED]
    pdf = render_pdf(book, names, out / f"work-{lang}")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / f"{lang}")],
                   check=True)
    return sorted(out.glob(f"{lang}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", metavar="OUT", help="also render every generated sheet here")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        print("needs LibreOffice (soffice) and poppler (pdftoppm)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        books = {lang: rebuilt_sample(work / lang, lang) for lang in ("en", "zh-CN", "zh-TW")}
        for name, lang, key in PICTURES:
            pdf = render_pdf(books[lang], [label(f"sheet.{key}", lang)], work / name)
            print(first_page_png(pdf, DOCS / name))
        if args.all:
            out = Path(args.all)
            out.mkdir(parents=True, exist_ok=True)
            for lang, book in books.items():
                print(*render_all(book, lang, out), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
