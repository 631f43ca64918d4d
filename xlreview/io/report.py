"""The report as a PDF: the generated sheets only, the Dashboard first (``xlreview pdf``).

Printing a whole workbook prints the inputs too (12,000 lead rows are hundreds of pages),
so the report is exported from a copy in which every sheet but the generated ones is
hidden (hidden sheets do not print), by LibreOffice headless with every formula
recalculated on load (the plan sheets are live formulas). The user's workbook is only
read. In Excel the same is: click the Dashboard tab, Shift+click the last generated tab,
File > Export > PDF.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from ..errors import FileProblemError, RefusedError
from ..labels import message
from .opc import Package, attrs
from .package import marks

#: LibreOffice user settings: recalculate every formula when a file is loaded.
RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
_INSTALLED = (
    "C:/Program Files/LibreOffice/program/soffice.exe",
    "C:/Program Files (x86)/LibreOffice/program/soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def office() -> str | None:
    """The LibreOffice program on this machine, or None."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((p for p in _INSTALLED if os.path.exists(p)), None)


def report_sheets(book: Path) -> list[str]:
    """The names of ``book``'s generated sheets (marked by a rebuild), visible, in tab order."""
    with zipfile.ZipFile(book) as z:
        package = Package(z)
        sheets, marked = package.sheets(), marks(package)
    return [s.name for i, s in enumerate(sheets)
            if i in marked and not attrs(s.tag).get("state")]


def only_sheets(book: Path, out: Path, names: list[str]) -> Path:
    """Copy ``book`` to ``out`` with every sheet not in ``names`` hidden, the first of
    ``names`` the active tab (only workbook.xml changes)."""
    wanted = set(names)
    with zipfile.ZipFile(book) as src:
        workbook = Package(src).workbook_part()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == workbook:
                    data = _visible(data.decode("utf-8"), wanted).encode("utf-8")
                dst.writestr(item, data)
    return out


def _visible(xml: str, wanted: set[str]) -> str:
    """workbook.xml with only the sheets ``wanted`` visible, the first of them active."""
    def sheet(match: re.Match[str]) -> str:
        tag = match.group(0)
        if html.unescape(attrs(tag).get("name", "")) in wanted:
            return tag
        return re.sub(r"(<(?:\w+:)?sheet)\b", r'\1 state="hidden"',
                      re.sub(r'\sstate="[^"]*"', "", tag), count=1)

    xml = re.sub(r"<(?:\w+:)?sheet\s[^>]*>", sheet, xml)
    tags = re.findall(r"<(?:\w+:)?sheet\s[^>]*>", xml)
    first = next((i for i, tag in enumerate(tags) if 'state="' not in tag), 0)
    xml = re.sub(r'\s(activeTab|firstSheet)="\d+"', "", xml)
    return re.sub(r"(<(?:\w+:)?workbookView)\b", rf'\1 activeTab="{first}"', xml, count=1)


def convert(src: Path, fmt: str, outdir: Path, *, timeout: int = 300) -> Path:
    """``src`` converted by LibreOffice to ``fmt`` (``pdf``, ``xlsx``) in ``outdir/fmt``,
    every formula recalculated; a private profile keeps the user's LibreOffice untouched.

    Raises:
        FileProblemError: LibreOffice is not installed, or wrote nothing.
    """
    program = office()
    if program is None:
        raise FileProblemError(message("msg.no_office"))
    user = outdir / "lo-profile" / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    result_dir = outdir / fmt
    result_dir.mkdir(exist_ok=True)
    subprocess.run([program, f"-env:UserInstallation={user.parent.resolve().as_uri()}",
                    "--headless", "--norestore", "--convert-to", fmt,
                    "--outdir", str(result_dir), str(src)],
                   check=True, capture_output=True, timeout=timeout)
    out = result_dir / f"{src.stem}.{fmt}"
    if not out.exists():
        raise FileProblemError(message("msg.office_failed", path=src.name))
    return out


def page_count(pdf: Path) -> int:
    """The number of pages of ``pdf``."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def export_report(book: Path, out: Path) -> tuple[int, int]:
    """Write the report of ``book`` (its generated sheets) as the PDF ``out`` (a new file:
    the caller checks it may be written).

    Returns:
        (sheets, pages) in the PDF.

    Raises:
        RefusedError: ``book`` has no generated sheets (it was never rebuilt).
        FileProblemError: LibreOffice is missing or failed.
    """
    names = report_sheets(book)
    if not names:
        raise RefusedError(message("msg.no_report", path=book))
    with tempfile.TemporaryDirectory(prefix="xlreview-") as tmp:
        work = Path(tmp)
        copy = only_sheets(book, work / f"report{book.suffix}", names)
        try:
            pdf = convert(copy, "pdf", work)
        except subprocess.SubprocessError as exc:
            raise FileProblemError(message("msg.office_failed", path=book.name)) from exc
        pages = page_count(pdf)
        shutil.copyfile(pdf, out)
    return len(names), pages
