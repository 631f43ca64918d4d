"""Freeze next year's plan into the workbook's ``Plan baseline`` input sheet.

The file path (:func:`write_baseline`, ``xlreview baseline BOOK``) writes the sheet as the
template writes an input sheet, into a scratch workbook, and transplants it into the user's
file like the rebuild transplants generated sheets (:func:`~xlreview.io.package.
merge_generated`): every other part of the file stays byte for byte as it was. The live
path (:func:`freeze_in_book`, for a ribbon button) writes it through xlwings.

The rows of other years stay; rows of the plan's year are replaced only when asked
(``force``): a plan frozen in December is what next year is measured against.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..baseline import baseline_of, other_years
from ..errors import XlreviewError
from ..inputs import Inputs, read_inputs
from ..labels import label
from ..model import BASELINE


class BaselineExistsError(XlreviewError, FileExistsError):
    """The workbook already holds a plan baseline and replacing it was not asked for."""


@dataclass(frozen=True)
class Frozen:
    """What was written: the sheet's name, its rows, the plan's year and the language."""

    sheet: str
    rows: int
    year: int
    lang: str = "en"


def _frozen_plan(inputs: Inputs, force: bool) -> tuple[pd.DataFrame, Frozen]:
    """Every row the baseline sheet will hold (other years' rows as they were, then the
    plan's) and what is written.

    Raises:
        BaselineExistsError: the sheet has rows of the plan's year and ``force`` is False.
        XlreviewError: the plan is empty (no input data).
    """
    from ..plan import plan_year

    lang = inputs.settings.language
    year = plan_year(inputs)
    kept, clash = other_years(inputs.baseline, year)
    if clash and not force:
        raise BaselineExistsError(label(
            "msg.baseline_exists", lang, year=year, rows=clash,
            sheet=inputs.names.get("baseline", sheet_name(lang))))
    if inputs.leads.empty:  # no plan to freeze: it would be a table of zeros
        raise XlreviewError(label("msg.baseline_empty", lang))
    frame, year = baseline_of(inputs)
    if frame.empty or not frame["plan"].any():
        raise XlreviewError(label("msg.baseline_empty", lang))
    rows = pd.concat([kept, frame], ignore_index=True) if len(kept) else frame
    return rows, Frozen(sheet_name(lang), len(frame), year, lang)


def sheet_name(lang: str) -> str:
    """``Plan baseline``, ``计划基线`` or ``計劃基線``."""
    return BASELINE.name(lang)


def write_baseline(path: str | Path, *, force: bool = False) -> Frozen:
    """Freeze the plan of the workbook at ``path`` into its ``Plan baseline`` sheet.

    The plan is computed from the input sheets as a rebuild computes it; the new sheet
    replaces the old one (at its tab position, in either language) or is added last.

    Raises:
        BaselineExistsError: the sheet has rows of the plan's year and ``force`` is False.
        WorkbookLockedError: the workbook is open in Excel.
        PackageError: the file is not a readable .xlsx package.
    """
    import xlsxwriter

    from ..model import sheets_to_read
    from .files import read_grids, sheet_names
    from .package import merge_generated
    from .safety import check_not_open, write_atomically
    from .template import BOOK_OPTIONS, add_input_sheet

    path = Path(path)
    check_not_open(path)
    inputs = read_inputs(read_grids(path, sheets_to_read(sheet_names(path))))
    frame, frozen = _frozen_plan(inputs, force)
    lang = frozen.lang
    replaced = {n: "baseline" for n in (inputs.names.get("baseline"), BASELINE.en, BASELINE.zh)
                if n}
    with tempfile.TemporaryDirectory(prefix="xlreview-") as tmp:
        scratch = Path(tmp) / "baseline.xlsx"
        book = xlsxwriter.Workbook(str(scratch), BOOK_OPTIONS)
        try:
            add_input_sheet(book, BASELINE, lang=lang, frame=frame)
        finally:
            book.close()
        check_not_open(path)
        write_atomically(path, lambda out: merge_generated(
            path, scratch, out, generated_names=replaced, input_sheet=True))
    return frozen


def freeze_in_book(book: Any, *, force: bool = False) -> Frozen:
    """:func:`write_baseline` for a workbook open in Excel (xlwings ``book``): values and
    the table are written live; the sheet is added after the last sheet."""
    from .excel import _cell_out, read_grids  # _cell_out: text stays text ('2027-03)

    inputs = read_inputs(read_grids(book))
    frame, frozen = _frozen_plan(inputs, force)
    lang, name = frozen.lang, frozen.sheet
    for ws in list(book.sheets):
        if ws.name in {inputs.names.get("baseline"), BASELINE.en, BASELINE.zh}:
            ws.delete()
    ws = book.sheets.add(name, after=list(book.sheets)[-1])
    headers = [c.header(lang) for c in BASELINE.columns]
    rows = [[_cell_out(v) for v in record]
            for record in frame[BASELINE.keys].itertuples(index=False)]
    ws.range((1, 1)).value = [[label("help.baseline", lang)]]
    ws.range((3, 1)).value = [headers, *rows]
    source = ws.range((3, 1), (3 + len(rows), len(headers)))
    ws.tables.add(source=source, name=BASELINE.table)
    return frozen


def run_baseline_from_ribbon(force: bool = False) -> Frozen:
    """A ribbon button: freeze the plan of the active workbook into its baseline sheet.

    An existing baseline is kept (a message box says so) unless ``force``.
    """
    import xlwings as xw

    book = xw.Book.caller().app.books.active
    try:
        return freeze_in_book(book, force=force)
    except XlreviewError as error:
        book.app.alert(str(error), title=label("title.excel_alert"), mode="critical")
        raise


__all__ = ["BaselineExistsError", "Frozen", "freeze_in_book", "run_baseline_from_ribbon",
           "sheet_name", "write_baseline"]
