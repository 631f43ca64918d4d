"""Pipeline carry-over: what this year's open opportunities are worth next year.

Open opportunities at year end (opportunity dated on or before 31 December, neither won nor
lost by then) × the historical opportunity→won rate × the deal value, spread over next
year's months by the observed opportunity→won cycle. An opportunity already ``age`` days
old closes after the remaining part of a past cycle longer than ``age``: the empirical
distribution of past cycles conditional on exceeding the age.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .funnel import ratio
from .stages import Groups, Leads, StageView, conversion_cohort, day_number, year_days

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


def is_open(leads: Leads, year: int) -> np.ndarray:
    """Whether each lead is an open opportunity on 31 December of ``year`` (bool mask)."""
    view = StageView.of(leads)
    year_end = day_number(pd.Timestamp(year, 12, 31))
    return ((view.stage_days("opp") <= year_end) & ~(view.stage_days("won") <= year_end)
            & ~(view.days("lost_date") <= year_end))


def open_opportunities(leads: Leads, year: int) -> pd.DataFrame:
    """Leads that are open opportunities on 31 December of ``year``."""
    view = StageView.of(leads)
    return view.leads[is_open(view, year)]


@dataclass(frozen=True)
class WinRate:
    """The one win rate of the workbook: opportunities won ÷ opportunities decided.

    Attributes:
        by_channel: rate per channel (the overall rate where a channel has fewer than
            ``min_conversions`` decided opportunities).
        overall: the rate of every channel together (NaN: no opportunity decided).
        won, decided: the counts behind ``overall``.
        stage: the stage counted as an opportunity (``opp``; the last tracked stage before
            customers when the export has no opportunity dates).
        basis: ``decided`` (won ÷ won or lost) or ``no_lost`` (the export records no lost
            deals: won ÷ every opportunity old enough to have closed).
    """

    by_channel: pd.Series
    overall: float
    won: int
    decided: int
    stage: str
    basis: str


def opportunity_stage(leads: Leads) -> str:
    """The stage counted as an opportunity: ``opp``, or the last tracked stage before
    customers when the export does not track opportunities."""
    tracked = StageView.of(leads).tracked_stages()
    return [s for s in tracked if s != "won"][-1]


def win_rates(leads: Leads, year: int, min_conversions: int = 20) -> WinRate:
    """The win rate: opportunities won ÷ opportunities decided (won or lost), over the
    opportunities decided by the end of ``year``.

    A CRM that never records lost deals would give 100%: then every opportunity old enough
    to have closed (opened at least one median sales cycle before the data ends, as the
    other stage rates of the plan) counts as decided (basis ``no_lost``). A channel with fewer than
    ``min_conversions`` decided opportunities gets the overall rate.
    """
    view = StageView.of(leads)
    stage = opportunity_stage(view)
    year_end = year_days(year)[1]
    won_day, lost_day = view.stage_days("won"), view.days("lost_date")
    won = won_day < year_end
    lost = (lost_day < year_end) & ~won
    is_opp = ~np.isnan(view.stage_days(stage)) | won
    basis = "decided"
    cohort = is_opp & (won | lost)
    if not (lost & is_opp).any():
        basis = "no_lost"
        cohort = is_opp & conversion_cohort(view)
        cohort = cohort if cohort.any() else is_opp
    channels = view.groups("channel") if "channel" in view.leads else Groups.of(
        pd.Series("unassigned", index=view.leads.index), None, len(view))
    wins, decided = np.count_nonzero(cohort & won), np.count_nonzero(cohort)
    overall = float(ratio(wins, decided))
    by_channel = channels.counts({"opps": cohort, "won": cohort & won})
    rates = ratio(by_channel["won"], by_channel["opps"])
    rates = rates.where(by_channel["opps"] >= max(min_conversions, 1), overall)
    return WinRate(rates.astype(float), overall, wins, decided, stage, basis)


def win_rate_table(leads: Leads, year: int, min_conversions: int = 20) -> pd.DataFrame:
    """The ``win_rate`` table: one row (stage, won, decided, win_rate, basis) stating the
    win rate that Targets and Pipeline use (:func:`win_rates`)."""
    win = win_rates(leads, year, min_conversions)
    return pd.DataFrame({"stage": [win.stage], "won": [win.won], "decided": [win.decided],
                         "win_rate": [win.overall], "basis": [win.basis]})


def deal_values(leads: Leads, opps: pd.DataFrame) -> pd.Series:
    """Value of each open opportunity: its amount, else its channel's median won amount,
    else the overall median won amount."""
    view = StageView.of(leads)
    amount = view.amount()
    won = ~np.isnan(view.stage_days("won")) & ~np.isnan(amount)
    channels = view.groups("channel")
    medians = channels.series(channels.median(amount, won), channels.size(won))
    own = (pd.to_numeric(opps["amount"], errors="coerce") if "amount" in opps
           else pd.Series(np.nan, index=opps.index))
    by_channel = opps["channel"].astype(object).map(medians)
    overall = pd.Series(amount[won]).median() if won.any() else np.nan
    return own.fillna(by_channel).fillna(overall).astype(float)


def past_cycles(leads: Leads) -> np.ndarray:
    """Sorted days from opportunity to won of every won deal with both dates."""
    view = StageView.of(leads)
    days = view.stage_days("won") - view.stage_days("opp")
    return np.sort(days[days >= 0])


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
    leads: Leads, year: int, min_conversions: int = 20
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``pipeline`` table (per channel + total) and ``pipeline_months`` (next year)."""
    view = StageView.of(leads)
    open_ = is_open(view, year)
    opps = view.leads.loc[open_, ["channel", "amount"] if "amount" in view.leads else ["channel"]]
    win = win_rates(view, year, min_conversions)
    rates, overall = win.by_channel, win.overall
    channel = opps["channel"].astype(object)
    value = deal_values(view, opps)
    rate = channel.map(rates).astype(float).fillna(overall)
    expected = value * rate
    ages = day_number(pd.Timestamp(year, 12, 31)) - view.stage_days("opp")[open_]
    shares = close_month_shares(ages, past_cycles(view), year)
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
