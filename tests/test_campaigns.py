"""One campaign across channels, by hand (fiscal year 2024).

Leads::

    id  created     channel campaign mql         sql         opp         won         amount
    E1  2024-04-01  events  Expo     2024-04-02  2024-04-10  2024-05-01  2024-06-01  5000
    E2  2024-04-01  events  Expo     -           -           -           -           -
    E3  2024-03-20  email   Expo     2024-03-25  -           -           -           -
    E4  2023-12-01  email   Expo     2023-12-05  2024-01-10  2024-02-01  2024-03-01  2000
    W1  2024-05-01  web     Webinar  -           -           -           -           -
    O1  2024-02-01  ads     Old      -           -           -           -           -
    O2  2023-02-01  web     Old      -           -           -           -           -
    N1  2024-06-01  ads     -        2024-06-02  -           -           -           -

Expo came through events and email in 2024; Webinar through one channel; Old through ads
only in 2024 (its web lead is of 2023 and did nothing in 2024).
"""

from __future__ import annotations

import pandas as pd

from tests.test_year_over_year import leads_frame
from xlreview.campaigns import campaign_channels


def leads():
    return leads_frame([
        ("E1", "2024-04-01", "events", "Expo", "2024-04-02", "2024-04-10", "2024-05-01",
         "2024-06-01", 5000),
        ("E2", "2024-04-01", "events", "Expo", None, None, None, None, None),
        ("E3", "2024-03-20", "email", "Expo", "2024-03-25", None, None, None, None),
        ("E4", "2023-12-01", "email", "Expo", "2023-12-05", "2024-01-10", "2024-02-01",
         "2024-03-01", 2000),
        ("W1", "2024-05-01", "web", "Webinar", None, None, None, None, None),
        ("O1", "2024-02-01", "ads", "Old", None, None, None, None, None),
        ("O2", "2023-02-01", "web", "Old", None, None, None, None, None),
        ("N1", "2024-06-01", "ads", None, "2024-06-02", None, None, None, None),
    ])


def test_a_campaign_over_two_channels_counts_each_channels_chain():
    table = campaign_channels(leads(), 2024)
    assert list(table.columns) == ["campaign", "channel", "leads", "mql", "sql", "opp", "won",
                                   "revenue"]
    rows = [tuple(r) for r in table.itertuples(index=False)]
    assert rows == [
        # events: E1, E2 created in 2024; E1 reached every stage in 2024 and won 5000.
        ("Expo", "events", 2, 1, 1, 1, 1, 5000.0),
        # email: E3 created and MQL in 2024; E4 (created 2023) SQL, opportunity, won 2000 in 2024.
        ("Expo", "email", 1, 1, 1, 1, 1, 2000.0),
    ]


def test_sums_per_campaign_equal_the_campaigns_own_chain():
    table = campaign_channels(leads(), 2024)
    assert table["leads"].sum() == 3 and table["revenue"].sum() == 7000.0


def test_one_channel_campaigns_and_last_years_channels_are_left_out():
    table = campaign_channels(leads(), 2024)
    assert set(table["campaign"]) == {"Expo"}
    # In 2023 Expo had one channel active (email: E4 created, MQL) and Old one (web: O2).
    assert campaign_channels(leads(), 2023).empty


def test_without_a_campaign_column_the_table_is_empty():
    assert campaign_channels(leads().drop(columns="campaign"), 2024).empty


def test_a_stage_the_export_does_not_track_is_blank():
    untracked = leads()
    untracked["sql_date"] = pd.NaT
    table = campaign_channels(untracked, 2024)
    assert table["sql"].isna().all()
    assert table["leads"].tolist() == [2, 1]
