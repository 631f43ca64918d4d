"""Rounding exactly as Excel does, so that Python results equal the workbook's formulas."""

from __future__ import annotations

import math

import numpy as np


def finite_number(value: object) -> float:
    """``value`` as a float; NaN when it is not a number or not finite."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def excel_round15(x: float) -> float:
    """``x`` rounded to 15 significant digits, as Excel stores the result of a formula."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.15g}")


def ceil_excel(x: float) -> int:
    """``ROUNDUP(x, 0)`` for x ≥ 0: 15 significant digits first, then the ceiling.

    >>> ceil_excel(0.07 * 100)   # 7.000000000000001 in binary floating point
    7
    """
    return math.ceil(excel_round15(x))


def ceil_excel_array(values: np.ndarray) -> np.ndarray:
    """Vectorised :func:`ceil_excel` (NaN stays NaN)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.floor(np.log10(np.abs(np.where(values == 0, 1, values))))
    decimals = (14 - magnitude).clip(-300, 300)
    scale = 10.0**decimals
    with np.errstate(over="ignore", invalid="ignore"):
        rounded = np.round(values * scale) / scale
    # Subnormal and infinite values cannot be scaled; they keep their own value.
    usable = np.isfinite(values) & (np.abs(values) > 1e-290)
    rounded = np.where(usable, rounded, values)
    return np.ceil(rounded)
