"""The year-end review: every review table of docs/DESIGN.md from one :class:`Inputs`."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .funnel import funnel_table, monthly_table, sales_cycle_table, stage_dates
from .goals import goal_review, review_metrics
from .inputs import Inputs
from .pipeline import pipeline_tables
from .roi import events_table, roi_matrix, roi_summary
from .share_of_voice import share_of_voice


def review_year(inputs: Inputs) -> int:
    """The fiscal year: the setting, else the year of the latest lead, else this year."""
    if inputs.settings.fiscal_year is not None:
        return int(inputs.settings.fiscal_year)
    created = stage_dates(inputs.leads, "lead") if "created" in inputs.leads else None
    if created is not None and created.notna().any():
        return int(created.max().year)
    return dt.date.today().year


def build_review(inputs: Inputs) -> dict[str, pd.DataFrame]:
    """Every review table, keyed as in the table contract of docs/DESIGN.md.

    Findings of the review itself (goals without a target …) are added to
    ``inputs.findings``, and ``data_check`` is the resulting list.
    """
    year = review_year(inputs)
    leads, spend = inputs.leads, inputs.spend
    settings = inputs.settings
    tables: dict[str, pd.DataFrame] = {}
    tables["roi_matrix"] = roi_matrix(leads, spend, year)
    tables["roi_summary"] = roi_summary(tables["roi_matrix"], inputs.headcount)
    tables["funnel"] = funnel_table(leads, year)
    tables["events"] = events_table(leads, spend, year)
    tables["monthly"] = monthly_table(leads, year)
    tables["sales_cycle"] = sales_cycle_table(leads, year)
    tables["pipeline"], tables["pipeline_months"] = pipeline_tables(
        leads, year, settings.min_conversions)
    tables["share_of_voice"] = share_of_voice(inputs.mentions, settings.brand, year)
    tables["goal_review"] = goal_review(
        inputs.goals, review_metrics(tables), inputs.findings,
        sheet=inputs.names.get("goals", "Goals"), lang=settings.language,
    )
    tables["data_check"] = inputs.findings.to_frame()
    return tables
