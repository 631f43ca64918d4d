"""Share of voice: the own brand's mentions against its competitors, per platform.

Share = own brand's mentions / all brands' mentions on the platform in the year; rank 1 is
the most mentioned brand. The same for the year before, and the change in share.
:func:`brand_shares` gives every brand of the Mentions sheet (the third-party benchmark of
seed 000: brand against competitors on each platform, and the change in rank) and
:func:`share_trend` each brand's share month by month.
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


BRAND_COLUMNS: list[str] = ["platform", "brand", "mentions", "share", "rank", "share_last_year",
                            "rank_last_year", "rank_change"]


def _clean(mentions: pd.DataFrame) -> pd.DataFrame:
    """platform (stripped), brand key, brand as first typed, mentions (0 if blank), month."""
    brand = mentions["brand"].astype(str).str.strip()
    return pd.DataFrame({
        "platform": mentions["platform"].astype(str).str.strip(),
        "brand": _brand_key(brand),
        "shown": brand,
        "mentions": pd.to_numeric(mentions["mentions"], errors="coerce").fillna(0.0),
        "month": pd.to_datetime(mentions["month"], errors="coerce"),
    })


def _brand_year(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per (platform, brand key): mentions, share of the platform and rank, in ``year``."""
    rows = rows[in_year(rows["month"], year)]
    table = rows.groupby(["platform", "brand"])["mentions"].sum().to_frame()
    platform_total = table.groupby(level="platform")["mentions"].transform("sum")
    table["share"] = ratio(table["mentions"], platform_total)
    table["rank"] = table.groupby(level="platform")["mentions"].rank(method="min",
                                                                     ascending=False)
    return table


def brand_shares(mentions: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``sov_brands`` table: every brand on every platform, this year against last.

    Columns platform, brand, mentions, share, rank (1 = most mentioned on the platform),
    share_last_year, rank_last_year, rank_change (last year's rank − this year's: +1 = one
    place up; blank when the brand was not there last year). Brands are matched ignoring
    case and spaces around, shown as first typed; platforms sorted, brands by rank.
    """
    if mentions.empty:
        return pd.DataFrame(columns=BRAND_COLUMNS)
    rows = _clean(mentions)
    this, last = _brand_year(rows, year), _brand_year(rows, year - 1)
    if this.empty and last.empty:
        return pd.DataFrame(columns=BRAND_COLUMNS)
    last = last.rename(columns={"share": "share_last_year", "rank": "rank_last_year"})
    table = this.join(last[["share_last_year", "rank_last_year"]], how="outer")
    table["mentions"] = table["mentions"].fillna(0.0)
    table = table.reset_index()
    # A brand only mentioned last year is still on the platform: 0 this year, ranked last.
    table["share"] = ratio(table["mentions"],
                           table.groupby("platform")["mentions"].transform("sum"))
    table["rank"] = table.groupby("platform")["mentions"].rank(method="min", ascending=False)
    table.loc[table["share"].isna(), "rank"] = float("nan")  # no mentions there this year
    table["rank_change"] = table["rank_last_year"] - table["rank"]
    names = rows.drop_duplicates("brand").set_index("brand")["shown"]
    table["brand"] = table["brand"].map(names)
    table = table.sort_values(["platform", "rank", "brand"], kind="stable")
    return table[BRAND_COLUMNS].reset_index(drop=True)


def share_trend(mentions: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ``sov_trend`` table: month (the 12 months of ``year``), then one column per brand
    (named as first typed; most mentioned first) with its share of all platforms' mentions
    that month (blank in a month without mentions)."""
    if mentions.empty:
        return pd.DataFrame(columns=["month"])
    rows = _clean(mentions)
    names = rows.drop_duplicates("brand").set_index("brand")["shown"]
    rows = rows[in_year(rows["month"], year)]
    if rows.empty:
        return pd.DataFrame(columns=["month"])
    months = pd.date_range(f"{year}-01-01", periods=12, freq="MS")
    table = rows.groupby([rows["month"].dt.to_period("M").dt.to_timestamp(), "brand"])[
        "mentions"].sum().unstack(fill_value=0.0).reindex(months, fill_value=0.0)
    order = table.sum().sort_values(ascending=False, kind="stable").index
    shares = table[order].div(table.sum(axis=1).where(table.sum(axis=1) > 0), axis=0)
    shares.columns = [names[b] for b in shares.columns]
    return shares.rename_axis("month").reset_index()
