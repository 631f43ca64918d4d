"""Next year's plan: targets, time phasing, lead time, budget, work plan, actions and team.

:func:`build_plan` is the one entry point; it returns the plan tables of docs/DESIGN.md and
adds a finding to ``inputs.findings`` for every edge case it works around.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .budget import budget_check_table, budget_table, team_row_costs
from .categories import category_table
from .inputs import Inputs
from .labels import value_label
from .model import STAGE_DATE, STAGES
from .modules import module_plan, quarter_themes
from .numbers import excel_round15
from .okr import okr_tree
from .phasing import (
    cumulative_shares,
    monthly_weights,
    plan_monthly,
    plan_quarterly,
    plan_weekly,
    stage_lags,
)
from .scenarios import scenario_inputs, scenario_outcomes
from .stages import Leads, StageView
from .targets import add_note, deal_basis, fiscal_year, targets_table
from .whatif import typed_over_settings

WORKPLAN_COLUMNS = ("name", "module", "owner", "start", "end", "budget", "kpi")
ACTION_COLUMNS = ("module", "problem", "root_cause", "action", "owner", "due", "quarter")
TEAM_COLUMNS = ("role", "headcount", "cost_per_person", "cost", "okr")
LEAD_TIME_COLUMNS = ("stage", "lag_months", "needed_before_year", "pipeline_carried", "gap")
PROGRAMME_TYPES = ("proven", "experiment", "reserve")
"""Budget lines of the programme budget (all but headcount)."""


def plan_year(inputs: Inputs) -> int:
    """The year planned: the year after the fiscal year (next calendar year without data)."""
    year = fiscal_year(inputs)
    return (year if year is not None else dt.date.today().year) + 1


def _annual_counts(targets: pd.DataFrame) -> tuple[dict[str, int], float]:
    """Whole annual targets by stage (0 where blank) and revenue, from the Total row."""
    total = targets[targets["channel"] == "total"].iloc[0]
    columns = {"lead": "plan_leads", "mql": "mql", "sql": "sql", "opp": "opp", "won": "customers"}
    counts = {s: int(total[c]) if pd.notna(total[c]) else 0 for s, c in columns.items()}
    revenue = float(total["revenue"]) if pd.notna(total["revenue"]) else 0.0
    return counts, revenue


def open_at_stage(leads: Leads, stage: str, since: pd.Timestamp, until: pd.Timestamp) -> int:
    """Leads that reached ``stage`` in [since, until) and are neither won nor lost."""
    view = StageView.of(leads)
    if not len(view):
        return 0
    frame = view.leads
    open_ = view.memo("neither_won_nor_lost", lambda: (frame["won_date"].isna()
                                                       & frame["lost_date"].isna()).to_numpy())
    # numpy's comparisons, as pandas' (a blank date is in no period), without its checks
    date = frame[STAGE_DATE[stage]].to_numpy(dtype="datetime64[ns]")
    inside = (date >= since.to_datetime64()) & (date < until.to_datetime64())
    return int(np.count_nonzero(open_ & inside))


def _review_open_opps(review: Mapping[str, pd.DataFrame]) -> float | None:
    pipeline = review.get("pipeline")
    if pipeline is None or "open_opps" not in pipeline or "channel" not in pipeline:
        return None
    total = pipeline.loc[pipeline["channel"] == "total", "open_opps"]
    value = total.iloc[0] if len(total) else pipeline["open_opps"].sum()
    return float(value) if pd.notna(value) else None


def lead_time_table(
    inputs: Inputs,
    review: Mapping[str, pd.DataFrame],
    needed: Mapping[str, int],
    lags: Mapping[str, int],
    year: int,
    sheet: str = "plan_monthly",
    *,
    view: StageView | None = None,
) -> pd.DataFrame:
    """What must happen before the year begins, the open pipeline covering it, and the gap.

    The pipeline carried at a stage is the open leads that reached it in the last ``lag``
    months before the year (the review's open opportunities for ``opp`` when given).
    ``view``: a view of ``inputs.leads`` shared with other tables.
    """
    view = StageView.of(inputs.leads if view is None else view)
    start = pd.Timestamp(year=year, month=1, day=1)
    rows = []
    for stage in STAGES[:-1]:
        since = start - pd.DateOffset(months=int(lags.get(stage, 0)))
        carried: float = open_at_stage(view, stage, since, start)
        if stage == "opp" and (from_review := _review_open_opps(review)) is not None:
            carried = from_review
        gap = max(needed.get(stage, 0) - carried, 0)
        if gap > 0:
            add_note(inputs, "info", sheet, "plan_lead_time_gap",
                     stage=value_label(stage, inputs.settings.language), gap=gap)
        rows.append((stage, int(lags.get(stage, 0)), needed.get(stage, 0), carried, gap))
    return pd.DataFrame(rows, columns=list(LEAD_TIME_COLUMNS)).astype(
        {"lag_months": float, "needed_before_year": float, "pipeline_carried": float,
         "gap": float})


def _select(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    return frame.reindex(columns=list(columns)).reset_index(drop=True)


def workplan_table(initiatives: pd.DataFrame) -> pd.DataFrame:
    """Initiatives for the Gantt chart, sorted by start."""
    table = _select(initiatives, WORKPLAN_COLUMNS)
    return table.sort_values("start", kind="stable", na_position="last").reset_index(drop=True)


def actions_table(improvements: pd.DataFrame, year: int) -> pd.DataFrame:
    """Improvements with the quarter of their due date (``Q2``; ``2028-Q1`` outside ``year``)."""
    table = _select(improvements, ACTION_COLUMNS[:-1])
    due = pd.to_datetime(table["due"], errors="coerce")
    quarter = "Q" + due.dt.quarter.astype("Int64").astype(str)
    other_year = due.dt.year != year
    quarter = quarter.where(~other_year, due.dt.year.astype("Int64").astype(str) + "-" + quarter)
    table["quarter"] = quarter.astype(object).where(due.notna(), None)
    return table


def team_table(team: pd.DataFrame) -> pd.DataFrame:
    """Next year's team: role, headcount, cost per person, cost (the row's total: as typed,
    else cost per person × headcount), OKR."""
    table = _select(team, TEAM_COLUMNS)
    table["cost"] = team_row_costs(team.reset_index(drop=True)) if len(team) else table["cost"]
    return table


def _phasing_weights(inputs: Inputs) -> np.ndarray:
    """The twelve monthly weights, to 15 significant digits: the plan by month's seasonality
    table shows them and its formulas use exactly these numbers."""
    weights, reason = monthly_weights(inputs.leads, inputs.settings.seasonality)
    if reason == "short_history":
        add_note(inputs, "warning", "plan_monthly", "plan_short_history")
    elif reason == "no_won":
        add_note(inputs, "warning", "plan_monthly", "plan_no_won_history")
    return np.array([excel_round15(float(w)) for w in weights])


def _report_typed_over_settings(inputs: Inputs) -> None:
    """A number typed over a Targets cell that reads Settings: say Settings replaced it."""
    s = inputs.settings
    # A blank avg_deal_size falls back on the history's deal, which moves with the data:
    # only a deal set in Settings can be told from a typed one.
    current = {"revenue_target": math.nan if s.revenue_target is None else s.revenue_target,
               "new_customer_share": s.new_customer_share,
               "marketing_share": s.marketing_share,
               "avg_deal_size": math.nan if s.avg_deal_size is None else s.avg_deal_size}
    for setting, cell, typed, now in typed_over_settings(inputs.previous.get("targets_linked"),
                                                         current):
        add_note(inputs, "warning", "targets", "plan_typed_over_setting", cell=cell,
                 typed=typed, setting=setting, value=now)


def build_plan(inputs: Inputs, review: Mapping[str, pd.DataFrame], *,
               view: StageView | None = None) -> dict[str, pd.DataFrame]:
    """Every plan table: targets, plan_monthly, plan_quarterly, plan_weekly, plan_lead_time,
    budget, budget_check, budget_categories, scenarios, scenario_outcomes, seasonality,
    workplan, actions, team, module_plan, quarter_themes and okr_tree (columns as in
    docs/DESIGN.md).

    ``view``: a :class:`~xlreview.stages.StageView` of ``inputs.leads`` (e.g. the one given
    to :func:`~xlreview.review.build_review`), so that the lead facts are not computed again.
    """
    year = plan_year(inputs)
    view = StageView.of(inputs.leads if view is None else view)  # lead facts, computed once
    targets = targets_table(inputs, view=view)
    _report_typed_over_settings(inputs)
    budget = budget_table(inputs, targets, view=view)
    programme = budget.loc[budget["type"].isin(PROGRAMME_TYPES), "planned_cost"].sum()
    counts, revenue = _annual_counts(targets)
    lags = stage_lags(inputs.leads)
    scenarios = scenario_inputs(inputs.settings, targets, budget,
                                inputs.previous.get("scenarios"))
    weights = _phasing_weights(inputs)
    monthly, needed = plan_monthly(counts, revenue, weights, lags, year,
                                   budget=float(programme) if math.isfinite(programme) else 0.0)
    return {
        "targets": targets,
        "avg_deal": deal_basis(inputs, view),
        "plan_monthly": monthly,
        "plan_quarterly": plan_quarterly(monthly),
        "plan_weekly": plan_weekly(monthly, year),
        "plan_lead_time": lead_time_table(inputs, review, needed, lags, year, view=view),
        "seasonality": pd.DataFrame({"month": monthly["month"], "weight": weights,
                                     "cumulative": cumulative_shares(weights)}),
        "budget": budget,
        "budget_check": budget_check_table(inputs, targets, budget),
        "scenarios": scenarios,
        "scenario_outcomes": scenario_outcomes(scenarios, inputs.settings, targets, budget),
        "budget_categories": category_table(inputs.spend, budget, year - 1),
        "workplan": workplan_table(inputs.initiatives),
        "actions": actions_table(inputs.improvements, year),
        "team": team_table(inputs.team),
        "module_plan": module_plan(inputs.modules, float(programme), inputs.findings,
                                   lang=inputs.settings.language),
        "quarter_themes": quarter_themes(inputs.quarters, inputs.findings,
                                         sheet=inputs.names.get("quarters", "Quarters"),
                                         lang=inputs.settings.language),
        "okr_tree": okr_tree(inputs.okr, inputs.findings, sheet=inputs.names.get("okr", "OKR"),
                             lang=inputs.settings.language, cap=inputs.settings.goal_cap),
    }
