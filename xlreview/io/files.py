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

import functools
import io
import os
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import IO

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

from ..cells import ExcelError, Grid
from ..errors import FileProblemError, PackageError, RefusedError
from ..labels import message
from ..model import mentioned_sheets, normalise_header, sheet_lookup, sheets_to_read
from ..perf import pause_gc, resume_gc
from .extent import trimmed_package
from .opc import MalformedPackage, Package, copy_entry
from .safety import (
    check_replaceable,
    describe_os_error,
    is_signed,
    real_workbook,
    remove_stale_leftovers,
)

_CHUNK = 1 << 22
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*?\bt\s*=\s*["\']e["\'][^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)', re.DOTALL
)
_REF = re.compile(rb'\br\s*=\s*["\']([A-Z]+)(\d+)["\']')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MAX_UNPACKED = 4 << 30  # a workbook that unpacks to more than 4 GiB is a zip bomb
_MAX_RATIO = 400  # deflate packs sheet XML 10-100x; a big part packed 400x is a bomb


Source = Path | bytes
"""A workbook file, or an in-memory copy of its package (sheets trimmed, see extent.py)."""


def _open(path: str | Path | bytes) -> CalamineWorkbook:
    if isinstance(path, bytes):
        try:
            return CalamineWorkbook.from_filelike(io.BytesIO(path))
        except (CalamineError, ValueError) as exc:
            raise PackageError(message("msg.not_a_workbook", path="")) from exc
    if not Path(path).exists():
        raise FileProblemError(message("msg.file_missing", path=path))
    try:
        return CalamineWorkbook.from_path(str(path))
    except OSError as exc:
        raise FileProblemError(describe_os_error(exc, path, writing=False)) from exc
    except (CalamineError, ValueError) as exc:
        copy = _worksheets_only(Path(path))
        if copy is None:
            raise PackageError(message("msg.not_a_workbook", path=path)) from exc
        try:
            return CalamineWorkbook.from_filelike(io.BytesIO(copy))
        except (CalamineError, ValueError):
            raise PackageError(message("msg.not_a_workbook", path=path)) from exc


_SHEET_KINDS = ("/worksheet", "/chartsheet")


@functools.lru_cache(maxsize=4)
def _cached_copy(path: str, _stamp: tuple[int, int]) -> bytes | None:
    try:
        with zipfile.ZipFile(path) as zf:
            package = Package(zf)
            workbook = package.workbook_part()
            kinds = {r.id: r.type for r in package.rels(workbook)}
            xml = package.text(workbook)
            kept = xml
            for sheet in package.sheets():
                if not kinds.get(sheet.rid, "").endswith(_SHEET_KINDS) or not sheet.part:
                    kept = kept.replace(sheet.tag, "", 1)
            if kept == xml:
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as target:
                for info in zf.infolist():
                    if info.filename == workbook:
                        target.writestr(info.filename, kept.encode("utf-8"))
                    else:
                        copy_entry(zf, target, info)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError):
        return None


def _worksheets_only(path: Path) -> bytes | None:
    """An in-memory copy of the package listing only its worksheets (and chart sheets),
    for calamine, which refuses macro sheets, dialog sheets and sheets without a
    relationship: xlreview reads the copy and rebuilds the file itself. None if the
    package lists nothing else (calamine failed for another reason)."""
    stat = path.stat()
    return _cached_copy(str(path), (stat.st_mtime_ns, stat.st_size))


def check_format(path: str | Path) -> None:
    """Refuse, with what to do, a file the rebuild cannot read and write back: not a
    zip package (.xls, a password-protected workbook, a damaged file), a binary .xlsb,
    an OpenDocument .ods, or a zip bomb.

    Raises:
        PackageError: the file is not an .xlsx/.xlsm package.
        FileProblemError: the file cannot be read.
    """
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            head = stream.read(1 << 20)
    except OSError as exc:
        raise FileProblemError(describe_os_error(exc, path, writing=False)) from exc
    if head.startswith(_OLE):
        if _ENCRYPTED in head:
            raise PackageError(message("msg.encrypted", path=path))
        raise PackageError(message("msg.old_format", path=path, kind="Excel 97-2003 .xls"))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if any(i.filename == "mimetype" for i in infos):
                kind = "OpenDocument .ods"
                raise PackageError(message("msg.old_format", path=path, kind=kind))
            unpacked = sum(i.file_size for i in infos)
            if unpacked > _MAX_UNPACKED or any(
                i.file_size > (64 << 20) and i.file_size > _MAX_RATIO * max(i.compress_size, 1)
                for i in infos
            ):
                raise PackageError(message("msg.not_a_workbook", path=path))
            workbook = Package(zf).workbook_part()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError, EOFError) as exc:
        if isinstance(exc, PackageError) and not isinstance(exc, MalformedPackage):
            raise  # already says what the file is and what to do
        raise PackageError(message("msg.not_a_workbook", path=path)) from exc
    if workbook.lower().endswith(".bin"):
        raise PackageError(message("msg.xlsb", path=path))


def sheet_names(path: str | Path) -> list[str]:
    """The names of the workbook's worksheets in tab order (chart sheets left out)."""
    with _open(path) as book:
        return [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]


def book_language(path: str | Path) -> str | None:
    """The language the Settings sheet of the workbook at ``path`` asks for; None when
    there is none or the file cannot be read (a message about a file never fails on it)."""
    from ..inputs import settings_language, settings_sheet

    try:
        name = settings_sheet(sheet_names(path))
        return settings_language(read_grids(path, [name])[name]) if name else None
    except Exception:  # any unreadable file: the caller falls back to another language
        return None


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
    """A read of a workbook's sheets going on in background threads.

    Each sheet comes with its error cells already put back; small sheets are ready long
    before a big Leads sheet, so that a caller can work on them meanwhile (:meth:`take`).

    Attributes:
        names: the sheets being read, in the order asked for.
    """

    def __init__(self, names: list[str], reads: dict[str, Future[Grid]],
                 scans: dict[str, Future[list[tuple[int, int, ExcelError]]]],
                 trimmed: dict[str, tuple[int, int]] | None = None) -> None:
        self.names = names
        self._reads = reads
        self._scans = scans
        self.trimmed = trimmed or {}
        """Sheets read only up to (rows, columns): stray cells far beyond were left out."""

    def take(self, names: Iterable[str] | None = None) -> dict[str, Grid]:
        """Wait for the cells of these sheets (default: all not taken yet) and hand them
        over: the reading keeps no reference to them, so that they are freed as soon as the
        caller is done with them. Names not being read are left out.

        Raises:
            PackageError: a sheet could not be read.
            RuntimeError: a sheet's cells were taken already.
        """
        if names is None:
            wanted = [n for n in self.names if n in self._reads]
        else:
            wanted = [n for n in names if n in self.names]
        grids: dict[str, Grid] = {}
        for name in wanted:
            if name not in self._reads:
                raise RuntimeError(f"the cells of sheet {name!r} were taken already")
            grid = self._reads.pop(name).result()
            scan = self._scans.pop(name, None)
            if scan is not None:
                _patch_errors(grid, scan.result())
            grids[name] = grid
        return grids


def start_reading(path: str | Path, *, force: bool = False) -> Reading:
    """Check that the workbook at ``path`` may be rebuilt, then start reading the sheets
    the rebuild needs, in background threads.

    A symbolic link is followed (its target is what the rebuild replaces). Leftovers of
    a killed earlier run are removed first.

    Args:
        path: the workbook.
        force: go on with a digitally signed workbook (its signature will break).

    Raises:
        FileProblemError: no such file, or it cannot be read.
        WorkbookLockedError: the workbook is open in Excel.
        RefusedError: read-only, signed (without ``force``), or no input sheets.
        PackageError: the file is not an .xlsx/.xlsm workbook.
    """
    real = real_workbook(path)
    remove_stale_leftovers(real.parent)
    check_format(real)
    check_replaceable(real)
    if not force and is_signed(real):
        raise RefusedError(message("msg.signed", path=path))
    names = sheet_names(real)
    inputs = sheet_lookup()
    if not any(normalise_header(n) in inputs for n in names):
        raise RefusedError(message("msg.no_input_sheets", path=path))
    wanted = sheets_to_read(names)
    mapping = [n for n in wanted if inputs.get(normalise_header(n)) == "mapping"]
    if mapping:  # the Mapping sheet may name an input sheet of another name: read it too
        wanted += [n for n in mentioned_sheets(_read_sheet(real, mapping[0]), names)
                   if n not in wanted]
    return read_in_background(real, wanted)


def read_in_background(path: str | Path, sheets: Iterable[str] | None = None) -> Reading:
    """Start :func:`read_grids` in background threads; take the cells (or the error) from
    the :class:`Reading` later.

    Each sheet is parsed by its own calamine reader. The biggest sheet starts first and has
    a thread to itself (on two cores); the other sheets, and every sheet's scan for error
    cells, share the other one. The garbage collector is paused until all of it is done.
    """
    path = Path(path)
    with _open(path) as book:
        present = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    wanted = present if sheets is None else [n for n in dict.fromkeys(sheets) if n in present]
    parts, sizes = _sheet_parts(path)
    source: Source = _worksheets_only(path) or path if parts else path
    trimmed: dict[str, tuple[int, int]] = {}
    if parts:
        copy, trimmed = trimmed_package(source, parts, wanted)
        source = copy if copy is not None else source
    pause_gc()  # while the cells are built: resumed once every task is done, below
    pool = ThreadPoolExecutor(max_workers=max(1, min(len(wanted), os.cpu_count() or 1)),
                              thread_name_prefix="xlreview-read")
    biggest_first = sorted(wanted, key=lambda name: -sizes.get(parts.get(name, ""), 0))
    reads: dict[str, Future[Grid]] = {}
    scans: dict[str, Future[list[tuple[int, int, ExcelError]]]] = {}
    # The biggest parses in one thread while the others are read and scanned in the other,
    # the biggest's scan last: the small sheets are ready at once, the scan before the parse.
    for name in biggest_first:
        reads[name] = pool.submit(_read_sheet, source, name)
        if name in parts and name != biggest_first[0]:
            scans[name] = pool.submit(_scan_sheet, source, parts[name])
    if biggest_first and biggest_first[0] in parts:
        scans[biggest_first[0]] = pool.submit(_scan_sheet, source, parts[biggest_first[0]])
    pool.shutdown(wait=False)  # the threads end when their work is done
    tasks = [*reads.values(), *scans.values()]
    threading.Thread(target=lambda: (wait(tasks), resume_gc()), name="xlreview-read",
                     daemon=True).start()
    return Reading(wanted, reads, scans, trimmed)


def _read_sheet(path: Source, name: str) -> Grid:
    with _open(path) as book:
        try:
            return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except (CalamineError, ValueError) as exc:
            raise PackageError(message("msg.not_a_workbook", path=path)) from exc


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


def _scan_sheet(path: Source, part: str) -> list[tuple[int, int, ExcelError]]:
    """The error cells of one sheet's XML part (``[(row, column, error)]``)."""
    file = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(file) as zf, Package(zf).open(part) as stream:
        return list(error_cells(stream))


