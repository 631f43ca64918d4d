"""Write the sheet model of :mod:`xlreview.layout` to a new .xlsx with xlsxwriter.

The workbook holds only the generated sheets; ``io/package.py`` transplants them into the
user's workbook. Every sheet is self-contained: its tables, charts, conditional formats and
print titles (defined names) are written the usual xlsxwriter way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..layout import Block, Chart, Formula, Ref, Sheet, Style

_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": False,
}
_TABLE_STYLE = "Table Style Medium 7"
_HEADER = Style(bold=True, text_wrap=True, valign="top")
_PALETTE = ("#1565C0", "#EF6C00", "#2E7D32", "#8E24AA", "#C62828", "#00838F", "#6D4C41")


class _Formats:
    """One xlsxwriter format per distinct :class:`Style`."""

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._cache: dict[Style, Format] = {}

    def __call__(self, style: Style | None) -> Format | None:
        if style is None:
            return None
        if style not in self._cache:
            self._cache[style] = self._book.add_format(style.as_dict())
        return self._cache[style]


def write_sheets(sheets: Iterable[Sheet], path: str | Path) -> None:
    """Write ``sheets`` to a new workbook at ``path`` (overwritten if it exists)."""
    book = xlsxwriter.Workbook(str(path), _OPTIONS)
    formats = _Formats(book)
    try:
        for sheet in sheets:
            _write_sheet(book, formats, sheet)
    finally:
        book.close()


def _write_sheet(book: Workbook, formats: _Formats, sheet: Sheet) -> None:
    ws = book.add_worksheet(sheet.name)
    ws.set_tab_color(sheet.tab_color)
    for col, width in sheet.widths.items():
        ws.set_column(col, col, width)
    for row, height in sheet.heights.items():
        ws.set_row(row, height)
    for block in sheet.blocks:
        _write_block(ws, formats, block)
    for cell in sheet.cells:
        write_value(ws, cell.row, cell.col, cell.value, formats(cell.style))
    for merge in sheet.merges:
        fmt = formats(merge.style)
        ws.merge_range(merge.first_row, merge.first_col, merge.last_row, merge.last_col, "", fmt)
        write_value(ws, merge.first_row, merge.first_col, merge.value, fmt)
    for cond in sheet.conditionals:
        options = dict(cond.options)
        if cond.style is not None:
            options["format"] = formats(cond.style)
        ws.conditional_format(cond.first_row, cond.first_col, cond.last_row, cond.last_col,
                              options)
    for chart in sheet.charts:
        ws.insert_chart(chart.row, chart.col, _chart(book, chart),
                        {"object_position": 1})
    _page_setup(ws, sheet)


def _page_setup(ws: Worksheet, sheet: Sheet) -> None:
    if sheet.landscape:
        ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, sheet.fit_height)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    if sheet.freeze is not None:
        ws.freeze_panes(*sheet.freeze)
    if sheet.print_rows is not None:
        ws.repeat_rows(*sheet.print_rows)
    if not sheet.gridlines:
        ws.hide_gridlines(2)


def _write_block(ws: Worksheet, formats: _Formats, block: Block) -> None:
    header = formats(_HEADER)
    ws.add_table(
        block.row,
        block.col,
        block.last_row,
        block.last_col,
        {
            "name": block.name,
            "style": _TABLE_STYLE,
            "columns": [{"header": c.header, "header_format": header} for c in block.columns],
        },
    )
    for j, column in enumerate(block.columns):
        col = block.col + j
        default = formats(column.style)
        for i, value in enumerate(column.values):
            style = column.cell_styles.get(i)
            fmt = default if style is None else formats(style)
            write_value(ws, block.row + 1 + i, col, value, fmt)


def write_value(ws: Worksheet, row: int, col: int, value: object, fmt: Format | None) -> None:
    """Write one cell: text always as text (never a formula), blank for None/NaN."""
    if isinstance(value, Formula):
        ws.write_formula(row, col, value.text, fmt, _cached(value.value))
    elif value is None or (isinstance(value, float) and not math.isfinite(value)):
        if fmt is not None:
            ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, dt.datetime | dt.date):
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _cached(value: object) -> Any:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return value


def _range(ref: Ref) -> list[Any]:
    return [ref.sheet, ref.first_row, ref.first_col, ref.last_row, ref.last_col]


def _chart(book: Workbook, spec: Chart) -> Any:
    options: dict[str, Any] = {"type": spec.kind}
    if spec.stacked:
        options["subtype"] = "stacked"
    chart = book.add_chart(options)
    for k, series in enumerate(spec.series):
        color = series.color or _PALETTE[k % len(_PALETTE)]
        item: dict[str, Any] = {"name": series.name, "values": _range(series.values)}
        if series.categories is not None:
            item["categories"] = _range(series.categories)
        if spec.kind == "line":
            item["smooth"] = False
            item["line"] = {"color": color, "width": 2.25}
            item["marker"] = {"type": "circle", "size": 5, "fill": {"color": color},
                              "border": {"color": color}}
        elif spec.kind == "scatter":
            if series.line:
                item["line"] = {"color": color, "width": 1.25,
                                "dash_type": "dash" if series.dash else "solid"}
                item["marker"] = {"type": "none"}
            else:
                item["line"] = {"none": True}
                item["marker"] = {"type": "circle", "size": series.marker_size or 8,
                                  "fill": {"color": color, "transparency": 25},
                                  "border": {"color": "#FFFFFF"}}
        else:
            item["fill"] = {"color": color}
            item["gap"] = 80
        chart.add_series(item)
    chart.set_title({"name": spec.title, "name_font": {"size": 12, "bold": True}})
    hidden = [k for k, series in enumerate(spec.series) if not series.in_legend]
    chart.set_legend({"position": "bottom", "delete_series": hidden})
    x_axis: dict[str, Any] = {}
    y_axis: dict[str, Any] = {"major_gridlines": {"visible": True,
                                                  "line": {"color": "#E0E0E0"}}}
    if spec.x_title:
        x_axis["name"] = spec.x_title
    if spec.y_title:
        y_axis["name"] = spec.y_title
    if spec.y_format:
        y_axis["num_format"] = spec.y_format
    if spec.reverse_categories:
        # xlsxwriter's y axis of a bar chart is its (vertical) category axis.
        y_axis["reverse"] = True
    if spec.kind == "line":
        x_axis["num_format"] = "yyyy-mm"
    chart.set_x_axis(x_axis)
    chart.set_y_axis(y_axis)
    chart.set_size({"width": spec.width, "height": spec.height})
    return chart


__all__ = ["write_sheets", "write_value"]
