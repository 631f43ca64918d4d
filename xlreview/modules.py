"""The plan's words: each module's focus, strategy, KPI and risk, the quarter themes, and the
lessons of the year (seed 002 figures 14, 15 and 18; seed 000 review step 3).

Pure pandas: sheets in, tables out, problems as findings.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .checks import Findings
from .goals import goal_score
from .labels import label

MODULE_COLUMNS: tuple[str, ...] = (
    "module", "focus", "strategy", "kpi", "target", "owner", "budget", "budget_share", "risk",
    "response",
)
QUARTER_COLUMNS: tuple[str, ...] = ("quarter", "theme", "key_campaigns")
LESSON_COLUMNS: tuple[str, ...] = (
    "module", "what_worked", "method", "evidence", "module_completion",
)
GOAL_CAP = 1.0
"""Default: a goal counts at most 100 % towards its module's score (Settings ``goal_cap``)."""

_QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def module_plan(modules: pd.DataFrame, programme_budget: float | None = None,
                findings: Findings | None = None, *, sheet: str = "module_plan",
                lang: str = "en") -> pd.DataFrame:
    """The ``module_plan`` table: the Modules sheet with each budget's share of the programme.

    ``budget_share`` = module budget ÷ ``programme_budget`` (the Budget sheet's proven,
    experiment and reserve lines); when the module budgets add up to more than it, a warning.
    """
    table = modules.reindex(columns=list(MODULE_COLUMNS)).reset_index(drop=True)
    budget = pd.to_numeric(table["budget"], errors="coerce").astype(float)
    table["budget"] = budget
    table["target"] = pd.to_numeric(table["target"], errors="coerce").astype(float)
    programme = programme_budget if programme_budget and programme_budget > 0 else math.nan
    table["budget_share"] = budget / programme
    total = float(budget.sum())
    if findings is not None and not math.isnan(programme) and total > programme + 0.005:
        findings.add("warning", sheet, None, "budget",
                     label("msg.module_budget_over", lang, modules=total, programme=programme,
                           gap=total - programme))
    return table


def quarter_number(value: object) -> int | None:
    """``Q1``, ``1``, ``2027Q3``, ``Q3 2027``, ``第一季度``, ``一季度`` → 1..4; else None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, int | float):
        return int(value) if value in (1, 2, 3, 4) else None
    text = str(value).strip().upper().replace(" ", "")
    text = re.sub(r"^(19|20)\d\d[-/年]?|[-/]?(19|20)\d\d年?$", "", text)
    match = re.fullmatch(r"(?:Q|第)?([1-4一二三四])(?:Q|季度|季)?", text)
    return _QUARTER_WORDS[match.group(1)] if match else None


def quarter_themes(quarters: pd.DataFrame, findings: Findings | None = None, *,
                   sheet: str = "Quarters", lang: str = "en") -> pd.DataFrame:
    """The ``quarter_themes`` table: quarter (``Q1``..``Q4``, in order), theme, key_campaigns.

    An unreadable quarter is a finding (row left out); two themes for one quarter are joined.
    """
    findings = findings if findings is not None else Findings()
    rows: dict[int, list[list[str]]] = {}
    for rec in quarters.to_dict("records"):
        number = quarter_number(rec.get("quarter"))
        row = rec.get("_row")
        row = int(row) if isinstance(row, int | float) and not pd.isna(row) else None
        if number is None:
            findings.add("warning", sheet, row, "quarter",
                         label("msg.quarter_unknown", lang, value=rec.get("quarter")))
            continue
        if number in rows:
            findings.add("info", sheet, row, "theme",
                         label("msg.quarter_duplicate", lang, quarter=f"Q{number}"))
        parts = rows.setdefault(number, [[], []])
        for part, key in zip(parts, ("theme", "key_campaigns"), strict=True):
            text = rec.get(key)
            if isinstance(text, str) and text.strip():
                part.append(text.strip())
    return pd.DataFrame(
        [(f"Q{n}", " / ".join(t) or None, " / ".join(c) or None)
         for n, (t, c) in sorted(rows.items())],
        columns=list(QUARTER_COLUMNS),
    )


def module_completion(goals: pd.DataFrame, review: pd.DataFrame,
                      cap: float = GOAL_CAP) -> dict[str, float]:
    """Each module's goal score (:func:`goals.goal_score`): its goals' completions, each
    capped at ``cap``, weighted by the Goals sheet's weights (blank = 1). ``review`` is the
    ``goal_review`` table, one row per goal of ``goals`` in the same order."""
    if review.empty or "completion" not in review or "module" not in review:
        return {}
    weights = None
    if "weight" in goals and len(goals) == len(review):
        weights = pd.Series(goals["weight"].to_numpy(), index=review.index)
    out: dict[str, float] = {}
    modules = review["module"].astype(str).str.strip()
    for module in modules.unique():
        rows = modules == module
        score = goal_score(review.loc[rows, "completion"],
                           None if weights is None else weights[rows], cap)
        if score is not None:
            out[module] = score
    return out


def lessons_table(lessons: pd.DataFrame, goals: pd.DataFrame, review: pd.DataFrame,
                  cap: float = GOAL_CAP) -> pd.DataFrame:
    """The ``lessons`` table: what worked per module, the reusable method, the evidence and
    the module's goal score (blank for a module without goals; each goal capped at ``cap``)."""
    table = lessons.reindex(columns=list(LESSON_COLUMNS[:-1])).reset_index(drop=True)
    done = module_completion(goals, review, cap)
    folded = {_fold(m): v for m, v in done.items()}
    table["module_completion"] = [folded.get(_fold(m), math.nan) for m in table["module"]]
    return table.astype({"module_completion": float})


def _fold(text: object) -> str:
    return str(text).strip().lower()


__all__ = [
    "GOAL_CAP",
    "LESSON_COLUMNS",
    "MODULE_COLUMNS",
    "QUARTER_COLUMNS",
    "lessons_table",
    "module_completion",
    "module_plan",
    "quarter_number",
    "quarter_themes",
]
