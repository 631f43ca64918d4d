"""A shareable copy: cell functions replaced by their values, no code, no external links.

People without Python open the copy in plain Excel: every formula that calls an xlreview
cell function (which would show ``#NAME?`` there) or an external workbook keeps only its
last computed value. Native formulas (the what-if ROUNDUP chains) stay live. VBA, the
ribbon and external-link parts are dropped, and the copy is a macro-free ``.xlsx``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import PackageError

CELL_FUNCTIONS: tuple[str, ...] = (
    "FUNNEL_TARGET",
    "CONVERSION_RATES",
    "SPLIT_TARGET",
    "BUDGET_ALLOCATE",
    "SALES_CYCLE",
    "ROI",
    "PIPELINE_VALUE",
)
_CALLS = re.compile(
    r"(?<![A-Za-z0-9_.])(?:_xludf\.)?(?:" + "|".join(CELL_FUNCTIONS) + r")\s*\(|\[\d+\]",
    re.IGNORECASE,
)
_FORMULA = re.compile(r"<f\b([^>]*?)(?:/>|>(.*?)</f>)", re.DOTALL)
_SHARED_INDEX = re.compile(r'\bsi="(\d+)"')
_DROP_PARTS = re.compile(
    r"^(xl/vbaProject\.bin|xl/vbaProjectSignature\.bin|customUI/.*|xl/externalLinks/.*"
    r"|xl/calcChain\.xml)$"
)
_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def strip_cell_functions(sheet_xml: str) -> str:
    """Remove the formula (keep the cached value) of every cell that calls a cell function
    or an external workbook, including the shared-formula cells that follow such a master."""
    dead_shared: set[str] = set()
    for match in _FORMULA.finditer(sheet_xml):
        attrs, text = match.group(1), match.group(2) or ""
        if text and _CALLS.search(text) and 't="shared"' in attrs:
            index = _SHARED_INDEX.search(attrs)
            if index:
                dead_shared.add(index.group(1))

    def replace(match: re.Match[str]) -> str:
        attrs, text = match.group(1), match.group(2) or ""
        if text and _CALLS.search(text):
            return ""
        index = _SHARED_INDEX.search(attrs)
        if 't="shared"' in attrs and index and index.group(1) in dead_shared:
            return ""
        return match.group(0)

    return _FORMULA.sub(replace, sheet_xml)


def _clean_workbook_xml(xml: str) -> str:
    xml = re.sub(r"<externalReferences>.*?</externalReferences>", "", xml, flags=re.DOTALL)
    # Defined names that point into an external workbook cannot resolve without it.
    return re.sub(r"<definedName\b[^>]*>[^<]*\[\d+\][^<]*</definedName>", "", xml)


def _clean_rels(xml: str) -> str:
    return re.sub(
        r'<Relationship\b[^>]*Target="[^"]*(?:vbaProject|externalLink|customUI|calcChain)'
        r'[^"]*"[^>]*/>',
        "",
        xml,
    )


def _clean_content_types(xml: str) -> str:
    xml = re.sub(
        r'<Override\b[^>]*PartName="/(?:xl/vbaProject|xl/externalLinks/|customUI/|xl/calcChain)'
        r'[^"]*"[^>]*/>',
        "",
        xml,
    )
    xml = re.sub(r'<Default\b[^>]*Extension="bin"[^>]*/>', "", xml)
    return xml.replace(_MACRO_MAIN, _PLAIN_MAIN)


def write_share_copy(book: Path, out: Path) -> Path:
    """Write the shareable copy of ``book`` to ``out`` (``.xlsx``) and return its path."""
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    if out.resolve() == Path(book).resolve():
        raise PackageError("the shareable copy must not overwrite the workbook itself")
    try:
        source = zipfile.ZipFile(book)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{str(book)!r} is not an .xlsx workbook: {exc}") from exc
    tmp = out.with_name(out.name + ".tmp")
    with source, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if _DROP_PARTS.match(name):
                continue
            data = source.read(name)
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = strip_cell_functions(data.decode("utf-8")).encode("utf-8")
            elif name == "xl/workbook.xml":
                data = _clean_workbook_xml(data.decode("utf-8")).encode("utf-8")
            elif name.endswith(".rels"):
                data = _clean_rels(data.decode("utf-8")).encode("utf-8")
            elif name == "[Content_Types].xml":
                data = _clean_content_types(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    tmp.replace(out)
    return out
