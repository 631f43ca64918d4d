"""Revenue scopes and the average deal, on a hand-made company (arithmetic in comments)."""

from __future__ import annotations

import pandas as pd
import pytest

from xlreview.checks import Findings
from xlreview.scopes import average_deal, channel_scopes, revenue_scopes


def leads() -> pd.DataFrame:
    rows = [  # id, channel, lead_type, won_date, amount
        ("L1", "Web", "new", "2025-03-01", 100.0),
        ("L2", "Web", "existing", "2025-04-01", 50.0),
        ("L3", "Partners", "new", "2025-05-01", 200.0),
        ("L4", "Web", "new", "2024-06-01", 80.0),
        ("L5", "Web", None, "2025-07-01", 30.0),  # blank type: a new customer
        ("L6", "Web", "new", None, None),  # not won
    ]
    frame = pd.DataFrame(rows, columns=["lead_id", "channel", "lead_type", "won_date", "amount"])
    frame["created"] = pd.Timestamp("2024-01-01")
    frame["won_date"] = pd.to_datetime(frame["won_date"])
    return frame


def scopes() -> pd.DataFrame:
    sheet = pd.DataFrame({"channel": ["Partners", "Web"], "group": ["新拓", "own"],
                          "sourced_by": ["合作伙伴", None], "_row": [2, 3]})
    return channel_scopes(sheet)


def test_channels_sheet_reads_both_languages_and_defaults_to_marketing() -> None:
    frame = scopes().set_index("channel")
    assert frame.loc["Partners", "sourced_by"] == "partner"
    assert frame.loc["Partners", "group"] == "new"
    assert frame.loc["Web", "sourced_by"] == "marketing"  # blank = marketing


def test_unknown_scope_is_reported_with_its_row() -> None:
    findings = Findings()
    sheet = pd.DataFrame({"channel": ["Web"], "group": ["big"], "sourced_by": ["x"],
                          "_row": [4]})
    frame = channel_scopes(sheet, findings, sheet="Channels")
    assert frame.loc[0, "sourced_by"] == "marketing"
    assert {(i.sheet, i.row, i.column) for i in findings} == {
        ("Channels", 4, "group"), ("Channels", 4, "sourced_by")}


def test_revenue_scopes_of_the_year() -> None:
    values = revenue_scopes(leads(), 2025, scopes())
    # Won in 2025: L1 100 + L2 50 + L3 200 + L5 30 = 380.
    assert values["won_revenue"] == 380
    # New customers: L1, L3, L5 = 330; existing: L2 = 50.
    assert values["new_customer_revenue"] == 330
    assert values["existing_customer_revenue"] == 50
    # Marketing-sourced: new customers of marketing channels: L1 + L5 = 130 (not Partners).
    assert values["marketing_sourced_revenue"] == 130
    assert values["marketing_sourced_customers"] == 2
    assert revenue_scopes(leads(), 2024, scopes())["marketing_sourced_revenue"] == 80


def test_without_a_channels_sheet_every_channel_is_marketing_sourced() -> None:
    values = revenue_scopes(leads(), 2025, channel_scopes(pd.DataFrame()))
    assert values["marketing_sourced_revenue"] == 330


@pytest.mark.parametrize(("year", "expected"), [
    (2025, (110.0, "year", 3)),  # new-customer deals won in 2025: (100 + 200 + 30) / 3
    (2023, (102.5, "history", 4)),  # none in 2023: every new-customer deal, 410 / 4
])
def test_average_deal_is_the_mean_of_new_customer_deals(year, expected) -> None:
    assert average_deal(leads(), year) == expected


def test_average_deal_falls_back_to_all_deals_without_new_customers() -> None:
    frame = leads()
    frame["lead_type"] = "existing"
    # Every won deal: (100 + 50 + 200 + 80 + 30) / 5 = 92.
    assert average_deal(frame, 2025) == (92.0, "all_deals", 5)
