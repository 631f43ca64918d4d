"""Parsing cell values typed or pasted by people: numbers as text, yes/no, dates.

Scalar helpers first, then the vectorised column parsers used on whole sheets (one pandas
pass per column, no Python loop over rows).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from operator import itemgetter
from typing import Any, Literal

import numpy as np
import pandas as pd

_CURRENCY = re.compile(r"[¥￥$€£元,，\s\u00a0\u3000']|RMB|CNY|USD|EUR", re.IGNORECASE)
_TRUE = {"1", "true", "yes", "y", "on", "是", "开", "对", "開", "對"}
_FALSE = {"0", "false", "no", "n", "off", "否", "关", "不", "關"}
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
        number = float(text) if "_" not in text else math.nan  # Python's 1_000: not Excel's
    except ValueError:
        number = math.nan
    if not math.isfinite(number):  # "nan", "inf": words, not numbers
        raise ValueError(f"{value!r} is not a number")
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


def _is_clock_type(types: pd.Series) -> pd.Series:
    """Times of day and durations (calamine reads ``hh:mm`` cells as these)."""
    return _type_mask(types, lambda t: issubclass(t, time | timedelta))


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
        numbers = numbers.where(np.isfinite(numbers))  # "inf" is a word, not a number
        numbers = numbers.where(~percent, numbers / 100)
        out[text_idx] = numbers
        bad[text_idx] = numbers.isna() & (text != "")
    clock = types[_is_clock_type(types)].index
    if len(clock):
        out[clock] = values[clock].map(day_fraction).astype(float)
    bad[types[~numeric & ~_is_text_type(types) & ~_is_clock_type(types)].index] = True
    return out, bad


def day_fraction(value: time | timedelta) -> float:
    """A time of day or a duration as Excel stores it: a fraction of a day (18:00 → 0.75)."""
    if isinstance(value, timedelta):
        return value.total_seconds() / 86400
    return (value.hour * 3600 + value.minute * 60 + value.second
            + value.microsecond / 1e6) / 86400


def _serials_to_datetime(serials: pd.Series) -> pd.Series:
    days = pd.to_timedelta(serials.astype(float), unit="D")
    return (pd.Timestamp(EXCEL_EPOCH) + days).dt.round("s")


def _text_for_dates(values: pd.Series) -> pd.Series:
    """Date text made regular: Chinese ``2024年3月5日`` → ``2024-3-5``."""
    items = values.tolist()
    if "".join(items).isascii():  # nothing to normalise: a strip is all it takes
        return pd.Series([v.strip().rstrip("-") for v in items], index=values.index,
                         dtype=object)
    text = normalise_text(values)
    text = text.str.replace(r"\s*[年月]\s*", "-", regex=True)
    return text.str.replace(r"\s*[日号]", "", regex=True).str.rstrip("-")


_PARTS = ("p1", "p2", "p3", "hour", "minute", "second")


def _date_parts(text: pd.Series) -> pd.DataFrame:
    """The numbers of ``d-m-y[ h:m[:s]]`` date text (:data:`_DATE_TEXT`): columns p1, p2, p3,
    hour, minute, second (NaN where absent) and ``width1``, the digits of p1 (4: year
    first). All NaN where the text has not that form.

    Texts of one length whose digits and separators stand in the same places (a CRM's
    ``31-12-2017 08:15``) are read with numpy, all at once; others by the regex.
    """
    parts = pd.DataFrame(np.nan, index=text.index, columns=[*_PARTS, "width1"])
    left = np.ones(len(text), dtype=bool)
    for rows, numbers in _fixed_width_parts(text):
        parts.iloc[rows] = numbers
        left[rows] = False
    if left.any():
        found = text[left].str.extract(_DATE_TEXT)
        for k, name in enumerate(_PARTS):
            parts.loc[found.index, name] = pd.to_numeric(found[k], errors="coerce").astype(float)
        parts.loc[found.index, "width1"] = found[0].str.len().astype(float)
    return parts


def _fixed_width_parts(text: pd.Series) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(row positions, numbers)`` for each group of same-length ASCII texts that share
    one layout of :data:`_DATE_TEXT`; numbers has the columns of :func:`_date_parts`."""
    values = text.to_numpy(dtype=object)
    if not len(values) or not "".join(values.tolist()).isascii():
        return []
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    groups = []
    for width in np.unique(lengths):
        rows = np.flatnonzero(lengths == width)
        if width == 0:
            continue
        chars = np.array(values[rows].tolist(), dtype=f"S{width}").view(np.uint8)
        chars = chars.reshape(len(rows), int(width))
        numbers = _layout_numbers(chars)
        if numbers is not None:
            groups.append((rows, numbers))
    return groups


_LAYOUTS = {  # separators between the digit runs of the forms _DATE_TEXT accepts
    3: ("[-/.]", "[-/.]"),
    5: ("[-/.]", "[-/.]", "[ T]+", ":"),
    6: ("[-/.]", "[-/.]", "[ T]+", ":", ":"),
    7: ("[-/.]", "[-/.]", "[ T]+", ":", ":", r"\."),
}
_RUN_WIDTHS = ((1, 4), (1, 2), (1, 4), (1, 2), (1, 2), (1, 2), (1, 99))


def _layout_numbers(chars: np.ndarray) -> np.ndarray | None:
    """The date numbers of rows of ASCII bytes (one text a row, one length), or None when
    the rows do not share one layout of digits and separators that :data:`_DATE_TEXT`
    accepts."""
    digit = (chars >= 48) & (chars <= 57)
    column_digit = digit[0]
    if not (digit == column_digit).all() or not column_digit[0] or not column_digit[-1]:
        return None
    separators = ~column_digit
    if not (chars[:, separators] == chars[0, separators]).all():
        return None  # the same places, but not the same separator characters
    edges = np.flatnonzero(np.diff(np.concatenate([[0], column_digit.astype(np.int8), [0]])))
    runs = list(zip(edges[::2], edges[1::2], strict=True))  # [start, end) of each digit run
    layout = _LAYOUTS.get(len(runs))
    if layout is None:
        return None
    first = chars[0].tobytes().decode()
    between = [first[end:start] for (_, end), (start, _) in pairwise(runs)]
    if not all(re.fullmatch(pattern, sep) for pattern, sep in zip(layout, between,
                                                                   strict=True)):
        return None
    if not all(low <= end - start <= high for (start, end), (low, high)
               in zip(runs, _RUN_WIDTHS, strict=False)):
        return None
    numbers = np.full((len(chars), len(_PARTS) + 1), np.nan)
    for k, (start, end) in enumerate(runs[:len(_PARTS)]):
        place = 10.0 ** np.arange(end - start - 1, -1, -1)
        numbers[:, k] = (chars[:, start:end] - 48) @ place
    numbers[:, len(_PARTS)] = runs[0][1] - runs[0][0]
    return numbers


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
    """Datetimes from :func:`_date_parts`."""
    p1, p2, p3 = parts["p1"], parts["p2"], parts["p3"]
    iso = parts["width1"] == 4
    year = p3.where(p3 >= 100, p3 + 2000)
    day, month = (p1, p2) if order == "dmy" else (p2, p1)
    frame = pd.DataFrame(
        {
            "year": year.where(~iso, p1),
            "month": month.where(~iso, p2),
            "day": day.where(~iso, p3),
            "hour": parts["hour"].fillna(0),
            "minute": parts["minute"].fillna(0),
            "second": parts["second"].fillna(0),
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
        parts = _date_parts(text)
        matched = parts["p1"].notna()
        not_iso = matched & (parts["width1"] < 4)
        if not_iso.any():
            if order in ("dmy", "mdy"):
                used = order
            else:
                used = decide_order(parts.loc[not_iso, "p1"], parts.loc[not_iso, "p2"])
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


def _text(values: pd.Series) -> np.ndarray:
    """Distinct cells as stripped text (None for blank); whole floats lose ``.0``."""
    if infer_kind(values) == "string":  # typed text: the common case, one strip each
        return np.array([v.strip() or None for v in values.tolist()], dtype=object)
    return np.array([cell_text(v) for v in values.tolist()], dtype=object)


def cell_text(value: object) -> str | None:
    """One cell as stripped text (None for blank); ``101.0`` → ``101``."""
    if is_blank(value):
        return None
    if isinstance(value, float | np.floating) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return str(value).strip() or None


# Columns repeat values (channels, dates, amounts): each distinct value is parsed once and
# the results are spread back to the rows by the codes of :class:`Cells`, which is what keeps
# a million rows fast.

@dataclass(frozen=True)
class Cells:
    """A column of cells as its distinct values and, per row, the code of its value.

    Row ``i`` holds ``values[codes[i]]``; code -1 is a blank cell (None, NaN, ``""`` or
    white space). A column of 200k cells often has a few hundred distinct values: parsers
    work on ``values`` and :meth:`spread` their results back to the rows.

    Attributes:
        codes: one ``intp`` code per row.
        values: the distinct non-blank cells (object dtype, index 0..k-1).
    """

    codes: np.ndarray
    values: pd.Series

    @classmethod
    def of(cls, column: Any) -> Cells:
        """The cells of a column (a list, an array or a Series, in row order)."""
        array = column.to_numpy(dtype=object) if isinstance(column, pd.Series) else (
            column if isinstance(column, np.ndarray) and column.dtype == object
            else np.fromiter(column, dtype=object, count=len(column)))
        codes, uniques = _factorize(array)
        text = infer_kind(pd.Series(uniques, dtype=object)) == "string"  # all text, no bools
        if not text and _may_merge_bools(uniques) and any(type(v) is bool for v in array):
            codes, uniques = _factorize_keeping_bools(array)
        cells = cls(codes, pd.Series(uniques, dtype=object))
        blank = _blank_text(uniques, all_text=text)
        return cells.without(blank) if blank.any() else cells

    def __len__(self) -> int:
        return len(self.codes)

    def without(self, flagged: np.ndarray | pd.Series) -> Cells:
        """These cells with the flagged distinct values turned blank."""
        keep = ~np.asarray(flagged, dtype=bool)
        # New code of each old one; the extra last entry keeps code -1 at -1.
        renumber = np.concatenate([np.where(keep, np.cumsum(keep) - 1, -1), [-1]])
        return Cells(renumber[self.codes], self.values[keep].reset_index(drop=True))

    def take(self, rows: np.ndarray) -> Cells:
        """The cells of the given rows (positions or a boolean mask), same distinct values."""
        return Cells(self.codes[rows], self.values)

    def rows(self, flagged: np.ndarray | pd.Series) -> np.ndarray:
        """Per row: whether its value is flagged (blank rows never are)."""
        return self.spread(np.asarray(flagged, dtype=bool), False)

    def spread(self, per_value: np.ndarray | pd.Series, blank: object) -> np.ndarray:
        """Per-value results as per-row results (``blank`` for blank cells)."""
        values = np.asarray(per_value)
        filler = np.array([blank], dtype=values.dtype if values.dtype != object else object)
        # Code -1 indexes the last element: the blank filler.
        return np.concatenate([values, filler])[self.codes]

    def relabel(self, per_value: np.ndarray) -> Cells:
        """The cells after a function of their values (``per_value``, one result per distinct
        value, None for blank): distinct results and their codes. Values that give the same
        result (``"L1"`` and ``" L1"`` both give ``"L1"``) share a code."""
        codes, results = pd.factorize(per_value, use_na_sentinel=True)
        composed = np.concatenate([codes, [-1]])[self.codes]  # code -1 stays blank
        return Cells(composed, pd.Series(results, dtype=object))

    def raw(self) -> pd.Series:
        """The cell of every row (None for blank), as typed."""
        return pd.Series(self.spread(self.values.to_numpy(dtype=object), None), dtype=object)


def _factorize(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize``; a mostly blank column (stage dates, amounts) only hashes the cells
    that are not ``""``: one C-level comparison instead of a hash look-up per blank."""
    empty = array == ""
    if 2 * np.count_nonzero(empty) <= len(array):
        return pd.factorize(array, use_na_sentinel=True)
    filled = ~empty
    found, uniques = pd.factorize(array[filled], use_na_sentinel=True)
    codes = np.full(len(array), -1, dtype=found.dtype)
    codes[filled] = found
    return codes, uniques


def _blank_text(values: np.ndarray, *, all_text: bool) -> np.ndarray:
    """Which distinct values are text of only white space (or empty): blank cells."""
    if all_text:  # str methods called from C: half the time of a generator
        return (values == "") | np.fromiter(map(str.isspace, values), dtype=bool,
                                             count=len(values))
    return np.fromiter((type(v) is str and not v.strip() for v in values), dtype=bool,
                       count=len(values))


class _Flag:
    """A bool cell while a column is factorized: ``True == 1`` in Python, so a column
    holding both TRUE and 1 would otherwise get one distinct value for the two."""

    __slots__ = ("value",)

    def __init__(self, value: bool) -> None:
        self.value = value


_FLAGS = {True: _Flag(True), False: _Flag(False)}


def _may_merge_bools(uniques: np.ndarray) -> bool:
    """Whether factorizing may have taken a bool and a 0/1 number for one value (which
    one was kept depends on which came first)."""
    return any(isinstance(v, int | float | np.number) and v in (0, 1) for v in uniques)


def _factorize_keeping_bools(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    flagged = np.array([_FLAGS[v] if type(v) is bool else v for v in array], dtype=object)
    codes, uniques = pd.factorize(flagged, use_na_sentinel=True)
    values = np.array([v.value if isinstance(v, _Flag) else v for v in uniques], dtype=object)
    return codes, values


def grid_cells(rows: Sequence[Sequence[object]], columns: Mapping[str, int]
               ) -> dict[str, Cells]:
    """The :class:`Cells` of some columns of a grid's rows (``{key: column index}``); a row
    too short for a column is blank there, as a paste may leave it. Only these columns are
    transposed (an export may have fifty), each in one pass over the rows."""
    width = max(columns.values(), default=-1) + 1
    # Row lengths counted once (three passes over 200k rows were 35 ms).
    lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
    if len(rows) and lengths.min() < width:
        rows = [r if len(r) >= width else [*r, *([None] * (width - len(r)))] for r in rows]
        lengths = np.maximum(lengths, width)
    table = _as_table(rows, len(columns), lengths)
    if table is not None:  # one C-level copy of the grid, then a column is a slice
        return {key: Cells.of(table[:, j]) for key, j in columns.items()}
    return {key: Cells.of(np.fromiter(map(itemgetter(j), rows), dtype=object,
                                      count=len(rows)))
            for key, j in columns.items()}


def _as_table(rows: Sequence[Sequence[object]], wanted: int, lengths: np.ndarray
              ) -> np.ndarray | None:
    """The rows (of these ``lengths``) as one 2-D object array when they are all as wide
    and at least half of their columns are wanted (else copying the unwanted ones costs
    more than it saves)."""
    if not rows:
        return None
    width = len(rows[0])
    if wanted * 2 < width or lengths.min() != lengths.max():
        return None
    table = np.empty((len(rows), width), dtype=object)
    table[:] = rows
    return table


def filled_rows(columns: Iterable[Cells], length: int) -> np.ndarray:
    """Per row: whether any of these columns holds a cell that is not blank."""
    filled = np.zeros(length, dtype=bool)
    for cells in columns:
        filled |= cells.codes >= 0
    return filled


def _cells(values: pd.Series | Cells) -> Cells:
    return values if isinstance(values, Cells) else Cells.of(values)


def _as_series(values: np.ndarray, like: pd.Series | Cells, dtype: str | None = None
               ) -> pd.Series:
    index = like.index if isinstance(like, pd.Series) else None
    return pd.Series(values, index=index, dtype=dtype)


def numbers_of(cells: Cells) -> tuple[np.ndarray, np.ndarray]:
    """:func:`parse_number_column` as arrays (float64 numbers, bad mask) per row."""
    numbers, bad = _numbers(cells.values)
    return cells.spread(numbers.to_numpy(float), np.nan), cells.rows(bad.to_numpy(bool))


def dates_of(cells: Cells, order: DateOrder | None = None, *, fallback: DateOrder = "dmy"
             ) -> tuple[np.ndarray, np.ndarray, ParsedDates]:
    """:func:`parse_date_column` as arrays (datetime64[ns], bad mask) per row, and the
    per-value result (for its order and ambiguity)."""
    found = _dates(cells.values, order, fallback=fallback)
    values = found.values.to_numpy("datetime64[ns]")
    return (cells.spread(values, np.datetime64("NaT", "ns")), cells.rows(found.bad), found)


def months_of(cells: Cells) -> tuple[np.ndarray, np.ndarray]:
    """:func:`parse_month_column` as arrays per row."""
    months, bad = _months(cells.values)
    return (cells.spread(months.to_numpy("datetime64[ns]"), np.datetime64("NaT", "ns")),
            cells.rows(bad.to_numpy(bool)))


def text_of(cells: Cells) -> pd.Series:
    """:func:`text_column` per row (``str`` dtype, NA for blank)."""
    return pd.Series(cells.spread(_text(cells.values), None), dtype="str")


def text_cells(cells: Cells) -> Cells:
    """The cells as :func:`text_column` reads them: distinct texts and their codes (so that
    equal texts, such as duplicate IDs, share a code)."""
    text = _text(cells.values)
    if len(text) and (text == cells.values.to_numpy()).all():
        return Cells(cells.codes, pd.Series(text, dtype=object))  # typed clean: none merge
    return cells.relabel(text)


def parse_number_column(values: pd.Series | Cells) -> tuple[pd.Series, pd.Series]:
    """Numbers from cells: floats pass; text like ``1,200``, ``¥3,000``, ``１２００``, ``30%``.

    Returns:
        ``(numbers, bad)``: float64 (NaN blank or bad) and True where a non-blank cell is
        not a number.
    """
    numbers, bad = numbers_of(_cells(values))
    return _as_series(numbers, values), _as_series(bad, values)


def parse_date_column(
    values: pd.Series | Cells, order: DateOrder | None = None, *, fallback: DateOrder = "dmy"
) -> ParsedDates:
    """Dates from cells: datetimes, Excel serials and text, day-first or month-first.

    ``order`` fixes the order of text dates (``dmy``, ``mdy``; ``ymd`` and ISO text are
    always year-first); None decides it from the distinct values of the column (a first
    part > 12 proves day-first), or uses ``fallback`` and flags the column as ambiguous.
    """
    dates, bad, found = dates_of(_cells(values), order, fallback=fallback)
    return ParsedDates(_as_series(dates, values, "datetime64[ns]"), _as_series(bad, values),
                       found.order, found.ambiguous)


def parse_month_column(values: pd.Series | Cells) -> tuple[pd.Series, pd.Series]:
    """First day of the month from cells: dates, serials, ``2025-03``, ``2025/3``, ``2025年3月``.

    Returns:
        ``(months, bad)``: ``datetime64[ns]`` first days of months and the unparseable mask.
    """
    months, bad = months_of(_cells(values))
    return _as_series(months, values, "datetime64[ns]"), _as_series(bad, values)


def text_column(values: pd.Series | Cells) -> pd.Series:
    """Cells as stripped text (``str`` dtype, NA for blank); whole floats lose ``.0``."""
    text = text_of(_cells(values))
    return text.set_axis(values.index) if isinstance(values, pd.Series) else text
