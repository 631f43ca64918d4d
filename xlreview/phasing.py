"""Time phasing of the plan: annual targets into months, quarters and ISO weeks.

Whole-number targets are split by the cumulative split (:func:`split_cumulative`), the
form a worksheet formula computes, so the parts add up exactly and the workbook's live
formulas give the same numbers; money is split the same way on cents. Leads, MQL, SQL and
opportunities move earlier than the customers they produce by the median stage lags of
the history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import InputError
from .model import STAGE_DATE, STAGES
from .numbers import excel_round15

DAYS_PER_MONTH = 365.25 / 12
COUNT_COLUMNS: tuple[str, ...] = ("leads", "mql", "sql", "opp", "won")
"""Plan table columns of the funnel stages, in the order of :data:`model.STAGES`."""
STAGE_COLUMN: dict[str, str] = dict(zip(STAGES, COUNT_COLUMNS, strict=True))


def split_whole(total: int, weights: Sequence[float] | np.ndarray) -> np.ndarray:
    """Split a whole number into whole parts proportional to ``weights`` (largest remainder).

    Blank, negative or non-finite weights count as 0; all-zero weights split evenly.

    Args:
        total: the whole number to split (≥ 0).
        weights: one weight per part.

    Returns:
        int64 array of non-negative parts that add up exactly to ``total``.

    Raises:
        InputError: ``total`` is negative or not whole, or there are no weights.

    Examples:
        >>> split_whole(10, [1, 1, 1]).tolist()
        [4, 3, 3]
    """
    w = np.asarray(weights, dtype=float).ravel()
    if w.size == 0:
        raise InputError("nothing to split: no weights")
    if not np.isfinite(total) or total < 0 or total != int(total):
        raise InputError(f"cannot split {total!r}: need a whole number ≥ 0")
    total = int(total)
    w = np.where(np.isfinite(w) & (w > 0), w, 0.0)
    if w.sum() <= 0:
        w = np.ones_like(w)
    # Quotas to 9 decimals: ties (2.5 and 10.5) stay ties whatever the last bit, as in
    # the Targets sheet's formula (layout_plan.customers_formula).
    exact = np.round(total * (w / w.sum()), 9)
    parts = np.floor(exact).astype(np.int64)
    rest = total - int(parts.sum())
    remainder = exact - parts
    if rest > 0:
        parts[np.argsort(-remainder, kind="stable")[:rest]] += 1
    elif rest < 0:  # only from floating-point noise
        order = np.argsort(remainder, kind="stable")
        order = order[parts[order] > 0][:-rest]
        parts[order] -= 1
    return parts


def split_money(total: float, weights: Sequence[float] | np.ndarray) -> np.ndarray:
    """Split an amount of money to the cent (largest remainder on cents)."""
    if not np.isfinite(total):
        return np.full(len(np.asarray(weights)), np.nan)
    return split_whole(round(total * 100), weights) / 100


def round_excel(values: np.ndarray | float) -> np.ndarray:
    """Excel's ``ROUND(x, 0)``: 15 significant digits first, then halves away from zero."""
    x = np.vectorize(excel_round15, otypes=[float])(np.asarray(values, dtype=float))
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def cumulative_shares(weights: Sequence[float] | np.ndarray) -> np.ndarray:
    """Running share of the weights, as the sheet computes it: ``SUM(w₁..wᵢ)/SUM(w₁..wₙ)``
    (added one by one, the last share exactly 1). Blank, negative or non-finite weights
    count as 0; all-zero weights share evenly (i / n)."""
    w = np.asarray(weights, dtype=float).ravel()
    w = np.where(np.isfinite(w) & (w > 0), w, 0.0)
    if w.sum() <= 0:
        return np.arange(1, w.size + 1) / w.size
    running = np.array([sum(w[: i + 1].tolist()) for i in range(w.size)])
    return running / running[-1]


def split_cumulative(total: int, weights: Sequence[float] | np.ndarray) -> np.ndarray:
    """Split a whole number by the cumulative split, a form a worksheet formula computes:
    part_i = ROUND(total × C_i) − ROUND(total × C_{i−1}), C the :func:`cumulative_shares`.

    The parts add up exactly to ``total`` (C_n = 1) and each is within one of its quota.

    Raises:
        InputError: ``total`` is negative or not whole, or there are no weights.

    Examples:
        >>> split_cumulative(10, [1, 1, 1]).tolist()   # ROUND(3.33)=3, ROUND(6.67)=7, 10
        [3, 4, 3]
    """
    if np.asarray(weights).size == 0:
        raise InputError("nothing to split: no weights")
    if not np.isfinite(total) or total < 0 or total != int(total):
        raise InputError(f"cannot split {total!r}: need a whole number ≥ 0")
    marks = round_excel(int(total) * cumulative_shares(weights))
    return np.diff(marks, prepend=0.0).astype(np.int64)


def split_cents(total: float, weights: Sequence[float] | np.ndarray) -> np.ndarray:
    """Money by the cumulative split on cents: ``ROUND(total × 100)`` cents split, in units."""
    if not np.isfinite(total):
        return np.full(len(np.asarray(weights)), np.nan)
    return split_cumulative(int(round_excel(total * 100)), weights) / 100


def monthly_weights(
    leads: pd.DataFrame, seasonality: str = "history"
) -> tuple[np.ndarray, str | None]:
    """Twelve calendar-month weights (January first) that add up to 1.

    ``history``: each calendar month's average won revenue (won customers where no amounts
    are given) over the months of the history, so a month seen twice is not counted double.

    Returns:
        ``(weights, reason)``; ``reason`` is None, or ``short_history`` / ``no_won`` when
        flat weights were used instead of the history.
    """
    flat = np.full(12, 1 / 12)
    if seasonality == "flat":
        return flat, None
    created = leads["created"] if len(leads) else pd.Series(dtype="datetime64[ns]")
    first, last = created.min(), created.max()
    if pd.isna(first) or (last - first).days < 364:
        return flat, "short_history"
    won = leads.loc[leads["won_date"].notna(), ["won_date", "amount"]]
    if won.empty:
        return flat, "no_won"
    value = won["amount"].fillna(0.0)
    if value.sum() <= 0:
        value = pd.Series(1.0, index=won.index)
    month = won["won_date"].dt.to_period("M")
    per_month = value.groupby(month).sum()
    span = pd.period_range(first.to_period("M"), max(per_month.index.max(),
                           last.to_period("M")), freq="M")
    per_month = per_month.reindex(span, fill_value=0.0)
    by_calendar = per_month.groupby(per_month.index.month).mean().reindex(range(1, 13))
    weights = by_calendar.fillna(0.0).to_numpy()
    if weights.sum() <= 0:
        return flat, "no_won"
    return weights / weights.sum(), None


def stage_lags(leads: pd.DataFrame) -> dict[str, int]:
    """Median months from reaching each stage to won, for the won leads of the history.

    Returns:
        ``{stage: months}`` for lead, mql, sql and opp (0 where there is no won lead).
    """
    won = leads.loc[leads["won_date"].notna(), list(STAGE_DATE.values())] if len(leads) else leads
    lags: dict[str, int] = {}
    for stage in STAGES[:-1]:
        if won.empty:
            lags[stage] = 0
            continue
        days = (won["won_date"] - won[STAGE_DATE[stage]]).dt.days.clip(lower=0).median()
        lags[stage] = 0 if pd.isna(days) else round(float(days) / DAYS_PER_MONTH)
    return lags


def _months(year: int) -> pd.DatetimeIndex:
    return pd.date_range(f"{year}-01-01", periods=12, freq="MS")


def plan_monthly(
    counts: Mapping[str, int],
    revenue: float,
    weights: np.ndarray,
    lags: Mapping[str, int],
    year: int,
    budget: float = np.nan,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Monthly plan: customers and revenue by ``weights`` (cumulative split), earlier stages
    moved by their lag, the budget along the monthly leads.

    A stage with a lag of L months gets in month m the target of month m + L. The targets of
    the first L months are needed before the year begins; the last L months take next
    year's first months, assumed to repeat this year's weights, so each stage's months
    still add up to its annual target.

    Args:
        counts: annual whole targets by stage key (lead, mql, sql, opp, won).
        revenue: annual revenue target.
        weights: twelve monthly weights.
        lags: months from each stage to won (:func:`stage_lags`).
        year: the plan year.
        budget: programme budget, phased along the monthly leads.

    Returns:
        ``(plan_monthly table, {stage: needed before the year})``.
    """
    frame = pd.DataFrame({"month": _months(year)})
    needed: dict[str, int] = {}
    for stage in STAGES:
        base = split_cumulative(int(counts.get(stage, 0)), weights)
        lag = int(lags.get(stage, 0)) % 12 if stage != "won" else 0
        frame[STAGE_COLUMN[stage]] = np.roll(base, -lag)
        if stage != "won":
            needed[stage] = int(base[:lag].sum())
    frame["revenue"] = split_cents(revenue, weights)
    frame["budget"] = split_cents(budget, frame["leads"].to_numpy())
    return frame, needed


def plan_quarterly(monthly: pd.DataFrame) -> pd.DataFrame:
    """Quarters as sums of months: quarter (``Q1``..``Q4``) and the monthly columns."""
    values = monthly.drop(columns="month")
    quarter = "Q" + monthly["month"].dt.quarter.astype(str)
    out = values.groupby(quarter.to_numpy(), sort=True).sum(min_count=1)
    return out.rename_axis("quarter").reset_index()


def working_days(year: int) -> pd.DataFrame:
    """Mon–Fri working days of ``year`` by month (rows 1..12, index ``month``) and ISO week
    (columns, named ``week``).

    Columns are ISO week labels such as ``2027-W01`` in date order; the week holding
    1 January may belong to the previous ISO year (``2026-W53``).
    """
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    weekday = (days.astype(np.int64) + 3) % 7  # Monday 0: 1 January 1970 was a Thursday
    days, weekday = days[weekday < 5], weekday[weekday < 5]
    # The ISO week (and its year) is the one of the week's Thursday.
    thursday = days - weekday + 3
    iso_year = thursday.astype("datetime64[Y]")
    week = (thursday - iso_year.astype("datetime64[D]")).astype(np.int64) // 7 + 1
    labels, column = np.unique([f"{y}-W{w:02d}" for y, w in
                                zip(iso_year.astype(np.int64) + 1970, week, strict=True)],
                               return_inverse=True)
    month = days.astype("datetime64[M]").astype(np.int64) % 12
    counts = np.bincount(month * len(labels) + column, minlength=12 * len(labels))
    return pd.DataFrame(counts.reshape(12, len(labels)),
                        index=pd.Index(range(1, 13), name="month"),
                        columns=pd.Index(labels.tolist(), name="week"))


def plan_weekly(monthly: pd.DataFrame, year: int) -> pd.DataFrame:
    """ISO weeks split from months by working days (a week across two months takes from both),
    each month by the cumulative split over its weeks; revenue follows the weeks' customers
    (by working days when the plan has none).

    Returns:
        week, week_start (Monday), leads, mql, sql, opp, won, revenue.
    """
    days = working_days(year)
    weeks, per_month = days.columns, days.to_numpy()
    out = pd.DataFrame({"week": weeks})
    out["week_start"] = pd.to_datetime(
        [pd.Timestamp.fromisocalendar(int(w[:4]), int(w[6:]), 1) for w in weeks]
    )
    for column in COUNT_COLUMNS:
        targets = monthly[column].to_numpy()
        out[column] = sum(_split_days(int(targets[m]), per_month[m]) for m in range(12))
    revenue = monthly["revenue"].to_numpy()
    won = out["won"].to_numpy()
    if won.sum() > 0:
        # Revenue comes with customers: the year's revenue by the cumulative split over the
        # weeks' customers, so a week without customers has no revenue.
        cents = int(round_excel(float(np.nansum(revenue)) * 100))
        out["revenue"] = split_cumulative(cents, won) / 100
    else:
        out["revenue"] = sum(
            _split_days(int(round_excel(float(revenue[m]) * 100)), per_month[m])
            for m in range(12)
        ) / 100
    return out


def _split_days(total: int, days: np.ndarray) -> np.ndarray:
    """A month's whole target over its weeks by working days, as the weekly sheet's formula:
    ROUND(total × through / days) − ROUND(total × before / days), per week of the month."""
    through = np.cumsum(days)
    before = through - days
    month = through[-1]
    if month <= 0:
        return np.zeros(len(days), dtype=np.int64)
    parts = round_excel(total * through / month) - round_excel(total * before / month)
    return np.where(days > 0, parts, 0).astype(np.int64)
