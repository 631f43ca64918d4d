"""Small builders of ``Inputs`` for the planning tests (tiny hand data and big random data)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from xlreview.inputs import Inputs
from xlreview.settings import Settings

LEAD_COLUMNS = ["lead_id", "created", "channel", "campaign", "mql_date", "sql_date", "opp_date",
                "won_date", "lost_date", "amount", "lead_type", "_row"]
STAGE_OFFSETS = {"mql_date": 5, "sql_date": 10, "opp_date": 20, "won_date": 30}


def funnel_leads(channel: str, counts: Sequence[int], *, start: str = "2025-01-01",
                 deal: float = 100_000.0, prefix: str = "") -> pd.DataFrame:
    """Leads of one channel: the first ``counts[k]`` leads reach stage k (lead, mql, sql,
    opp, won). Lead i is created ``start + i`` days; stages follow 5, 10, 20 and 30 days
    later (won leads: 30 days created → won); won leads have amount ``deal``."""
    n = counts[0]
    created = pd.Timestamp(start) + pd.to_timedelta(np.arange(n), unit="D")
    frame = pd.DataFrame({"lead_id": [f"{prefix}{channel}{i}" for i in range(n)],
                          "created": created, "channel": channel, "campaign": None})
    for (column, days), reached in zip(STAGE_OFFSETS.items(), counts[1:], strict=True):
        mask = np.arange(n) < reached
        frame[column] = (created + pd.Timedelta(days=days)).where(mask, pd.NaT)
        frame[f"reached_{column.removesuffix('_date')}"] = mask
    frame["lost_date"] = pd.NaT
    frame["amount"] = np.where(frame["reached_won"], deal, np.nan)
    frame["lead_type"] = "new"
    frame["_row"] = np.arange(n) + 2
    return frame


def combine(*frames: pd.DataFrame) -> pd.DataFrame:
    frame = pd.concat(frames, ignore_index=True)
    frame["_row"] = np.arange(len(frame)) + 2
    return frame


def random_leads(n: int, *, seed: int = 0, start: str = "2025-01-01", days: int = 730,
                 channels: Sequence[str] = ("search", "events", "wechat")) -> pd.DataFrame:
    """``n`` random leads over ``days`` days with back-filled stage dates."""
    rng = np.random.default_rng(seed)
    created = pd.Series(pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, days, n), "D"))
    u = rng.random((n, 4))
    mql = u[:, 0] < 0.3
    sql = mql & (u[:, 1] < 0.5)
    opp = sql & (u[:, 2] < 0.5)
    won = opp & (u[:, 3] < 0.3)

    def at(mask: np.ndarray, days_later: int) -> pd.Series:
        return (created + pd.Timedelta(days=days_later)).where(mask, pd.NaT)

    frame = pd.DataFrame({
        "lead_id": [f"L{i}" for i in range(n)], "created": created,
        "channel": rng.choice(list(channels), n), "campaign": None,
        "mql_date": at(mql, 10), "sql_date": at(sql, 30), "opp_date": at(opp, 60),
        "won_date": at(won, 120), "lost_date": at(opp & ~won, 150),
        "amount": np.where(won, rng.uniform(1e5, 9e5, n), np.nan), "lead_type": "new",
        "_row": np.arange(n) + 2,
        "reached_mql": mql, "reached_sql": sql, "reached_opp": opp, "reached_won": won,
    })
    return frame


def random_spend(channels: Sequence[str] = ("search", "events", "wechat"), *,
                 start: str = "2025-01-01", months: int = 24, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [(m, c, None, float(rng.uniform(5e4, 2e5)), np.nan, np.nan)
            for m in pd.date_range(start, periods=months, freq="MS") for c in channels]
    return pd.DataFrame(rows, columns=["month", "channel", "campaign", "cost", "visits",
                                       "impressions"])


def spend_rows(rows: Sequence[tuple[str, str, float]]) -> pd.DataFrame:
    """Spend from ``(month, channel, cost)`` tuples."""
    frame = pd.DataFrame(rows, columns=["month", "channel", "cost"])
    frame["month"] = pd.to_datetime(frame["month"])
    frame["campaign"] = None
    frame["visits"] = np.nan
    frame["impressions"] = np.nan
    return frame[["month", "channel", "campaign", "cost", "visits", "impressions"]]


def make_inputs(leads: pd.DataFrame, *, spend: pd.DataFrame | None = None,
                headcount_cost: float = 0.0, previous: dict[str, pd.DataFrame] | None = None,
                **settings: object) -> Inputs:
    spend = spend if spend is not None else spend_rows([])
    headcount = pd.DataFrame({"role": ["team"], "annual_cost": [headcount_cost],
                              "marketing_share": [1.0], "_row": [2]})
    return Inputs(leads=leads, spend=spend, headcount=headcount, goals=pd.DataFrame(),
                  settings=Settings(**settings),  # type: ignore[arg-type]
                  previous=previous or {})


def empty_leads() -> pd.DataFrame:
    frame = funnel_leads("x", [1, 0, 0, 0, 0]).iloc[0:0]
    return frame.reset_index(drop=True)
