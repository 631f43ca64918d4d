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
