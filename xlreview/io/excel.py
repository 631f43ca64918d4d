"""Live Excel adapter (xlwings): rebuild the generated sheets of the open workbook.

Same pipeline as the command line (:func:`xlreview.rebuild.compute`), only the I/O
differs: input sheets are read from the open book, generated sheets are written through
xlwings, progress shows in the status bar and problems in a message box.

The xlwings surface used here is deliberately tiny (``tests/io/fake_xlwings.py`` mimics
exactly this, so the adapter is tested without Excel):

- ``xw.Book.caller()``, ``book.app.books.active``
- ``book.sheets``: iterate, ``[name]``, ``.add(name, after=sheet)``; ``book.app``
- ``sheet.name``, ``sheet.delete()``, ``sheet.used_range``, ``sheet.range(cell1, cell2)``,
  ``sheet.tables.add(source=range, name=...)``
- ``range.options(ndim=2, err_to_str=True).value``, ``range.value = rows``,
  ``range.last_cell.row`` / ``.column``, ``range.number_format``, ``range.column_width``,
  ``range.merge()``
- ``app.status_bar``, ``app.screen_updating``, ``app.alert(prompt, title=..., mode=...)``

Not written live (the file path writes them): charts, conditional formats, fonts, fills,
borders, row heights, print setup.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from ..cellfuncs import bilingual
from ..cells import ExcelError, Grid
from ..errors import XlreviewError
from ..labels import label
from ..layout import Formula, Sheet, generated_sheet_names
from ..model import mentioned_sheets, normalise_header, sheet_lookup, sheets_to_read
from ..parsing import EXCEL_ERRORS
from ..rebuild import Result, compute

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


def write_sheets(book: Any, sheets: Sequence[Sheet],
                 progress: Callable[[str], None] = lambda _: None) -> None:
    """Replace the book's generated sheets with ``sheets`` (added after the last sheet).

    Sheets that are not generated (the user's inputs and own sheets) are never touched.
    """
    generated = generated_sheet_names()
    for ws in [s for s in book.sheets if s.name in generated]:
        ws.delete()
    for sheet in sheets:
        progress(sheet.name)
        last = list(book.sheets)[-1]
        write_sheet(book.sheets.add(sheet.name, after=last), sheet)


# --- the rebuild ---------------------------------------------------------------------


@contextmanager
def _busy(app: Any) -> Iterator[Callable[[str], None]]:
    """Screen updating off and progress in the status bar; both restored afterwards."""
    updating = app.screen_updating
    app.screen_updating = False

    def progress(step: str) -> None:
        # Step keys and sheet names: one short English line, whatever the book's language.
        app.status_bar = label("msg.excel_step", "en", step=step)

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
    """Recompute and rewrite the generated sheets of the open ``book``.

    A message box lists the data-check problems (if any); an input error that stops the
    rebuild is shown in a message box and re-raised.
    """
    app = book.app
    with _busy(app) as progress:
        try:
            progress("read")
            result = compute(read_grids(book), progress=progress)
            write_sheets(book, result.sheets, progress)
        except XlreviewError as error:
            app.alert(bilingual("msg.excel_failed", error=error),
                      title=label("title.excel_alert"), mode="critical")
            raise
    errors, warnings = problem_counts(result)
    if errors or warnings:
        lang = result.inputs.settings.language
        app.alert(label("msg.excel_problems", lang, errors=errors, warnings=warnings),
                  title=label("title.excel_alert", lang))
    return result


def run_from_ribbon() -> Result:
    """The ribbon button: rebuild the active workbook.

    Called from the add-in, ``xw.Book.caller()`` is the add-in itself; the workbook the
    user is looking at is the active book of that Excel instance.
    """
    import xlwings as xw

    return rebuild_book(xw.Book.caller().app.books.active)


__all__ = [
    "read_grids",
    "rebuild_book",
    "run_from_ribbon",
    "sheet_cells",
    "sheet_grid",
    "write_sheets",
]
