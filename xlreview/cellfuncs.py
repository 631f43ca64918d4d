"""Cell functions without Excel: cell-shaped inputs in, the core's answer as cells out.

``udfs/xlreview_udfs.py`` wraps each function here in one line of xlwings decorators. Inputs
arrive as Excel hands them over: numbers, text, ``None`` for blanks, datetimes or Excel
serial numbers for dates, and ranges as 2D lists. Results are a number, or a 2D list that
spills in dynamic-array Excel. A problem never raises: the cell shows a short reason such as
``rates: need 4 values between 0 and 1`` (English / Chinese).

The core (``targets``, ``phasing``, ``budget``, ``funnel``, ``roi``, ``pipeline``) is imported
inside the functions, so that a cell function loads only what it needs.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Sequence
from numbers import Real
from typing import ParamSpec

import numpy as np
import pandas as pd

from .errors import XlreviewError
from .labels import label, language
from .model import LEADS, STAGE_DATE, STAGES, header_lookup, normalise_header
from .parsing import dates_of, filled_rows, grid_cells, is_blank, parse_date_column, text_of
from .perf import gc_paused
from .targets import funnel_counts

P = ParamSpec("P")
Cells = list[list[object]]
"""A spilled result: rows of cell values ("" shows as a blank cell)."""
Result = Cells | float | int | str

RATE_KEYS: tuple[str, ...] = ("lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won")
ALL_RATE_KEYS: tuple[str, ...] = (*RATE_KEYS, "lead_to_won")
_STAGE_NAMES: dict[str, str] = {
    **dict.fromkeys(["lead", "leads", "线索", "留资", "線索", "留資"], "lead"),
    **dict.fromkeys(["mql", "mqls", "营销合格线索", "營銷合格線索"], "mql"),
    **dict.fromkeys(["sql", "sqls", "销售合格线索", "銷售合格線索"], "sql"),
    **dict.fromkeys(["opp", "opps", "opportunity", "opportunities", "商机", "商機"], "opp"),
    **dict.fromkeys(["won", "customer", "customers", "成交客户", "客户", "成交", "成交客戶",
                     "客戶"], "won"),
}
"""Accepted ``stage`` arguments (normalised) → stage key."""


class CellInputError(XlreviewError, ValueError):
    """A cell function argument that cannot be used: argument name and label key."""

    def __init__(self, argument: str, key: str, **params: object) -> None:
        self.argument = argument
        self.key = key
        self.params = params
        super().__init__(f"{argument}: {label(f'msg.udf_{key}', 'en', **params)}")


LANGUAGE_VARIABLE = "XLREVIEW_LANG"
"""Environment variable naming the Chinese script of cell results: Traditional (``zh-TW``,
``zh-HK``, ``繁體`` …) or, when unset or anything else, Simplified."""


def chinese() -> str:
    """``zh-TW`` when :data:`LANGUAGE_VARIABLE` names Traditional Chinese, else ``zh-CN``.

    A cell function does not know its workbook's Settings; Excel's Python process does know
    its environment, set once per machine."""
    wanted = language(os.environ.get(LANGUAGE_VARIABLE, ""), None)
    return "zh-TW" if wanted == "zh-TW" else "zh-CN"


def bilingual(key: str, **params: object) -> str:
    """``English / 中文`` text of a label (one text where both read the same), the Chinese in
    the script :func:`chinese` names."""
    return _in_both(key, chinese(), **params)


def _in_both(key: str, zh: str, /, **params: object) -> str:
    en, chinese_text = label(key, "en", **params), label(key, zh, **params)
    return en if en == chinese_text else f"{en} / {chinese_text}"


def error_text(error: Exception) -> str:
    """The short reason a cell shows for ``error``."""
    if isinstance(error, CellInputError):
        return f"{error.argument}: {bilingual(f'msg.udf_{error.key}', **error.params)}"
    return str(error).splitlines()[0][:250] if str(error) else type(error).__name__


def shows_errors(func: Callable[P, Result]) -> Callable[P, Result]:
    """Return a short reason instead of raising, so that no traceback reaches a cell."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Result:
        try:
            return func(*args, **kwargs)
        except (XlreviewError, ValueError, TypeError, ArithmeticError) as error:
            return error_text(error)
        except Exception as error:  # a cell is the end of the line: a reason, no traceback
            return f"{type(error).__name__}: {error_text(error)}"

    return wrapper


# --- cell-shaped inputs --------------------------------------------------------------


def flatten(cells: object) -> list[object]:
    """The values of a range row by row (a single value is a 1-cell range)."""
    if isinstance(cells, list | tuple):
        out: list[object] = []
        for item in cells:
            out.extend(item if isinstance(item, list | tuple) else [item])
        return out
    return [cells]


def number(value: object, argument: str, *, blank: float | None = None) -> float:
    """A finite number from a cell (numeric text too); ``blank`` for a blank cell."""
    if is_blank(value) and blank is not None:
        return blank
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            raise CellInputError(argument, "not_number", value=value) from None
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise CellInputError(argument, "not_number", value=value)
    return float(value)


def as_cells(values: Sequence[object]) -> list[object]:
    """Python values as cell values: NaN becomes "" (a blank cell)."""
    return ["" if isinstance(v, float) and math.isnan(v) else v for v in values]


def shaped_like(cells: object, values: Sequence[object]) -> Cells:
    """``values`` laid out as a row if ``cells`` is one row, else as a column."""
    if isinstance(cells, list) and len(cells) == 1 and isinstance(cells[0], list):
        return [list(values)]
    return [[v] for v in values]


def parse_rates(cells: object) -> list[float]:
    """Four stage rates lead→MQL, MQL→SQL, SQL→opp, opp→won, each in (0, 1]."""
    values = [v for v in flatten(cells) if not is_blank(v)]
    try:
        rates = [number(v, "rates") for v in values]
    except CellInputError:
        raise CellInputError("rates", "rates") from None
    if len(rates) != 4 or not all(0 < r <= 1 for r in rates):
        raise CellInputError("rates", "rates")
    return rates


def parse_stage(value: object) -> str:
    """Stage key from ``leads``, ``mql``, ``sql``, ``opp``, ``customers`` or 线索/商机/成交客户."""
    key = _STAGE_NAMES.get(normalise_header(value))
    if key is None:
        raise CellInputError("stage", "stage", value=value)
    return key


def stage_label(stage: str) -> str:
    """``Leads / 线索`` … ``Customers / 成交客户`` (``線索`` … in Traditional)."""
    return _stage_label(stage, chinese())


@functools.cache
def _stage_label(stage: str, zh: str) -> str:
    return _in_both(f"value.{stage}", zh)


# --- FUNNEL_TARGET -------------------------------------------------------------------


@shows_errors
def funnel_target(target: object, deal_size: object, rates: object, stage: object = None
                  ) -> Result:
    """Reverse funnel: what each stage needs to reach ``target``, rounding up every stage.

    Args:
        target: revenue target, or the number of customers when ``deal_size`` is blank.
        deal_size: average deal size (blank: ``target`` counts customers).
        rates: 4 cells, lead→MQL, MQL→SQL, SQL→opp, opp→won as fractions.
        stage: optional stage (``leads`` … ``customers`` or 线索 … 成交客户): one number.

    Returns:
        Rows (stage label, count) from Leads to Customers, or one count.
    """
    goal = number(target, "target")
    if goal < 0:
        raise CellInputError("target", "negative")
    deal = None if is_blank(deal_size) else number(deal_size, "deal_size")
    if deal is not None and deal <= 0:
        raise CellInputError("deal_size", "positive")
    counts = funnel_counts(goal, deal, parse_rates(rates))
    if not is_blank(stage):
        return counts[STAGES.index(parse_stage(stage))]
    return [[stage_label(s), c] for s, c in zip(STAGES, counts, strict=True)]


# --- CONVERSION_RATES ----------------------------------------------------------------


def leads_frame(cells: object) -> pd.DataFrame:
    """Leads from a range whose first row holds the headers (English or Chinese).

    Returns one row per non-blank row of the range: ``channel`` (if the range has one) and
    ``reached_<stage>`` flags. A lead reached a stage when that stage or a later one holds a
    date (datetime, Excel serial or date text); only distinct cells are parsed, so 100k
    rows take milliseconds.
    """
    rows = cells if isinstance(cells, list) and cells and isinstance(cells[0], list) else []
    if len(rows) < 1:
        raise CellInputError("leads_range", "leads_header")
    lookup = header_lookup(LEADS)
    keys = [lookup.get(normalise_header(h)) if not is_blank(h) else None for h in rows[0]]
    wanted = {key: i for i, key in reversed(list(enumerate(keys))) if key is not None}
    stages = [s for s in STAGES[1:] if STAGE_DATE[s] in wanted]
    if not stages:
        raise CellInputError("leads_range", "leads_header")
    body = rows[1:]
    with gc_paused():
        columns = grid_cells(body, wanted)
    filled = filled_rows(columns.values(), len(body))
    out = pd.DataFrame(index=pd.RangeIndex(int(filled.sum())))
    if "channel" in columns:
        out["channel"] = text_of(columns["channel"].take(filled)).to_numpy()
    reached = np.zeros(len(body), dtype=bool)
    for stage in reversed(stages):  # a later stage implies the earlier ones
        dates = columns[STAGE_DATE[stage]]
        reached = reached | dates.rows(dates_of(dates)[2].values.notna().to_numpy())
        out[f"reached_{stage}"] = reached[filled]
    for stage in STAGES[1:]:
        if f"reached_{stage}" not in out:  # a stage without a column: reached via later ones
            later = [f"reached_{s}" for s in STAGES[STAGES.index(stage) + 1:] if
                     f"reached_{s}" in out]
            out[f"reached_{stage}"] = out[later].any(axis=1) if later else False
    return out


@shows_errors
def conversion_rates(leads_range: object, channel: object = None) -> Result:
    """Stage conversion rates of the leads in a range (header row first).

    Args:
        leads_range: leads with a header row (lead_id/线索ID, channel/渠道, stage dates …).
        channel: optional channel name: only that channel's leads.

    Returns:
        Rows (rate label, rate) for lead→MQL, MQL→SQL, SQL→opp, opp→won, lead→won;
        blank where a stage has no leads.
    """
    from .funnel import conversion_rates as core_rates

    leads = leads_frame(leads_range)
    if not is_blank(channel):
        if "channel" not in leads:
            raise CellInputError("channel", "no_channel_column")
        codes, names = pd.factorize(leads["channel"])  # compare each distinct name once
        wanted = [i for i, name in enumerate(names)
                  if str(name).strip().lower() == str(channel).strip().lower()]
        leads = leads[np.isin(codes, wanted)]
        if leads.empty:
            raise CellInputError("channel", "unknown_channel", value=channel)
    if leads.empty:
        raise CellInputError("leads_range", "no_leads")
    rates = core_rates(leads).iloc[0]
    values = as_cells([float(rates[k]) for k in ALL_RATE_KEYS])
    return [[bilingual(f"col.{k}"), v] for k, v in zip(ALL_RATE_KEYS, values, strict=True)]


# --- SPLIT_TARGET, BUDGET_ALLOCATE ---------------------------------------------------


def weight_values(cells: object, argument: str) -> list[float]:
    """Weights of a one-row or one-column range; blanks count as 0."""
    return [number(v, argument, blank=0.0) for v in flatten(cells)]


@shows_errors
def split_target(total: object, weights: object, whole: object = True) -> Result:
    """Split ``total`` in proportion to ``weights`` so that the parts add up exactly.

    Args:
        total: the amount to split (a whole number when ``whole``).
        weights: one row or one column of weights (blank = 0; all blank = even split).
        whole: TRUE (default) for whole numbers, FALSE for money to the cent; both by
            largest remainder.

    Returns:
        The parts, shaped like ``weights``.
    """
    from .phasing import split_money, split_whole

    amount = number(total, "total")
    parts_of = weight_values(weights, "weights")
    if not parts_of:
        raise CellInputError("weights", "empty")
    if any(w < 0 for w in parts_of):
        raise CellInputError("weights", "negative")
    if is_blank(whole) or bool(whole):
        if amount < 0 or amount != int(amount):
            raise CellInputError("total", "whole")
        parts = [int(p) for p in split_whole(int(amount), parts_of)]
    else:
        if amount < 0:
            raise CellInputError("total", "negative")
        parts = [float(p) for p in split_money(amount, parts_of)]
    return shaped_like(weights, parts)


@shows_errors
def budget_allocate(total: object, channels: object, roi: object,
                    experiment_share: object = None) -> Result:
    """Budget split: the experiment share (default 20%) apart, the rest by 1 + ROI.

    Args:
        total: total programme budget.
        channels: channel names, one row or column.
        roi: last year's ROI per channel as fractions (blank = no weight).
        experiment_share: share kept for experiments (0–1, default 0.2).

    Returns:
        Rows (channel, budget) and a last row for experiments, adding up to ``total``.
    """
    from .budget import allocate_by_roi

    amount = number(total, "total")
    if amount < 0:
        raise CellInputError("total", "negative")
    names = [str(c).strip() for c in flatten(channels)]
    rois = flatten(roi)
    if len(rois) != len(names):
        raise CellInputError("roi", "same_length", other="channels")
    kept = [i for i, name in enumerate(names) if name]
    share = number(experiment_share, "experiment_share", blank=0.2)
    if not 0 <= share <= 1:
        raise CellInputError("experiment_share", "share")
    weights = [number(rois[i], "roi", blank=math.nan) for i in kept]
    table = allocate_by_roi(amount, [names[i] for i in kept], weights, share)
    labels = [*table["channel"].iloc[:-1], bilingual("value.experiment")]
    return [[c, float(b)] for c, b in zip(labels, table["budget"], strict=True)]


# --- SALES_CYCLE, ROI, PIPELINE_VALUE ------------------------------------------------


def date_values(cells: object, argument: str) -> pd.Series:
    """Dates of a one-row or one-column range (datetimes, serials or text; blank = NaT)."""
    values = pd.Series(flatten(cells), dtype=object).replace({"": None})
    return parse_date_column(values).values


@shows_errors
def sales_cycle(created: object, won: object) -> Result:
    """Days from created to won of won deals: count, median and 80th percentile.

    Args:
        created: created dates, one row or column.
        won: won dates, same length; pairs with a blank date are skipped.

    Returns:
        Rows (label, value): deals, median days, P80 days.
    """
    from .funnel import sales_cycle_days

    start, end = date_values(created, "created"), date_values(won, "won")
    if len(start) != len(end):
        raise CellInputError("won", "same_length", other="created")
    row = sales_cycle_days(start, end).iloc[-1]
    values = as_cells([int(row["deals"]), float(row["median_days"]), float(row["p80_days"])])
    keys = ("col.deals", "col.median_days", "col.p80_days")
    return [[bilingual(k), v] for k, v in zip(keys, values, strict=True)]


@shows_errors
def roi(revenue: object, cost: object, headcount: object = None) -> Result:
    """ROI = (revenue − cost − headcount) / (cost + headcount); blank without cost.

    Args:
        revenue: revenue (blank = 0).
        cost: programme cost.
        headcount: optional headcount cost (fully loaded ROI).
    """
    from .roi import roi as core_roi

    value = core_roi(number(revenue, "revenue", blank=0.0), number(cost, "cost", blank=0.0),
                     number(headcount, "headcount", blank=0.0))
    return "" if math.isnan(value) else value


@shows_errors
def pipeline_value(amounts: object, win_rate: object, close_months: object = None) -> Result:
    """Expected revenue of open deals: Σ amount × win rate, by month if months are given.

    Args:
        amounts: deal values, one row or column (blanks skipped).
        win_rate: chance that a deal is won (0–1).
        close_months: optional month (1 = next month) each deal closes, same length.

    Returns:
        One number without ``close_months``, else rows (month, expected revenue).
    """
    from .pipeline import pipeline_value as core_value

    rate = number(win_rate, "win_rate")
    if not 0 <= rate <= 1:
        raise CellInputError("win_rate", "share")
    values = [number(v, "amounts", blank=math.nan) for v in flatten(amounts)]
    if all(is_blank(v) for v in flatten(close_months)):
        return float(core_value(values, rate)["expected_revenue"].sum())
    months = [number(v, "close_months", blank=math.nan) for v in flatten(close_months)]
    if len(months) != len(values):
        raise CellInputError("close_months", "same_length", other="amounts")
    table = core_value(values, rate, months)
    return [[int(m), float(v)] for m, v in zip(table["month"], table["expected_revenue"],
                                               strict=True)]


__all__ = [
    "budget_allocate",
    "conversion_rates",
    "funnel_target",
    "pipeline_value",
    "roi",
    "sales_cycle",
    "split_target",
]
