"""The lead-to-cash funnel: stage counts, conversion rates, stage lags and sales cycle.

Two views of a year (see DOMAIN.md):

* **period**: a stage counts in the year when its date falls in the year;
* **cohort**: of the leads created in the year, how many reached each stage by now.

All functions take the cleaned ``leads`` frame of :class:`~xlreview.inputs.Inputs`, or a
:class:`~xlreview.stages.StageView` of it that computes each lead's stage days and groups
once for all tables; they are vectorised (numpy), so that a million leads take a few
milliseconds per table.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pandas as pd

from .model import STAGES
from .stages import Leads, Rows, StageView, group_sum, restrict

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
    if _same_rows(numerator, denominator):
        return _series_ratio(numerator, denominator)  # type: ignore[arg-type]
    num = pd.to_numeric(numerator) if isinstance(numerator, pd.Series) else numerator
    den = pd.to_numeric(denominator) if isinstance(denominator, pd.Series) else denominator
    if isinstance(den, pd.Series):
        values = den.astype(float).to_numpy()
        # np.where, not Series.where: the same values, a tenth of the time on small tables
        den = pd.Series(np.where(values != 0, values, np.nan), index=den.index, name=den.name)
        return num / den
    den_arr = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.asarray(num, dtype=float) / np.where(den_arr == 0, np.nan, den_arr)
    return float(out) if out.ndim == 0 else out


def _same_rows(numerator: object, denominator: object) -> bool:
    """Both Series of plain numpy numbers on the same index: the ratio needs no alignment."""
    return (isinstance(numerator, pd.Series) and isinstance(denominator, pd.Series)
            and _plain_number(numerator) and _plain_number(denominator)
            and numerator.index.equals(denominator.index))


def _plain_number(values: pd.Series) -> bool:
    return isinstance(values.dtype, np.dtype) and values.dtype.kind in "iuf"


def _series_ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """:func:`ratio` of two Series of :func:`_same_rows`: what ``numerator / denominator``
    gives (the numerator's index; the name both share, else none) in numpy, a fifth of the
    time of pandas' checks on the small tables it is called on some 60 times a rebuild."""
    den = denominator.to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = numerator.to_numpy(dtype=float) / np.where(den != 0, den, np.nan)
    name = numerator.name if numerator.name == denominator.name else None
    return pd.Series(values, index=numerator.index, name=name)


def in_year(dates: pd.Series, year: int) -> pd.Series:
    """Whether each date falls in calendar ``year`` (NaT is False)."""
    return (dates.dt.year == year).fillna(False).astype(bool)


def period_counts(leads: Leads, year: int, by: str | None = None, rows: Rows = None
                  ) -> pd.DataFrame:
    """Stage counts of the period view: leads, mql, sql, opp, won dated in ``year``.

    Args:
        leads: the leads (or a view of them).
        year: the calendar year.
        by: optional grouping column, e.g. ``channel``.
        rows: optional bool mask of the leads to count (default all).

    Returns:
        One row per group of ``by`` among ``rows`` (index = group, a blank value its own
        last group) or a single row (index 0).
    """
    view = StageView.of(leads)
    flags = {STAGE_COLUMNS[s]: view.in_year(s, year) for s in STAGES}
    return _count_by(view, flags, by, rows)


def cohort_counts(leads: Leads, year: int | None, by: str | None = None, rows: Rows = None
                  ) -> pd.DataFrame:
    """Stage counts of the cohort view: of leads created in ``year`` (None = all leads),
    how many reached each stage by now (arguments and result as :func:`period_counts`)."""
    view = StageView.of(leads)
    if year is not None:
        rows = restrict(view.in_year("lead", year), rows)
    flags = {STAGE_COLUMNS[s]: view.reached(s) for s in STAGES}
    return _count_by(view, flags, by, rows)


def _count_by(view: StageView, flags: dict[str, np.ndarray], by: str | None, rows: Rows
              ) -> pd.DataFrame:
    """How many of ``rows`` have each flag set, per group of ``by`` (int64)."""
    if by is None:
        return pd.DataFrame(
            {name: [np.count_nonzero(restrict(flag, rows))] for name, flag in flags.items()},
            index=[0], dtype="int64")
    return view.groups(by).counts(flags, rows, dropna=False)


def revenue_in_year(leads: Leads, year: int, by: str | None = None, rows: Rows = None
                    ) -> pd.Series:
    """Won amount of deals won in ``year``, per group of ``by`` among ``rows`` (or one total
    of all leads at index 0)."""
    view = StageView.of(leads)
    amount = view.amount()
    values = np.where(view.in_year("won", year) & ~np.isnan(amount), amount, 0.0)
    if by is None:
        return pd.Series([pd.Series(values).sum()], index=[0])
    groups = view.groups(by)
    return groups.series(groups.sum(values, rows, dropna=False),
                         groups.size(rows, dropna=False))


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


def median_stage_days(leads: Leads, rows: Rows = None) -> dict[str, float]:
    """Median days from the previous stage to each stage (``lead`` has NaN), by the day,
    of ``rows`` of the leads (default all)."""
    view = StageView.of(leads)
    out: dict[str, float] = dict.fromkeys(STAGES, float("nan"))
    for before, stage in pairwise(view.tracked_stages()):  # over stages not tracked
        days = view.stage_days(stage) - view.stage_days(before)
        days = days[restrict(days >= 0, rows)]
        out[stage] = float(np.median(days)) if len(days) else float("nan")
    return out


def funnel_table(leads: Leads, year: int) -> pd.DataFrame:
    """The ``funnel`` table: stage, count_period, count_cohort, conversion, median_days,
    note.

    Conversion is the cohort count of a stage over the cohort count of the stage before;
    median_days is measured on the same cohort. A stage the export does not track has
    blank counts and the note ``not_tracked``; the next stage converts from the stage
    before it (e.g. MQL → customer).
    """
    view = StageView.of(leads)
    period = period_counts(view, year).iloc[0]
    cohort = cohort_counts(view, year).iloc[0]
    lags = median_stage_days(view, view.in_year("lead", year))
    rows = []
    previous: str | None = None
    for stage in STAGES:
        column = STAGE_COLUMNS[stage]
        if not view.tracked(stage):
            rows.append({"stage": stage, "count_period": np.nan, "count_cohort": np.nan,
                         "conversion": np.nan, "median_days": np.nan, "note": "not_tracked"})
            continue
        rows.append({
            "stage": stage,
            "count_period": int(period[column]),
            "count_cohort": int(cohort[column]),
            "conversion": (ratio(cohort[column], cohort[STAGE_COLUMNS[previous]])
                           if previous else float("nan")),
            "median_days": lags[stage],
            "note": None,
        })
        previous = stage
    return pd.DataFrame(rows, columns=["stage", "count_period", "count_cohort", "conversion",
                                       "median_days", "note"])


def monthly_table(leads: Leads, year: int) -> pd.DataFrame:
    """The ``monthly`` table: 12 months of ``year`` (1st of month), stage counts by month of
    the stage date, and revenue by month of the won date."""
    view = StageView.of(leads)
    out = pd.DataFrame({"month": pd.date_range(f"{year}-01-01", periods=12, freq="MS")})
    for stage in STAGES:
        out[STAGE_COLUMNS[stage]] = np.bincount(_month_in_year(view, stage, year), minlength=12)
    amount = view.amount()[view.in_year("won", year)]
    out["revenue"] = group_sum(np.where(np.isnan(amount), 0.0, amount),
                               _month_in_year(view, "won", year), 12)
    return blank_untracked(out, view)


def blank_untracked(table: pd.DataFrame, leads: Leads) -> pd.DataFrame:
    """``table`` with the count columns of stages the export does not track blank (NaN),
    not 0: a stage nobody could reach is not a stage nobody reached."""
    view = StageView.of(leads)
    for stage in STAGES:
        column = STAGE_COLUMNS[stage]
        if not view.tracked(stage) and column in table:
            table[column] = np.nan
    for name, stages in RATES.items():
        if name in table and not all(view.tracked(stage) for stage in stages):
            table[name] = np.nan
    return table


def _month_in_year(view: StageView, stage: str, year: int) -> np.ndarray:
    """Month (0 = January) of the stage date of each lead that reached ``stage`` in ``year``."""
    starts = pd.date_range(f"{year}-01-01", periods=12, freq="MS")
    days = view.stage_days(stage)[view.in_year(stage, year)]
    return np.searchsorted(starts.to_numpy("datetime64[D]").astype(np.int64), days,
                           side="right") - 1


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


def sales_cycle_table(leads: Leads, year: int) -> pd.DataFrame:
    """The ``sales_cycle`` table for deals won in ``year``, by lead type and overall."""
    view = StageView.of(leads)
    won = view.in_year("won", year)
    lead_type = view.column("lead_type")
    lead_type = (pd.Series(pd.NA, index=view.leads.index) if lead_type is None else lead_type)[won]
    return sales_cycle_days(
        view.leads["created"][won].reset_index(drop=True),
        view.leads["won_date"][won].reset_index(drop=True),
        lead_type.astype(object).reset_index(drop=True),
    )
