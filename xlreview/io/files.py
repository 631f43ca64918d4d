"""Read a workbook file's cells fast with python-calamine.

calamine (0.9) reads an error cell (``t="e"``, e.g. ``#N/A`` from a formula) as an empty
string, so :func:`read_grids` finds error cells with a streaming scan of the sheet's XML
for ``t="e"`` (no XML tree is built; most chunks are skipped by a plain byte search) and
puts :class:`~xlreview.cells.ExcelError` values back into the grid. This is done for
.xlsx/.xlsm; other formats calamine reads (.xls, .xlsb, .ods) keep errors as blanks.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

from ..cells import ExcelError, Grid
from ..errors import PackageError
from .opc import Package

_CHUNK = 1 << 22
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*?\bt\s*=\s*["\']e["\'][^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)', re.DOTALL
)
_REF = re.compile(rb'\br\s*=\s*["\']([A-Z]+)(\d+)["\']')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def _open(path: str | Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise PackageError(f"cannot read {str(path)!r} as a workbook: {exc}") from exc


def sheet_names(path: str | Path) -> list[str]:
    """The names of the workbook's worksheets in tab order (chart sheets left out)."""
    with _open(path) as book:
        return [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]


def _cell(value: object) -> object:
    """A calamine value as a grid cell (DESIGN.md "Cells")."""
    if value == "":
        return None
    if isinstance(value, dt.time):  # time-only formats: Excel stores a fraction of a day
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400 + (
            value.microsecond / 86400e6
        )
    if isinstance(value, dt.timedelta):  # [h]:mm durations: days
        return value.total_seconds() / 86400
    return value


def _grid(rows: list[list[object]]) -> Grid:
    simple = (str, float, int, bool, dt.datetime, dt.date)
    return [
        [
            None if v == "" else v if isinstance(v, simple) else _cell(v)
            for v in row
        ]
        for row in rows
    ]


def column_index(letters: bytes | str) -> int:
    """0-based column number of Excel column letters (``A`` -> 0, ``AA`` -> 26)."""
    number = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(char.upper()) - 64
    return number - 1


def _chunks(stream: IO[bytes], size: int) -> Iterator[bytes]:
    """The stream cut into pieces that end after a row (so no cell is cut in two)."""
    rest = b""
    while block := stream.read(size):
        data = rest + block
        cut = data.rfind(b"row>") + 4  # </row>, </x:row> or an attribute-less <row>
        if cut < 4:
            rest = data
            continue
        yield data[:cut]
        rest = data[cut:]
    if rest:
        yield rest


def error_cells(
    stream: IO[bytes], chunk_size: int = _CHUNK
) -> Iterator[tuple[int, int, ExcelError]]:
    """``(row, column, error)`` (0-based) of every ``t="e"`` cell in a sheet's XML stream."""
    for chunk in _chunks(stream, chunk_size):
        if b't="e"' not in chunk and b"t='e'" not in chunk:
            continue
        for match in _ERROR_CELL.finditer(chunk):
            ref = _REF.search(match.group(1))
            if not ref:  # cells without a reference are rare; calamine's blank stays
                continue
            value = _VALUE.search(match.group(2) or b"")
            text = value.group(1).decode() if value else "#N/A"
            yield int(ref.group(2)) - 1, column_index(ref.group(1)), ExcelError(text)


def _patch_errors(grid: Grid, errors: Iterable[tuple[int, int, ExcelError]]) -> None:
    for row, col, error in errors:
        while len(grid) <= row:
            grid.append([None] * (len(grid[0]) if grid else 0))
        if len(grid[row]) <= col:
            width = col + 1
            for line in grid:
                line.extend([None] * (width - len(line)))
        grid[row][col] = error


def read_grids(path: str | Path, sheets: Iterable[str] | None = None) -> dict[str, Grid]:
    """The cells of the workbook's worksheets, from A1 (row 0 = Excel row 1).

    Args:
        path: an .xlsx/.xlsm file.
        sheets: the sheet names to read; ``None`` reads every worksheet. Names the
            workbook does not have are left out of the result.

    Returns:
        ``{sheet name: grid}``: blank cells are None, numbers float, dates
        ``datetime.date``/``datetime.datetime``, error values :class:`ExcelError`.

    Raises:
        PackageError: the file cannot be read as a workbook.
    """
    with _open(path) as book:
        present = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        wanted = present if sheets is None else [n for n in sheets if n in present]
        try:
            grids = {
                name: _grid(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in wanted
            }
        except CalamineError as exc:
            raise PackageError(f"cannot read {str(path)!r}: {exc}") from exc
    _restore_errors(Path(path), grids)
    return grids


def _restore_errors(path: Path, grids: dict[str, Grid]) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:  # .xls / .ods: calamine read them; no XML to scan
        return
    with zf:
        package = Package(zf)
        if not package.has("_rels/.rels"):  # .ods: calamine read it; no sheet XML here
            return
        parts = {s.name: s.part for s in package.sheets()}
        for name, grid in grids.items():
            part = parts.get(name)
            if part and part.endswith(".xml") and package.has(part):  # not .xlsb's .bin
                with package.open(part) as stream:
                    _patch_errors(grid, error_cells(stream))
