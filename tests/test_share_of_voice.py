"""Share of voice per platform, this year against last."""

from __future__ import annotations

import pandas as pd

from tests.test_review import sample_mentions
from xlreview.share_of_voice import share_of_voice


def test_no_brand_or_no_mentions_gives_an_empty_table():
    assert share_of_voice(sample_mentions(), None, 2024).empty
    assert share_of_voice(sample_mentions().iloc[0:0], "Acme", 2024).empty


def test_brand_missing_on_a_platform_ranks_last_with_zero():
    """Bilibili 2024: Rival 5, Other 3, no Acme → Acme 0 mentions, share 0, rank 3."""
    mentions = pd.DataFrame({
        "month": pd.to_datetime(["2024-06-01", "2024-06-01"]),
        "platform": ["Bilibili", "Bilibili"], "brand": ["Rival", "Other"],
        "mentions": [5.0, 3.0],
    })
    row = share_of_voice(mentions, "Acme", 2024).iloc[0]
    assert row[["platform", "mentions", "share", "rank"]].tolist() == ["Bilibili", 0, 0, 3]


def test_shares_sum_to_one_over_brands():
    """Each brand's share on Xiaohongshu 2024: Acme 10, Rival 30, Other 60 of 100."""
    shares = [share_of_voice(sample_mentions(), brand, 2024)
              .set_index("platform").loc["Xiaohongshu", "share"]
              for brand in ("Acme", "Rival", "Other")]
    assert shares == [0.1, 0.3, 0.6]


def two_brands_two_platforms() -> pd.DataFrame:
    """Acme and Rival on Douyin and WeChat, 2023 and 2024 (mentions per month)::

        platform month    Acme Rival
        Douyin   2023-05  30   10     → 2023: Acme 75 %, rank 1; Rival 25 %, rank 2
        Douyin   2024-03  20   60     → 2024: Acme 25 %, rank 2; Rival 75 %, rank 1
        WeChat   2024-03  10   10     → 2024 March: Acme 50 %, Rival 50 %, both rank 1
        WeChat   2024-07  30   -      → 2024: Acme 40 of 50 = 80 %; Rival 10 = 20 %
    """
    rows = [("2023-05-01", "Douyin", "Acme", 30), ("2023-05-01", "Douyin", "Rival", 10),
            ("2024-03-01", "Douyin", "Acme", 20), ("2024-03-01", "Douyin", " rival ", 60),
            ("2024-03-01", "WeChat", "acme", 10), ("2024-03-01", "WeChat", "Rival", 10),
            ("2024-07-01", "WeChat", "Acme", 30)]
    return pd.DataFrame({"month": pd.to_datetime([r[0] for r in rows]),
                         "platform": [r[1] for r in rows], "brand": [r[2] for r in rows],
                         "mentions": [float(r[3]) for r in rows]})


def test_every_brand_on_every_platform_with_last_years_rank():
    from xlreview.share_of_voice import brand_shares

    table = brand_shares(two_brands_two_platforms(), 2024)
    rows = [tuple(r) for r in table.itertuples(index=False)]
    nan = float("nan")
    expected = [
        # platform, brand, mentions, share, rank, share last year, rank last year, change
        ("Douyin", "Rival", 60.0, 0.75, 1.0, 0.25, 2.0, 1.0),   # up one place
        ("Douyin", "Acme", 20.0, 0.25, 2.0, 0.75, 1.0, -1.0),   # down one place
        ("WeChat", "Acme", 40.0, 0.8, 1.0, nan, nan, nan),      # not on WeChat in 2023
        ("WeChat", "Rival", 10.0, 0.2, 2.0, nan, nan, nan),
    ]
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got[:2] == want[:2]
        assert pd.Series(got[2:]).equals(pd.Series(want[2:])), (got, want)


def test_brand_shares_add_up_to_one_per_platform():
    from xlreview.share_of_voice import brand_shares

    table = brand_shares(two_brands_two_platforms(), 2024)
    assert table.groupby("platform")["share"].sum().tolist() == [1.0, 1.0]


def test_share_trend_by_month_over_all_platforms():
    from xlreview.share_of_voice import share_trend

    trend = share_trend(two_brands_two_platforms(), 2024).set_index("month")
    # Most mentioned first: Rival 70, Acme 60 in 2024.
    assert list(trend.columns) == ["Rival", "Acme"]
    assert len(trend) == 12
    march, july = trend.loc["2024-03-01"], trend.loc["2024-07-01"]
    assert (march["Acme"], march["Rival"]) == (30 / 100, 70 / 100)  # 20 + 10 of 100
    assert (july["Acme"], july["Rival"]) == (1.0, 0.0)
    assert trend.loc["2024-01-01"].isna().all()  # no mentions in January


def test_brand_tables_are_empty_without_mentions():
    from xlreview.share_of_voice import brand_shares, share_trend

    empty = two_brands_two_platforms().iloc[0:0]
    assert brand_shares(empty, 2024).empty
    assert list(share_trend(empty, 2024).columns) == ["month"]
