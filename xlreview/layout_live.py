"""The plan is live in Excel: formulas that tie the plan sheets to Targets and Settings.

Every formula here computes what :mod:`xlreview.phasing` and :mod:`xlreview.budget` compute
in Python, in the same order of operations, so that a what-if on Targets (or Settings)
recalculates every plan sheet to the numbers the next rebuild would give. Only functions
that Excel 2016 and LibreOffice 7.4 both compute are used (ROUND, ROUNDUP, ROUNDDOWN,
INDEX, MATCH, MOD, SUM, SUMIF, N, IF, IFERROR).

Phasing uses the cumulative split: part_i = ROUND(T × C_i) − ROUND(T × C_{i−1}), C the
running share of the seasonality weights (a visible table on Plan by month).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .labels import label, value_label
from .model import STAGES
from .phasing import COUNT_COLUMNS, STAGE_COLUMN, iso_weeks
from .sheetmodel import TABLE_ROW, Block, Ctx, Formula, a1, col_letter, formula_cell

TARGETS_TABLE_ROW = 9
"""Header row (0-based) of the ``targets`` table on the Targets sheet."""
BUDGET_CHECK_ROW = 3
"""Header row (0-based) of the ``budget_check`` table on the Budget sheet."""
BUDGET_ROW_WITH_CHECK = 9
"""Header row of the budget table below the check: within the first ten rows, where the
next rebuild looks for the typed Type / Min / Max / Locked."""
TABLE_ROW_PHASING = TABLE_ROW
"""Header row (0-based) of the phasing tables (written by ``table_sheet``)."""
TOTAL_OF: dict[str, str] = {"leads": "plan_leads", "mql": "mql", "sql": "sql", "opp": "opp",
                            "won": "customers", "revenue": "revenue"}
"""Plan column → the Targets Total-row column it is phased from (as ``plan._annual_counts``)."""


def quoted(name: str) -> str:
    """A sheet name as a formula reference prefix: ``'Plan by month'!``."""
    return "'" + name.replace("'", "''") + "'!"


def settings_value(ctx: Ctx, key: str) -> str | None:
    """The Settings sheet's value of ``key`` (looked up by key, so rows may move), or None
    when the workbook has no Settings sheet (tables laid out without a workbook)."""
    names = getattr(ctx.extra, "names", None) or {}
    name = names.get("settings")
    if not name:
        return None
    sheet = quoted(name)
    # The key as the sheet shows it: a Chinese Settings sheet names revenue_target 明年营收目标.
    typed = (getattr(ctx.extra, "setting_keys", None) or {}).get(key, key).replace('"', '""')
    return f'INDEX({sheet}$B:$B,MATCH("{typed}",{sheet}$A:$A,0))'


def setting_formula(ctx: Ctx, key: str, fallback: object, *, share: bool = False
                    ) -> str | None:
    """``=`` the Settings value of ``key``; blank → ``fallback`` (a number, or blank when
    None); a share typed as 50 means 50%, as Settings reads it. None without Settings."""
    value = settings_value(ctx, key)
    if value is None:
        return None
    default = '""' if fallback is None else repr(float(fallback))
    value_used = f"IF({value}>1,{value}/100,{value})" if share else value
    return f'=IFERROR(IF({value}="",{default},{value_used}),{default})'


def _table_keys(frame: pd.DataFrame) -> list[str]:
    return [str(k) for k in frame.columns if not str(k).startswith("_")]


def targets_total(ctx: Ctx, key: str) -> str | None:
    """Absolute reference to the Targets Total row's ``key`` cell, or None."""
    frame = ctx.table("targets")
    if frame is None or key not in frame or not len(frame):
        return None
    if str(frame.iloc[-1, 0]) != "total":
        return None
    row = TARGETS_TABLE_ROW + len(frame)
    col = _table_keys(frame).index(key)
    return quoted(label("sheet.targets", ctx.lang)) + a1(row, col, absolute=True)


def budget_check_cell(ctx: Ctx, metric: str, key: str) -> str | None:
    """Absolute reference to one cell of the Budget sheet's ``budget_check`` table."""
    frame = ctx.table("budget_check")
    if frame is None or metric not in frame["metric"].tolist():
        return None
    row = BUDGET_CHECK_ROW + 1 + frame["metric"].tolist().index(metric)
    col = _table_keys(frame).index(key)
    return quoted(label("sheet.budget", ctx.lang)) + a1(row, col, absolute=True)


# --- Plan by month --------------------------------------------------------------------


def cumulative_formulas(block: Block) -> None:
    """The seasonality table's running share: SUM(w₁..wᵢ) / SUM(w₁..w₁₂), even when all 0."""
    first, last = block.row + 1, block.row + block.n_rows
    col = block.index("weight")
    top, bottom = a1(first, col, absolute=True), a1(last, col, absolute=True)
    n = block.n_rows
    for i in range(n):
        here = a1(first + i, col)
        formula_cell(block, "cumulative", i,
                     f"=IF(SUM({top}:{bottom})>0,SUM({top}:{here})/SUM({top}:{bottom}),"
                     f"{i + 1}/{n})")


def _split_part(total: str, share: str, previous: str | None) -> str:
    """``ROUND(total × share) − ROUND(total × previous share)`` (the previous share absent
    for the first part)."""
    part = f"ROUND({total}*{share},0)"
    return part if previous is None else f"{part}-ROUND({total}*{previous},0)"


def monthly_formulas(ctx: Ctx, block: Block, weights: Block,
                     lags: dict[str, str]) -> None:
    """Stage, revenue and budget columns of ``plan_monthly`` as live formulas.

    Args:
        block: the plan_monthly table (twelve months).
        weights: the seasonality table beside it (its ``cumulative`` column).
        lags: lag-months cell of each stage but won (the lead-time table).
    """
    if block.n_rows != 12 or weights.n_rows != 12:
        return
    cum = weights.index("cumulative")
    cum_range = (f"{a1(weights.row + 1, cum, absolute=True)}:"
                 f"{a1(weights.row + 12, cum, absolute=True)}")

    def cum_at(j: int) -> str:
        return a1(weights.row + 1 + j, cum, absolute=True)

    for stage in STAGES:
        column = STAGE_COLUMN[stage]
        ref = targets_total(ctx, TOTAL_OF[column])
        if ref is None or not block.has(column):
            continue
        total = f"N({ref})"
        lag = lags.get(stage)
        for m in range(12):
            if stage == "won" or lag is None:
                text = "=" + _split_part(total, cum_at(m), cum_at(m - 1) if m else None)
            else:
                j = f"MOD({m}+{lag},12)"
                text = (f"=ROUND({total}*INDEX({cum_range},{j}+1),0)"
                        f"-IF({j}=0,0,ROUND({total}*INDEX({cum_range},{j}),0))")
            formula_cell(block, column, m, text)
    revenue = targets_total(ctx, "revenue")
    if revenue is not None and block.has("revenue"):
        # Revenue comes with the customers (the seasonality while the plan has none).
        cents = f"ROUND(N({revenue})*100,0)"
        for m in range(12):
            text = _split_part(cents, cum_at(m), cum_at(m - 1) if m else None)
            formula_cell(block, "revenue", m, f"=({text})/100")
        if block.has("won"):
            _by_customers(block, cents)
    programme = budget_check_cell(ctx, "programme_cost", "budget_buys")
    if programme is not None and block.has("budget", "leads"):
        leads = block.index("leads")
        top = a1(block.row + 1, leads, absolute=True)
        bottom = a1(block.row + 12, leads, absolute=True)
        whole = f"SUM({top}:{bottom})"

        def lead_share(m: int) -> str:
            here = f"${col_letter(leads)}{block.row + 2 + m}"
            return f"IF({whole}>0,SUM({top}:{here})/{whole},{m + 1}/12)"

        cents = f"ROUND(N({programme})*100,0)"
        for m in range(12):
            text = _split_part(cents, lead_share(m), lead_share(m - 1) if m else None)
            formula_cell(block, "budget", m, f"=({text})/100")


def lead_time_formulas(ctx: Ctx, block: Block, weights: Block) -> dict[str, str]:
    """Needed-before-the-year and gap of the lead-time table as formulas; returns the
    lag-months cell of each stage (for :func:`monthly_formulas`)."""
    if not block.has("stage", "lag_months"):
        return {}
    frame = ctx.table("plan_lead_time")
    stages = frame["stage"].tolist() if frame is not None else []
    cum = weights.index("cumulative")
    cum_range = (f"{a1(weights.row + 1, cum, absolute=True)}:"
                 f"{a1(weights.row + 12, cum, absolute=True)}")
    lags: dict[str, str] = {}
    for i, stage in enumerate(stages):
        row = block.row + 1 + i
        lag = a1(row, block.index("lag_months"), absolute=True)
        lags[stage] = lag
        ref = targets_total(ctx, TOTAL_OF[STAGE_COLUMN[stage]]) if stage in STAGE_COLUMN else None
        if ref is None or not block.has("needed_before_year"):
            continue
        j = f"MOD({lag},12)"
        needed = f"IF({j}=0,0,ROUND(N({ref})*INDEX({cum_range},{j}),0))"
        formula_cell(block, "needed_before_year", i, "=" + needed)
        if block.has("gap", "pipeline_carried"):
            need = a1(row, block.index("needed_before_year"))
            carried = a1(row, block.index("pipeline_carried"))
            formula_cell(block, "gap", i, f"=MAX({need}-N({carried}),0)")
    return lags


# --- Plan by quarter and by week -----------------------------------------------------------


def quarterly_formulas(ctx: Ctx, block: Block, monthly: pd.DataFrame | None) -> None:
    """Each quarter = SUM of its three months on Plan by month."""
    if monthly is None or block.n_rows != 4 or len(monthly) != 12:
        return
    sheet = quoted(label("sheet.plan_monthly", ctx.lang))
    month_keys = _table_keys(monthly)
    for column in block.columns:
        if column.key not in month_keys or column.key == "month":
            continue
        col = month_keys.index(column.key)
        for q in range(4):
            top = a1(TABLE_ROW_PHASING + 1 + 3 * q, col)
            bottom = a1(TABLE_ROW_PHASING + 3 + 3 * q, col)
            formula_cell(block, column.key, q, f"=SUM({sheet}{top}:{bottom})")


def weekly_formulas(ctx: Ctx, block: Block, monthly: pd.DataFrame | None, year: int) -> None:
    """Each ISO week: the targets of the month it counts in (its Thursday's, the week's
    Month column) split evenly over that month's weeks by the cumulative split; revenue
    with the weeks' customers (:func:`_revenue_with_customers`)."""
    if monthly is None or len(monthly) != 12:
        return
    weeks = iso_weeks(year)
    if len(weeks) != block.n_rows:
        return
    of_month = weeks["month"].dt.month.to_numpy() - 1
    n_weeks = np.bincount(of_month, minlength=12)
    nth = [int((of_month[:w] == of_month[w]).sum()) + 1 for w in range(len(weeks))]
    sheet = quoted(label("sheet.plan_monthly", ctx.lang))
    month_keys = _table_keys(monthly)
    for key in (*COUNT_COLUMNS, "revenue"):
        if key not in month_keys or not block.has(key):
            continue
        col = month_keys.index(key)
        for w in range(block.n_rows):
            m = int(of_month[w])
            target = f"{sheet}{a1(TABLE_ROW_PHASING + 1 + m, col, absolute=True)}"
            if key == "revenue":
                target = f"ROUND(N({target})*100,0)"
            j, n = nth[w], int(n_weeks[m])
            text = f"ROUND({target}*{j}/{n},0)"
            if j > 1:
                text += f"-ROUND({target}*{j - 1}/{n},0)"
            formula_cell(block, key, w, f"=({text})/100" if key == "revenue" else "=" + text)
    if block.has("won", "revenue") and "revenue" in month_keys:
        _revenue_with_customers(block, sheet, month_keys.index("revenue"))


def _revenue_with_customers(block: Block, monthly_sheet: str, revenue_col: int) -> None:
    """Weekly revenue by the cumulative split of the year's revenue over the weeks'
    customers (a week without customers has none), the Plan by month's rule, so the weeks
    of a month add up to it; split evenly within the month (the formula already in the
    cell) while the plan has no customers."""
    first = a1(TABLE_ROW_PHASING + 1, revenue_col, absolute=True)
    last = a1(TABLE_ROW_PHASING + 12, revenue_col, absolute=True)
    cents = f"ROUND(SUM({monthly_sheet}{first}:{last})*100,0)"
    _by_customers(block, cents)


def _by_customers(block: Block, cents: str) -> None:
    """Each row's revenue = ``cents`` × the block's running share of customers (cumulative
    split, :func:`phasing.revenue_by_customers`) while it has customers, else the formula
    already in the cell."""
    won = block.index("won")
    top, bottom = a1(block.row + 1, won, absolute=True), a1(block.row + block.n_rows, won,
                                                             absolute=True)
    whole = f"SUM({top}:{bottom})"
    column = block.column("revenue")
    for w in range(block.n_rows):
        here = f"${col_letter(won)}{block.row + 2 + w}"
        share = f"(SUM({top}:{here})/{whole})"
        previous = (f"(SUM({top}:${col_letter(won)}{block.row + 1 + w})/{whole})" if w
                    else None)
        fallback_cell = column.values[w]
        fallback, value = ((fallback_cell.text[1:], fallback_cell.value)
                           if isinstance(fallback_cell, Formula) else ("0", fallback_cell))
        split = _split_part(cents, share, previous)
        column.values[w] = Formula(f"=IF({whole}>0,({split})/100,{fallback})", value)


# --- Budget check ----------------------------------------------------------------------------


def budget_check_formulas(ctx: Ctx, check: Block, budget: Block) -> None:
    """Plan needs from Targets (and Settings' experiment share), budget buys from the
    budget table, gap = buys − needs: the check follows a what-if on Targets at once."""
    frame = ctx.table("budget_check")
    if frame is None or not check.has("metric", "plan_needs", "budget_buys", "gap"):
        return
    metrics: Sequence[str] = frame["metric"].tolist()
    first = check.row + 1

    def cell(metric: str, key: str) -> str:
        return a1(first + metrics.index(metric), check.index(key))

    needs = {"lead": "plan_leads", "won": "customers", "revenue": "revenue"}
    for metric, key in needs.items():
        ref = targets_total(ctx, key)
        if metric in metrics and ref is not None:
            formula_cell(check, "plan_needs", metrics.index(metric), f"=N({ref})")
    implied = targets_total(ctx, "implied_cost")
    if "programme_cost" in metrics and implied is not None:
        share = settings_value(ctx, "experiment_share")
        s = repr(float(ctx.settings.experiment_share))
        if share is not None:
            s = f"IFERROR(IF({share}=\"\",{s},IF({share}>1,{share}/100,{share})),{s})"
        formula_cell(check, "plan_needs", metrics.index("programme_cost"),
                     f'=IF(AND(N({implied})>0,{s}<1),ROUND(N({implied})/(1-{s}),2),"")')
    body = budget.n_rows - (1 if budget.has_total else 0)
    if budget.has_total and body > 0:
        total_row = budget.row + budget.n_rows

        def column(key: str) -> tuple[str, str]:
            c = budget.index(key)
            return (f"{a1(budget.row + 1, c)}:{a1(budget.row + body, c)}",
                    a1(total_row, c))

        if "lead" in metrics and budget.has("expected_leads"):
            rng, _ = column("expected_leads")
            formula_cell(check, "budget_buys", metrics.index("lead"),
                         f'=IF(COUNT({rng})=0,"",ROUNDDOWN(SUM({rng}),0))')
        if "revenue" in metrics and budget.has("expected_revenue"):
            rng, _ = column("expected_revenue")
            formula_cell(check, "budget_buys", metrics.index("revenue"),
                         f'=IF(COUNT({rng})=0,"",SUM({rng}))')
        if "programme_cost" in metrics and budget.has("planned_cost", "type"):
            planned, _ = column("planned_cost")
            kinds, _ = column("type")
            headcount = value_label("headcount", ctx.lang)
            formula_cell(check, "budget_buys", metrics.index("programme_cost"),
                         f'=ROUND(SUM({planned})-SUMIF({kinds},"{headcount}",{planned}),2)')
    if {"won", "lead"} <= set(metrics):
        bought, plan = cell("lead", "budget_buys"), cell("lead", "plan_needs")
        customers = cell("won", "plan_needs")
        formula_cell(check, "budget_buys", metrics.index("won"),
                     f'=IF(OR({bought}="",N({plan})=0),"",'
                     f"ROUNDDOWN({bought}*(N({customers})/N({plan})),0))")
    for i, _ in enumerate(metrics):
        needs_cell, buys_cell = a1(first + i, check.index("plan_needs")), a1(
            first + i, check.index("budget_buys"))
        formula_cell(check, "gap", i,
                     f'=IF(OR({needs_cell}="",{buys_cell}=""),"",{buys_cell}-{needs_cell})')
