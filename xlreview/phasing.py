"""Time phasing of the plan: annual targets into months, quarters and ISO weeks.

Whole-number targets are split by the cumulative split (:func:`split_cumulative`), the
form a worksheet formula computes, so the parts add up exactly and the workbook's live
formulas give the same numbers; money is split the same way on cents. Leads, MQL, SQL and
opportunities move earlier than the customers they produce by the median stage lags of
the history. Revenue comes with the customers in months and weeks alike; a week counts in
the month of its Thursday, so the weeks of a month add up to it.
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
    """Monthly plan: customers by ``weights`` (cumulative split), revenue with them
    (:func:`revenue_by_customers`), earlier stages moved by their lag, the budget along the
    monthly leads.

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
    frame["revenue"] = revenue_by_customers(revenue, frame["won"].to_numpy(), weights)
    frame["budget"] = split_cents(budget, frame["leads"].to_numpy())
    return frame, needed


def plan_quarterly(monthly: pd.DataFrame) -> pd.DataFrame:
    """Quarters as sums of months: quarter (``Q1``..``Q4``) and the monthly columns."""
    values = monthly.drop(columns="month")
    quarter = "Q" + monthly["month"].dt.quarter.astype(str)
    out = values.groupby(quarter.to_numpy(), sort=True).sum(min_count=1)
    return out.rename_axis("quarter").reset_index()


def iso_weeks(year: int) -> pd.DataFrame:
    """The ISO weeks of ``year`` (52 or 53): those whose Thursday falls in the year.

    Each week counts in the month of its Thursday, the rule ISO uses to give a week its
    year, so every month has four or five whole weeks and the weeks of a month add up to it.

    Returns:
        week (``2027-W01``), week_start (its Monday), month (first day of the month it
        counts in).
    """
    first = pd.Timestamp(year, 1, 1)
    thursday = first + pd.Timedelta(days=(3 - first.weekday()) % 7)
    thursdays = pd.date_range(thursday, pd.Timestamp(year, 12, 31), freq="7D")
    return pd.DataFrame({
        "week": [f"{year}-W{i + 1:02d}" for i in range(len(thursdays))],
        "week_start": thursdays - pd.Timedelta(days=3),
        "month": thursdays.to_period("M").to_timestamp(),
    })


def plan_weekly(monthly: pd.DataFrame, year: int) -> pd.DataFrame:
    """Weeks split from months: each month's targets over the weeks counting in it
    (:func:`iso_weeks`, the month of the week's Thursday), evenly by the cumulative split,
    so the weeks of a month add up exactly to it.

    Revenue comes with the customers, as on the months (:func:`revenue_by_customers`): the
    year's revenue by the cumulative split over the weeks' customers, so a week without
    customers has none and the weeks of a month add up to the month's revenue. Without
    customers in the plan, each month's revenue is split evenly over its weeks.

    Returns:
        week, week_start (Monday), month, leads, mql, sql, opp, won, revenue.
    """
    out = iso_weeks(year)
    of_month = out["month"].dt.month.to_numpy() - 1
    for column in COUNT_COLUMNS:
        targets = monthly[column].to_numpy()
        out[column] = _by_month(of_month, [int(t) for t in targets])
    revenue = monthly["revenue"].to_numpy(dtype=float)
    won = out["won"].to_numpy()
    if won.sum() > 0:
        out["revenue"] = revenue_by_customers(float(np.nansum(revenue)), won, won)
    else:
        cents = [int(round_excel(float(r) * 100)) if np.isfinite(r) else 0 for r in revenue]
        out["revenue"] = _by_month(of_month, cents) / 100
    return out


def revenue_by_customers(revenue: float, won: np.ndarray, fallback: np.ndarray
                         ) -> np.ndarray:
    """Revenue of each period = the revenue target × the share of the year's customers
    planned up to the period's end, less the same up to its start (cumulative split on
    cents). Months and weeks alike, so the weeks of a month add up to it; by ``fallback``
    weights when the plan has no customers.

    Examples:
        >>> revenue_by_customers(1000.0, np.array([1, 0, 2]), np.ones(3)).tolist()
        [333.33, 0.0, 666.67]
    """
    return split_cents(revenue, won if np.sum(won) > 0 else fallback)


def _by_month(of_month: np.ndarray, totals: Sequence[int]) -> np.ndarray:
    """Each month's whole total evenly over its weeks (``of_month``: each week's month
    index 0..11), as the weekly sheet's formula: ROUND(T × j / n) − ROUND(T × (j − 1) / n)
    for the j-th of the month's n weeks."""
    parts = np.zeros(len(of_month), dtype=np.int64)
    for m, total in enumerate(totals):
        weeks = np.flatnonzero(of_month == m)
        n = len(weeks)
        if n:
            j = np.arange(0, n + 1)
            marks = round_excel(total * j / n)
            parts[weeks] = np.diff(marks).astype(np.int64)
    return parts


