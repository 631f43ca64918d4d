"""Rates and shares typed on Targets: read back at the next rebuild and kept.

The rebuild writes each channel's share and stage rates into the yellow cells of the
``targets`` table and, in hidden columns of the same table (so that they move with the row
when the user sorts it), the values the history gave. At the next rebuild a rate cell whose
value differs from its hidden history value was typed by the user: it is kept as that
channel's rate (an override) until the cell is cleared. A typed Share becomes the channel's
Share override, in the units the Share override column already uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .parsing import parse_number

RATES: tuple[str, ...] = ("lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won")
"""Stage conversion rates in funnel order; ``RATES[i]`` leads from ``STAGES[i]`` to the next
(the rate columns of ``targets``; :mod:`xlreview.targets` re-exports it)."""
HISTORY: dict[str, str] = {key: f"history_{key}" for key in ("share", *RATES)}
"""Rate or share column → the hidden column holding the value the rebuild wrote from history."""


@dataclass(frozen=True)
class Typed:
    """One value typed over a rate or share on the previous Targets sheet.

    Attributes:
        channel: the row's channel.
        column: ``share`` or a rate key of :data:`RATES`.
        typed: the value in the cell (NaN when it is not a number).
        history: the value the previous rebuild wrote there (its hidden history value).
        row: Excel row of the cell on the previous sheet, when known.
        problem: None when kept; ``range`` (a rate not in (0, 1], a share not in
            [0, 1]), ``text`` (not a number) or
            ``not_tracked`` (the stage is not in the export) when ignored.
    """

    channel: str
    column: str
    typed: float
    history: float
    row: int | None
    problem: str | None = None


def _number(value: object) -> float | None:
    """The cell as a number; NaN when blank, None when it is text that is not a number."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    if isinstance(value, str):
        if not value.strip():
            return math.nan
        try:
            parsed = parse_number(value)
        except ValueError:
            return None
        return math.nan if parsed is None else float(parsed)
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _differs(value: float, history: float) -> bool:
    if math.isnan(history):
        return True
    return not math.isclose(value, history, rel_tol=1e-9, abs_tol=1e-12)


def typed_values(previous: pd.DataFrame, spanned: set[str]) -> list[Typed]:
    """Every rate or share cell of the previous ``targets`` rows that differs from its
    hidden history value.

    Args:
        previous: previous rows indexed by channel, with the columns ``share``, :data:`RATES`,
            their :data:`HISTORY` columns and ``_row`` (missing ones are blank).
        spanned: rate columns of stages the export does not track (blank, not overridable).

    A sheet written before the hidden columns existed has none: nothing counts as typed.
    """
    found: list[Typed] = []
    if previous.empty:
        return found
    for column, hidden in HISTORY.items():
        if column not in previous or hidden not in previous:
            continue
        history = pd.to_numeric(previous[hidden], errors="coerce")
        if history.isna().all() and column not in spanned:
            continue  # no hidden values: an older sheet, or the column was never written
        for channel, cell in previous[column].items():
            value = _number(cell)
            if value is not None and math.isnan(value):
                continue  # blank: follow the history
            was = float(history.get(channel, math.nan))
            row = previous["_row"].get(channel) if "_row" in previous else None
            row = None if row is None or pd.isna(row) else int(row)
            if value is not None and not _differs(value, was):
                continue
            problem = None
            if column in spanned:
                problem = "not_tracked"
            elif value is None:
                problem = "text"
            elif not (0 <= value <= 1 if column == "share" else 0 < value <= 1):
                problem = "range"
            found.append(Typed(str(channel), column, math.nan if value is None else value,
                               was, row, problem))
    return found


def rate_overrides(typed: list[Typed], channels: pd.Index) -> pd.DataFrame:
    """Kept rate overrides as a frame (index ``channels``, columns :data:`RATES`, NaN = none)."""
    out = pd.DataFrame(math.nan, index=channels, columns=list(RATES))
    for item in typed:
        if item.problem is None and item.column in RATES and item.channel in channels:
            out.loc[item.channel, item.column] = item.typed
    return out


def share_scale(previous: pd.DataFrame) -> float:
    """Share override units per displayed share on the previous sheet.

    The rebuild shows each channel's share as its weight (history share, or the Share
    override) ÷ the sum of the weights; a typed Share is in displayed units, so it is
    multiplied by that sum (1 without overrides) to keep the split Excel showed.
    """
    if "share_override" not in previous or "share" not in previous:
        return 1.0
    override = pd.to_numeric(previous["share_override"], errors="coerce")
    shown = pd.to_numeric(previous.get(HISTORY["share"]), errors="coerce")
    usable = (override > 0) & (shown > 0)
    if not usable.any():
        return 1.0
    return float((override[usable] / shown[usable]).iloc[0])


def share_overrides(typed: list[Typed], previous: pd.DataFrame) -> pd.Series:
    """Typed Shares as Share overrides (in override units), by channel."""
    scale = share_scale(previous)
    kept = {t.channel: t.typed * scale for t in typed
            if t.column == "share" and t.problem is None}
    return pd.Series(kept, dtype=float)
