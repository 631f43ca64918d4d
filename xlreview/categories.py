"""Cost by category (media, content, events, tools …): last year's from the Spend sheet's
optional ``category`` column, next year's from the budget lines.

Each budget line is split over the categories in the proportion its channel spent on them in
the fiscal year (to the cent, largest remainder); a line whose channel has no categorised
spend keeps its type as its category (``experiment``, ``reserve``) or goes to
``uncategorised``. Headcount is not a programme cost and is left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .phasing import split_whole

CATEGORY_COLUMNS: tuple[str, ...] = ("category", "last_year_cost", "planned_cost", "change")
UNCATEGORISED = "uncategorised"
"""Category key of spend without a category (shown as *Uncategorised* / 未分类)."""


def _category(spend: pd.DataFrame) -> pd.Series:
    if "category" not in spend:
        return pd.Series(UNCATEGORISED, index=spend.index, dtype=object)
    text = spend["category"].astype(object).where(spend["category"].notna(), None)
    text = text.map(lambda v: v.strip() if isinstance(v, str) and v.strip() else UNCATEGORISED)
    return text.astype(object)


def has_categories(spend: pd.DataFrame) -> bool:
    """Whether the Spend sheet gives a category on any row."""
    return "category" in spend and bool((_category(spend) != UNCATEGORISED).any())


def category_table(spend: pd.DataFrame, budget: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``budget_categories`` table: category, last year's cost, planned cost, change.

    Args:
        spend: the Spend sheet (month, channel, cost, category).
        budget: the ``budget`` table (channel, type, planned_cost; total and headcount rows
            are left out).
        year: the fiscal year (last year's cost is the Spend of that year).

    Returns:
        One row per category (last year's order of cost, largest first, then new ones) and a
        ``total`` row; empty when no Spend row has a category.
    """
    if spend.empty or not has_categories(spend):
        return pd.DataFrame(columns=list(CATEGORY_COLUMNS))
    in_year = spend[spend["month"].dt.year == year]
    frame = pd.DataFrame({"channel": in_year["channel"], "category": _category(in_year),
                          "cost": in_year["cost"].fillna(0.0)})
    last = frame.groupby("category", sort=False)["cost"].sum().sort_values(ascending=False,
                                                                           kind="stable")
    mix = frame.groupby(["channel", "category"], sort=False)["cost"].sum()
    planned: dict[str, int] = {}
    lines = budget[~budget["channel"].isin(["total"]) & (budget["type"] != "headcount")]
    for channel, kind, cost in lines[["channel", "type", "planned_cost"]].itertuples(
            index=False):
        cents = round(float(cost) * 100) if pd.notna(cost) else 0
        shares = mix.loc[channel] if channel in mix.index.get_level_values(0) else None
        if shares is None or shares.sum() <= 0:
            key = kind if kind in ("experiment", "reserve") else UNCATEGORISED
            planned[key] = planned.get(key, 0) + cents
            continue
        for category, part in zip(shares.index, split_whole(cents, shares.to_numpy()),
                                  strict=True):
            planned[category] = planned.get(category, 0) + int(part)
    order = [*last.index, *(k for k in planned if k not in last.index)]
    table = pd.DataFrame({
        "category": order,
        "last_year_cost": [float(last.get(k, 0.0)) for k in order],
        "planned_cost": [planned.get(k, 0) / 100 for k in order],
    })
    total = pd.DataFrame({"category": ["total"], "last_year_cost": [table["last_year_cost"].sum()],
                          "planned_cost": [round(table["planned_cost"].sum(), 2)]})
    table = pd.concat([table, total], ignore_index=True)
    last_cost = table["last_year_cost"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["change"] = np.where(last_cost > 0, table["planned_cost"] / last_cost - 1, np.nan)
    return table


__all__ = ["CATEGORY_COLUMNS", "UNCATEGORISED", "category_table", "has_categories"]
