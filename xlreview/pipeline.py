"""Pipeline carry-over: what this year's open opportunities are worth next year.

Open opportunities at year end (opportunity dated on or before 31 December, neither won nor
lost by then) × the historical opportunity→won rate × the deal value, spread over next
year's months by the observed opportunity→won cycle. An opportunity already ``age`` days
old closes after the remaining part of a past cycle longer than ``age``: the empirical
distribution of past cycles conditional on exceeding the age.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .funnel import ratio, stage_dates

PIPELINE_COLUMNS: list[str] = [
    "channel", "open_opps", "pipeline_value", "win_rate", "expected_value",
    "expected_next_year",
]


def pipeline_value(
    amounts: Sequence[float], win_rate: float, close_months: Sequence[float] | None = None
) -> pd.DataFrame:
    """Expected revenue per month of open deals (cell function ``PIPELINE_VALUE``).

    Args:
        amounts: deal values; blanks are skipped.
        win_rate: probability that a deal is won (0–1).
        close_months: month from now (1 = next month) in which each deal is expected to
            close, same length as ``amounts``; None puts every deal in month 1.

    Returns:
        Columns month (1 … the last month), expected_revenue = Σ amount × win_rate.

    >>> pipeline_value([100.0, 50.0], 0.5, [1, 3])["expected_revenue"].tolist()
    [50.0, 0.0, 25.0]
    """
    values = pd.to_numeric(pd.Series(list(amounts), dtype=object), errors="coerce")
    if close_months is None:
        months = pd.Series(1, index=values.index)
    else:
        months = pd.to_numeric(pd.Series(list(close_months), dtype=object), errors="coerce")
        if len(months) != len(values):
            raise ValueError(
                f"close_months has {len(months)} values but amounts has {len(values)}")
    keep = values.notna() & months.notna()
    months = months[keep].clip(lower=1).astype("int64")
    expected = (values[keep] * float(win_rate)).groupby(months).sum()
    last = int(months.max()) if len(months) else 1
    index = pd.RangeIndex(1, last + 1)
    return pd.DataFrame({
        "month": index.to_numpy(),
        "expected_revenue": expected.reindex(index, fill_value=0.0).to_numpy(float),
    })


def open_opportunities(leads: pd.DataFrame, year: int) -> pd.DataFrame:
    """Leads that are open opportunities on 31 December of ``year``."""
    year_end = pd.Timestamp(year, 12, 31)
    opp = stage_dates(leads, "opp")
    won = stage_dates(leads, "won")
    lost = pd.to_datetime(leads["lost_date"], errors="coerce").dt.normalize() \
        if "lost_date" in leads else pd.Series(pd.NaT, index=leads.index)
    is_open = (opp <= year_end) & ~(won <= year_end) & ~(lost <= year_end)
    return leads[is_open.fillna(False).astype(bool)]


def win_rates(leads: pd.DataFrame, year: int, min_conversions: int = 20) -> tuple[
        pd.Series, float]:
    """Historical opportunity→won rate per channel and overall.

    The cohort is the opportunities created before ``year`` that are closed (won or lost);
    without any, every closed opportunity. A CRM that never records lost deals would give
    100%, so then every opportunity of the cohort counts as the denominator. A channel with
    fewer than ``min_conversions`` cohort opportunities gets the overall rate.

    Returns:
        (rate per channel, overall rate); NaN when no opportunity ever closed.
    """
    opp = stage_dates(leads, "opp")
    won = stage_dates(leads, "won").notna()
    lost = (pd.to_datetime(leads["lost_date"], errors="coerce").notna()
            if "lost_date" in leads else pd.Series(False, index=leads.index))
    is_opp = opp.notna() | won
    old = is_opp & (opp < pd.Timestamp(year, 1, 1))
    cohort = old & (won | lost) if (old & (won | lost)).any() else is_opp & (won | lost)
    if not (cohort & lost).any():
        cohort = old if old.any() else is_opp
    channel = leads["channel"].astype(object) if "channel" in leads else pd.Series(
        "unassigned", index=leads.index)
    counts = pd.DataFrame({"opps": cohort, "won": cohort & won}).astype("int64")
    overall = ratio(counts["won"].sum(), counts["opps"].sum())
    by_channel = counts.groupby(channel).sum()
    rates = ratio(by_channel["won"], by_channel["opps"])
    rates = rates.where(by_channel["opps"] >= max(min_conversions, 1), overall)
    return rates.astype(float), float(overall)


def deal_values(leads: pd.DataFrame, opps: pd.DataFrame) -> pd.Series:
    """Value of each open opportunity: its amount, else its channel's median won amount,
    else the overall median won amount."""
    amount = pd.to_numeric(leads.get("amount"), errors="coerce") if "amount" in leads else \
        pd.Series(np.nan, index=leads.index)
    won_amount = amount[stage_dates(leads, "won").notna() & amount.notna()]
    medians = won_amount.groupby(leads.loc[won_amount.index, "channel"].astype(object)).median()
    own = (pd.to_numeric(opps["amount"], errors="coerce") if "amount" in opps
           else pd.Series(np.nan, index=opps.index))
    by_channel = opps["channel"].astype(object).map(medians)
    overall = won_amount.median() if len(won_amount) else np.nan
    return own.fillna(by_channel).fillna(overall).astype(float)


def past_cycles(leads: pd.DataFrame) -> np.ndarray:
    """Sorted days from opportunity to won of every won deal with both dates."""
    days = (stage_dates(leads, "won") - stage_dates(leads, "opp")).dt.days
    return np.sort(days[days >= 0].to_numpy(float))


def close_month_shares(ages: np.ndarray, cycles: np.ndarray, year: int) -> np.ndarray:
    """Probability that each open opportunity closes in month 1..12 of ``year + 1``.

    Args:
        ages: days since each opportunity was opened, at 31 December of ``year``.
        cycles: sorted past opportunity→won days.

    Returns:
        Array (opportunities × 12). A row sums to less than 1 when part of the
        distribution falls after next year. An opportunity older than every past cycle is
        overdue and put in month 1.
    """
    year_end = pd.Timestamp(year, 12, 31)
    month_ends = pd.date_range(f"{year + 1}-01-01", periods=12, freq="ME")
    horizon = np.concatenate([[0.0], (month_ends - year_end).days.to_numpy(float)])
    ages = np.asarray(ages, dtype=float)
    shares = np.zeros((len(ages), 12))
    if len(ages) == 0:
        return shares
    not_yet = np.searchsorted(cycles, ages, side="right")  # cycles ≤ age: already past
    longer = len(cycles) - not_yet
    by_end = np.searchsorted(cycles, ages[:, None] + horizon[None, :], side="right")
    with np.errstate(divide="ignore", invalid="ignore"):
        cumulative = (by_end - not_yet[:, None]) / longer[:, None]
    shares = np.diff(cumulative, axis=1)
    overdue = longer == 0
    shares[overdue] = 0.0
    shares[overdue, 0] = 1.0
    return shares


def pipeline_tables(
    leads: pd.DataFrame, year: int, min_conversions: int = 20
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``pipeline`` table (per channel + total) and ``pipeline_months`` (next year)."""
    opps = open_opportunities(leads, year)
    rates, overall = win_rates(leads, year, min_conversions)
    channel = opps["channel"].astype(object)
    value = deal_values(leads, opps)
    rate = channel.map(rates).astype(float).fillna(overall)
    expected = value * rate
    ages = (pd.Timestamp(year, 12, 31) - stage_dates(opps, "opp")).dt.days.to_numpy(float)
    shares = close_month_shares(ages, past_cycles(leads), year)
    by_month = np.nan_to_num(expected.to_numpy(float))[:, None] * shares
    months = pd.DataFrame({
        "month": pd.date_range(f"{year + 1}-01-01", periods=12, freq="MS"),
        "expected_revenue": by_month.sum(axis=0),
    })
    frame = pd.DataFrame({
        "open_opps": 1, "pipeline_value": value.fillna(0.0),
        "expected_value": expected.fillna(0.0), "expected_next_year": by_month.sum(axis=1),
    }, index=opps.index)
    table = frame.groupby(channel).sum().rename_axis("channel")
    table["win_rate"] = rates.reindex(table.index).fillna(overall)
    total = table.sum().to_frame("total").T
    total["win_rate"] = ratio(total["expected_value"], total["pipeline_value"])
    if not len(table):
        total["win_rate"] = overall
    out = pd.concat([table, total]).rename_axis("channel").reset_index()
    out["open_opps"] = out["open_opps"].astype("int64")
    return out[PIPELINE_COLUMNS], months
