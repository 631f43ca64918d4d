"""The year-end review: every review table of docs/DESIGN.md from one :class:`Inputs`."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .baseline import plan_vs_actual, year_at_a_glance
from .campaigns import campaign_channels
from .funnel import funnel_table, monthly_table, sales_cycle_table
from .goals import goal_review, review_metrics
from .handoff import handoff_table
from .inputs import Inputs
from .labels import label
from .modules import lessons_table
from .pipeline import pipeline_tables, win_rate_table
from .roi import events_table, roi_matrix, roi_summary
from .scopes import revenue_scopes
from .share_of_voice import brand_shares, share_of_voice, share_trend
from .stages import StageView, year_of
from .year_over_year import funnel_last_year, year_over_year


def review_year(inputs: Inputs, view: StageView | None = None) -> int:
    """The fiscal year: the setting, else the year of the latest lead, else this year."""
    if inputs.settings.fiscal_year is not None:
        return int(inputs.settings.fiscal_year)
    created = StageView.of(inputs.leads if view is None else view).stage_days("lead")
    if not np.isnan(created).all():
        return year_of(np.nanmax(created))
    return dt.date.today().year


def scope_values(inputs: Inputs, view: StageView, year: int) -> dict[str, float]:
    """This year's revenue scopes, last year's marketing-sourced revenue and next year's
    marketing target: the like-for-like comparison of :mod:`xlreview.scopes`."""
    from .targets import marketing_target

    values = revenue_scopes(view, year, inputs.channels)
    before = revenue_scopes(view, year - 1, inputs.channels)
    values["marketing_sourced_last_year"] = before["marketing_sourced_revenue"]
    settings = inputs.settings
    values["marketing_target"] = marketing_target(
        settings.revenue_target, settings.new_customer_share, settings.marketing_share)
    return values


def build_review(inputs: Inputs, *, view: StageView | None = None) -> dict[str, pd.DataFrame]:
    """Every review table, keyed as in the table contract of docs/DESIGN.md.

    Findings of the review itself (goals without a target …) are added to
    ``inputs.findings``, and ``data_check`` is the resulting list. ``view``: a
    :class:`~xlreview.stages.StageView` of ``inputs.leads`` to share with
    :func:`~xlreview.plan.build_plan` (one is made when not given).
    """
    view = StageView.of(inputs.leads if view is None else view)  # lead facts, computed once
    year = review_year(inputs, view)
    spend = inputs.spend
    settings = inputs.settings
    tables: dict[str, pd.DataFrame] = {}
    tables["roi_matrix"] = roi_matrix(view, spend, year)
    tables["roi_summary"] = roi_summary(tables["roi_matrix"], inputs.headcount,
                                        scope_values(inputs, view, year))
    tables["year_over_year"] = year_over_year(view, spend, year, tables["roi_matrix"])
    tables["funnel"] = funnel_last_year(funnel_table(view, year), view, year)
    tables["handoff"] = handoff_table(view, year, inputs.findings,
                                      sheet=inputs.names.get("leads", "Leads"),
                                      lang=settings.language)
    tables["events"] = events_table(view, spend, year)
    tables["campaign_channels"] = campaign_channels(view, year)
    tables["monthly"] = monthly_table(view, year)
    tables["sales_cycle"] = sales_cycle_table(view, year)
    tables["win_rate"] = win_rate_table(view, year, settings.min_conversions)
    tables["pipeline"], tables["pipeline_months"] = pipeline_tables(
        view, year, settings.min_conversions)
    if not view.tracked("opp") and len(view):
        inputs.findings.add("info", "pipeline", None, None,
                            label("msg.pipeline_not_tracked", settings.language))
    tables["share_of_voice"] = share_of_voice(inputs.mentions, settings.brand, year)
    tables["sov_brands"] = brand_shares(inputs.mentions, year)
    tables["sov_trend"] = share_trend(inputs.mentions, year)
    tables["plan_vs_actual"] = plan_vs_actual(
        inputs.baseline, view, spend, year, inputs.findings,
        sheet=inputs.names.get("baseline", "Plan baseline"), lang=settings.language)
    tables["pva_year"] = year_at_a_glance(tables["plan_vs_actual"])
    tables["goal_review"] = goal_review(
        inputs.goals, review_metrics(tables), inputs.findings,
        sheet=inputs.names.get("goals", "Goals"), lang=settings.language,
    )
    tables["lessons"] = lessons_table(inputs.lessons, inputs.goals, tables["goal_review"],
                                      settings.goal_cap)
    tables["data_check"] = inputs.findings.to_frame()
    return tables
