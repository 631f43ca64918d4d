"""The standard workbook's input sheets, empty or filled, written with xlsxwriter.

One sheet per :data:`xlreview.model.INPUT_SHEETS` (named in English or Chinese): a help line
in row 1, the header in row 3 as an Excel Table named :attr:`SheetSpec.table
<xlreview.model.SheetSpec.table>` (``input_leads`` …), data from row 4, data validation,
number and date formats, a frozen header and a dark-blue tab. ``Settings`` holds one row
per setting with a description; a hidden ``xlwings.conf`` sheet names the cell-function
module for the xlwings add-in.

The workbook is written in xlsxwriter's ``constant_memory`` mode (row by row, strings
inline) so that a million leads stay within a few hundred MiB. xlsxwriter refuses tables in
that mode only because a table's header could land on a row already flushed; we add each
table before writing its rows (see :func:`_add_table`), so that cannot happen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name, xl_range
from xlsxwriter.worksheet import Worksheet
from xlsxwriter.xmlwriter import XMLwriter

from .. import model
from ..labels import has_label, label, language
from ..settings import settings_fields
from ..sheetmodel import display_width, east_asian_font
from .fonts import east_asian_theme

INPUT_TAB_COLOUR = "#1F3864"
"""Dark blue: the tabs of input sheets (generated sheets use another colour)."""
CONF_SHEET = "xlwings.conf"
UDF_MODULE = "xlreview_udfs"
HEADER_ROW = 2
"""0-based row of the table header (Excel row 3); row 1 holds the help line."""
LAST_ROW = 1_048_575
TABLE_STYLE = "Table Style Medium 2"
BOOK_OPTIONS: dict[str, bool] = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "use_zip64": True,
}
"""xlsxwriter options of input workbooks: row by row, and text is always text."""
_EPOCH = np.datetime64("1899-12-30", "ns")
_DAY = np.timedelta64(1, "D")

_LANGS = ("en", "zh-CN", "zh-TW")
_LEAD_TYPES = {"en": ["new", "existing"], "zh-CN": ["新客户", "老客户"],
               "zh-TW": ["新客戶", "老客戶"]}
# Validation lists of coded columns, per language (the reader accepts every language).
_CHOICES: dict[tuple[str, str], dict[str, list[str]]] = {
    ("leads", "lead_type"): _LEAD_TYPES,
    ("deals", "lead_type"): _LEAD_TYPES,
    ("leads", "handoff"): {"en": ["accepted", "recycled", "rejected"],
                           "zh-CN": ["接受", "退回培育", "拒绝"],
                           "zh-TW": ["接受", "退回培育", "拒絕"]},
    ("baseline", "metric"): {lang: ["leads", "mql", "sql", "opp", "won", "revenue", "cost"]
                             for lang in _LANGS},
    ("channels", "group"): {"en": ["own", "new"], "zh-CN": ["自有", "新拓"],
                            "zh-TW": ["自有", "新拓"]},
    ("channels", "sourced_by"): {"en": ["marketing", "partner", "sales"],
                                 "zh-CN": ["市场", "合作伙伴", "销售"],
                                 "zh-TW": ["市場", "合作伙伴", "銷售"]},
    ("goals", "direction"): {"en": ["higher", "lower"], "zh-CN": ["越高越好", "越低越好"],
                             "zh-TW": ["越高越好", "越低越好"]},
    ("goals", "layer"): {"en": ["completion", "effect", "roi"],
                         "zh-CN": ["完成层", "效果层", "ROI层"],
                         "zh-TW": ["完成層", "效果層", "ROI層"]},
    ("message_house", "part"): {"en": ["roof", "pillar", "proof", "foundation"],
                                "zh-CN": ["屋顶", "支柱", "证据", "地基"],
                                "zh-TW": ["屋頂", "支柱", "證據", "地基"]},
    ("mapping", "sheet"): {
        lang: [s.key if lang == "en" else s.name(lang) for s in model.INPUT_SHEETS
               if s.key != "mapping"]
        for lang in _LANGS
    },
    ("mapping", "date_format"): {"en": ["dmy", "mdy", "ymd"],
                                 "zh-CN": ["日月年", "月日年", "年月日"],
                                 "zh-TW": ["日月年", "月日年", "年月日"]},
    ("quarters", "quarter"): {lang: ["Q1", "Q2", "Q3", "Q4"] for lang in _LANGS},
}
_SETTING_CHOICES = {
    "seasonality": ["history", "flat"],
    "language": ["en", "zh-CN", "zh-TW"],
    "budget_method": ["implied", "roi", "curve", "target"],
    "share_copy": ["yes", "no"],
}
"""Coded setting values; shown as their ``setting_value.*`` labels (language codes as
they are)."""
_SETTING_SHARES = ("new_customer_share", "marketing_share", "experiment_share",
                   "reserve_share")
_WHOLE_NUMBERS = {"visits", "impressions", "mentions", "headcount"}
_MONEY = {"amount", "cost", "annual_cost", "budget", "revenue_target", "budget_total",
          "avg_deal_size"}
_SHARES = {"marketing_share", "weight"}
_NON_NEGATIVE = _WHOLE_NUMBERS | _MONEY | {"weight"}


class _Date(float):
    """An Excel date serial inside an object column: written with the date format."""

    __slots__ = ()


class _Formats:
    """The workbook's cell formats, created once."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.help = book.add_format({"italic": True, "font_color": "#595959"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.month = book.add_format({"num_format": "yyyy-mm"})
        self.money = book.add_format({"num_format": "#,##0"})
        self.whole = book.add_format({"num_format": "#,##0"})
        self.share = book.add_format({"num_format": "0%"})
        self.number = book.add_format({"num_format": "General"})
        self.text = book.add_format({"num_format": "@"})

    def for_column(self, key: str, kind: str) -> Format | None:
        """The cell format of an input column."""
        if kind in ("date", "month"):
            return self.date if kind == "date" else self.month
        if key in _MONEY:
            return self.money
        if key in _WHOLE_NUMBERS:
            return self.whole
        if kind == "share" or key in _SHARES:
            return self.share
        if kind == "number":
            return self.number
        return None


def _language(lang: str) -> str:
    """``zh-TW`` for Traditional spellings (zh-HK, zh-Hant, 繁體), ``zh-CN`` for other
    Chinese ones (zh, zh_CN), else ``en``."""
    found = language(lang, None)
    if found is None and str(lang).lower().startswith("zh"):
        return "zh-CN"
    return found or "en"


def _object_cell(value: object) -> object:
    """One cell of an object column as None, str, bool, float or :class:`_Date`."""
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    if value is pd.NA:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp | np.datetime64):
        serial = (pd.Timestamp(value).to_datetime64() - _EPOCH) / _DAY
        return _Date(serial)
    return str(value)


def column_cells(values: pd.Series) -> list[object]:
    """A column as cell values (None for blanks), vectorised for typed columns.

    Datetime columns become Excel serial numbers (:class:`_Date`), numbers floats, strings
    stay strings; object columns are converted cell by cell.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values.to_numpy(dtype="datetime64[ns]")
        serial = (stamps - _EPOCH) / _DAY
        return [None if np.isnan(s) else _Date(s) for s in serial.tolist()]
    if pd.api.types.is_bool_dtype(values) and not values.hasnans:
        return values.astype(bool).tolist()
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        return np.where(np.isfinite(numbers), numbers, None).tolist()
    if pd.api.types.is_string_dtype(values) and values.dtype != object:
        text = values.to_numpy(dtype=object, na_value=None)
        return [None if v is None or not v.strip() else v for v in text.tolist()]
    return [_object_cell(v) for v in values.tolist()]


def _write_rows(ws: Worksheet, first_row: int, columns: list[list[object]],
                formats: list[Format | None], date_format: Format) -> None:
    """Write cells row by row (constant_memory needs row order); text always as text."""
    write_string, write_number = ws.write_string, ws.write_number
    for row, values in enumerate(zip(*columns, strict=True), start=first_row):
        for col, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            if kind is float:
                write_number(row, col, value, formats[col])
            elif kind is str:
                write_string(row, col, value, formats[col])
            elif kind is _Date:
                write_number(row, col, value, formats[col] or date_format)
            elif kind is bool:
                ws.write_boolean(row, col, value, formats[col])
            else:
                write_number(row, col, float(value), formats[col])  # type: ignore[arg-type]


_SPECIAL_TEXT = r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_"
_CHUNK_ROWS = 100_000


def _escape_text(text: str) -> str:
    """Text for an inline-string element, escaped as xlsxwriter escapes it."""
    text = XMLwriter._escape_control_characters(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _format_numbers(numbers: np.ndarray) -> pd.Series:
    """Numbers as XML text (``%.16G`` like xlsxwriter, integers fast); NaN, ±inf → None."""
    blank = ~np.isfinite(numbers)
    filled = np.where(blank, 0.0, numbers)
    if np.all(filled == np.floor(filled)) and np.all(np.abs(filled) < 1e15):
        text = pd.Series(filled.astype(np.int64).astype(str), dtype=object)
    else:
        text = pd.Series([f"{x:.16G}" for x in filled.tolist()], dtype=object)
    return text.mask(blank, None)


def _fast_values(values: pd.Series) -> tuple[str, pd.Series] | None:
    """A typed column as (cell type, XML value text with None for blanks), or None.

    Cell types: ``n`` number or date serial, ``s`` inline string, ``b`` boolean. Object
    columns holding anything but text are left to the cell-by-cell writer.
    """
    values = values.reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values.to_numpy(dtype="datetime64[ns]")
        return "n", _format_numbers((stamps - _EPOCH) / _DAY)
    if pd.api.types.is_bool_dtype(values) and not values.hasnans:
        return "b", values.map({True: "1", False: "0"}).astype(object)
    if pd.api.types.is_numeric_dtype(values):
        return "n", _format_numbers(values.to_numpy(dtype=float, na_value=np.nan))
    # Text: escape each distinct value once (channels and campaigns repeat a lot).
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    if not all(isinstance(u, str) for u in uniques):
        return None
    inner = np.array([*(_inline_string(u) for u in uniques), None], dtype=object)
    return "s", pd.Series(inner[codes], dtype=object)


def _inline_string(text: str) -> str | None:
    """The ``<is>`` element of an inline string, or None for blank text."""
    if not text.strip():
        return None
    preserve = ' xml:space="preserve"' if text != text.strip() else ""
    if re.search(_SPECIAL_TEXT, text):
        text = _escape_text(text)
    return f"<is><t{preserve}>{text}</t></is>"


def _cell_xml(letter: str, style: str, kind: str, text: pd.Series,
              rows: pd.Series) -> pd.Series:
    """``<c>`` elements of one column for a block of rows ("" for blank cells)."""
    start = '<c r="' + letter + rows + '"' + style
    if kind == "s":
        cells = start + ' t="inlineStr">' + text + "</c>"
    elif kind == "b":
        cells = start + ' t="b"><v>' + text + "</v></c>"
    else:
        cells = start + "><v>" + text + "</v></c>"
    return cells.fillna("")


def _bulk_writable(ws: Worksheet) -> bool:
    return bool(ws.constant_memory) and all(
        hasattr(ws, name) for name in ("row_data_fh", "_write_single_row", "previous_row")
    )


def _write_rows_bulk(ws: Worksheet, first_row: int, frame: pd.DataFrame, keys: list[str],
                     formats: list[Format | None], date_format: Format) -> bool:
    """Write the data rows as XML in blocks, without a Python call per cell.

    This is xlsxwriter's own constant_memory row format (``<row>`` with ``<c>`` elements
    and inline strings) appended to the worksheet's row file; it is ~10x faster than
    ``write_number``/``write_string`` per cell. Returns False (nothing written) when a
    column holds mixed objects or the xlsxwriter internals are not as expected.
    """
    if not _bulk_writable(ws) or len(frame) == 0:
        return False
    columns = []
    for col, key in enumerate(keys):
        if key not in frame.columns:
            continue
        typed = _fast_values(frame[key])
        if typed is None:
            return False
        cell_format = formats[col]
        if pd.api.types.is_datetime64_any_dtype(frame[key]) and cell_format is None:
            cell_format = date_format
        style = "" if cell_format is None else f' s="{cell_format._get_xf_index()}"'
        columns.append((xl_col_to_name(col), style, *typed))
    # Flush the pending header row; from here on rows go straight to the row file.
    ws._write_single_row(first_row)
    for start in range(0, len(frame), _CHUNK_ROWS):
        stop = min(start + _CHUNK_ROWS, len(frame))
        numbers = pd.Series(np.arange(first_row + start + 1, first_row + stop + 1).astype(str),
                            dtype=object)
        body = pd.Series("", index=numbers.index, dtype=object)
        for letter, style, kind, text in columns:
            block = text.iloc[start:stop].reset_index(drop=True)
            body = body + _cell_xml(letter, style, kind, block, numbers)
        rows = ('<row r="' + numbers + '">' + body + "</row>")[body != ""]
        ws.row_data_fh.write("".join(rows.tolist()))
    last_row = first_row + len(frame) - 1
    ws._check_dimensions(last_row, len(keys) - 1)
    ws.previous_row = last_row
    return True


def _add_table(ws: Worksheet, name: str, headers: list[str], n_rows: int,
               formats: list[Format | None]) -> int:
    """Add the Excel Table at :data:`HEADER_ROW` and write its header; returns its last row.

    Call it before any row below the header is written. In constant_memory mode xlsxwriter
    refuses tables; we switch the mode off for the call (which only records the table and
    its header cells) and write the header again inline, which drops the recorded cells.
    The table is added over its first data row and then stretched to the last one:
    xlsxwriter's overlap check visits every cell of the range (seconds for 1M rows).
    """
    last_row = HEADER_ROW + max(n_rows, 1)
    last_col = len(headers) - 1
    options = {
        "name": name,
        "style": TABLE_STYLE,
        "columns": [{"header": h, "format": f} for h, f in zip(headers, formats, strict=True)],
    }
    constant = ws.constant_memory
    ws.constant_memory = False
    try:
        result = ws.add_table(HEADER_ROW, 0, HEADER_ROW + 1, last_col, options)
    finally:
        ws.constant_memory = constant
    if result:
        raise ValueError(f"table {name!r} could not be added (xlsxwriter code {result})")
    table = ws.tables[-1]
    table["range"] = table["a_range"] = xl_range(HEADER_ROW, 0, last_row, last_col)
    if "autofilter" in table:
        table["autofilter"] = table["a_range"]
    for col, header in enumerate(headers):
        ws.write_string(HEADER_ROW, col, header)
    return last_row


def _validations(ws: Worksheet, spec: model.SheetSpec, lang: str) -> None:
    """Data validation on the data rows of every column that has a rule."""
    first = HEADER_ROW + 1
    for col, column in enumerate(spec.columns):
        rule = _rule(spec.key, column, lang)
        if rule:
            ws.data_validation(first, col, LAST_ROW, col, rule)


def _rule(sheet: str, column: model.Column, lang: str) -> dict[str, Any] | None:
    choices = _CHOICES.get((sheet, column.key))
    if choices:
        return _list_rule(choices[lang], lang)
    if column.kind in ("date", "month"):
        return {
            "validate": "date", "criteria": "between",
            "minimum": dt.date(1990, 1, 1), "maximum": dt.date(2100, 12, 31),
            "error_type": "warning", "error_message": label("help.invalid_date", lang),
        }
    if column.kind == "share" or column.key == "marketing_share":
        return _share_rule(lang)
    if column.key in _NON_NEGATIVE:
        return {
            "validate": "decimal", "criteria": ">=", "value": 0,
            "error_message": label("help.invalid_number", lang),
        }
    return None


def _list_rule(choices: list[str], lang: str) -> dict[str, Any]:
    return {
        "validate": "list", "source": choices, "error_type": "warning",
        "error_message": label("help.invalid_choice", lang),
    }


def _share_rule(lang: str) -> dict[str, Any]:
    return {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1,
        "error_message": label("help.invalid_share", lang),
    }


def _widths(ws: Worksheet, spec: model.SheetSpec, headers: list[str],
            columns: list[list[object]]) -> None:
    for col, (column, header) in enumerate(zip(spec.columns, headers, strict=True)):
        sample = [v for v in columns[col][:500] if isinstance(v, str)]
        widest = max([display_width(header) + 4, *(display_width(v) for v in sample)])
        if column.kind in ("date", "month", "number"):
            widest = max(widest, 12)
        ws.set_column(col, col, min(widest + 1, 60))


def _headers(spec: model.SheetSpec, lang: str) -> list[str]:
    return [c.header(lang) for c in spec.columns]


def _frame_columns(spec: model.SheetSpec, frame: pd.DataFrame | None) -> list[list[object]]:
    """The spec's columns of ``frame`` as cell lists (missing columns blank)."""
    n = 0 if frame is None else len(frame)
    columns = []
    for key in spec.keys:
        if frame is not None and key in frame.columns:
            columns.append(column_cells(frame[key]))
        else:
            columns.append([None] * n)
    return columns


def _sheet_name(spec: model.SheetSpec, lang: str) -> str:
    return spec.name(lang)


def _start_sheet(book: xlsxwriter.Workbook, fmt: _Formats, spec: model.SheetSpec,
                 lang: str) -> Worksheet:
    ws = book.add_worksheet(_sheet_name(spec, lang))
    ws.set_tab_color(INPUT_TAB_COLOUR)
    ws.freeze_panes(HEADER_ROW + 1, 0)
    ws.write_string(0, 0, label(f"help.{spec.key}", lang), fmt.help)
    if spec.key == "mapping":
        ws.write_string(1, 0, label("help.mapping_example", lang), fmt.help)
    return ws


def add_input_sheet(
    book: xlsxwriter.Workbook,
    spec: model.SheetSpec,
    *,
    lang: str = "en",
    frame: pd.DataFrame | None = None,
) -> Worksheet:
    """Add one input sheet (help line, table, validation, data) to an open workbook.

    ``book`` must be opened with :data:`BOOK_OPTIONS` (constant_memory: nothing may be
    written to the sheet above its last row afterwards). Not for the Settings sheet.
    """
    fmt = _Formats(book)
    lang = _language(lang)
    ws = _start_sheet(book, fmt, spec, lang)
    headers = _headers(spec, lang)
    formats = [fmt.for_column(c.key, c.kind) for c in spec.columns]
    n_rows = 0 if frame is None else len(frame)
    head = None if frame is None else frame.head(500)
    _widths(ws, spec, headers, _frame_columns(spec, head))
    _add_table(ws, spec.table, headers, n_rows, formats)
    _validations(ws, spec, lang)
    if frame is None or not _write_rows_bulk(ws, HEADER_ROW + 1, frame, spec.keys, formats,
                                             fmt.date):
        _write_rows(ws, HEADER_ROW + 1, _frame_columns(spec, frame), formats, fmt.date)
    return ws


def setting_key(key: str, lang: str) -> str:
    """A setting's key as the Settings sheet shows it in ``lang`` (``月度权重``…; English: the
    key itself)."""
    return label(f"setting_key.{key}", lang) if has_label(f"setting_key.{key}") else key


def setting_value(value: object, lang: str) -> object:
    """A coded setting value as shown in ``lang`` (``history`` → ``按历史``; True → 是)."""
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if isinstance(value, str) and has_label(f"setting_value.{value}"):
        return label(f"setting_value.{value}", lang)
    return value


def _settings_rows(frame: pd.DataFrame | None, lang: str) -> list[list[object]]:
    """Rows key, shown key, value, description: every settings field, then unknown keys of
    ``frame``; keys and coded values shown in ``lang``."""
    given: dict[str, object] = {}
    if frame is not None and len(frame):
        cells = dict(zip(column_cells(frame["key"]), column_cells(frame["value"]), strict=True))
        given = {str(k): v for k, v in cells.items() if k is not None}
    if given.get("language") in (None, ""):
        given["language"] = lang  # the template's language is the workbook's, not English
    keys = settings_fields()
    rows: list[list[object]] = [
        [key, setting_key(key, lang), _shown_value(key, given.get(key), lang),
         label(f"setting.{key}", lang)]
        for key in keys
    ]
    rows += [[key, key, value, None] for key, value in given.items() if key not in keys]
    return rows


def _shown_value(key: str, value: object, lang: str) -> object:
    if key in _SETTING_CHOICES and key != "language":
        return setting_value(value, lang)
    return value


def _setting_format(fmt: _Formats, key: str) -> Format | None:
    if key in _SETTING_SHARES:
        return fmt.share
    if key in _MONEY:
        return fmt.money
    return None


def _write_settings(book: xlsxwriter.Workbook, fmt: _Formats, lang: str,
                    frame: pd.DataFrame | None) -> None:
    spec = model.SETTINGS
    ws = _start_sheet(book, fmt, spec, lang)
    headers = [*_headers(spec, lang), label("col.setting_description", lang)]
    rows = _settings_rows(frame, lang)
    columns = [list(col) for col in zip(*rows, strict=True)]
    value_formats = [_setting_format(fmt, str(k)) for k in columns[0]]
    ws.set_column(0, 0, max(display_width(str(k)) for k in columns[1]) + 4)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 70)
    _add_table(ws, spec.table, headers, len(rows), [None, None, None])
    for row, key in enumerate(columns[0], start=HEADER_ROW + 1):
        rule = _setting_rule(str(key), lang)
        if rule:
            ws.data_validation(row, 1, row, 1, rule)
    for row, (_key, shown, value, description) in enumerate(rows, start=HEADER_ROW + 1):
        ws.write_string(row, 0, str(shown))
        if value is not None:
            _write_value(ws, row, 1, value, value_formats[row - HEADER_ROW - 1], fmt, lang)
        if description:
            ws.write_string(row, 2, str(description))


def _write_value(ws: Worksheet, row: int, col: int, value: object, cell_format: Format | None,
                 fmt: _Formats, lang: str) -> None:
    if isinstance(value, _Date):
        ws.write_number(row, col, value, fmt.date)
    elif isinstance(value, bool):
        ws.write_string(row, col, str(setting_value(value, lang)))
    elif isinstance(value, float):
        ws.write_number(row, col, value, cell_format)
    else:
        ws.write_string(row, col, str(value))


def _setting_rule(key: str, lang: str) -> dict[str, Any] | None:
    if key in _SETTING_CHOICES:
        return _list_rule([str(setting_value(v, lang)) for v in _SETTING_CHOICES[key]], lang)
    if key in _SETTING_SHARES:
        return _share_rule(lang)
    if key in ("fiscal_year",):
        return {"validate": "integer", "criteria": "between", "minimum": 1990,
                "maximum": 2100, "error_message": label("help.invalid_number", lang)}
    if key in _MONEY or key == "min_conversions":
        return {"validate": "decimal", "criteria": ">=", "value": 0,
                "error_message": label("help.invalid_number", lang)}
    return None


def _write_conf(book: xlsxwriter.Workbook) -> None:
    """The xlwings.conf sheet: key in column A, value in column B, no header."""
    ws = book.add_worksheet(CONF_SHEET)
    ws.write_string(0, 0, "UDF Modules")
    ws.write_string(0, 1, UDF_MODULE)
    ws.hide()


def write_input_book(
    path: str | Path,
    *,
    lang: str = "en",
    data: Mapping[str, pd.DataFrame] | None = None,
) -> Path:
    """Write the input sheets of a review workbook, empty or filled with ``data``.

    Args:
        path: the ``.xlsx`` file to write (replaced if it exists).
        lang: ``en``, ``zh-CN`` or ``zh-TW`` (also zh-HK, zh-Hant, 繁體 …): sheet names,
            headers, help lines, Settings keys and coded values.
        data: ``{sheet key: DataFrame}`` with the model's column keys (for ``settings``:
            ``key`` and ``value``); missing sheets or columns are left blank, other
            columns are ignored.

    Returns:
        The path written.

    Examples:
        >>> from xlreview.sample import sample_company
        >>> write_input_book("demo.xlsx", data=sample_company())  # doctest: +SKIP
    """
    path = Path(path)
    lang = _language(lang)
    data = data or {}
    font = east_asian_font(lang)
    options: dict[str, Any] = dict(BOOK_OPTIONS)
    if font is not None:  # every cell in the Chinese font; the theme's East Asian slot too
        options["default_format_properties"] = {"font_name": font}
    book = xlsxwriter.Workbook(str(path), options)
    if font is not None:
        book.theme_xml = east_asian_theme(book.theme_xml, font)
    try:
        for spec in model.INPUT_SHEETS:
            if spec.key == "settings":
                _write_settings(book, _Formats(book), lang, data.get("settings"))
            else:
                add_input_sheet(book, spec, lang=lang, frame=data.get(spec.key))
        _write_conf(book)
    finally:
        book.close()
    return path


__all__ = ["BOOK_OPTIONS", "CONF_SHEET", "INPUT_TAB_COLOUR", "UDF_MODULE", "add_input_sheet",
           "column_cells", "display_width", "write_input_book"]
