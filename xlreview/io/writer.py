"""Write the sheet model of :mod:`xlreview.layout` to a new .xlsx with xlsxwriter.

The workbook holds only the generated sheets; ``io/package.py`` transplants them into the
user's workbook. Every sheet is self-contained: its tables, charts, conditional formats and
print titles (defined names) are written the usual xlsxwriter way.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet, re_dynamic_function

from ..cells import column_letter as col_letter
from ..layout import Block, Chart, Formula, Ref, Series, Sheet, Style
from .fonts import chart_font, east_asian_theme
from .opc import copy_entry

_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": False,
    "in_memory": True,  # the generated sheets are small: no temporary file per part
}
_TABLE_STYLE = "Table Style Medium 7"
_HEADER = Style(bold=True, text_wrap=True, valign="top")
_PALETTE = ("#1565C0", "#EF6C00", "#2E7D32", "#8E24AA", "#C62828", "#00838F", "#6D4C41")
_BUBBLES = (*_PALETTE, "#F9A825", "#AD1457", "#546E7A", "#7CB342", "#5E35B1")


_CHARSETS = {"Microsoft YaHei": 134, "Microsoft JhengHei": 136}
"""The font's Windows character set as Excel records it (GB2312, Big5)."""


class _Worksheet(Worksheet):
    """xlsxwriter's worksheet with a quick formula preparation.

    xlsxwriter runs 29 regular expressions over every formula to prefix Excel 365's
    dynamic-array functions (``_xlfn.SORT(`` …): a quarter of the time to write the
    generated sheets, whose ~740 formulas use none of them. When its own pattern of those
    functions finds none (nor ``INGLE(``: its SINGLE rule is written ``\\SINGLE\\(``) and
    nothing asks for the older functions' prefixes, none of the 29 would change the formula:
    it only loses its ``=`` and array braces, as in xlsxwriter; else xlsxwriter prepares it.
    """

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        if (self.use_future_functions or expand_future_functions
                or re_dynamic_function.search(formula) or "INGLE(" in formula):
            return str(super()._prepare_formula(formula, expand_future_functions))
        formula = formula.removeprefix("{").removeprefix("=")
        return formula.removesuffix("}")


class _Formats:
    """One xlsxwriter format per distinct :class:`Style` and font.

    With a font (a Chinese sheet) every cell gets a format naming it, unstyled cells too, so
    that no cell falls back to the workbook's default font."""

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._cache: dict[tuple[Style, str | None], Format] = {}
        self.font: str | None = None

    def __call__(self, style: Style | None) -> Format | None:
        if style is None:
            if self.font is None:
                return None
            style = Style()
        key = (style, self.font)
        if key not in self._cache:
            properties = style.as_dict()
            if self.font is not None:
                properties["font_name"] = self.font
                if self.font in _CHARSETS:
                    properties["font_charset"] = _CHARSETS[self.font]
            self._cache[key] = self._book.add_format(properties)
        return self._cache[key]


def write_sheets(sheets: Iterable[Sheet], path: str | Path | io.BytesIO) -> None:
    """Write ``sheets`` to a new workbook at ``path`` (overwritten if it exists), or into
    an in-memory ``BytesIO`` (the rebuild's way: no temporary file, no TMPDIR needed).

    xlsxwriter has no bubble chart: a ``bubble`` :class:`Chart` is written as a scatter
    chart, then its chart part is rewritten as a native ``<c:bubbleChart>``.
    """
    sheets = list(sheets)
    book = xlsxwriter.Workbook(path if isinstance(path, io.BytesIO) else str(path), _OPTIONS)
    formats = _Formats(book)
    bubbles: list[tuple[Any, list[tuple[str, str]]]] = []
    fonts: set[str] = set()
    try:
        by_name = {sheet.name: sheet for sheet in sheets}
        for sheet in sheets:
            formats.font = sheet.font
            fonts |= {sheet.font} if sheet.font else set()
            bubbles += _write_sheet(book, formats, sheet, by_name)
        font = min(fonts) if fonts else None
        if font is not None:
            book.theme_xml = east_asian_theme(book.theme_xml, font)
    finally:
        book.close()
    lines = any(spec.kind == "line" for sheet in sheets for spec in sheet.charts)
    if bubbles or lines or (font is not None and book.charts):
        # After close() the workbook's charts are in part order: chart1.xml, chart2.xml, ...
        parts = {f"xl/charts/chart{book.charts.index(c) + 1}.xml": xml for c, xml in bubbles}
        if isinstance(path, io.BytesIO):
            _rewrite_in_memory(path, parts, font)
        else:
            _rewrite_parts(Path(path), parts, font)


def straight_lines(xml: str) -> str:
    """Every series of a line chart with an explicit ``<c:smooth val="0"/>``.

    xlsxwriter leaves the element out for straight lines, and LibreOffice then smooths
    them once another tool has saved the file (a monthly MQL line overshoots to 1,470 and
    dips below zero). In ``CT_LineSer`` ``smooth`` is the last element but ``extLst``.
    """
    def series(match: re.Match[str]) -> str:
        ser = match.group(0)
        if "<c:smooth " in ser:
            return ser
        if "<c:extLst>" in ser:
            return ser.replace("<c:extLst>", '<c:smooth val="0"/><c:extLst>', 1)
        return ser[: -len("</c:ser>")] + '<c:smooth val="0"/></c:ser>'

    def chart(match: re.Match[str]) -> str:
        return re.sub(r"<c:ser>.*?</c:ser>", series, match.group(0), flags=re.S)

    return re.sub(r"<c:lineChart>.*?</c:lineChart>", chart, xml, flags=re.S)


def _write_sheet(
    book: Workbook, formats: _Formats, sheet: Sheet, by_name: dict[str, Sheet]
) -> list[tuple[Any, list[tuple[str, str]]]]:
    """Write one sheet; return its bubble charts with the XML their series need."""
    ws = book.add_worksheet(sheet.name, worksheet_class=_Worksheet)
    ws.set_tab_color(sheet.tab_color)
    for col, width in sheet.widths.items():
        ws.set_column(col, col, width, None, {"hidden": col in sheet.hidden})
    for row, height in {**_title_heights(sheet), **sheet.heights}.items():
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
    for v in sheet.validations:
        ws.data_validation(v.first_row, v.first_col, v.last_row, v.last_col,
                           {"validate": "list", "source": v.values})
    bubbles = []
    for spec in sheet.charts:
        chart = _chart(book, spec, sheet, by_name)
        ws.insert_chart(spec.row, spec.col, chart, {"object_position": 1})
        if spec.kind == "bubble":
            drawn = _drawable(sheet, spec).series
            bubbles.append((chart, [_bubble_xml(sheet, s, k) for k, s in enumerate(drawn)]))
    _page_setup(ws, sheet)
    return bubbles


def _title_heights(sheet: Sheet) -> dict[int, float]:
    """Rows holding large-font cells, tall enough for them (LibreOffice clips otherwise)."""
    heights: dict[int, float] = {}
    for cell in sheet.cells:
        size = cell.style.font_size if cell.style is not None else None
        if size and size > 11:
            heights[cell.row] = max(heights.get(cell.row, 0.0), round(size * 1.6, 1))
    return heights


def _page_setup(ws: Worksheet, sheet: Sheet) -> None:
    if sheet.landscape:
        ws.set_landscape()
    ws.set_paper(8 if sheet.paper() == "A3" else 9)
    ws.fit_to_pages(1, sheet.fit_height)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    if sheet.freeze is not None:
        ws.freeze_panes(*sheet.freeze)
    if sheet.print_rows is not None:
        ws.repeat_rows(*sheet.print_rows)
    if not sheet.gridlines:
        ws.hide_gridlines(2)


def _numeric(column: Any) -> bool:
    """A column of numbers or dates (or formulas computing them), whose header sits right
    above them, right-aligned like the values."""
    if column.style.align is not None:
        return bool(column.style.align == "right")
    values = [v.value if isinstance(v, Formula) else v for v in column.values]
    values = [v for v in values if v is not None and v != "" and not (
        isinstance(v, float) and math.isnan(v))]
    return bool(values) and all(  # dates sit right in their cells like numbers
        isinstance(v, int | float | dt.date) and not isinstance(v, bool) for v in values)


def _write_block(ws: Worksheet, formats: _Formats, block: Block) -> None:
    numeric = [_numeric(c) for c in block.columns]
    # A text column right of a number column starts one indent in: "116.0%" and "Star"
    # do not run together.
    indent = [j > 0 and numeric[j - 1] and not numeric[j] for j in range(len(numeric))]
    headers = [_HEADER.replaced(align="right") if numeric[j]
               else _HEADER.replaced(indent=1) if indent[j] else _HEADER
               for j in range(len(numeric))]
    ws.add_table(
        block.row,
        block.col,
        block.last_row,
        block.last_col,
        {
            "name": block.name,
            "style": _TABLE_STYLE,
            "columns": [{"header": c.header, "header_format": formats(headers[j])}
                        for j, c in enumerate(block.columns)],
        },
    )
    for j, column in enumerate(block.columns):
        col = block.col + j
        default = formats(column.style.replaced(indent=1) if indent[j] else column.style)
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


def _last_col(sheet: Sheet) -> int:
    return max([b.last_col for b in sheet.blocks] + [c.col for c in sheet.cells]
               + [m.last_col for m in sheet.merges] + [0])


def _no_data(spec: Chart, by_name: dict[str, Sheet]) -> bool:
    """Whether the chart has nothing to draw: no rows, or only blanks and zeros (a range
    on a sheet not written here is taken to have data)."""
    for series in spec.series:
        if series.values.last_row < series.values.first_row:
            continue
        source = by_name.get(series.values.sheet)
        if source is None:
            return False
        for value in _ref_values(source, series.values):
            if isinstance(value, int | float) and not isinstance(value, bool) and (
                    value == value and value != 0):
                return False
    return True


def _drawable(sheet: Sheet, spec: Chart) -> Chart:
    """``spec`` with every empty range (a table without data rows) replaced by one blank
    cell right of the sheet's content: an inverted range would plot the header row."""
    blank_col = _last_col(sheet) + 2

    def fix(ref: Ref | None) -> Ref | None:
        if ref is None or ref.last_row >= ref.first_row:
            return ref
        return Ref(sheet.name, 0, blank_col, 0, blank_col)  # blank on the chart's sheet

    series = [replace(s, values=fix(s.values), categories=fix(s.categories),
                      sizes=fix(s.sizes))
              for s in spec.series]
    return replace(spec, series=series)


def _chart(book: Workbook, spec: Chart, sheet: Sheet, by_name: dict[str, Sheet]) -> Any:
    empty = _no_data(spec, by_name)
    spec = _drawable(sheet, spec)
    options: dict[str, Any] = {"type": "scatter" if spec.kind == "bubble" else spec.kind}
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
        elif spec.kind == "bubble":
            item["marker"] = {"type": "none"}
            if series.label_side is not None:
                # The series name (the channel) beside its bubble, on the side chosen for it.
                item["data_labels"] = {"series_name": True, "position": series.label_side,
                                       "font": {"size": 8}}
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
    if len(hidden) == len(spec.series):
        chart.set_legend({"none": True})
    else:
        chart.set_legend({"position": spec.legend, "delete_series": hidden})
    x_axis: dict[str, Any] = {}
    y_axis: dict[str, Any] = {"major_gridlines": {"visible": True,
                                                  "line": {"color": "#E0E0E0"}}}
    if spec.x_title:
        x_axis["name"] = spec.x_title
    if spec.y_title:
        y_axis["name"] = spec.y_title
    if spec.y_format:
        # A bar chart's values run along xlsxwriter's x axis.
        (x_axis if spec.kind == "bar" else y_axis)["num_format"] = spec.y_format
    if spec.value_min is not None:
        (x_axis if spec.kind == "bar" else y_axis)["min"] = spec.value_min
    if spec.reverse_categories:
        # xlsxwriter's y axis of a bar chart is its (vertical) category axis.
        y_axis["reverse"] = True
    if spec.kind == "line":
        x_axis["num_format"] = "yyyy-mm"
    if spec.x_format:
        x_axis["num_format"] = spec.x_format
    # xlsxwriter: an axis' "crossing" is where the other axis crosses it.
    for axis, cross in ((x_axis, spec.x_cross), (y_axis, spec.y_cross)):
        if cross is not None:
            axis["crossing"] = cross
            axis["label_position"] = "low"  # tick labels at the edge, not on the lines
            axis["line"] = {"color": "#757575", "width": 1.25, "dash_type": "dash"}
    if empty:  # an empty frame with its title and legend, no made-up "0 1 1" scale
        for axis in (x_axis, y_axis):
            axis.update({"visible": False, "major_gridlines": {"visible": False}})
    chart.set_x_axis(x_axis)
    chart.set_y_axis(y_axis)
    chart.set_size({"width": spec.width, "height": spec.height})
    return chart


def _abs_range(ref: Ref) -> str:
    sheet = ref.sheet.replace("'", "''")
    first = f"${col_letter(ref.first_col)}${ref.first_row + 1}"
    last = f"${col_letter(ref.last_col)}${ref.last_row + 1}"
    return f"'{sheet}'!{first}" + ("" if last == first else f":{last}")


def _ref_values(sheet: Sheet, ref: Ref) -> list[object]:
    """The values the sheet model holds in the column range ``ref`` (a table's column or
    single cells; None where unknown)."""
    rows = range(ref.first_row, ref.last_row + 1)
    for block in sheet.blocks:
        if (block.col <= ref.first_col <= block.last_col
                and block.row < ref.first_row <= block.last_row):
            values = block.columns[ref.first_col - block.col].values
            out = [values[r - block.row - 1] if r - block.row - 1 < len(values) else None
                   for r in rows]
            return [v.value if isinstance(v, Formula) else v for v in out]
    cells = {c.row: c.value for c in sheet.cells if c.col == ref.first_col}
    out = [cells.get(r) for r in rows]
    return [v.value if isinstance(v, Formula) else v for v in out]


def _bubble_xml(sheet: Sheet, series: Series, k: int) -> tuple[str, str]:
    """The fill (``<c:spPr>``, colour ``k`` of the bubble palette) and ``<c:bubbleSize>`` of
    the ``k``-th bubble series."""
    assert series.sizes is not None, "a bubble series needs sizes"
    values = _ref_values(sheet, series.sizes)
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{float(v)!r}</c:v></c:pt>'
        for i, v in enumerate(values)
        if isinstance(v, int | float) and math.isfinite(v)
    )
    size = (f"<c:bubbleSize><c:numRef><c:f>{_xml_text(_abs_range(series.sizes))}</c:f>"
            f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>'
            f"{points}</c:numCache></c:numRef></c:bubbleSize>")
    return _bubble_fill(_BUBBLES[k % len(_BUBBLES)]), size


def _bubble_fill(color: str) -> str:
    return (f'<c:spPr><a:solidFill><a:srgbClr val="{color.lstrip("#")}">'
            '<a:alpha val="70000"/></a:srgbClr></a:solidFill>'
            '<a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln>'
            "</c:spPr>")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def scatter_to_bubble(xml: str, series: list[tuple[str, str]]) -> str:
    """An xlsxwriter scatter chart part rewritten as a native bubble chart.

    ``series`` holds, per ``<c:ser>`` in order, its fill (``<c:spPr>``) and its
    ``<c:bubbleSize>``. Elements follow the CT_BubbleChart / CT_BubbleSer order of
    ECMA-376: ser (idx, order, tx, spPr, invertIfNegative, dPt*, dLbls, xVal, yVal,
    bubbleSize, bubble3D), then bubbleScale, showNegBubbles, axId × 2.
    """
    if "<c:scatterChart>" not in xml or xml.count("<c:ser>") != len(series) or not series:
        raise ValueError("expected a scatter chart with one series per fill and size")
    parts = iter(series)

    def one(match: re.Match[str]) -> str:
        fill, size = next(parts)
        ser = re.sub(r"(</c:tx>)(?:<c:spPr>.*?</c:spPr>)?(?:<c:marker>.*?</c:marker>)?",
                     lambda m: m.group(1) + fill + '<c:invertIfNegative val="0"/>',
                     match.group(0), count=1, flags=re.S)
        ser = re.sub(r'<c:smooth val="\d"/>', "", ser)
        if "<c:dLbls>" in ser and "<c:dLblPos " not in ser:
            # xlsxwriter leaves out a scatter's default "right"; say it for the bubbles.
            # dLblPos comes before the show* flags (CT_DLbls).
            ser = re.sub(r"(<c:dLbls>.*?)(<c:show)", r'\1<c:dLblPos val="r"/>\2', ser,
                         count=1, flags=re.S)
        return ser.replace("</c:yVal>", "</c:yVal>" + size + '<c:bubble3D val="0"/>', 1)

    xml = re.sub(r"<c:ser>.*?</c:ser>", one, xml, flags=re.S)
    xml = re.sub(r'<c:scatterChart><c:scatterStyle val="\w+"/>',
                 '<c:bubbleChart><c:varyColors val="0"/>', xml)
    last = xml.rindex("</c:ser>") + len("</c:ser>")
    xml = xml[:last] + '<c:bubbleScale val="60"/><c:showNegBubbles val="0"/>' + xml[last:]
    return xml.replace("</c:scatterChart>", "</c:bubbleChart>", 1)


def _rewrite_in_memory(buffer: io.BytesIO, bubbles: dict[str, list[tuple[str, str]]],
                       font: str | None) -> None:
    """:func:`_rewrite_parts` for a workbook held in ``buffer`` (rewritten in place)."""
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        _copy_rewriting(src, dst, bubbles, font)
    buffer.seek(0)
    buffer.truncate()
    buffer.write(out.getvalue())


def _copy_rewriting(src: zipfile.ZipFile, dst: zipfile.ZipFile,
                    bubbles: dict[str, list[tuple[str, str]]], font: str | None) -> None:
    """Copy every part; the named chart parts as bubble charts, every chart part with
    ``font`` as its text's default (a Chinese workbook). The other parts are copied as
    compressed, not inflated and deflated again."""
    for item in src.infolist():
        chart = re.fullmatch(r"xl/charts/chart\d+\.xml", item.filename)
        if not chart:
            copy_entry(src, dst, item)
            continue
        data = src.read(item.filename)
        lines = b"<c:lineChart>" in data
        if item.filename in bubbles or font or lines:
            xml = data.decode("utf-8")
            if item.filename in bubbles:
                xml = scatter_to_bubble(xml, bubbles[item.filename])
            elif lines:
                xml = straight_lines(xml)
            if font:
                xml = chart_font(xml, font)
            data = xml.encode("utf-8")
        dst.writestr(item, data)


def _rewrite_parts(path: Path, bubbles: dict[str, list[tuple[str, str]]],
                   font: str | None) -> None:
    """Rewrite the chart parts of the zip at ``path`` in place (:func:`_copy_rewriting`)."""
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
            _copy_rewriting(src, dst, bubbles, font)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


__all__ = ["scatter_to_bubble", "straight_lines", "write_sheets", "write_value"]
