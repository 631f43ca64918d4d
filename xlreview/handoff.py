"""The hand-off from marketing to sales: what sales did with the MQLs (the SAL step).

In the demand waterfall an MQL is passed to sales, who accept it (a sales-accepted lead,
SAL), recycle it to marketing for more nurturing, or reject it. The optional Leads column
``handoff`` records that outcome; the Funnel shows, of the MQLs of the fiscal year (MQL
date in the year), how many were accepted, recycled, rejected or are still pending (blank).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .checks import Findings
from .funnel import blank_untracked, ratio
from .labels import label
from .stages import Leads, StageView

HANDOFF_COLUMNS: list[str] = ["outcome", "leads", "share", "sql", "to_sql"]
OUTCOMES: tuple[str, ...] = ("accepted", "recycled", "rejected", "pending")
DETAIL_ROWS = 5
"""Up to this many unknown outcomes get a finding each; more get one finding."""

_WORDS: dict[str, str] = {
    **dict.fromkeys(["accepted", "accept", "sal", "salesaccepted", "yes", "接受", "已接受",
                     "销售接受", "采纳", "已采纳", "接收", "已接收", "銷售接受", "採納",
                     "已採納"], "accepted"),
    **dict.fromkeys(["recycled", "recycle", "nurture", "backtonurture", "returned", "回收",
                     "退回", "退回培育", "培育", "再培育", "已退回"], "recycled"),
    **dict.fromkeys(["rejected", "reject", "disqualified", "invalid", "no", "拒绝", "已拒绝",
                     "无效", "不合格", "拒絕", "已拒絕", "無效"], "rejected"),
}


def outcome_key(value: object) -> str | None:
    """``accepted``, ``recycled`` or ``rejected`` from English or Chinese text; None for a
    blank cell, ``?`` for text that is none of them."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    word = "".join(ch for ch in str(value).strip().lower() if ch not in " _-")
    if not word:
        return None
    return _WORDS.get(word, "?")


def handoff_table(leads: Leads, year: int, findings: Findings | None = None, *,
                  sheet: str = "Leads", lang: str = "en") -> pd.DataFrame:
    """The ``handoff`` table: outcome (accepted, recycled, rejected, pending), leads, share
    of the year's MQLs, how many of them reached SQL by now and that rate (accepted → SQL is
    the SAL → SQL step of the demand waterfall). Empty when no lead has a ``handoff`` value.

    Text that is no outcome is reported in ``findings`` (sheet, Excel row, column) and
    counted as pending.
    """
    view = StageView.of(leads)
    values = view.column("handoff")
    groups = view.groups("handoff")
    written = groups.mask(dropna=True)
    if values is None or (written is not None and not written.any()):
        return pd.DataFrame(columns=HANDOFF_COLUMNS)
    # Each distinct text once (a few words over a million leads), then counted by code.
    outcome = np.array([outcome_key(v) for v in groups.labels], dtype=object)
    if findings is not None:
        unknown = (outcome == "?")[groups.codes]
        _report(view.leads, pd.Series(unknown, index=view.leads.index), values, findings,
                sheet, lang)
    mql = view.in_year("mql", year)
    counts = _by_outcome(groups.size(mql, dropna=False), outcome, int(np.count_nonzero(mql)))
    sql = view.reached("sql") & mql
    reached = _by_outcome(groups.size(sql, dropna=False), outcome, int(np.count_nonzero(sql)))
    table = pd.DataFrame({"outcome": list(OUTCOMES), "leads": counts,
                          "share": ratio(np.asarray(counts, dtype=float), float(sum(counts))),
                          "sql": reached,
                          "to_sql": ratio(np.asarray(reached, dtype=float),
                                          np.asarray(counts, dtype=float))},
                         columns=HANDOFF_COLUMNS)
    table = blank_untracked(table, view)
    table.loc[table["sql"].isna(), "to_sql"] = np.nan  # SQL not tracked: no rate either
    return table


def _by_outcome(per_label: np.ndarray, outcome: np.ndarray, total: int) -> list[int]:
    """Leads per outcome from leads per label; what no outcome claims is ``pending``."""
    counts = [int(per_label[outcome == k].sum()) for k in OUTCOMES[:-1]]
    return [*counts, total - sum(counts)]


def _report(leads: pd.DataFrame, unknown: pd.Series, values: pd.Series, findings: Findings,
            sheet: str, lang: str) -> None:
    rows = leads["_row"] if "_row" in leads else pd.Series(None, index=leads.index)
    bad = unknown[unknown].index
    for index in bad if len(bad) <= DETAIL_ROWS else []:
        findings.add("warning", sheet, _row(rows[index]), "handoff",
                     label("msg.handoff_unknown", lang, value=values[index]))
    if len(bad) > DETAIL_ROWS:
        first = bad[0]
        findings.add("warning", sheet, _row(rows[first]), "handoff",
                     label("msg.handoff_unknown_many", lang, count=len(bad),
                           value=values[first]))


def _row(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
