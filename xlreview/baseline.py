"""Plan baseline and plan against actual: next year's plan frozen, then tracked.

In December the plan for next year is frozen into the input sheet ``Plan baseline``
(:func:`freeze_plan`): one row per period, channel and metric. A year later the fiscal year
*is* the baseline's year, and the rebuild compares every baseline row of that year with what
happened (:func:`plan_vs_actual`), as the monthly and quarterly reviews do.

Periods: ``2027-03`` (a month), ``2027-Q1`` (a quarter) or ``2027`` (the year). Channel
blank = all channels. Metrics: leads, mql, sql, opp, won (customers), revenue, cost.
Actuals are counted as in the ROI matrix: a stage counts in the period its date falls in,
revenue is deals won in the period, cost the Spend rows of the period's months.

The forecast is a run rate: the year-to-date actual of the row's channel and metric divided
by the months elapsed (January to the last month with data, the *as-of* month, counted
whole), times the period's months after the as-of month, added to the period's actual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .checks import Findings
from .funnel import STAGE_COLUMNS, ratio
from .inputs import Inputs
from .labels import label
from .model import STAGE_DATE
from .stages import Leads, StageView, day_number, day_numbers

BASELINE_METRICS: tuple[str, ...] = ("leads", "mql", "sql", "opp", "won", "revenue", "cost")
BASELINE_COLUMNS: list[str] = ["period", "channel", "metric", "plan"]
PLAN_VS_ACTUAL_COLUMNS: list[str] = ["period", "channel", "metric", "plan", "actual",
                                     "variance", "completion", "forecast"]
YEAR_COLUMNS: list[str] = ["metric", "plan", "actual", "forecast", "forecast_completion"]

_METRIC_WORDS: dict[str, str] = {
    **{m: m for m in BASELINE_METRICS},
    # Chinese in both scripts; 成交额 / 成交額 is the word the generated sheets use.
    **dict.fromkeys(["lead", "线索", "留资", "线索数", "線索", "留資", "線索數"], "leads"),
    **dict.fromkeys(["营销合格线索", "營銷合格線索"], "mql"),
    **dict.fromkeys(["销售合格线索", "銷售合格線索"], "sql"),
    **dict.fromkeys(["opps", "opportunity", "opportunities", "商机", "商机数", "商機",
                     "商機數"], "opp"),
    **dict.fromkeys(["customers", "customer", "deals", "成交客户", "客户", "成交", "成交数",
                     "成交客戶", "客戶", "成交數"], "won"),
    **dict.fromkeys(["收入", "营收", "成交额", "成交金额", "销售额", "營收", "成交額",
                     "成交金額", "銷售額"], "revenue"),
    **dict.fromkeys(["spend", "budget", "费用", "预算", "花费", "成本", "費用", "預算",
                     "花費"], "cost"),
}
_STAGE_OF: dict[str, str] = {**{v: k for k, v in STAGE_COLUMNS.items()}, "revenue": "won"}
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?:[-/.]\d{1,2})?(?:[ T].*)?$")
_QUARTER = re.compile(r"^(\d{4})\s*[-/ 年]?\s*(?:q|第)\s*([1-4])\s*(?:季度|季)?$"
                      r"|^q([1-4])\s*[-/ ]?\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})(?:\s*年)?$")


@dataclass(frozen=True)
class Period:
    """A period of a baseline row: its year, first month and number of months."""

    year: int
    first: int
    months: int

    @property
    def key(self) -> str:
        """``2027-03``, ``2027-Q1`` or ``2027``."""
        if self.months == 1:
            return f"{self.year}-{self.first:02d}"
        if self.months == 3:
            return f"{self.year}-Q{(self.first + 2) // 3}"
        return str(self.year)

    @property
    def month_numbers(self) -> range:
        return range(self.first, self.first + self.months)


def parse_period(value: object) -> Period | None:
    """A :class:`Period` from ``2027-03``, ``2027/3``, ``2027年3月``, a date (its month),
    ``2027-Q1``, ``Q1 2027``, ``2027年第1季度`` or ``2027``; None when it is none of them."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | np.datetime64) or hasattr(value, "month"):
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
        return Period(stamp.year, stamp.month, 1)
    if isinstance(value, int | float | np.number) and float(value).is_integer():
        value = str(int(value))
    text = str(value).strip().lower()
    if match := _MONTH.match(text):
        month = int(match.group(2))
        return Period(int(match.group(1)), month, 1) if 1 <= month <= 12 else None
    if match := _QUARTER.match(text):
        year, quarter = (match.group(1), match.group(2)) if match.group(1) else (
            match.group(4), match.group(3))
        return Period(int(year), 3 * int(quarter) - 2, 3)
    if match := _YEAR.match(text):
        return Period(int(match.group(1)), 1, 12)
    return None


def metric_key(value: object) -> str | None:
    """A metric of :data:`BASELINE_METRICS` from English or Chinese text, else None."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    word = str(value).strip().lower().replace(" ", "_")
    return _METRIC_WORDS.get(word)


# --- freezing the plan -------------------------------------------------------------------


def freeze_plan(tables: Mapping[str, pd.DataFrame], year: int) -> pd.DataFrame:
    """The baseline of next year's plan (``year``): period, channel, metric, plan.

    Rows: each month of ``plan_monthly`` (all channels; cost = the month's budget), each
    quarter of ``plan_quarterly``, then the year per channel of ``targets`` (leads as
    planned, MQL, SQL, opportunities, customers, revenue) with the channel's planned cost
    from ``budget``. Blank plans are left out.
    """
    rows: list[tuple[str, object, str, float]] = []
    stage_metrics = {"leads": "leads", "mql": "mql", "sql": "sql", "opp": "opp", "won": "won",
                     "revenue": "revenue", "cost": "budget"}
    for table, column, name in (("plan_monthly", "month", "month"),
                                ("plan_quarterly", "quarter", "quarter")):
        frame = tables.get(table)
        if frame is None:
            continue
        for record in frame.to_dict("records"):
            period = (f"{year}-{pd.Timestamp(record[column]).month:02d}" if name == "month"
                      else f"{year}-{record[column]}")
            for metric, source in stage_metrics.items():
                rows.append((period, None, metric, record.get(source, np.nan)))
    rows += _channel_rows(tables, year)
    frame = pd.DataFrame(rows, columns=BASELINE_COLUMNS)
    frame["plan"] = pd.to_numeric(frame["plan"], errors="coerce")
    return frame[frame["plan"].notna()].reset_index(drop=True)


def _channel_rows(tables: Mapping[str, pd.DataFrame], year: int
                  ) -> list[tuple[str, object, str, float]]:
    targets = tables.get("targets")
    if targets is None:
        return []
    budget = tables.get("budget")
    cost: dict[object, float] = {}
    if budget is not None and "planned_cost" in budget:
        spent = budget[budget["type"].isin(["proven", "experiment"])]
        cost = dict(zip(spent["channel"], spent["planned_cost"], strict=True))
    columns = {"leads": "plan_leads" if "plan_leads" in targets else "leads", "mql": "mql",
               "sql": "sql", "opp": "opp", "won": "customers", "revenue": "revenue"}
    rows = []
    for record in targets[targets["channel"] != "total"].to_dict("records"):
        for metric, source in columns.items():
            rows.append((str(year), record["channel"], metric, record.get(source, np.nan)))
        rows.append((str(year), record["channel"], "cost", cost.get(record["channel"], np.nan)))
    return rows


def baseline_of(inputs: Inputs) -> tuple[pd.DataFrame, int]:
    """The baseline of the plan these inputs give (:func:`freeze_plan`), and its year."""
    from .plan import build_plan, plan_year  # the plan and the review import this module
    from .review import build_review

    view = StageView(inputs.leads)
    tables = dict(build_review(inputs, view=view))
    tables.update(build_plan(inputs, tables, view=view))
    year = plan_year(inputs)
    return freeze_plan(tables, year), year


def other_years(baseline: pd.DataFrame, year: int) -> tuple[pd.DataFrame, int]:
    """The baseline rows (as typed) that are not of ``year``, and how many rows are.

    Freezing next year's plan keeps the baselines of other years: this year's is what the
    year is measured against. A row whose period cannot be read is the user's: kept.
    """
    if baseline.empty:
        return pd.DataFrame(columns=BASELINE_COLUMNS), 0
    periods = [parse_period(p) for p in baseline.get("period", pd.Series(dtype=object))]
    mine = np.array([p is not None and p.year == year for p in periods], dtype=bool)
    kept = baseline.reindex(columns=BASELINE_COLUMNS)[~mine].reset_index(drop=True)
    return kept, int(mine.sum())


# --- reading a baseline typed or pasted by the user --------------------------------------


@dataclass(frozen=True)
class BaselineRow:
    """One usable baseline row."""

    period: Period
    channel: str | None
    metric: str
    plan: float


def read_baseline(baseline: pd.DataFrame, findings: Findings | None = None, *,
                  sheet: str = "Plan baseline", lang: str = "en") -> list[BaselineRow]:
    """The usable rows of the ``Plan baseline`` sheet; each unusable one is a finding
    (sheet, Excel row, column) and left out."""
    findings = findings if findings is not None else Findings()
    out = []
    plans = (pd.to_numeric(baseline["plan"], errors="coerce").to_numpy(float)
             if "plan" in baseline else np.full(len(baseline), np.nan))
    for record, plan in zip(baseline.to_dict("records"), plans, strict=True):
        row = record.get("_row")
        row = None if row is None or pd.isna(row) else int(row)
        period = parse_period(record.get("period"))
        metric = metric_key(record.get("metric"))
        if period is None:
            findings.add("warning", sheet, row, "period",
                         label("msg.baseline_period", lang, value=record.get("period")))
        elif metric is None:
            findings.add("warning", sheet, row, "metric",
                         label("msg.baseline_metric", lang, value=record.get("metric"),
                               known=", ".join(BASELINE_METRICS)))
        elif pd.isna(plan):
            findings.add("warning", sheet, row, "plan", label("msg.baseline_plan", lang))
        else:
            channel = record.get("channel")
            channel = None if channel is None or pd.isna(channel) or not str(channel).strip() \
                else str(channel).strip()
            out.append(BaselineRow(period, channel, metric, float(plan)))
    return out


# --- plan against actual ---------------------------------------------------------------


def _channel_key(name: object) -> str:
    """A channel as matched between the baseline, the leads and the spend."""
    return "" if name is None or (not isinstance(name, str) and pd.isna(name)) else (
        str(name).strip().casefold())


class Actuals:
    """What happened in each month of one year, per channel and metric (see the module)."""

    def __init__(self, leads: Leads, spend: pd.DataFrame, year: int) -> None:
        self.view = StageView.of(leads)
        self.year = year
        self.starts = np.array([day_number(pd.Timestamp(year, m, 1)) for m in range(1, 13)]
                               + [day_number(pd.Timestamp(year + 1, 1, 1))])
        self.spend = spend
        self._groups = self.view.groups("channel")
        # Channel labels as matched (case and spaces around ignored): key → label codes.
        self._codes: dict[str, list[int]] = {}
        for code, name in enumerate(self._groups.labels):
            self._codes.setdefault(_channel_key(name), []).append(code)
        self._spend_keys = (spend["channel"].map(_channel_key).to_numpy(object)
                            if "channel" in spend else np.full(len(spend), "", dtype=object))
        self._table: dict[str, np.ndarray] = {}

    def channels(self) -> set[str]:
        """The channel keys (case folded) of the leads and the spend."""
        return set(self._codes) | set(self._spend_keys.tolist())

    def _month_index(self, days: np.ndarray) -> np.ndarray:
        """Month (0..11) of each day in the year, -1 outside it or blank."""
        index = np.searchsorted(self.starts, days, side="right") - 1
        return np.where(np.isnan(days) | (index < 0) | (index > 11), -1, index)

    def _lead_months(self, column: str) -> np.ndarray:
        """:meth:`_month_index` of a date column of the leads, once per column."""
        key = f"months:{column}"
        if key not in self._table:
            self._table[key] = self._month_index(self.view.days(column))
        return self._table[key]

    def _by_label(self, metric: str) -> np.ndarray:
        """Monthly actuals of a lead metric per channel label: 12 × labels (one bincount)."""
        if metric not in self._table:
            stage = _STAGE_OF[metric]
            month = self._lead_months(STAGE_DATE[stage])
            width = max(len(self._groups.labels), 1)
            codes = self._groups.codes if len(self._groups.labels) else np.zeros(
                len(month), dtype=np.int64)
            rows = month >= 0
            weights = np.ones(len(month))
            if metric == "revenue":
                amount = self.view.amount()
                weights = np.where(np.isnan(amount), 0.0, amount)
            self._table[metric] = np.bincount(
                month[rows] * width + codes[rows], weights=weights[rows],
                minlength=12 * width).reshape(12, width)
        return self._table[metric]

    def by_month(self, metric: str, channel: str | None) -> np.ndarray:
        """The 12 monthly actuals of ``metric`` for ``channel`` (None = all)."""
        if metric == "cost":
            return self._cost(channel)
        if not self.view.tracked(_STAGE_OF[metric]):  # a stage the export does not have
            return np.full(12, np.nan)
        table = self._by_label(metric)
        if channel is None:
            return table.sum(axis=1)
        return table[:, self._codes.get(_channel_key(channel), [])].sum(axis=1)

    def _spend_months(self) -> np.ndarray:
        if "spend" not in self._table:
            self._table["spend"] = self._month_index(day_numbers(self.spend["month"]))
        return self._table["spend"]

    def _cost(self, channel: str | None) -> np.ndarray:
        if self.spend.empty:
            return np.zeros(12)
        month = self._spend_months()
        cost = pd.to_numeric(self.spend["cost"], errors="coerce").fillna(0.0).to_numpy(float)
        rows = month >= 0
        if channel is not None:
            rows &= self._spend_keys == _channel_key(channel)
        return np.bincount(month[rows], weights=cost[rows], minlength=12).astype(float)

    def as_of(self) -> int | None:
        """The last month (1..12) of the year with a lead, a stage or a Spend row; None
        when the year has no data."""
        months = [self._lead_months(column) for column in STAGE_DATE.values()]
        if not self.spend.empty:
            months.append(self._spend_months())
        last = max((int(m.max()) for m in months if len(m)), default=-1)
        return last + 1 if last >= 0 else None


def plan_vs_actual(baseline: pd.DataFrame, leads: Leads, spend: pd.DataFrame, year: int,
                   findings: Findings | None = None, *, sheet: str = "Plan baseline",
                   lang: str = "en") -> pd.DataFrame:
    """The ``plan_vs_actual`` table for the baseline rows of ``year``, in the sheet's order.

    Columns period, channel (blank = all), metric, plan, actual (blank for a period after
    the as-of month), variance (actual − plan), completion (actual / plan), forecast (run
    rate, see the module). Empty when no baseline
    row falls in ``year``. ``table.attrs["as_of"]`` is the as-of month (1..12) or None.
    """
    rows = [r for r in read_baseline(baseline, findings, sheet=sheet, lang=lang)
            if r.period.year == year]
    if not rows:
        return pd.DataFrame(columns=PLAN_VS_ACTUAL_COLUMNS)
    actuals = Actuals(leads, spend, year)
    as_of = actuals.as_of()
    known = actuals.channels()
    unknown = sorted({r.channel for r in rows
                      if r.channel and r.channel.casefold() not in known})
    if findings is not None:
        for channel in unknown:
            findings.add("warning", sheet, None, "channel",
                         label("msg.baseline_channel", lang, value=channel))
    cache: dict[tuple[str, str | None], np.ndarray] = {}
    records = []
    for row in rows:
        key = (row.metric, row.channel.casefold() if row.channel else None)
        if key not in cache:
            cache[key] = actuals.by_month(row.metric, row.channel)
        months = cache[key]
        index = np.array(row.period.month_numbers) - 1
        # A period that has not begun has no actual yet (blank, not 0 % done).
        begun = as_of is not None and index[0] < as_of
        actual = float(months[index].sum()) if begun else float("nan")
        records.append({
            "period": row.period.key, "channel": row.channel, "metric": row.metric,
            "plan": row.plan, "actual": actual,
            "forecast": run_rate_forecast(months, index, as_of),
        })
    table = pd.DataFrame(records)
    table["variance"] = table["actual"] - table["plan"]
    table["completion"] = ratio(table["actual"], table["plan"])
    table = table[PLAN_VS_ACTUAL_COLUMNS]
    table.attrs["as_of"] = as_of
    return table


def run_rate_forecast(months: np.ndarray, index: np.ndarray, as_of: int | None) -> float:
    """Actual of the months ``index`` (0-based) to the as-of month, plus the year-to-date
    monthly run rate × the months of ``index`` after it (NaN without an as-of month)."""
    if as_of is None:
        return float("nan")
    rate = float(months[:as_of].sum()) / as_of
    done = index[index < as_of]
    return float(months[done].sum()) + rate * int(np.count_nonzero(index >= as_of))


def year_at_a_glance(table: pd.DataFrame) -> pd.DataFrame:
    """The year of each metric, all channels, from the month rows of ``plan_vs_actual``:
    metric, plan (Σ months), actual (to the as-of month), forecast (Σ months' forecasts) and
    forecast_completion (forecast / plan). Empty without month rows for all channels."""
    if table.empty:
        return pd.DataFrame(columns=YEAR_COLUMNS)
    months = table[table["channel"].isna() & table["period"].str.fullmatch(r"\d{4}-\d{2}")]
    if months.empty:
        return pd.DataFrame(columns=YEAR_COLUMNS)
    order = [m for m in BASELINE_METRICS if m in set(months["metric"])]
    grouped = months.groupby("metric")
    out = pd.DataFrame({
        "plan": grouped["plan"].sum(),
        "actual": grouped["actual"].sum(min_count=1),
        "forecast": grouped["forecast"].sum(min_count=1),
    }).reindex(order)
    out["forecast_completion"] = ratio(out["forecast"], out["plan"])
    return out.rename_axis("metric").reset_index()[YEAR_COLUMNS]
