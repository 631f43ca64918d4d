"""One campaign across channels: where the leads of a multi-channel campaign came from.

A trade show promoted by e-mail, paid search and the sales team's own calls brings leads
through each of those channels (seed 002, figure 7). For every campaign whose leads of the
fiscal year came through two or more channels, the chain per channel: leads, MQL, SQL,
opportunities, customers and revenue, counted as in the ROI matrix (the period view: a
stage counts when its date falls in the year; revenue = deals won in the year).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .funnel import STAGE_COLUMNS
from .model import STAGES
from .stages import Leads, StageView

CAMPAIGN_CHANNEL_COLUMNS: list[str] = ["campaign", "channel", *STAGE_COLUMNS.values(), "revenue"]


def campaign_channels(leads: Leads, year: int) -> pd.DataFrame:
    """The ``campaign_channels`` table: campaign, channel, leads, mql, sql, opp, won, revenue.

    Campaigns sorted by name, their channels by leads (most first), then name. A lead
    without a campaign or a channel is left out; a campaign with activity in ``year``
    through one channel only is left out (the Events sheet shows it).
    """
    view = StageView.of(leads)
    campaign, channel = view.column("campaign"), view.column("channel")
    if campaign is None or channel is None or not len(view):
        return pd.DataFrame(columns=CAMPAIGN_CHANNEL_COLUMNS)
    flags = {STAGE_COLUMNS[s]: view.in_year(s, year) for s in STAGES}
    amount = view.amount()
    won = flags["won"] & ~np.isnan(amount)
    frame = pd.DataFrame({name: flag.astype(np.int64) for name, flag in flags.items()})
    frame["revenue"] = np.where(won, amount, 0.0)
    frame["campaign"], frame["channel"] = campaign.to_numpy(object), channel.to_numpy(object)
    active = np.logical_or.reduce(list(flags.values()))
    frame = frame[active & campaign.notna().to_numpy() & channel.notna().to_numpy()]
    table = frame.groupby(["campaign", "channel"], sort=True).sum().reset_index()
    several = table.groupby("campaign")["channel"].transform("size") > 1
    table = table[several].sort_values(["campaign", "leads", "channel"],
                                       ascending=[True, False, True], kind="stable")
    return table[CAMPAIGN_CHANNEL_COLUMNS].reset_index(drop=True)
