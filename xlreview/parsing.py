"""Parsing cell values typed or pasted by people: numbers as text, yes/no, dates.

Scalar helpers first, then the vectorised column parsers used on whole sheets (one pandas
pass per column, no Python loop over rows).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import numpy as np
import pandas as pd

_CURRENCY = re.compile(r"[¥￥$€£元,，\s\u00a0\u3000']|RMB|CNY|USD|EUR", re.IGNORECASE)
_TRUE = {"1", "true", "yes", "y", "on", "是", "开", "对"}
_FALSE = {"0", "false", "no", "n", "off", "否", "关", "不"}
EXCEL_ERRORS = frozenset(
    {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
     "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)


def is_blank(value: object) -> bool:
    """True for None, NaN and strings of only white space."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def is_excel_error(value: object) -> bool:
    """True for Excel error values such as ``#N/A`` or ``#DIV/0!``."""
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def parse_number(value: object) -> float | None:
    """A number from a cell: ``1,200``, ``¥3,000``, full-width ``１２００``, ``30%``.

    Returns None for a blank cell; raises ValueError for text that is not a number.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    percent = text.endswith("%")
    text = _CURRENCY.sub("", text.rstrip("%"))
    if text.startswith("(") and text.endswith(")"):  # accounting negative
        text = "-" + text[1:-1]
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None
    return number / 100 if percent else number


def parse_bool(value: object) -> bool | None:
    """yes/no, true/false, 1/0, 是/否; None for blank or anything else."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


EXCEL_EPOCH = datetime(1899, 12, 30)


def excel_serial_to_datetime(serial: float) -> datetime:
    """Excel 1900-system serial number to a datetime (serial 1 = 1900-01-01)."""
    from datetime import timedelta

    return EXCEL_EPOCH + timedelta(days=float(serial))


def as_datetime(value: Any) -> datetime | None:
    """A date cell already typed by Excel (datetime, date or serial); None otherwise."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return excel_serial_to_datetime(value)
    return None


# --- Vectorised column parsers (whole sheet columns at once) -----------------------------

DateOrder = Literal["dmy", "mdy", "ymd"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy", "ymd")
_NUMERIC_TYPES = (int, float, np.integer, np.floating)
_DATE_TEXT = re.compile(
    r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})"
    r"(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$"
)
_MONTH_TEXT = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[ T].*)?$")


@dataclass(frozen=True)
class ParsedDates:
    """A date column parsed from cells.

    Attributes:
        values: ``datetime64[ns]`` (NaT where blank or unparseable).
        bad: True where a non-blank cell could not be read as a date.
        order: the order used for text such as ``05-03-2024`` (None if there was none).
        ambiguous: True if text dates could be read either way and no order was given.
    """

    values: pd.Series
    bad: pd.Series
    order: DateOrder | None = None
    ambiguous: bool = False


def infer_kind(values: pd.Series) -> str:
    """pandas' guess of what a column of cells holds: ``string``, ``floating``, ``datetime``,
    ``mixed`` … (one pass in C, used to skip work on uniform columns)."""
    return pd.api.types.infer_dtype(values, skipna=True)


def cell_types(values: pd.Series) -> pd.Series:
    """The Python type of every cell (one C-level pass over the column)."""
    return values.map(type, na_action=None)


def _type_mask(types: pd.Series, test: Any) -> pd.Series:
    """``test(type)`` for every cell, evaluated once per distinct type."""
    flags = {t: bool(test(t)) for t in types.unique()}
    return types.map(flags).astype(bool)


def _is_numeric_type(types: pd.Series, *, with_bool: bool = False) -> pd.Series:
    return _type_mask(
        types, lambda t: issubclass(t, _NUMERIC_TYPES) and (with_bool or t is not bool)
    )


def _is_text_type(types: pd.Series) -> pd.Series:
    return _type_mask(types, lambda t: issubclass(t, str))


def _is_datetime_type(types: pd.Series) -> pd.Series:
    return _type_mask(types, lambda t: issubclass(t, date))


def normalise_text(values: pd.Series) -> pd.Series:
    """Text cells as plain half-width text, stripped (full-width ``１２`` → ``12``)."""
    return values.astype(str).str.normalize("NFKC").str.strip()


def _numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """:func:`parse_number_column` on distinct values."""
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    bad = pd.Series(False, index=values.index)
    present = values.notna()
    if not present.any():
        return out, bad
    types = cell_types(values[present])
    numeric = _is_numeric_type(types, with_bool=True)
    out[numeric[numeric].index] = values[numeric[numeric].index].astype(float)
    text_idx = types[_is_text_type(types)].index
    if len(text_idx):
        text = normalise_text(values[text_idx])
        percent = text.str.endswith("%")
        cleaned = text.str.rstrip("%").str.replace(_CURRENCY, "", regex=True)
        negative = cleaned.str.match(r"^\(.*\)$")
        cleaned = cleaned.where(~negative, "-" + cleaned.str.slice(1, -1))
        numbers = pd.to_numeric(cleaned, errors="coerce").astype("float64")
        numbers = numbers.where(~percent, numbers / 100)
        out[text_idx] = numbers
        bad[text_idx] = numbers.isna() & (text != "")
    other = types[~numeric & ~_is_text_type(types)].index
    bad[other] = True
    return out, bad


def _serials_to_datetime(serials: pd.Series) -> pd.Series:
    days = pd.to_timedelta(serials.astype(float), unit="D")
    return (pd.Timestamp(EXCEL_EPOCH) + days).dt.round("s")


def _text_for_dates(values: pd.Series) -> pd.Series:
    """Date text made regular: Chinese ``2024年3月5日`` → ``2024-3-5``."""
    text = normalise_text(values)
    text = text.str.replace(r"\s*[年月]\s*", "-", regex=True)
    return text.str.replace(r"\s*[日号]", "", regex=True).str.rstrip("-")


def decide_order(first: pd.Series, second: pd.Series) -> DateOrder | None:
    """Day-first or month-first from the data: a first part > 12 proves day-first.

    Returns None when every value could be read either way (or the evidence conflicts
    evenly).
    """
    day_first = int((first > 12).sum())
    month_first = int((second > 12).sum())
    if day_first > month_first:
        return "dmy"
    if month_first > day_first:
        return "mdy"
    return None


def _assemble(parts: pd.DataFrame, order: DateOrder) -> pd.Series:
    """Datetimes from regex parts ``[p1, p2, p3, hour, minute, second]``."""
    p = parts.apply(pd.to_numeric, errors="coerce")
    iso = parts[0].str.len() == 4
    year = p[2].where(p[2] >= 100, p[2] + 2000)
    day, month = (p[0], p[1]) if order == "dmy" else (p[1], p[0])
    frame = pd.DataFrame(
        {
            "year": year.where(~iso, p[0]),
            "month": month.where(~iso, p[1]),
            "day": day.where(~iso, p[2]),
            "hour": p[3].fillna(0),
            "minute": p[4].fillna(0),
            "second": p[5].fillna(0),
        }
    )
    return pd.to_datetime(frame, errors="coerce")


def _dates(
    values: pd.Series, order: DateOrder | None = None, *, fallback: DateOrder = "dmy"
) -> ParsedDates:
    """:func:`parse_date_column` on distinct values."""
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    bad = pd.Series(False, index=values.index)
    present = values.notna()
    if not present.any():
        return ParsedDates(out, bad)
    types = cell_types(values[present])
    is_date = _is_datetime_type(types)
    if is_date.all():  # fast path: Excel already typed every cell
        out[present] = pd.to_datetime(values[present]).astype("datetime64[ns]")
        return ParsedDates(out, bad)
    idx = is_date[is_date].index
    out[idx] = pd.to_datetime(values[idx]).astype("datetime64[ns]")
    numeric = _is_numeric_type(types)
    serial = values[numeric[numeric].index].astype(float)
    ok = serial[(serial >= 1) & (serial < 2958466)]
    out[ok.index] = _serials_to_datetime(ok).astype("datetime64[ns]")
    bad[serial.index.difference(ok.index)] = True
    text_idx = types[_is_text_type(types)].index
    used: DateOrder | None = None
    ambiguous = False
    if len(text_idx):
        text = _text_for_dates(values[text_idx])
        parts = text.str.extract(_DATE_TEXT)
        matched = parts[0].notna()
        not_iso = matched & (parts[0].str.len() < 4)
        if not_iso.any():
            if order in ("dmy", "mdy"):
                used = order
            else:
                used = decide_order(
                    pd.to_numeric(parts.loc[not_iso, 0]), pd.to_numeric(parts.loc[not_iso, 1])
                )
                ambiguous = used is None and order is None
                used = used or (fallback if fallback != "ymd" else "dmy")
        parsed = _assemble(parts[matched], used or "dmy") if matched.any() else None
        if parsed is not None:
            out[parsed.index] = parsed.astype("datetime64[ns]")
        rest = text[~matched & (text != "")]
        if len(rest):  # month names and other spelled-out dates: slow path, rarely used
            other = pd.to_datetime(rest, errors="coerce", format="mixed", dayfirst=used != "mdy")
            out[rest.index] = other.astype("datetime64[ns]")
        bad[text_idx] = out[text_idx].isna() & (text != "")
    other_idx = types[~is_date & ~numeric & ~_is_text_type(types)].index
    bad[other_idx] = True
    return ParsedDates(out, bad, used, ambiguous)


def _months(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """:func:`parse_month_column` on distinct values."""
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    bad = pd.Series(False, index=values.index)
    present = values.notna()
    if not present.any():
        return out, bad
    types = cell_types(values[present])
    text_idx = types[_is_text_type(types)].index
    rest = values[present].index.difference(text_idx)
    if len(text_idx):
        text = _text_for_dates(values[text_idx])
        parts = text.str.extract(_MONTH_TEXT)
        ym = parts[0].notna()
        frame = pd.DataFrame(
            {"year": pd.to_numeric(parts[0][ym]), "month": pd.to_numeric(parts[1][ym]), "day": 1}
        )
        if ym.any():
            out[frame.index] = pd.to_datetime(frame, errors="coerce").astype("datetime64[ns]")
        rest = rest.union(text_idx[~ym.to_numpy()])
    if len(rest):
        dates = _dates(values[rest])
        out[rest] = dates.values.dt.to_period("M").dt.start_time.astype("datetime64[ns]")
    bad[values[present].index] = out[present].isna()
    return out, bad


def _text(values: pd.Series) -> pd.Series:
    """Cells as stripped text (``str`` dtype, NA for blank); whole floats lose ``.0``."""
    out = values.astype(object).copy()
    present = values.notna()
    if present.any() and infer_kind(values) != "string":
        types = cell_types(values[present])
        numeric = values[_is_numeric_type(types)[lambda m: m].index].astype(float)
        whole = numeric[numeric == numeric.round()]
        out[whole.index] = whole.astype("int64").astype(str)
    text = out.where(out.isna(), out.astype(str).str.strip())
    return text.where(text != "", None).astype("str")


# Columns repeat values (channels, dates, amounts): each distinct value is parsed once and
# the results are spread back with the factorize codes, which is what keeps 200k rows fast.


def _distinct(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    return codes, pd.Series(uniques, dtype=object)


def _spread(result: pd.Series, codes: np.ndarray, index: pd.Index, blank: object) -> pd.Series:
    """Per-distinct-value results back onto every row (``blank`` where the cell was blank)."""
    out = result.reset_index(drop=True).reindex(codes)
    if (codes < 0).any() and blank is not None and blank is not pd.NaT:
        out = out.fillna(blank).astype(result.dtype)
    return out.set_axis(index)


def parse_number_column(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers from cells: floats pass; text like ``1,200``, ``¥3,000``, ``１２００``, ``30%``.

    Returns:
        ``(numbers, bad)``: float64 (NaN blank or bad) and True where a non-blank cell is
        not a number.
    """
    codes, uniques = _distinct(values)
    numbers, bad = _numbers(uniques)
    return _spread(numbers, codes, values.index, np.nan), _spread(bad, codes, values.index, False)


def parse_date_column(
    values: pd.Series, order: DateOrder | None = None, *, fallback: DateOrder = "dmy"
) -> ParsedDates:
    """Dates from cells: datetimes, Excel serials and text, day-first or month-first.

    ``order`` fixes the order of text dates (``dmy``, ``mdy``; ``ymd`` and ISO text are
    always year-first); None decides it from the distinct values of the column (a first
    part > 12 proves day-first), or uses ``fallback`` and flags the column as ambiguous.
    """
    codes, uniques = _distinct(values)
    found = _dates(uniques, order, fallback=fallback)
    return ParsedDates(
        _spread(found.values, codes, values.index, pd.NaT).astype("datetime64[ns]"),
        _spread(found.bad, codes, values.index, False),
        found.order,
        found.ambiguous,
    )


def parse_month_column(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First day of the month from cells: dates, serials, ``2025-03``, ``2025/3``, ``2025年3月``.

    Returns:
        ``(months, bad)``: ``datetime64[ns]`` first days of months and the unparseable mask.
    """
    codes, uniques = _distinct(values)
    months, bad = _months(uniques)
    return (_spread(months, codes, values.index, pd.NaT).astype("datetime64[ns]"),
            _spread(bad, codes, values.index, False))


def text_column(values: pd.Series) -> pd.Series:
    """Cells as stripped text (``str`` dtype, NA for blank); whole floats lose ``.0``."""
    codes, uniques = _distinct(values)
    text = _text(uniques).astype(object)
    return _spread(text, codes, values.index, None).astype("str")
