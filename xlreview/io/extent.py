"""Read only the cells the input tables need, whatever a sheet's dimension says.

calamine builds a dense grid from A1 to a sheet's last used cell: one stray cell typed at
XFD1048576 asks it for 17 billion cells (512 GB) and aborts the process. Before a sheet is
read, its extent is compared with its XML size (a filled cell takes at least ten bytes of
XML): a sheet far sparser than any real table is trimmed to the cells the tables and the
contiguous data need, in an in-memory copy of the package, and calamine reads that copy.
Memory stays bounded by the data, not by the dimension.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..cells import column_letter
from .opc import Package, copy_entry

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["\']([^"\']*)["\']')
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?(?:/>|>.*?</(?:\w+:)?row>)", re.DOTALL)
_ROW_NUMBER = re.compile(rb'^<(?:\w+:)?row\b[^>]*?\sr\s*=\s*["\'](\d+)["\']')
_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?(?:/>|>.*?</(?:\w+:)?c>)", re.DOTALL)
_CELL_REF = re.compile(rb'^<(?:\w+:)?c\b[^>]*?\sr\s*=\s*["\']([A-Z]{1,3})(\d+)["\']')
_TABLE_REF = re.compile(r'<(?:\w+:)?table\b[^>]*?\sref\s*=\s*["\']([^"\']*)["\']')
_SLACK = 1_000_000  # cells any sheet may span without a look (a 1000 x 1000 block)
_ROW_GAP, _COLUMN_GAP = 1000, 100  # gaps that end "the contiguous data"
_UNDIMENSIONED = 64 << 20  # a sheet without <dimension> this small is scanned for its span


def _column(letters: str | bytes) -> int:
    text = letters.decode() if isinstance(letters, bytes) else letters
    number = 0
    for char in text.upper():
        number = number * 26 + ord(char) - 64
    return number


def _corner(ref: str) -> tuple[int, int] | None:
    """(last row, last column), 1-based, of a range like ``A1:XFD1048576``."""
    found = _REF.findall(ref.split(":")[-1])
    return (int(found[0][1]), _column(found[0][0])) if found else None


def _cut(values: list[int], gap: int) -> int:
    """The last of the sorted ``values`` reached without a jump wider than ``gap``."""
    last = 0
    for value in sorted(set(values)):
        if value - last > gap and last:
            break
        last = value
    return last


def too_sparse(head: bytes, xml_size: int) -> bool:
    """Whether a sheet whose XML starts with ``head`` spans far more cells than it holds
    (by its ``<dimension>``; see :func:`span` for a sheet without one)."""
    found = _DIMENSION.search(head)
    corner = _corner(found.group(1).decode("ascii", "replace")) if found else None
    return corner is not None and _sparse(corner, xml_size)


def _sparse(corner: tuple[int, int], xml_size: int) -> bool:
    rows, columns = corner
    return rows * columns > _SLACK + xml_size // 10 * 4


def span(xml: bytes) -> tuple[int, int]:
    """(last row, last column) of the cells in a sheet's XML, for one without a
    ``<dimension>`` (calamine then sizes its grid by the cells themselves)."""
    rows = [int(n) for n in re.findall(rb'<(?:\w+:)?row\b[^>]*?\sr\s*=\s*["\'](\d+)', xml)]
    letters = set(re.findall(rb'<(?:\w+:)?c\b[^>]*?\sr\s*=\s*["\']([A-Z]{1,3})\d', xml))
    return max(rows, default=0), max(map(_column, letters), default=0)


def bounds(xml: bytes, tables: list[str]) -> tuple[int, int]:
    """(rows, columns) to keep: the tables' extent and the data contiguous with A1."""
    rows = [int(m.group(1)) for m in map(_ROW_NUMBER.match, _rows(xml)) if m]
    columns = [_column(m.group(1)) for m in re.finditer(rb'<(?:\w+:)?c\b[^>]*?\sr\s*=\s*'
                                                          rb'["\']([A-Z]{1,3})\d+', xml)]
    last_row, last_column = _cut(rows, _ROW_GAP), _cut(columns, _COLUMN_GAP)
    for ref in tables:
        corner = _corner(ref)
        if corner:
            last_row, last_column = max(last_row, corner[0]), max(last_column, corner[1])
    return max(last_row, 1), max(last_column, 1)


def _rows(xml: bytes) -> list[bytes]:
    return [m.group(0) for m in _ROW.finditer(xml)]


def trim(xml: bytes, rows: int, columns: int) -> bytes:
    """The sheet XML without rows below ``rows`` and cells right of ``columns``."""

    def cell(match: re.Match[bytes]) -> bytes:
        ref = _CELL_REF.match(match.group(0))
        return b"" if ref and _column(ref.group(1)) > columns else match.group(0)

    def row(match: re.Match[bytes]) -> bytes:
        number = _ROW_NUMBER.match(match.group(0))
        if number and int(number.group(1)) > rows:
            return b""
        return _CELL.sub(cell, match.group(0))

    corner = f"A1:{column_letter(columns - 1)}{rows}".encode()
    xml = _DIMENSION.sub(lambda m: m.group(0).replace(m.group(1), corner), xml, count=1)
    return _ROW.sub(row, xml)


def trimmed_package(
    path: Path | bytes, parts: dict[str, str], wanted: list[str]
) -> tuple[bytes | None, dict[str, tuple[int, int]]]:
    """An in-memory copy of the package (a file, or a package's bytes) with the wanted
    sheets that are far too sparse trimmed (``None`` if none is), and each trimmed
    sheet's kept (rows, columns)."""
    kept: dict[str, tuple[int, int]] = {}
    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as zf:
        package = Package(zf)
        sizes = {i.filename: i.file_size for i in zf.infolist()}
        replaced: dict[str, bytes] = {}
        for name in wanted:
            part = parts.get(name)
            if part is None or not package.has(part):
                continue
            with package.open(part) as stream:
                head = stream.read(4096)
            size = sizes.get(part, 0)
            if _DIMENSION.search(head) is None and size < _UNDIMENSIONED:
                if not _sparse(span(package.read(part)), size):
                    continue
            elif not too_sparse(head, size):
                continue
            tables = [m.group(1) for target in package.targets(part)
                      if target.lower().endswith(".xml") and "table" in target.lower()
                      for m in [_TABLE_REF.search(package.text(target))] if m]
            xml = package.read(part)
            kept[name] = bounds(xml, tables)
            replaced[part] = trim(xml, *kept[name])
        if not replaced:
            return None, kept
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in zf.infolist():
                if info.filename in replaced:
                    target.writestr(info.filename, replaced[info.filename], zipfile.ZIP_STORED)
                else:
                    copy_entry(zf, target, info)
        return out.getvalue(), kept
