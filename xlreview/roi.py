"""Money per channel and campaign: cost, revenue, CPL, CAC, ROAS, ROI and the quadrant.

Cost and visits are the ``Spend`` rows of the fiscal year; stage counts are the period view
(dated in the year); revenue and customers are deals won in the year, credited to the lead's
channel. A ratio whose denominator is 0 or blank is NaN (a blank cell, never infinity).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .funnel import (
    STAGE_COLUMNS,
    add_rates,
    blank_untracked,
    cohort_counts,
    in_year,
    period_counts,
    ratio,
    revenue_in_year,
)
from .stages import Groups, Leads, StageView

COUNTS: list[str] = list(STAGE_COLUMNS.values())
ROI_MATRIX_COLUMNS: list[str] = [
    "channel", "cost", "visits", *COUNTS, "revenue", "cpl", "cost_per_mql", "cost_per_sql",
    "cac", "roas", "roi", "quadrant",
]
EVENT_COLUMNS: list[str] = [
    "campaign", "channel", "cost", "visits", *COUNTS, "revenue", "roi",
    "lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won",
    "lifetime_leads", "lifetime_cost", "lifetime_revenue", "lifetime_roi",
]
"""In-year columns (the fiscal year's cost, counts, revenue and ROI), then the campaign's
lifetime: all its leads whatever year they came, their revenue to date, its whole cost."""
SUMMARY_ITEMS: tuple[str, ...] = (
    "programme_cost", "headcount_cost", "revenue", "roi_programme", "roi_fully_loaded",
)
SCOPE_ITEMS: tuple[str, ...] = (
    "new_customer_revenue", "existing_customer_revenue", "marketing_sourced_revenue",
    "marketing_sourced_last_year", "marketing_target",
)
"""Revenue scopes shown after the ROI items (:mod:`xlreview.scopes`)."""


def roi(revenue: float, cost: float, headcount: float = 0.0) -> float:
    """Return on investment: ``(revenue − cost − headcount) / (cost + headcount)``.

    NaN when ``cost + headcount`` is 0 or any input is blank.

    >>> roi(300.0, 100.0)
    2.0
    >>> roi(300.0, 100.0, headcount=50.0)
    1.0
    """
    invested = float(cost) + float(headcount)
    return float(ratio(float(revenue) - invested, invested))


def spend_in_year(spend: pd.DataFrame, year: int, by: str) -> pd.DataFrame:
    """Cost and visits of ``Spend`` rows in ``year``, summed per ``by`` (rows with a blank
    ``by`` are left out)."""
    if spend.empty or by not in spend:
        return pd.DataFrame(columns=["cost", "visits"], dtype=float)
    rows = spend[in_year(pd.to_datetime(spend["month"], errors="coerce"), year)]
    rows = rows[rows[by].notna()]
    values = pd.DataFrame({
        "cost": pd.to_numeric(rows["cost"], errors="coerce"),
        "visits": pd.to_numeric(rows.get("visits"), errors="coerce")
        if "visits" in rows else 0.0,
    }, index=rows.index).fillna(0.0)
    return values.groupby(rows[by].astype(object), sort=True).sum()


def _chain(leads: Leads, spend: pd.DataFrame, year: int, by: str) -> pd.DataFrame:
    """Cost, visits, stage counts (period view) and revenue per ``by``, for groups active
    in ``year`` (leads with a blank ``by`` are left out)."""
    view = StageView.of(leads)
    known = view.groups(by).mask()
    counts = period_counts(view, year, by, rows=known)
    counts["revenue"] = revenue_in_year(view, year, by, rows=known)
    money = spend_in_year(spend, year, by)
    chain = counts.join(money, how="outer").fillna(0.0).astype(dict.fromkeys(COUNTS, "int64"))
    active = chain[[*COUNTS, "cost", "visits", "revenue"]].abs().sum(axis=1) > 0
    return chain[active].sort_index().rename_axis(by)


def add_costs(chain: pd.DataFrame) -> pd.DataFrame:
    """``chain`` with cpl, cost_per_mql, cost_per_sql, cac, roas and roi (NaN without cost)."""
    out = chain.copy()
    cost = out["cost"].astype(float).where(out["cost"] > 0)
    out["cpl"] = ratio(cost, out["leads"])
    out["cost_per_mql"] = ratio(cost, out["mql"])
    out["cost_per_sql"] = ratio(cost, out["sql"])
    out["cac"] = ratio(cost, out["won"])
    out["roas"] = ratio(out["revenue"], cost)
    out["roi"] = ratio(out["revenue"] - cost, cost)
    return out


def quadrant(volume: pd.Series, quality: pd.Series) -> pd.Series:
    """Channel quadrant split at the medians: ``star`` (≥ both), ``volume`` (volume ≥,
    quality <), ``quality`` (volume <, quality ≥) or ``question`` (below both).

    A NaN quality (no leads) counts as below the median.
    """
    high_volume = (volume >= volume.median()).to_numpy(bool)
    high_quality = (quality >= quality.median()).fillna(False).astype(bool).to_numpy()
    labels = np.select([high_volume & high_quality, high_volume, high_quality],
                       ["star", "volume", "quality"], "question")
    return pd.Series(labels, index=volume.index, dtype=object)


def roi_matrix(leads: Leads, spend: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``roi_matrix`` table: one row per channel active in ``year``, then ``total``."""
    view = StageView.of(leads)
    chain = _chain(view, spend, year, "channel")
    rows = add_costs(chain)
    # Quality: opportunities per lead, customers per lead when the export has no opportunities.
    better = "opp" if view.tracked("opp") else "won"
    rows["quadrant"] = quadrant(rows["leads"].astype(float), ratio(rows[better], rows["leads"]))
    total = add_costs(chain.sum().to_frame("total").T)
    total["quadrant"] = None
    out = pd.concat([rows, total.astype(rows.dtypes.to_dict())]) if len(rows) else total
    out = out.rename_axis("channel").reset_index()
    for column in COUNTS:
        out[column] = out[column].astype("int64")
    return blank_untracked(out, view)[ROI_MATRIX_COLUMNS]


def events_table(leads: Leads, spend: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``events`` table: one row per campaign active in ``year`` along the whole chain.

    Cost, counts and revenue are those of the year (as in the ROI matrix). The stage
    conversion rates are those of the campaign's cohort (its leads created in the year and
    the stages they reached by now), so that they stay between 0 and 1 even when a deal
    of last year's event closes this year. A campaign's channel is the channel most of its
    leads came from (else its spend's).
    """
    view = StageView.of(leads)
    chain = _chain(view, spend, year, "campaign")
    if not len(chain):
        return pd.DataFrame(columns=EVENT_COLUMNS)
    known = view.groups("campaign").mask()
    cohort = cohort_counts(view, year, "campaign", rows=known).reindex(chain.index, fill_value=0)
    rate_columns = ["lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won"]
    rates = add_rates(cohort, rate_columns)[rate_columns]
    chain = chain.join(rates).join(campaign_lifetime(view, spend, chain.index))
    chain["roi"] = ratio(chain["revenue"] - chain["cost"], chain["cost"])
    chain["channel"] = _main_channel(view, spend, chain.index)
    return blank_untracked(chain.reset_index(), view)[EVENT_COLUMNS]


def campaign_lifetime(leads: Leads, spend: pd.DataFrame, campaigns: pd.Index) -> pd.DataFrame:
    """Per campaign, whatever the year: its leads, their won revenue to date, its whole cost
    (every Spend row of it) and lifetime ROI (blank without cost)."""
    view = StageView.of(leads)
    groups = view.groups("campaign")
    sizes = groups.size()
    won = np.where(np.isnan(view.stage_days("won")), 0.0, np.nan_to_num(view.amount()))
    out = pd.DataFrame({
        "lifetime_leads": groups.series(sizes, sizes).reindex(campaigns, fill_value=0),
        "lifetime_revenue": groups.series(groups.sum(won), sizes).reindex(campaigns,
                                                                          fill_value=0.0),
    }, index=campaigns)
    cost = (spend.groupby(spend["campaign"].astype(object))["cost"].sum()
            if not spend.empty and "campaign" in spend else pd.Series(dtype=float))
    out["lifetime_cost"] = cost.reindex(campaigns).fillna(0.0).to_numpy(float)
    paid = out["lifetime_cost"].where(out["lifetime_cost"] > 0)
    out["lifetime_roi"] = ratio(out["lifetime_revenue"] - paid, paid)
    out["lifetime_leads"] = out["lifetime_leads"].astype("int64")
    return out


def _main_channel(view: StageView, spend: pd.DataFrame, campaigns: pd.Index) -> pd.Series:
    """The most frequent channel per campaign, from leads first, then from spend rows."""
    found = pd.Series(None, index=campaigns, dtype=object)
    from_spend = [Groups.of(spend.get(column), column, len(spend))
                  for column in ("campaign", "channel")]
    for campaign, channel in ((view.groups("campaign"), view.groups("channel")), from_spend):
        found = found.fillna(_top_channel(campaign, channel).reindex(campaigns))
    return found


def _top_channel(campaign: Groups, channel: Groups) -> pd.Series:
    """The most frequent channel of each campaign (on a tie the first in sort order);
    campaigns without a channel are left out."""
    rows = campaign.rows() & channel.rows()
    width = max(len(channel.labels), 1)
    pairs, counts = np.unique(campaign.codes[rows] * width + channel.codes[rows],
                              return_counts=True)
    campaigns, channels = np.divmod(pairs, width)
    # By campaign, then count (most first), then channel: the first row of each campaign.
    order = np.lexsort((channels, -counts, campaigns))
    first = order[np.flatnonzero(np.diff(campaigns[order], prepend=-1))]
    return pd.Series(channel.labels.to_numpy(object)[channels[first]],
                     index=campaign.labels[campaigns[first]], dtype=object)


def headcount_cost(headcount: pd.DataFrame) -> float:
    """Σ annual_cost × marketing_share (a blank share counts as 1)."""
    if headcount.empty or "annual_cost" not in headcount:
        return 0.0
    cost = pd.to_numeric(headcount["annual_cost"], errors="coerce").fillna(0.0)
    share = (pd.to_numeric(headcount["marketing_share"], errors="coerce").fillna(1.0)
             if "marketing_share" in headcount else 1.0)
    return float((cost * share).sum())


def roi_summary(matrix: pd.DataFrame, headcount: pd.DataFrame,
                scopes: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The ``roi_summary`` table (item, value) from the ``total`` row of ``roi_matrix``, then
    the revenue scopes (:data:`SCOPE_ITEMS`) when ``scopes`` gives them.

    ROI counts every deal won in the year (the matrix's revenue); the marketing target is
    compared only with marketing-sourced new-customer revenue."""
    total = matrix[matrix["channel"] == "total"].iloc[0]
    programme = float(total["cost"])
    people = headcount_cost(headcount)
    revenue = float(total["revenue"])
    values = [programme, people, revenue, roi(revenue, programme),
              roi(revenue, programme, people)]
    items = list(SUMMARY_ITEMS)
    if scopes is not None:
        items += list(SCOPE_ITEMS)
        values += [float(scopes.get(key, np.nan)) for key in SCOPE_ITEMS]
    return pd.DataFrame({"item": items, "value": values})
