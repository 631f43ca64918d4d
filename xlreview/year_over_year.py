"""This year against last year: the channel chain of both years, metric by metric.

Change is a ratio for counts and money (``this / last − 1``: +0.25 = a quarter more) and
percentage points for rates (``(this − last) × 100``: ROI from 150% to 175% is +25 pp); it
is blank where last year has nothing (no value, or 0 for a count or money).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .funnel import funnel_table, ratio
from .roi import roi_matrix
from .stages import Leads, StageView

YOY_COLUMNS: list[str] = ["channel", "metric", "last_year", "this_year", "change"]
YOY_METRICS: tuple[str, ...] = ("cost", "visits", "leads", "mql", "sql", "opp", "won", "revenue",
                                "cpl", "cac", "roi")
ADDITIVE: frozenset[str] = frozenset(YOY_METRICS[:8])
"""Counts and money (0 in a year without activity); the others are ratios (blank then)."""
RATE_METRICS: frozenset[str] = frozenset({"roi"})
"""Metrics whose change is in percentage points (the others: a ratio)."""


def change(last: pd.Series, this: pd.Series, metric: pd.Series) -> pd.Series:
    """The change of each row: ratio for counts and money, points for rates (see module)."""
    last, this = last.astype(float), this.astype(float)
    rate = metric.isin(RATE_METRICS).to_numpy()
    as_ratio = np.asarray(ratio(this, last), dtype=float) - 1.0
    as_points = ((this - last) * 100.0).to_numpy()
    return pd.Series(np.where(rate, as_points, as_ratio), index=last.index, dtype=float)


def year_over_year(leads: Leads, spend: pd.DataFrame, year: int,
                   matrix: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``year_over_year`` table: channel, metric, last_year, this_year, change.

    One row per channel active in either year (then ``total``) and metric of
    :data:`YOY_METRICS`, both years measured as the ROI matrix measures one.

    Args:
        leads: the leads (or a view of them).
        spend: the Spend rows.
        year: the fiscal year (``year - 1`` is last year).
        matrix: this year's ``roi_matrix`` if already computed.
    """
    view = StageView.of(leads)
    this = (roi_matrix(view, spend, year) if matrix is None else matrix).set_index("channel")
    last = roi_matrix(view, spend, year - 1).set_index("channel")
    if this["leads"].sum() + last["leads"].sum() == 0 and not (
            this["cost"].sum() or last["cost"].sum()):
        return pd.DataFrame(columns=YOY_COLUMNS)
    channels = [*sorted(c for c in this.index.union(last.index) if c != "total"), "total"]
    metrics = list(YOY_METRICS)
    values = [frame.reindex(channels)[metrics].to_numpy(float) for frame in (last, this)]
    # A channel without activity in a year had 0 cost, leads …, and no CPL, CAC or ROI; a
    # stage the export does not track stays blank.
    tracked = pd.concat([last[metrics], this[metrics]]).notna().any().to_numpy()
    additive = np.array([m in ADDITIVE for m in metrics]) & tracked
    for frame, array in zip((last, this), values, strict=True):
        absent = ~np.isin(np.asarray(channels, dtype=object), frame.index.to_numpy(object))
        array[np.ix_(absent, additive)] = 0.0
    values = [array.ravel() for array in values]
    out = pd.DataFrame({"channel": np.repeat(np.asarray(channels, dtype=object), len(metrics)),
                        "metric": np.tile(np.asarray(metrics, dtype=object), len(channels)),
                        "last_year": values[0], "this_year": values[1]})
    out["change"] = change(out["last_year"], out["this_year"], out["metric"])
    return out[YOY_COLUMNS]


def funnel_last_year(funnel: pd.DataFrame, leads: Leads, year: int) -> pd.DataFrame:
    """``funnel`` with ``conversion_last_year`` (last year's cohort, as this year's) beside
    ``conversion``."""
    last = funnel_table(leads, year - 1).set_index("stage")["conversion"]
    out = funnel.copy()
    at = list(out.columns).index("conversion") + 1 if "conversion" in out else len(out.columns)
    out.insert(at, "conversion_last_year", out["stage"].map(last).astype(float))
    return out
