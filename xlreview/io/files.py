"""Read a workbook file's cells fast with python-calamine.

Sheets are parsed in parallel threads: calamine releases the GIL while it parses a sheet's
XML, so on two cores the Leads sheet parses while the other sheets are read and scanned.
:func:`read_in_background` starts that work and returns at once, so that the command line
imports pandas while the workbook is being parsed.

calamine (0.9) reads an error cell (``t="e"``, e.g. ``#N/A`` from a formula) as an empty
string, so :func:`read_grids` finds error cells with a streaming scan of the sheet's XML
for ``t="e"`` (no XML tree is built; most chunks are skipped by a plain byte search) and
puts :class:`~xlreview.cells.ExcelError` values back into the grid. This is done for
.xlsx/.xlsm; other formats calamine reads (.xls, .xlsb, .ods) keep errors as blanks.

Cells are handed over as calamine makes them (DESIGN.md "Cells"): a blank cell is ``""``,
a time of day ``datetime.time``, a duration ``datetime.timedelta``; the core reads those.
Not copying a million cells into new lists is a tenth of the read.
"""

from __future__ import annotations

import os
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

from ..cells import ExcelError, Grid
from ..errors import PackageError
from ..model import sheets_to_read
from ..perf import pause_gc, resume_gc
from .opc import Package
from .safety import check_not_open

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
        ``{sheet name: grid}`` in the order of ``sheets`` (tab order for None): blank cells
        are ``""`` (or None where a row was padded), numbers float, dates
        ``datetime.date``/``datetime.datetime``, error values :class:`ExcelError`.

    Raises:
        PackageError: the file cannot be read as a workbook.
    """
    return read_in_background(path, sheets).take()


class Reading:
    """A read of a workbook's sheets going on in background threads."""

    def __init__(self, future: Future[dict[str, Grid]]) -> None:
        self._future: Future[dict[str, Grid]] | None = future

    def take(self) -> dict[str, Grid]:
        """Wait for the cells and hand them over: the reading keeps no reference to them,
        so that they are freed as soon as the caller is done with them.

        Raises:
            PackageError: a sheet could not be read.
            RuntimeError: the cells were taken already.
        """
        future, self._future = self._future, None
        if future is None:
            raise RuntimeError("the cells of this reading were taken already")
        return future.result()


def start_reading(path: str | Path) -> Reading:
    """Start reading the sheets a rebuild of ``path`` needs, in background threads.

    Raises:
        WorkbookLockedError: the workbook is open in Excel.
        PackageError: the file is not a readable workbook.
    """
    check_not_open(path)
    return read_in_background(path, sheets_to_read(sheet_names(path)))


def read_in_background(path: str | Path, sheets: Iterable[str] | None = None) -> Reading:
    """Start :func:`read_grids` in background threads; its result (or error) comes later.

    Each sheet is parsed by its own calamine reader; the biggest sheets start first, and
    the scan for error cells runs beside them.
    """
    path = Path(path)
    with _open(path) as book:
        present = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    wanted = present if sheets is None else [n for n in dict.fromkeys(sheets) if n in present]
    parts, sizes = _sheet_parts(path)
    pause_gc()  # while the cells are built: resumed by collect(), below
    pool = ThreadPoolExecutor(max_workers=max(1, min(len(wanted), os.cpu_count() or 1)),
                              thread_name_prefix="xlreview-read")
    biggest_first = sorted(wanted, key=lambda name: -sizes.get(parts.get(name, ""), 0))
    reads = {name: pool.submit(_read_sheet, path, name) for name in biggest_first[:1]}
    scan = pool.submit(_scan_errors, path, {n: parts[n] for n in wanted if n in parts})
    reads |= {name: pool.submit(_read_sheet, path, name) for name in biggest_first[1:]}
    pool.shutdown(wait=False)  # the threads end when their work is done
    done: Future[dict[str, Grid]] = Future()

    def collect() -> None:
        try:
            grids = {name: reads[name].result() for name in wanted}
            for name, errors in scan.result().items():
                _patch_errors(grids[name], errors)
        except BaseException as exc:  # handed to whoever waits for the result
            done.set_exception(exc)
        else:
            done.set_result(grids)
        finally:
            resume_gc()

    threading.Thread(target=collect, name="xlreview-read", daemon=True).start()
    return Reading(done)


def _read_sheet(path: Path, name: str) -> Grid:
    with _open(path) as book:
        try:
            return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except CalamineError as exc:
            raise PackageError(f"cannot read {str(path)!r}: {exc}") from exc


def _sheet_parts(path: Path) -> tuple[dict[str, str], dict[str, int]]:
    """Sheet name → its XML part, and part → uncompressed size (none for .xls/.ods)."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:  # .xls: calamine read it; no XML to scan
        return {}, {}
    with zf:
        package = Package(zf)
        if not package.has("_rels/.rels"):  # .ods: calamine reads it; no sheet XML here
            return {}, {}
        parts = {s.name: s.part for s in package.sheets()
                 if s.part.endswith(".xml") and package.has(s.part)}  # not .xlsb's .bin
        return parts, {i.filename: i.file_size for i in zf.infolist()}


def _scan_errors(path: Path, parts: dict[str, str]) -> dict[str, list[tuple[int, int,
                                                                              ExcelError]]]:
    """The error cells of each sheet (``{sheet: [(row, column, error)]}``)."""
    if not parts:
        return {}
    with zipfile.ZipFile(path) as zf:
        package = Package(zf)
        found = {}
        for name, part in parts.items():
            with package.open(part) as stream:
                found[name] = list(error_cells(stream))
        return found
