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

from .funnel import STAGE_COLUMNS, blank_untracked
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
    if view.column("campaign") is None or view.column("channel") is None or not len(view):
        return pd.DataFrame(columns=CAMPAIGN_CHANNEL_COLUMNS)
    campaign, channel = view.groups("campaign"), view.groups("channel")
    flags = {STAGE_COLUMNS[s]: view.in_year(s, year) for s in STAGES}
    rows = campaign.rows() & channel.rows() & np.logical_or.reduce(list(flags.values()))
    # One code per (campaign, channel) pair of the active leads; counted with bincount.
    width = max(len(channel.labels), 1)
    pairs, codes = np.unique(campaign.codes[rows] * width + channel.codes[rows],
                             return_inverse=True)
    table = pd.DataFrame({
        "campaign": campaign.labels.to_numpy(object)[pairs // width],
        "channel": channel.labels.to_numpy(object)[pairs % width],
    })
    for name, flag in flags.items():
        table[name] = np.bincount(codes, weights=flag[rows], minlength=len(pairs)).astype(
            np.int64)
    amount = view.amount()[rows]
    won = flags["won"][rows] & ~np.isnan(amount)
    table["revenue"] = np.bincount(codes, weights=np.where(won, amount, 0.0),
                                   minlength=len(pairs))
    several = table.groupby("campaign")["channel"].transform("size") > 1
    table = table[several].sort_values(["campaign", "leads", "channel"],
                                       ascending=[True, False, True], kind="stable")
    return blank_untracked(table[CAMPAIGN_CHANNEL_COLUMNS].reset_index(drop=True), view)
