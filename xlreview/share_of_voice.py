"""Share of voice: the own brand's mentions against its competitors, per platform.

Share = own brand's mentions / all brands' mentions on the platform in the year; rank 1 is
the most mentioned brand. The same for the year before, and the change in share.
"""

from __future__ import annotations

import pandas as pd

from .funnel import in_year, ratio

SOV_COLUMNS: list[str] = ["platform", "mentions", "share", "rank", "share_last_year",
                          "rank_last_year", "change"]


def _brand_key(values: pd.Series) -> pd.Series:
    return values.astype(str).str.strip().str.casefold()


def _year_view(mentions: pd.DataFrame, brand: str, year: int) -> pd.DataFrame:
    """Per platform (plus ``total``): brand mentions, share and rank in ``year``.

    ``mentions``: platform (stripped text), brand (:func:`_brand_key`), mentions (number)
    and month (datetime).
    """
    rows = mentions[in_year(mentions["month"], year)]
    table = rows["mentions"].groupby([rows["platform"], rows["brand"]]).sum().unstack(
        fill_value=0.0)
    if table.empty:
        return pd.DataFrame(columns=["mentions", "share", "rank"])
    table = pd.concat([table, table.sum().to_frame("total").T])
    own_key = brand.strip().casefold()
    if own_key not in table:
        table[own_key] = 0.0
    ranks = table.rank(axis=1, method="min", ascending=False)
    return pd.DataFrame({
        "mentions": table[own_key],
        "share": ratio(table[own_key], table.sum(axis=1)),
        "rank": ranks[own_key],
    })


def share_of_voice(mentions: pd.DataFrame, brand: str | None, year: int) -> pd.DataFrame:
    """The ``share_of_voice`` table: platform, mentions, share, rank, share_last_year,
    rank_last_year, change (share − share last year); last row platform ``total``.

    Empty when there are no mentions or no own brand is set.
    """
    if mentions.empty or not brand or not str(brand).strip():
        return pd.DataFrame(columns=SOV_COLUMNS)
    mentions = pd.DataFrame({
        "platform": mentions["platform"].astype(str).str.strip(),
        "brand": _brand_key(mentions["brand"]),
        "mentions": pd.to_numeric(mentions["mentions"], errors="coerce").fillna(0.0),
        "month": pd.to_datetime(mentions["month"], errors="coerce"),
    })
    this = _year_view(mentions, brand, year)
    last = _year_view(mentions, brand, year - 1).rename(
        columns={"share": "share_last_year", "rank": "rank_last_year"})
    table = this.join(last[["share_last_year", "rank_last_year"]], how="outer")
    if table.empty:
        return pd.DataFrame(columns=SOV_COLUMNS)
    order = [*sorted(p for p in table.index if p != "total"), "total"]
    table = table.reindex(order)
    table["mentions"] = table["mentions"].fillna(0.0)
    table["change"] = table["share"] - table["share_last_year"]
    return table.rename_axis("platform").reset_index()[SOV_COLUMNS]
