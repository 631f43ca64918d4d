"""Live Excel adapter (xlwings): the ribbon button.

The button gives the command line's workbook. When the active workbook is a local file
it is saved (it holds the user's latest edits), closed, rebuilt by exactly
:func:`xlreview.rebuild.rebuild` (what ``xlreview rebuild`` runs) and reopened on the
Dashboard; a failure shows the command line's sentence in a message box and the
workbook reopens untouched. A workbook without a local file it can rebuild (never
saved, on OneDrive or SharePoint, read-only) is rebuilt live instead: input sheets read
from the open book, generated sheets written through xlwings (values, number formats,
tables, merges, widths), and the status bar says what that leaves out.

Generated sheets are recognised, live as in the file, by the hidden sheet-local name
``_xlreview_sheet`` (:data:`xlreview.io.package.MARK`) an earlier rebuild left, not by
their names.

The xlwings surface used here is deliberately tiny (``tests/io/fake_xlwings.py`` mimics
exactly this, so the adapter is tested without Excel):

- ``xw.Book.caller()``, ``book.app.books.active``, ``app.books.open(path)``
- ``book.fullname``, ``book.save()``, ``book.close()``, ``book.app``
- ``book.sheets``: iterate, ``[name]``, ``.add(name, after=sheet)``
- ``sheet.name``, ``sheet.delete()``, ``sheet.activate()``, ``sheet.used_range``,
  ``sheet.range(cell1, cell2)``, ``sheet.tables.add(source=range, name=...)``,
  ``sheet.names`` (iterate; ``.add(name, refers_to)``), ``name.name``, ``name.refers_to``
- ``range.options(ndim=2, err_to_str=True).value``, ``range.value = rows``,
  ``range.last_cell.row`` / ``.column``, ``range.number_format``, ``range.column_width``,
  ``range.merge()``, ``range.font.name`` (Chinese sheets)
- ``app.status_bar``, ``app.screen_updating``, ``app.alert(prompt, title=..., mode=...)``

Not written live (the file path writes them): charts, conditional formats, fonts, fills,
borders, row heights, print setup, dropdowns.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..cellfuncs import bilingual
from ..cells import ExcelError, Grid
from ..errors import RefusedError, XlreviewError
from ..inputs import settings_language, settings_sheet
from ..labels import has_label, label, message, messages_in
from ..layout import Formula, Sheet
from ..model import mentioned_sheets, normalise_header, sheet_lookup, sheets_to_read
from ..parsing import EXCEL_ERRORS
from ..rebuild import Result, compute, generated_sheet_keys
from .package import MARK
from .safety import failure_sentence

CHUNK_ROWS = 50_000
"""Rows read per call, so that a million-row sheet does not go through COM in one piece."""
_TEXT_STARTS = ("=", "+", "-", "@", "'", ".")


# --- reading -------------------------------------------------------------------------


def _cell_in(value: object) -> object:
    """A cell as the core expects it: error strings become :class:`ExcelError`."""
    if isinstance(value, str) and value in EXCEL_ERRORS:
        return ExcelError(value)
    return value


def sheet_grid(sheet: Any) -> Grid:
    """The cells of ``sheet`` from A1 to the end of its used range, as a 2D list."""
    last = sheet.used_range.last_cell
    rows, cols = last.row, last.column
    grid: Grid = []
    for first in range(1, rows + 1, CHUNK_ROWS):
        end = min(first + CHUNK_ROWS - 1, rows)
        part = sheet.range((first, 1), (end, cols)).options(ndim=2, err_to_str=True).value
        grid.extend([_cell_in(v) for v in row] for row in part)
    return grid


def read_grids(book: Any) -> dict[str, Grid]:
    """Input sheets (and the generated sheets holding user input) of the open book."""
    everything = [s.name for s in book.sheets]
    names = sheets_to_read(everything)
    grids = {name: sheet_grid(book.sheets[name]) for name in names}
    lookup = sheet_lookup()
    for name in [n for n in names if lookup.get(normalise_header(n)) == "mapping"][:1]:
        # The Mapping sheet may name an input sheet of another name: read it too.
        for other in mentioned_sheets(grids[name], everything):
            grids.setdefault(other, sheet_grid(book.sheets[other]))
    return grids


# --- the sheet model as cell values --------------------------------------------------


def _cell_out(value: object) -> object:
    """A Python value as Excel should receive it through xlwings."""
    if isinstance(value, Formula):
        return value.text
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, dt.date | bool | int | float):
        return value
    text = str(value)
    # Excel would read "=x" as a formula and "1-2" as a date: the apostrophe keeps text.
    if text[:1] in _TEXT_STARTS or text[:1].isdigit() or text.upper() in ("TRUE", "FALSE"):
        return "'" + text
    return text


def _size(sheet: Sheet) -> tuple[int, int]:
    rows, cols = 0, 0
    for block in sheet.blocks:
        rows, cols = max(rows, block.last_row + 1), max(cols, block.last_col + 1)
    for cell in sheet.cells:
        rows, cols = max(rows, cell.row + 1), max(cols, cell.col + 1)
    for merge in sheet.merges:
        rows, cols = max(rows, merge.last_row + 1), max(cols, merge.last_col + 1)
    return rows, cols


def sheet_cells(sheet: Sheet) -> Grid:
    """Every value of a generated sheet as one dense 2D list from A1 (None = blank)."""
    rows, cols = _size(sheet)
    grid: Grid = [[None] * cols for _ in range(rows)]
    for block in sheet.blocks:
        for j, column in enumerate(block.columns):
            grid[block.row][block.col + j] = _cell_out(column.header)
            for i, value in enumerate(column.values):
                grid[block.row + 1 + i][block.col + j] = _cell_out(value)
    for cell in sheet.cells:
        grid[cell.row][cell.col] = _cell_out(cell.value)
    for merge in sheet.merges:
        grid[merge.first_row][merge.first_col] = _cell_out(merge.value)
    return grid


def number_formats(sheet: Sheet) -> Iterator[tuple[tuple[int, int, int, int], str]]:
    """(first row, first col, last row, last col) 0-based and the number format to set."""
    for block in sheet.blocks:
        for j, column in enumerate(block.columns):
            col = block.col + j
            if column.style.num_format and column.values:
                yield (block.row + 1, col, block.row + len(column.values), col), \
                    column.style.num_format
            for i, style in column.cell_styles.items():
                if style.num_format:
                    yield (block.row + 1 + i, col, block.row + 1 + i, col), style.num_format
    for cell in sheet.cells:
        if cell.style is not None and cell.style.num_format:
            yield (cell.row, cell.col, cell.row, cell.col), cell.style.num_format
    for merge in sheet.merges:
        if merge.style.num_format:
            yield (merge.first_row, merge.first_col, merge.first_row, merge.first_col), \
                merge.style.num_format


# --- writing -------------------------------------------------------------------------


def _range(ws: Any, first_row: int, first_col: int, last_row: int, last_col: int) -> Any:
    """xlwings range from 0-based corners."""
    return ws.range((first_row + 1, first_col + 1), (last_row + 1, last_col + 1))


def write_sheet(ws: Any, sheet: Sheet) -> None:
    """Write one generated sheet into the empty xlwings sheet ``ws``."""
    grid = sheet_cells(sheet)
    if grid and grid[0]:
        ws.range((1, 1)).value = grid
    for (r1, c1, r2, c2), fmt in number_formats(sheet):
        _range(ws, r1, c1, r2, c2).number_format = fmt
    for merge in sheet.merges:
        _range(ws, merge.first_row, merge.first_col, merge.last_row, merge.last_col).merge()
    for col, width in sheet.widths.items():
        # Width 0 hides a column in Excel on Windows and macOS alike.
        ws.range((1, col + 1)).column_width = 0 if col in sheet.hidden else width
    for block in sheet.blocks:
        source = _range(ws, block.row, block.col, block.last_row, block.last_col)
        ws.tables.add(source=source, name=block.name)
    if sheet.font is not None and grid and grid[0]:  # a Chinese sheet: its East Asian font
        _range(ws, 0, 0, len(grid) - 1, len(grid[0]) - 1).font.name = sheet.font


def sheet_mark(ws: Any) -> str | None:
    """The generated sheet's key an earlier rebuild left on ``ws`` (:data:`MARK`), if any.

    Excel names a sheet-local name ``Sheet!name`` (``'ROI matrix'!name``); its value is
    the key as a text formula, ``="dashboard"``.
    """
    for name in ws.names:
        if str(name.name).rpartition("!")[2].lower() == MARK.lower():
            return str(name.refers_to).lstrip("=").strip('"') or None
    return None


def generated_in_book(book: Any) -> list[Any]:
    """The book's generated sheets, to be replaced.

    A sheet is generated when it carries the mark, whatever its name now; of a sheet and
    its copies (Move or Copy keeps the mark) only the one still named like a generated
    sheet, or else the first. A book without any mark (rebuilt before marks, or live only)
    falls back to the names, either language, any case.

    Raises:
        RefusedError: a sheet of the user's has a generated sheet's name; names it.
    """
    keys = generated_sheet_keys()  # lower-case name in either language -> key
    keys = {name.lower(): key for name, key in keys.items()}
    sheets = list(book.sheets)
    marked = [(ws, sheet_mark(ws)) for ws in sheets]
    if not any(key for _, key in marked):
        return [ws for ws in sheets if ws.name.lower() in keys]
    chosen: dict[str, Any] = {}
    for ws, key in marked:
        if key and (key not in chosen or (ws.name.lower() in keys
                                          and chosen[key].name.lower() not in keys)):
            chosen[key] = ws
    generated = list(chosen.values())
    for ws in sheets:
        if ws not in generated and ws.name.lower() in keys:
            key = keys[ws.name.lower()]
            names = sorted({n for n, k in generated_sheet_keys().items() if k == key})
            raise RefusedError(message("msg.sheet_name_taken", sheet=ws.name,
                                     generated=" / ".join(names)))
    return generated


def write_sheets(book: Any, sheets: Sequence[Sheet],
                 progress: Callable[[str], None] = lambda _: None,
                 generated: Sequence[Any] | None = None) -> None:
    """Replace the book's generated sheets with ``sheets`` (added after the last sheet),
    each marked as generated (:data:`MARK`).

    Sheets that are not generated (the user's inputs and own sheets) are never touched.
    """
    for ws in generated_in_book(book) if generated is None else generated:
        ws.delete()
    for sheet in sheets:
        progress(sheet.name)
        last = list(book.sheets)[-1]
        ws = book.sheets.add(sheet.name, after=last)
        write_sheet(ws, sheet)
        ws.names.add(MARK, f'="{sheet.key}"')


# --- the rebuild ---------------------------------------------------------------------


@contextmanager
def _busy(app: Any) -> Iterator[Callable[[str], None]]:
    """Screen updating off and progress in the status bar; both restored afterwards."""
    updating = app.screen_updating
    app.screen_updating = False

    def progress(step: str) -> None:
        # A step of the rebuild (read, plan, write …) or the sheet being written.
        text = message(f"msg.step_{step}") if has_label(f"msg.step_{step}") else step
        app.status_bar = message("msg.excel_step", step=text)

    try:
        yield progress
    finally:
        app.screen_updating = updating
        app.status_bar = False  # hand the status bar back to Excel


def problem_counts(result: Result) -> tuple[int, int]:
    """(errors, warnings) of the data check."""
    severity = result.data_check.get("severity", pd.Series(dtype=object))
    return int((severity == "error").sum()), int((severity == "warning").sum())


def rebuild_book(book: Any) -> Result:
    """Recompute and rewrite the generated sheets of the open ``book`` (the live path).

    A message box lists the data-check problems (if any); an input error that stops the
    rebuild is shown in a message box and re-raised.
    """
    app = book.app
    with _busy(app) as progress:
        try:
            progress("read")
            generated = generated_in_book(book)  # a name clash stops before the work
            result = compute(read_grids(book), progress=progress)
            write_sheets(book, result.sheets, progress, generated)
        except XlreviewError as error:
            app.alert(bilingual("msg.excel_failed", error=error),
                      title=label("title.excel_alert"), mode="critical")
            raise
    _show_problems(app, result)
    return result


def _show_problems(app: Any, result: Result) -> None:
    errors, warnings = problem_counts(result)
    if errors or warnings:
        lang = result.inputs.settings.language
        app.alert(label("msg.excel_problems", lang, errors=errors, warnings=warnings),
                  title=label("title.excel_alert", lang))


def local_file(book: Any) -> tuple[Path | None, str]:
    """The workbook's local file the command line's rebuild can replace, or None and why
    not: ``unsaved`` (never saved), ``cloud`` (OneDrive, SharePoint: a URL),
    ``read_only`` (the file, or its folder, cannot be written), ``format`` (not .xlsx)."""
    name = str(book.fullname)
    if name.lower().startswith(("http://", "https://")):
        return None, "cloud"
    path = Path(name)
    if not path.is_absolute() or not path.is_file():
        return None, "unsaved"
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None, "format"
    writable = path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if not writable or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return None, "read_only"
    return path, ""


def rebuild_file(book: Any) -> tuple[Any, Result | None]:
    """Save and close ``book``, run the command line's rebuild on its file, reopen it on
    the Dashboard. A failure is shown in a message box (the command line's sentence) and
    the workbook reopens as it was saved.

    Returns:
        the reopened book and the result (None when the rebuild failed).
    """
    from ..rebuild import rebuild

    app = book.app
    path, _ = local_file(book)
    assert path is not None
    try:
        book.save()  # the user's latest edits are what the rebuild reads
    except Exception as exc:  # Excel refused to save: nothing closed, nothing lost
        _alert_failure(app, exc, path)
        return book, None
    book.close()
    result: Result | None = None
    failure: BaseException | None = None
    with _busy(app) as progress:
        try:
            result = rebuild(path, progress=progress)
        except (KeyboardInterrupt, Exception) as exc:
            failure = exc
    book = app.books.open(str(path))
    if result is None:
        _alert_failure(app, failure or RuntimeError(), path)
        return book, None
    _activate_dashboard(book, result)
    _show_problems(app, result)
    return book, result


def _alert_failure(app: Any, exc: BaseException, path: Path) -> None:
    sentence = failure_sentence(exc, path) or message("msg.unexpected")
    app.alert(sentence, title=message("title.excel_alert"), mode="critical")


def _activate_dashboard(book: Any, result: Result) -> None:
    """Open on the answer: the Dashboard (else the first generated sheet) is active."""
    names = [s.name for s in result.sheets if s.key == "dashboard"]
    names += [s.name for s in result.sheets]
    if names:
        book.sheets[names[0]].activate()


def rebuild_active(book: Any) -> Result | None:
    """The ribbon button on ``book``: the file rebuild when the book is a local file it can
    replace, else the live path with a status-bar note of what it does not draw. Progress
    and failures speak the language the book's Settings ask for."""
    with messages_in(book_language(book)):
        return _rebuild_active(book)


def book_language(book: Any) -> str:
    """The language the open ``book``'s Settings sheet asks for (English without one)."""
    try:
        name = settings_sheet(s.name for s in book.sheets)
        return settings_language(sheet_grid(book.sheets[name])) if name else "en"
    except Exception:  # an unreadable sheet: its problems are the rebuild's to report
        return "en"


def _rebuild_active(book: Any) -> Result | None:
    path, why = local_file(book)
    if path is not None:
        return rebuild_file(book)[1]
    try:
        result = rebuild_book(book)
    except XlreviewError:
        return None  # shown in a message box already
    _activate_dashboard(book, result)
    book.app.status_bar = label(f"msg.excel_live_{why}", result.inputs.settings.language)
    return result


def run_from_ribbon() -> Result | None:
    """The ribbon button: rebuild the active workbook.

    Called from the add-in, ``xw.Book.caller()`` is the add-in itself; the workbook the
    user is looking at is the active book of that Excel instance.
    """
    import xlwings as xw

    return rebuild_active(xw.Book.caller().app.books.active)


__all__ = [
    "generated_in_book",
    "local_file",
    "read_grids",
    "rebuild_active",
    "rebuild_book",
    "rebuild_file",
    "run_from_ribbon",
    "sheet_cells",
    "sheet_grid",
    "sheet_mark",
    "write_sheets",
]
