"""Scopes of revenue: won, new-customer, existing-customer and marketing-sourced.

Next year's marketing target (company target × new-customer share × marketing share) is
*new-customer revenue sourced by marketing*, so it is only ever compared with that scope:

* **won revenue**: deals won in the fiscal year, every channel and customer type;
* **new-customer revenue**: of those, leads whose ``lead_type`` is not ``existing`` (a blank
  type counts as new: a lead is a prospect unless the CRM says it is a customer);
* **existing-customer revenue**: leads typed ``existing`` (renewals, upsell);
* **marketing-sourced revenue**: new-customer revenue of channels sourced by marketing (the
  ``Channels`` sheet's ``sourced_by``; blank or an unlisted channel = marketing).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .checks import Findings
from .labels import label
from .stages import Leads, StageView

SCOPE_COLUMNS: tuple[str, ...] = ("channel", "group", "sourced_by")
SOURCES: tuple[str, ...] = ("marketing", "partner", "sales")
GROUPS: tuple[str, ...] = ("own", "new")
REVENUE_SCOPES: tuple[str, ...] = (
    "won_revenue", "new_customer_revenue", "existing_customer_revenue",
    "marketing_sourced_revenue",
)

_SOURCE_WORDS: dict[str, str] = {
    **dict.fromkeys(["marketing", "mkt", "market", "市场", "市场部", "营销", "營銷", "市場",
                     "市場部"],
                    "marketing"),
    **dict.fromkeys(["partner", "partners", "channel partner", "reseller", "合作伙伴", "伙伴",
                     "渠道伙伴", "代理商", "合作夥伴", "夥伴",
                     "渠道夥伴"], "partner"),
    **dict.fromkeys(["sales", "sale", "sdr", "bdr", "销售", "銷售", "销售自拓", "銷售自拓"],
                    "sales"),
}
_GROUP_WORDS: dict[str, str] = {
    **dict.fromkeys(["own", "owned", "existing", "自有", "自有渠道"], "own"),
    **dict.fromkeys(["new", "new channel", "新拓", "新拓渠道", "新渠道", "新"], "new"),
}


def _word(value: object, words: Mapping[str, str]) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):
        return None
    return words.get(str(value).strip().lower())


def channel_scopes(channels: pd.DataFrame, findings: Findings | None = None, *,
                   sheet: str = "Channels", lang: str = "en") -> pd.DataFrame:
    """The Channels sheet as ``channel, group, sourced_by`` keys, one row per channel.

    ``sourced_by`` blank = ``marketing``; ``group`` blank stays blank. A value that is not
    one of the choices is reported (sheet, row, column) and read as blank.
    """
    if channels is None or channels.empty or "channel" not in channels:
        return pd.DataFrame(columns=list(SCOPE_COLUMNS))
    findings = findings if findings is not None else Findings()
    rows = channels["_row"] if "_row" in channels else pd.Series(None, index=channels.index)
    out = []
    for index, record in channels.iterrows():
        channel = str(record["channel"]).strip()
        values = {"channel": channel}
        for column, words, choices in (("group", _GROUP_WORDS, GROUPS),
                                       ("sourced_by", _SOURCE_WORDS, SOURCES)):
            raw = record.get(column)
            word = _word(raw, words)
            if word is None and raw is not None and not pd.isna(raw) and str(raw).strip():
                row = rows[index]
                findings.add("warning", sheet, None if pd.isna(row) else int(row), column,
                             label("msg.channel_scope_unknown", lang, value=raw,
                                   choices=", ".join(choices)))
            values[column] = word
        values["sourced_by"] = values["sourced_by"] or "marketing"
        out.append(values)
    frame = pd.DataFrame(out, columns=list(SCOPE_COLUMNS))
    return frame.drop_duplicates("channel", keep="last").reset_index(drop=True)


def sourced_by(scopes: pd.DataFrame, channels: pd.Index | list[str]) -> pd.Series:
    """Who sources each channel's leads (``marketing`` unless the Channels sheet says)."""
    given = scopes.set_index("channel")["sourced_by"] if len(scopes) else pd.Series(dtype=object)
    return pd.Series([given.get(c, "marketing") or "marketing" for c in channels],
                     index=pd.Index(channels), dtype=object)


def marketing_channels(scopes: pd.DataFrame, channels: pd.Index | list[str]) -> pd.Index:
    """The channels among ``channels`` that marketing sources."""
    sources = sourced_by(scopes, channels)
    return pd.Index(sources.index[sources == "marketing"])


def is_new_customer(leads: Leads) -> np.ndarray:
    """Whether each lead is a new-customer lead (``lead_type`` not ``existing``)."""
    view = StageView.of(leads)

    def compute() -> np.ndarray:
        kind = view.column("lead_type")
        if kind is None:
            return np.ones(len(view), dtype=bool)
        # Blank cells become None first, so a plain numpy comparison calls them new too.
        return kind.to_numpy(dtype=object, na_value=None) != "existing"
    return view.memo("new_customer", compute)


def is_marketing_sourced(leads: Leads, scopes: pd.DataFrame) -> np.ndarray:
    """Whether each lead came through a channel that marketing sources."""
    view = StageView.of(leads)
    groups = view.groups("channel")
    if not len(groups.labels):
        return np.zeros(len(view), dtype=bool)
    labels = [str(c) for c in groups.labels]
    own = np.asarray(sourced_by(scopes, labels).to_numpy() == "marketing", dtype=bool)
    return own[groups.codes]


def won_in_year(leads: Leads, year: int) -> tuple[np.ndarray, np.ndarray]:
    """(deals won in ``year`` as a mask, their amounts with blanks as 0)."""
    view = StageView.of(leads)
    won = view.in_year("won", year)
    amount = np.nan_to_num(view.amount(), nan=0.0)
    return won, np.where(won, amount, 0.0)


def revenue_scopes(leads: Leads, year: int, scopes: pd.DataFrame) -> dict[str, float]:
    """Revenue of each scope of :data:`REVENUE_SCOPES` for deals won in ``year``, and the
    customers behind it (``<scope>_customers``)."""
    view = StageView.of(leads)
    won, amount = won_in_year(view, year)
    new = is_new_customer(view)
    sourced = is_marketing_sourced(view, scopes)
    masks = {"won_revenue": won, "new_customer_revenue": won & new,
             "existing_customer_revenue": won & ~new,
             "marketing_sourced_revenue": won & new & sourced}
    out: dict[str, float] = {}
    for key, mask in masks.items():
        out[key] = float(pd.Series(amount[mask]).sum())
        out[key.replace("_revenue", "_customers")] = float(np.count_nonzero(mask))
    return out


def new_customer_deals(leads: Leads, year: int) -> tuple[np.ndarray, str]:
    """Amounts of the new-customer deals behind the average deal, and where they come from:
    ``year`` (won in the fiscal year), ``history`` (every year: none won in the fiscal year)
    or ``all_deals`` (no new-customer deal at all: every won deal)."""
    view = StageView.of(leads)
    amount = view.amount()
    won = ~np.isnan(view.stage_days("won")) & (amount > 0)
    new = is_new_customer(view)
    for mask, source in ((won & new & view.in_year("won", year), "year"),
                         (won & new, "history"), (won, "all_deals")):
        if mask.any():
            return amount[mask], source
    return np.zeros(0), "none"


def average_deal(leads: Leads, year: int) -> tuple[float, str, int]:
    """Mean amount of new-customer deals won in ``year`` (earlier years only when the year
    has none): (mean, source key, deals); NaN and ``none`` without any won amount."""
    amounts, source = new_customer_deals(leads, year)
    if not len(amounts):
        return float("nan"), "none", 0
    return float(amounts.mean()), source, len(amounts)
