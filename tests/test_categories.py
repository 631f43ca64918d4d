"""Cost by category: last year's from the Spend sheet, the plan by each channel's mix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xlreview.categories import CATEGORY_COLUMNS, category_table, has_categories

NAN = np.nan


def _spend() -> pd.DataFrame:
    # 2025: Search 300 media + 100 tools; Events 600 events; WeChat 200 with no category.
    # 2024 rows do not count.
    return pd.DataFrame({
        "month": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01",
                                 "2024-05-01"]),
        "channel": ["Search", "Search", "Events", "WeChat", "Search"],
        "cost": [300.0, 100.0, 600.0, 200.0, 999.0],
        "category": ["media", "tools", "events", "  ", "media"],
    })


def _budget() -> pd.DataFrame:
    return pd.DataFrame({
        "channel": ["Search", "Events", "WeChat", "experiment", "headcount", "total"],
        "type": ["proven", "proven", "proven", "experiment", "headcount", None],
        "planned_cost": [1_000.01, 300.0, 50.0, 150.0, 5_000.0, 6_500.01],
    })


def test_last_year_by_category_and_the_plan_by_each_channels_mix():
    table = category_table(_spend(), _budget(), 2025)
    assert list(table.columns) == list(CATEGORY_COLUMNS)
    rows = {r.category: r for r in table.itertuples()}
    # Last year: events 600, media 300, uncategorised 200 (blank text), tools 100.
    assert table["category"].tolist() == ["events", "media", "uncategorised", "tools",
                                          "experiment", "total"]
    assert table["last_year_cost"].tolist() == [600, 300, 200, 100, 0, 1_200]
    # Plan: Search 1,000.01 split 3:1 in cents, 100,001 → 75,000.75 → 75,001 and 25,000
    # (largest remainder: 0.75 against 0.25) → media 750.01, tools 250.00; Events 300 →
    # events; WeChat 50 → uncategorised; experiment 150 keeps its type; headcount left out.
    assert rows["media"].planned_cost == pytest.approx(750.01)
    assert rows["tools"].planned_cost == pytest.approx(250.00)
    assert rows["events"].planned_cost == 300
    assert rows["uncategorised"].planned_cost == 50
    assert rows["experiment"].planned_cost == 150
    # Total = the programme budget: 1,000.01 + 300 + 50 + 150 = 1,500.01.
    assert rows["total"].planned_cost == pytest.approx(1_500.01)
    # Change: events 300/600 − 1 = −0.5; experiment had no cost last year → blank.
    assert rows["events"].change == pytest.approx(-0.5)
    assert np.isnan(rows["experiment"].change)


def test_no_category_column_or_no_category_given_gives_no_table():
    spend = _spend().drop(columns="category")
    assert not has_categories(spend)
    assert category_table(spend, _budget(), 2025).empty
    blank = _spend().assign(category=[None, "", " ", NAN, None])
    assert category_table(blank, _budget(), 2025).empty
    assert category_table(pd.DataFrame(), _budget(), 2025).empty
