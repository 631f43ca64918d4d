"""Goal review: completion, status and gap of every goal, in three layers.

Completion = actual / target, or target / actual when lower is better (CPL, CAC …).
Status: ``achieved`` (completion ≥ 1), ``at_risk`` (≥ 0.8) or ``missed``. Gap = the
shortfall (positive = still to go, negative = beaten). A blank ``actual`` with a ``metric``
key takes the value the review computed (leads, revenue, roi …).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .checks import Findings
from .funnel import ratio
from .labels import CATALOGUES, label

GOAL_COLUMNS: list[str] = ["module", "layer", "goal", "target", "actual", "completion",
                           "status", "gap", "weight", "owner", "comment"]
METRICS: tuple[str, ...] = ("leads", "mql", "sql", "opp", "won", "revenue", "cost", "roi",
                            "roas", "cpl", "cac", "share_of_voice", "marketing_revenue",
                            "new_customer_revenue", "existing_customer_revenue")
AT_RISK = 0.8

# Chinese in both scripts (完成层 / 完成層, 投入产出 / 投入產出, 回报 / 回報).
_LOWER = {"lower", "low", "down", "-", "↓", "低", "越低越好", "lower is better", "越小越好",
          "降低", "lowerisbetter", "less", "min", "minimise", "minimize"}
_LAYERS = {
    "completion": "completion", "完成": "completion", "完成层": "completion",
    "完成度": "completion", "完成层级": "completion", "完成層": "completion",
    "完成層級": "completion",
    "effect": "effect", "效果": "effect", "效果层": "effect", "效果层级": "effect",
    "效果層": "effect", "效果層級": "effect",
    "roi": "roi", "roi层": "roi", "roi层级": "roi", "投入产出": "roi", "投入产出层": "roi",
    "回报": "roi", "回报层": "roi", "roi層": "roi", "roi層級": "roi", "投入產出": "roi",
    "投入產出層": "roi", "回報": "roi", "回報層": "roi",
}
_METRIC_ALIASES = {"lead": "leads", "customers": "won", "customer": "won", "opps": "opp",
                   "opportunities": "opp", "sov": "share_of_voice",
                   "marketing_sourced_revenue": "marketing_revenue",
                   "sourced_revenue": "marketing_revenue",
                   "new_revenue": "new_customer_revenue",
                   **dict.fromkeys(["线索数", "線索數"], "leads"),
                   **dict.fromkeys(["营销合格线索", "營銷合格線索"], "mql"),
                   **dict.fromkeys(["销售合格线索", "銷售合格線索"], "sql"),
                   **dict.fromkeys(["获客费用", "獲客費用", "获客成本", "獲客成本"], "cac"),
                   **dict.fromkeys(["市场来源成交额", "市場來源成交額"], "marketing_revenue")}
_METRIC_LABELS: dict[str, str] = {
    "marketing_revenue": "value.marketing_sourced_revenue",
    "new_customer_revenue": "value.new_customer_revenue",
    "existing_customer_revenue": "value.existing_customer_revenue",
    "share_of_voice": "sheet.share_of_voice",
}
"""Metrics whose name as the sheets show it is not ``col.<metric>``."""


def _metric_names() -> dict[str, str]:
    """Each metric's name as the generated sheets show it, in every language (线索, 成交额,
    聲量份額 …), lower case → metric key; so a Chinese Goals sheet may name a metric in words."""
    names: dict[str, str] = {}
    for metric in METRICS:
        key = _METRIC_LABELS.get(metric, f"col.{metric}")
        for catalogue in CATALOGUES.values():
            if key in catalogue:
                names.setdefault(catalogue[key].strip().lower().replace(" ", "_"), metric)
    return names


_METRIC_WORDS = _metric_names()


def lower_is_better(direction: object) -> bool:
    """Whether a ``direction`` cell means lower is better (lower/低/越低越好/down/-)."""
    if direction is None or (isinstance(direction, float) and np.isnan(direction)):
        return False
    return str(direction).strip().lower() in _LOWER


def normalise_layer(layer: object) -> object:
    """``completion``, ``effect`` or ``roi`` from English or Chinese text; other text is
    kept as typed, blank stays blank."""
    if layer is None or pd.isna(layer):
        return None
    text = str(layer).strip()
    key = text.lower().replace(" ", "").replace("_", "")
    return _LAYERS.get(key, text or None)


def normalise_metric(metric: object) -> str | None:
    """A metric key of :data:`METRICS` (case and a few plurals forgiven), else None."""
    if metric is None or pd.isna(metric):
        return None
    key = str(metric).strip().lower().replace(" ", "_")
    key = _METRIC_ALIASES.get(key, _METRIC_WORDS.get(key, key))
    return key if key in METRICS else None


def review_metrics(tables: Mapping[str, pd.DataFrame]) -> dict[str, float]:
    """Metric key -> value of the fiscal year, from the review's ``roi_matrix`` total row
    and the ``share_of_voice`` total."""
    values: dict[str, float] = {}
    matrix = tables.get("roi_matrix")
    if matrix is not None and (matrix["channel"] == "total").any():
        total = matrix[matrix["channel"] == "total"].iloc[0]
        for key in ("leads", "mql", "sql", "opp", "won", "revenue", "cost", "roi", "roas",
                    "cpl", "cac"):
            values[key] = float(total[key])
    summary = tables.get("roi_summary")
    if summary is not None:
        items = dict(zip(summary["item"], summary["value"], strict=False))
        for key, item in (("marketing_revenue", "marketing_sourced_revenue"),
                          ("new_customer_revenue", "new_customer_revenue"),
                          ("existing_customer_revenue", "existing_customer_revenue")):
            if item in items:
                values[key] = float(items[item])
    sov = tables.get("share_of_voice")
    if sov is not None and (sov["platform"] == "total").any():
        values["share_of_voice"] = float(sov.loc[sov["platform"] == "total", "share"].iloc[0])
    return values


def completion(target: pd.Series, actual: pd.Series, lower: pd.Series) -> pd.Series:
    """actual / target (target / actual where ``lower``); NaN for a zero denominator."""
    higher_rate = ratio(actual.astype(float), target.astype(float))
    lower_rate = ratio(target.astype(float), actual.astype(float))
    return pd.Series(np.where(lower, lower_rate, higher_rate), index=target.index, dtype=float)


def status(rate: pd.Series) -> pd.Series:
    """``achieved`` (≥ 1), ``at_risk`` (≥ 0.8), ``missed``; None for a NaN completion."""
    out = pd.Series(None, index=rate.index, dtype=object)
    out[rate < AT_RISK] = "missed"
    out[rate >= AT_RISK] = "at_risk"
    out[rate >= 1] = "achieved"
    return out


def goal_review(
    goals: pd.DataFrame,
    metrics: Mapping[str, float],
    findings: Findings | None = None,
    *,
    sheet: str = "Goals",
    lang: str = "en",
) -> pd.DataFrame:
    """The ``goal_review`` table: module, layer, goal, target, actual, completion, status,
    gap, and the Goals sheet's weight, owner and comment as typed. Goals without a usable
    target or actual are reported in ``findings``."""
    if goals.empty:
        return pd.DataFrame(columns=GOAL_COLUMNS)
    findings = findings if findings is not None else Findings()
    target = pd.to_numeric(goals["target"], errors="coerce").astype(float)
    typed = (pd.to_numeric(goals["actual"], errors="coerce") if "actual" in goals
             else pd.Series(np.nan, index=goals.index)).astype(float)
    metric = (goals["metric"] if "metric" in goals else pd.Series(None, index=goals.index))
    keys = metric.map(normalise_metric)
    actual = typed.fillna(keys.map(lambda k: metrics.get(k, np.nan) if k else np.nan)
                          .astype(float))
    lower = (goals["direction"].map(lower_is_better) if "direction" in goals
             else pd.Series(False, index=goals.index)).astype(bool)
    rate = completion(target, actual, lower)
    out = pd.DataFrame({
        "module": goals["module"],
        "layer": goals["layer"].map(normalise_layer) if "layer" in goals else None,
        "goal": goals["goal"],
        "target": target,
        "actual": actual,
        "completion": rate,
        "status": status(rate),
        "gap": np.where(lower, actual - target, target - actual),
        "weight": (pd.to_numeric(goals["weight"], errors="coerce").astype(float)
                   if "weight" in goals else np.nan),
        "owner": goals.get("owner"),
        "comment": goals.get("comment"),
    })
    _report(goals, target, actual, metric, keys, findings, sheet, lang)
    return out[GOAL_COLUMNS].reset_index(drop=True)


def _report(goals: pd.DataFrame, target: pd.Series, actual: pd.Series, metric: pd.Series,
            keys: pd.Series, findings: Findings, sheet: str, lang: str) -> None:
    """Data-check rows for zero targets, unknown metric keys and missing actuals."""
    rows = goals["_row"] if "_row" in goals else pd.Series(None, index=goals.index)
    for index in goals.index[target == 0]:
        findings.add("warning", sheet, _row(rows[index]), "target",
                     label("msg.goal_target_zero", lang, goal=goals.at[index, "goal"]))
    unknown = metric.notna() & metric.astype(str).str.strip().ne("") & keys.isna()
    for index in goals.index[unknown]:
        findings.add("warning", sheet, _row(rows[index]), "metric",
                     label("msg.goal_metric_unknown", lang, metric=metric[index],
                           known=", ".join(METRICS)))
    for index in goals.index[actual.isna() & ~unknown]:
        findings.add("info", sheet, _row(rows[index]), "actual",
                     label("msg.goal_no_actual", lang, goal=goals.at[index, "goal"]))


def _row(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def goal_score(completion: pd.Series, weights: pd.Series | None = None, cap: float = 1.0
               ) -> float | None:
    """Weighted goal score: each goal's completion capped at ``cap`` (so that beating one
    goal cannot hide missing another), weighted by ``weights`` (blank = 1); None without a
    goal that has both a completion and a weight above 0."""
    rate = pd.to_numeric(completion, errors="coerce").clip(upper=cap)
    given = (np.ones(len(rate)) if weights is None
             else pd.to_numeric(weights, errors="coerce").reindex(rate.index).fillna(1.0)
             .to_numpy(dtype=float))
    values = rate.to_numpy(dtype=float, na_value=np.nan)
    known = ~np.isnan(values) & (given > 0)
    if not known.any():
        return None
    # numpy, not pandas, for the sums: the same sums, a tenth of the time on a few goals
    return float((values[known] * given[known]).sum() / given[known].sum())
