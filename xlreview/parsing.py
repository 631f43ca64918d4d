"""Parsing cell values typed or pasted by people: numbers as text, yes/no, dates.

Scalar helpers here; the vectorised column parsers used on whole sheets live in
:mod:`xlreview.inputs`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from typing import Any

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
