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

from ..errors import FileProblemError, PackageError, XlreviewError
from ..labels import message
from .opc import CONTENT_TYPES, Package, content_types, like
from .safety import describe_os_error, write_atomically

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
_FORMULA = re.compile(r"<((?:\w+:)?)f\b([^>]*?)(?:/>|>(.*?)</\1f>)", re.DOTALL)
_SHARED_INDEX = re.compile(r'\bsi="(\d+)"')
# VBA and its signatures (legacy, Agile, V3) with their rels, the ribbon, external links.
_DROP_PARTS = re.compile(
    r"^(?:.*/)?(?:vbaProject\.bin|vbaProjectSignature\w*\.bin|_rels/vbaProject\.bin\.rels"
    r"|externalLinks/.*|calcChain\.xml)$|^customUI/.*",
    re.IGNORECASE,
)
_VBA_TYPE = "application/vnd.ms-office.vbaProject"
_PRINTER_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"
_WORKSHEET_TYPES = ("spreadsheetml.worksheet+xml", "ms-excel.macrosheet+xml",
                    "ms-excel.intlmacrosheet+xml", "spreadsheetml.chartsheet+xml")
_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def strip_cell_functions(sheet_xml: str) -> str:
    """Remove the formula (keep the cached value) of every cell that calls a cell function
    or an external workbook, including the shared-formula cells that follow such a master."""
    dead_shared: set[str] = set()
    for match in _FORMULA.finditer(sheet_xml):
        attrs, text = match.group(2), match.group(3) or ""
        if text and _CALLS.search(text) and 't="shared"' in attrs:
            index = _SHARED_INDEX.search(attrs)
            if index:
                dead_shared.add(index.group(1))

    def replace(match: re.Match[str]) -> str:
        attrs, text = match.group(2), match.group(3) or ""
        if text and _CALLS.search(text):
            return ""
        index = _SHARED_INDEX.search(attrs)
        if 't="shared"' in attrs and index and index.group(1) in dead_shared:
            return ""
        return match.group(0)

    return _FORMULA.sub(replace, sheet_xml)


def _clean_workbook_xml(xml: str) -> str:
    xml = re.sub(r"<((?:\w+:)?)externalReferences>.*?</\1externalReferences>", "", xml,
                 flags=re.DOTALL)
    # Defined names that point into an external workbook cannot resolve without it.
    return re.sub(r"<((?:\w+:)?)definedName\b[^>]*>[^<]*\[\d+\][^<]*</\1definedName>", "",
                  xml)


def _clean_rels(xml: str) -> str:
    return re.sub(
        r'<(?:\w+:)?Relationship\b[^>]*Target="[^"]*(?:vbaProject|externalLink|customUI'
        r'|calcChain)[^"]*"[^>]*/>',
        "",
        xml,
    )


def _clean_content_types(xml: str, kept: list[str]) -> str:
    """[Content_Types].xml without the dropped parts' types, macro-free, and with a type
    for every part kept (printer settings typed by a ``bin`` Default that meant VBA)."""
    xml = re.sub(
        r'<(?:\w+:)?Override\b[^>]*PartName="/(?:[^"]*/)?(?:vbaProject|externalLinks/'
        r'|customUI/|calcChain)[^"]*"[^>]*/>',
        "",
        xml,
        flags=re.IGNORECASE,
    )
    xml = re.sub(r'<(?:\w+:)?Default\b[^>]*ContentType="' + re.escape(_VBA_TYPE) + r'"[^>]*/>',
                 "", xml)
    xml = xml.replace(_MACRO_MAIN, _PLAIN_MAIN)
    types = content_types(xml)
    missing = [p for p in kept if p != CONTENT_TYPES and not types.overrides.get("/" + p.lower())
               and not types.defaults.get(p.rsplit(".", 1)[-1].lower())]
    added = "".join(
        f'<Override PartName="/{p}" ContentType="{_PRINTER_TYPE}"/>'
        for p in missing if "printersettings" in p.lower()
    )
    end = xml.rindex("</")
    return xml[:end] + added + xml[end:]


def write_share_copy(book: Path, out: Path) -> Path:
    """Write the shareable copy of ``book`` to ``out`` (``.xlsx``) and return its path.

    Raises:
        PackageError: ``book`` is not an .xlsx/.xlsm package, or ``out`` is ``book``.
        FileProblemError: ``out``'s folder is missing or cannot be written.
    """
    book, out = Path(book), Path(out)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    if out.resolve() == book.resolve():
        raise PackageError(message("msg.same_file"))
    if not out.parent.is_dir():
        raise FileProblemError(message("msg.folder_missing", folder=out.parent))
    from .files import check_format

    check_format(book)
    try:
        write_atomically(out, lambda tmp: _write_copy(book, tmp))
    except XlreviewError:
        raise
    except OSError as exc:
        raise FileProblemError(describe_os_error(exc, out, writing=True)) from exc
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError) as exc:
        raise PackageError(message("msg.not_a_workbook", path=book)) from exc
    return out


def is_share_copy(path: Path) -> bool:
    """Whether the file at ``path`` is a copy xlreview wrote (a rebuilt workbook's sheets,
    marked), so that the rebuild's ``share_copy`` may replace it; a file of the user's
    with that name, or one that cannot be read, is not."""
    from .package import marks

    try:
        with zipfile.ZipFile(path) as z:
            return bool(marks(Package(z)))
    except (OSError, zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError):
        return False


def _write_copy(book: Path, tmp: Path) -> None:
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        package = Package(source)
        workbook = package.workbook_part()
        kept = [i.filename for i in source.infolist() if not _DROP_PARTS.match(i.filename)]
        for info in source.infolist():
            name = info.filename
            if _DROP_PARTS.match(name):
                continue
            data = source.read(name)
            kind = package.content_type(name) or ""
            if kind.endswith(_WORKSHEET_TYPES):
                data = strip_cell_functions(data.decode("utf-8")).encode("utf-8")
            elif name == workbook:
                data = _clean_workbook_xml(data.decode("utf-8")).encode("utf-8")
            elif name.endswith(".rels"):
                data = _clean_rels(data.decode("utf-8")).encode("utf-8")
            elif name == CONTENT_TYPES:
                data = _clean_content_types(data.decode("utf-8"), kept).encode("utf-8")
            target.writestr(like(info), data)
