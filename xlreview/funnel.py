"""The lead-to-cash funnel: stage counts, conversion rates, stage lags and sales cycle.

Two views of a year (see DOMAIN.md):

* **period**: a stage counts in the year when its date falls in the year;
* **cohort**: of the leads created in the year, how many reached each stage by now.

All functions take the cleaned ``leads`` frame of :class:`~xlreview.inputs.Inputs` and are
vectorised (groupby), so that a million leads take well under a second per table.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pandas as pd

from .model import STAGE_DATE, STAGES

RATES: dict[str, tuple[str, str]] = {
    "lead_to_mql": ("lead", "mql"),
    "mql_to_sql": ("mql", "sql"),
    "sql_to_opp": ("sql", "opp"),
    "opp_to_won": ("opp", "won"),
    "lead_to_won": ("lead", "won"),
}
"""Conversion-rate columns: name -> (from stage, to stage)."""

STAGE_COLUMNS: dict[str, str] = {"lead": "leads", "mql": "mql", "sql": "sql", "opp": "opp",
                                 "won": "won"}
"""Stage key -> column key of count tables (``leads`` is plural in the table contract)."""

LEAD_TYPES: tuple[str, ...] = ("new", "existing", "all")


def ratio(numerator: object, denominator: object) -> object:
    """``numerator / denominator`` with NaN where the denominator is 0 or blank.

    Works on scalars, numpy arrays and pandas Series alike.
    """
    num = pd.to_numeric(numerator) if isinstance(numerator, pd.Series) else numerator
    den = pd.to_numeric(denominator) if isinstance(denominator, pd.Series) else denominator
    if isinstance(den, pd.Series):
        den = den.astype(float).where(den != 0)
        return num / den
    den_arr = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.asarray(num, dtype=float) / np.where(den_arr == 0, np.nan, den_arr)
    return float(out) if out.ndim == 0 else out


def stage_dates(leads: pd.DataFrame, stage: str) -> pd.Series:
    """The date each lead reached ``stage``, normalised to the day (NaT = not reached)."""
    column = STAGE_DATE[stage]
    if column not in leads:
        return pd.Series(pd.NaT, index=leads.index, dtype="datetime64[ns]")
    return pd.to_datetime(leads[column], errors="coerce").dt.normalize()


def reached(leads: pd.DataFrame, stage: str) -> pd.Series:
    """Whether each lead reached ``stage`` by now (``reached_<stage>`` or a stage date)."""
    if stage == "lead":
        return pd.Series(True, index=leads.index)
    flag = f"reached_{stage}"
    if flag in leads:
        return leads[flag].fillna(False).astype(bool)
    later = STAGES[STAGES.index(stage):]
    # A later stage implies this one (the CRM skipped it).
    hit = pd.Series(False, index=leads.index)
    for name in later:
        hit |= stage_dates(leads, name).notna()
    return hit


def in_year(dates: pd.Series, year: int) -> pd.Series:
    """Whether each date falls in calendar ``year`` (NaT is False)."""
    return (dates.dt.year == year).fillna(False).astype(bool)


def period_counts(leads: pd.DataFrame, year: int, by: str | None = None) -> pd.DataFrame:
    """Stage counts of the period view: leads, mql, sql, opp, won dated in ``year``.

    Returns one row per group of ``by`` (index = group) or a single row (index 0).
    """
    flags = pd.DataFrame(
        {STAGE_COLUMNS[s]: in_year(stage_dates(leads, s), year) for s in STAGES},
        index=leads.index,
    )
    return _sum_by(flags, leads, by)


def cohort_counts(leads: pd.DataFrame, year: int | None, by: str | None = None) -> pd.DataFrame:
    """Stage counts of the cohort view: of leads created in ``year`` (None = all leads),
    how many reached each stage by now."""
    if year is not None:
        leads = leads[in_year(stage_dates(leads, "lead"), year)]
    flags = pd.DataFrame({STAGE_COLUMNS[s]: reached(leads, s) for s in STAGES}, index=leads.index)
    return _sum_by(flags, leads, by)


def _sum_by(flags: pd.DataFrame, leads: pd.DataFrame, by: str | None) -> pd.DataFrame:
    flags = flags.astype("int64")
    if by is None:
        return flags.sum().to_frame().T
    return flags.groupby(leads[by].astype(object), sort=True, dropna=False).sum()


def revenue_in_year(leads: pd.DataFrame, year: int, by: str | None = None) -> pd.Series:
    """Won amount of deals won in ``year``, per group of ``by`` (or one total at index 0)."""
    won = in_year(stage_dates(leads, "won"), year)
    amount = pd.to_numeric(leads.get("amount"), errors="coerce") if "amount" in leads else None
    values = (amount if amount is not None else pd.Series(0.0, index=leads.index)).where(won, 0.0)
    values = values.fillna(0.0).astype(float)
    if by is None:
        return pd.Series([values.sum()], index=[0])
    return values.groupby(leads[by].astype(object), sort=True, dropna=False).sum()


def add_rates(counts: pd.DataFrame, rates: Sequence[str] = tuple(RATES)) -> pd.DataFrame:
    """``counts`` (columns leads..won) with stage conversion-rate columns added."""
    out = counts.copy()
    for name in rates:
        source, target = RATES[name]
        out[name] = ratio(counts[STAGE_COLUMNS[target]], counts[STAGE_COLUMNS[source]])
    return out


def conversion_rates(leads: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Stage conversion rates of the given leads (cohort: all of them, reached by now).

    Args:
        leads: leads with stage dates (or ``reached_<stage>`` flags).
        by: optional grouping column, e.g. ``channel``.

    Returns:
        Columns ``[by,] lead_to_mql, mql_to_sql, sql_to_opp, opp_to_won, lead_to_won``;
        NaN where a stage has no leads.
    """
    rates = add_rates(cohort_counts(leads, None, by))[list(RATES)]
    if by is None:
        return rates.reset_index(drop=True)
    return rates.rename_axis(by).reset_index()


def median_stage_days(leads: pd.DataFrame) -> dict[str, float]:
    """Median days from the previous stage to each stage (``lead`` has NaN), by the day."""
    out: dict[str, float] = {"lead": float("nan")}
    for before, stage in pairwise(STAGES):
        days = (stage_dates(leads, stage) - stage_dates(leads, before)).dt.days
        days = days[days >= 0]
        out[stage] = float(days.median()) if len(days) else float("nan")
    return out


def funnel_table(leads: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``funnel`` table: stage, count_period, count_cohort, conversion, median_days.

    Conversion is the cohort count of a stage over the cohort count of the stage before;
    median_days is measured on the same cohort.
    """
    period = period_counts(leads, year).iloc[0]
    cohort = cohort_counts(leads, year).iloc[0]
    cohort_leads = leads[in_year(stage_dates(leads, "lead"), year)]
    lags = median_stage_days(cohort_leads)
    rows = []
    for i, stage in enumerate(STAGES):
        column = STAGE_COLUMNS[stage]
        previous = cohort[STAGE_COLUMNS[STAGES[i - 1]]] if i else 0
        rows.append({
            "stage": stage,
            "count_period": int(period[column]),
            "count_cohort": int(cohort[column]),
            "conversion": ratio(cohort[column], previous) if i else float("nan"),
            "median_days": lags[stage],
        })
    return pd.DataFrame(rows, columns=["stage", "count_period", "count_cohort", "conversion",
                                       "median_days"])


def monthly_table(leads: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``monthly`` table: 12 months of ``year`` (1st of month), stage counts by month of
    the stage date, and revenue by month of the won date."""
    months = pd.date_range(f"{year}-01-01", periods=12, freq="MS")
    out = pd.DataFrame({"month": months})
    for stage in STAGES:
        dates = stage_dates(leads, stage)
        dates = dates[in_year(dates, year)]
        out[STAGE_COLUMNS[stage]] = (
            dates.dt.month.value_counts().reindex(range(1, 13), fill_value=0).to_numpy("int64")
        )
    won = stage_dates(leads, "won")
    mask = in_year(won, year)
    amount = pd.to_numeric(leads["amount"], errors="coerce") if "amount" in leads else None
    if amount is None:
        out["revenue"] = 0.0
    else:
        by_month = amount[mask].fillna(0.0).groupby(won[mask].dt.month).sum()
        out["revenue"] = by_month.reindex(range(1, 13), fill_value=0.0).to_numpy(float)
    return out


def _to_dates(values: object) -> pd.Series:
    """Dates from datetimes, text or Excel serial numbers (as cell functions pass them)."""
    if isinstance(values, pd.Series):
        series = values.reset_index(drop=True)
    else:
        array = np.asarray([] if values is None else values).ravel()
        # datetime64 arrays must not go through object (they would become integers)
        series = pd.Series(array if array.dtype.kind == "M" else list(array.astype(object)),
                           dtype=None if array.dtype.kind == "M" else object)
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.normalize()
    is_serial = series.map(
        lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool | np.bool_))
    serial = pd.to_datetime(
        pd.to_numeric(series.where(is_serial), errors="coerce"),
        unit="D", origin="1899-12-30", errors="coerce",
    )
    parsed = pd.to_datetime(series.where(~is_serial), errors="coerce", format="mixed")
    return parsed.fillna(serial).dt.normalize()


def sales_cycle_days(
    created: object, won: object, lead_type: object | None = None
) -> pd.DataFrame:
    """Days from created to won: deals, median and 80th percentile (numpy, linear).

    Args:
        created: created dates of the won deals (datetimes, text or Excel serials).
        won: won dates, same length; pairs with a blank date are skipped.
        lead_type: optional ``new``/``existing`` per deal; then rows ``new``, ``existing``
            and ``all``, else a single row ``all``.

    Returns:
        Columns lead_type, deals, median_days, p80_days (NaN with no deals).
    """
    days = (_to_dates(won) - _to_dates(created)).dt.days
    if lead_type is None:
        types = pd.Series(["all"] * len(days), dtype=object)
        groups: tuple[str, ...] = ("all",)
    else:
        types = pd.Series(lead_type, dtype=object).reset_index(drop=True)
        groups = LEAD_TYPES
    valid = days.notna() & (days >= 0)
    rows = []
    for group in groups:
        mask = valid if group == "all" else valid & (types == group)
        sample = days[mask].to_numpy(float)
        rows.append({
            "lead_type": group,
            "deals": len(sample),
            "median_days": float(np.median(sample)) if len(sample) else float("nan"),
            "p80_days": float(np.percentile(sample, 80)) if len(sample) else float("nan"),
        })
    return pd.DataFrame(rows, columns=["lead_type", "deals", "median_days", "p80_days"])


def sales_cycle_table(leads: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``sales_cycle`` table for deals won in ``year``, by lead type and overall."""
    won_dates = stage_dates(leads, "won")
    deals = leads[in_year(won_dates, year)]
    lead_type = deals["lead_type"] if "lead_type" in deals else pd.Series(pd.NA, index=deals.index)
    return sales_cycle_days(
        deals["created"].reset_index(drop=True),
        deals["won_date"].reset_index(drop=True),
        lead_type.astype(object).reset_index(drop=True),
    )
