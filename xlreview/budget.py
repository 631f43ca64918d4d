"""Next year's marketing budget: headcount, experiments (the 80/20 rule) and proven channels.

The proven part is allocated by ``settings.budget_method``:

- ``implied``: in proportion to the cost the channel's lead target implies (``targets``);
- ``roi``: in proportion to last year's cost × (1 + ROI), so better ROI gets more;
- ``curve``: a diminishing-returns curve y = a·x^b per channel (monthly spend → monthly
  result) and small steps of money each to the channel whose next step returns most;
- ``target``: the budget follows the goal: each channel gets the cost its lead target
  implies (leads × CPL, ``targets``), the programme is that plus the experiment share, and
  ``budget_total`` is only a cap (reported when it binds). No ±30% band: only typed bounds.

Without ``budget_total`` every method's programme budget follows the goal (implied cost plus
the experiment share); the method then decides only the split.

Every method keeps each channel within its bounds (Min, Max, Locked; default ±30% of last
year) and the result adds up to the programme budget exactly to the cent. Curves are
correlational estimates, not proof of cause and effect.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .errors import InputError
from .inputs import Inputs
from .labels import LANGUAGES, label
from .numbers import excel_round15
from .parsing import parse_bool
from .phasing import round_excel, split_whole
from .reserve import RESERVE, reserve_row, split_reserve
from .stages import Leads, StageView, conversion_cohort
from .targets import add_note, fiscal_year, previous_by_channel

BUDGET_COLUMNS: tuple[str, ...] = (
    "channel", "type", "last_year_cost", "planned_cost", "change", "expected_leads",
    "expected_revenue", "marginal_roi", "min", "max", "locked", "fit",
)
BUDGET_CHECK_COLUMNS: tuple[str, ...] = ("metric", "plan_needs", "budget_buys", "gap")
BUDGET_CHECK_ROWS: tuple[str, ...] = ("lead", "won", "revenue", "programme_cost")
"""Rows of the ``budget_check`` table (value labels: Leads, Customers, Revenue, Programme
cost)."""
DEFAULT_BAND = 0.3
"""Default bounds: last year's cost ± 30%."""
MIN_MONTHS = 6
MIN_R2 = 0.3
STEPS = 1000


@dataclass(frozen=True)
class Curve:
    """Annual result of annual spend X: ``12·a·(X/12)^b`` (spend spread evenly over months).

    A flat rate is ``b = 1`` (result = a·X); no curve is ``a = 0``.

    Attributes:
        a: monthly coefficient (or result per unit spent when ``b = 1``).
        b: elasticity, 0 < b < 1 for diminishing returns.
        r2: R² of the fit on log scale (NaN when not fitted).
        months: months with spend and result used in the fit.
        reason: why a flat rate replaced the power fit (a ``value.fit_*`` key), or None.
        revenue_per_lead: revenue per lead of the channel (revenue curve = leads curve × it).
    """

    a: float = 0.0
    b: float = 1.0
    r2: float = math.nan
    months: int = 0
    reason: str | None = None
    revenue_per_lead: float = math.nan

    def value(self, annual: np.ndarray | float) -> np.ndarray:
        return curve_value(np.asarray(annual, dtype=float), self.a, self.b)

    def describe(self, lang: str) -> str:
        """The ``fit`` text of the budget table."""
        if self.a == 0:
            return label("title.fit_none", lang)
        if self.b == 1:
            reason = label(f"value.{self.reason}", lang) if self.reason else ""
            text = label("title.fit_flat", lang, rate=self.a, reason=reason)
        else:
            text = label("title.fit_power", lang, a=self.a, b=self.b, r2=self.r2, n=self.months)
        if self.revenue_per_lead > 0:
            text += "; " + label("title.fit_revenue_per_lead", lang, value=self.revenue_per_lead)
        return text


def curve_value(annual: np.ndarray, a: np.ndarray | float, b: np.ndarray | float) -> np.ndarray:
    """Vectorised ``12·a·(annual/12)^b``."""
    return 12 * np.asarray(a) * np.power(np.maximum(annual, 0) / 12, b)


def curve_marginal(annual: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Result of one more unit of spend at ``annual`` (NaN where undefined, e.g. at 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.asarray(a) * np.asarray(b) * np.power(np.asarray(annual) / 12, np.asarray(b) - 1)
    return np.where(np.isfinite(slope), slope, np.nan)


def _log_line(log_x: np.ndarray, log_a: float, b: float) -> np.ndarray:
    return log_a + b * log_x


def fit_power(spend: np.ndarray, result: np.ndarray) -> Curve:
    """Fit monthly ``result = a·spend^b`` on log scale; a flat rate where the fit is weak.

    Weak means fewer than 6 months with spend and result, b outside (0, 1) or R² < 0.3;
    the flat rate is total result ÷ total spend.
    """
    spend, result = np.asarray(spend, dtype=float), np.asarray(result, dtype=float)
    usable = np.isfinite(spend) & np.isfinite(result) & (spend > 0)
    if spend[usable].sum() <= 0:
        return Curve()
    flat = result[usable].sum() / spend[usable].sum()
    positive = usable & (result > 0)
    months = int(positive.sum())
    if months < MIN_MONTHS:
        return Curve(flat, 1.0, months=months, reason="fit_few_months")
    log_x, log_y = np.log(spend[positive]), np.log(result[positive])
    if np.ptp(log_x) == 0:
        return Curve(flat, 1.0, months=months, reason="fit_weak")
    # A straight line on log scale: ordinary least squares, solved exactly (numpy's lstsq).
    b, log_a = np.polyfit(log_x, log_y, 1)
    residual = log_y - _log_line(log_x, log_a, b)
    total = ((log_y - log_y.mean()) ** 2).sum()
    r2 = 1 - (residual**2).sum() / total if total > 0 else math.nan
    if not 0 < b < 1:
        return Curve(flat, 1.0, r2, months, "fit_no_diminishing")
    if not r2 >= MIN_R2:
        return Curve(flat, 1.0, r2, months, "fit_weak")
    return Curve(float(np.exp(log_a)), float(b), float(r2), months)


def allocate_greedy(
    total: float,
    a: Sequence[float],
    b: Sequence[float],
    lower: Sequence[float],
    upper: Sequence[float],
    steps: int = STEPS,
) -> np.ndarray:
    """Spend ``total`` in ``steps`` equal steps, each to the channel whose next step returns
    most on its curve (:func:`curve_value`), within ``lower``..``upper``.

    Starts from ``lower``; assumes ``sum(lower) ≤ total ≤ sum(upper)``. With concave curves
    this reaches equal marginal returns, the optimum, to within one step.
    """
    a_, b_ = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    x = np.asarray(lower, dtype=float).copy()
    hi = np.asarray(upper, dtype=float)
    remaining = total - x.sum()
    step = remaining / steps
    with np.errstate(divide="ignore", invalid="ignore"):
        value = curve_value(x, a_, b_)
        while remaining > 1e-9 * max(total, 1.0) and step > 0:
            size = np.minimum(np.minimum(step, hi - x), remaining)
            after = curve_value(x + size, a_, b_)
            gain = np.where(size > 1e-12, (after - value) / size, -np.inf)
            best = int(np.argmax(gain))
            if not np.isfinite(gain[best]):
                break
            x[best] += size[best]
            value[best] = after[best]  # = curve_value(x)[best]: only x[best] moved
            remaining -= size[best]
    return x


def allocate_proportional(
    total: float, weights: Sequence[float], lower: Sequence[float], upper: Sequence[float]
) -> np.ndarray:
    """``total`` in proportion to ``weights``, each clipped to ``lower``..``upper``.

    Finds λ with Σ clip(λ·w, lower, upper) = total by bisection; money the weights cannot
    place (zero weights, all capped) goes to the channels with room, in proportion to it.
    """
    w = np.nan_to_num(np.asarray(weights, dtype=float), nan=0.0).clip(min=0)
    lo, hi = np.asarray(lower, dtype=float), np.asarray(upper, dtype=float)

    def placed(lam: float) -> float:
        return float(np.clip(lam * w, lo, hi).sum())

    x = lo.copy()
    if w.sum() > 0:
        top = 1.0 / w[w > 0].min()
        while placed(top) < total and top < 1e300:  # all capped: stops at 1e300
            top *= 2
        bottom = 0.0
        for _ in range(200):
            mid = (bottom + top) / 2
            bottom, top = (mid, top) if placed(mid) < total else (bottom, mid)
        x = np.clip(top * w, lo, hi)
        x = x * (total / x.sum()) if x.sum() > total and x.sum() > 0 else x
        x = np.clip(x, lo, hi)
    short = total - x.sum()
    if short > 1e-9 * max(total, 1.0):
        room = hi - x
        endless = np.isinf(room)
        share = endless.astype(float) if endless.any() else room.clip(min=0)
        if share.sum() > 0:
            x = x + short * share / share.sum()
    return x


def to_cents(values: np.ndarray, total: float, lower: np.ndarray, upper: np.ndarray
             ) -> np.ndarray:
    """Round amounts to cents so they add up to ``total`` exactly, within the bounds.

    Cents are rounded, clipped to the bounds, then single cents are added to (taken from)
    the lines with the largest (smallest) rounding loss that still have room.
    """
    target = round(total * 100)
    exact = np.asarray(values, dtype=float) * 100
    lo = np.ceil(np.asarray(lower, dtype=float) * 100 - 1e-6)
    hi = np.floor(np.asarray(upper, dtype=float) * 100 + 1e-6)
    if lo.sum() > target or hi.sum() < target:  # infeasible bounds: reported by the caller
        lo, hi = np.zeros_like(exact), np.full_like(exact, np.inf)
    cents = np.clip(np.round(exact), lo, hi)
    while (diff := target - int(cents.sum())) != 0:
        sign = 1 if diff > 0 else -1
        room = (hi - cents) if sign > 0 else (cents - lo)
        order = np.array([i for i in np.argsort((cents - exact) * sign, kind="stable")
                          if room[i] > 0], dtype=int)
        if not order.size:
            break
        per, extra = divmod(abs(diff), order.size)
        add = np.zeros_like(cents)
        add[order] = per
        add[order[:extra]] += 1
        cents += sign * np.minimum(add, room)
    return cents / 100


@dataclass
class Lines:
    """Proven channel lines for one allocation.

    Attributes:
        channel: channel names.
        last: last year's cost.
        lower, upper: bounds used (Min/Max typed by the user, else last year ± 30%).
        locked: lines fixed at their lower bound.
        given_min, given_max: what the user typed (NaN = default), written back to the
            sheet so that defaults are recomputed, not frozen, at the next rebuild.
    """

    channel: list[str]
    last: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    locked: np.ndarray
    given_min: np.ndarray | None = None
    given_max: np.ndarray | None = None


def bounded_allocation(
    total: float, lines: Lines, method: str, weights: np.ndarray, curve: tuple[np.ndarray, ...]
) -> tuple[np.ndarray, str | None]:
    """Allocate ``total`` over the proven lines; returns (amounts, problem key or None).

    Locked lines are fixed at their lower bound; a total below them scales them down, a
    total below the minimums scales the minimums, above the maximums spreads the rest.
    """
    fixed, free = lines.locked, ~lines.locked
    locked_sum = lines.lower[fixed].sum()
    x = np.where(fixed, lines.lower, 0.0)
    if locked_sum > total:
        return np.where(fixed, lines.lower * (total / locked_sum), 0.0), "plan_budget_below_locked"
    rest = total - locked_sum
    lo, hi = lines.lower[free], lines.upper[free]
    if lo.sum() > rest:
        x[free] = lo * (rest / lo.sum())
        return x, "plan_budget_below_min"
    if hi.sum() < rest:
        # Spread the rest above Max (over the locked lines too when every line is locked).
        spread = free if free.any() else fixed
        x[free] = hi
        base = lines.upper[spread] if lines.upper[spread].sum() > 0 else np.ones(spread.sum())
        x[spread] += (rest - hi.sum()) * base / base.sum()
        return x, "plan_budget_above_max"
    if method == "curve":
        a, b = curve
        x[free] = allocate_greedy(rest, a[free], b[free], lo, hi)
    else:
        x[free] = allocate_proportional(rest, weights[free], lo, hi)
    return x, None


def allocate_by_roi(
    total: float, channels: Sequence[str], roi: Sequence[float], experiment_share: float = 0.2
) -> pd.DataFrame:
    """Split ``total``: ``experiment_share`` to one ``experiment`` row, the rest to
    ``channels`` in proportion to (1 + ROI) (0 for ROI ≤ −100% or blank).

    Returns:
        channel, type (``proven`` / ``experiment``), budget — adding up to ``total`` to the cent.

    Raises:
        InputError: a negative total, a share outside 0..1, or channels and ROI of different
            lengths.
    """
    if not isinstance(total, int | float) or not math.isfinite(total) or total < 0:
        raise InputError(f"budget {total!r}: need a number ≥ 0")
    if not 0 <= experiment_share <= 1:
        raise InputError(f"experiment share {experiment_share!r}: need a share from 0 to 1")
    if len(channels) != len(roi):
        raise InputError(f"{len(channels)} channels but {len(roi)} ROI values")
    weights = np.nan_to_num(1 + np.asarray(roi, dtype=float), nan=0.0).clip(min=0)
    share = experiment_share if len(channels) else 1.0
    pool = split_whole(round(total * 100), [share, 1 - share])
    proven = (split_whole(int(pool[1]), weights) if len(channels) else np.zeros(0)) / 100
    return pd.DataFrame({
        "channel": [*channels, "experiment"],
        "type": ["proven"] * len(channels) + ["experiment"],
        "budget": [*proven, pool[0] / 100],
    })


def _monthly_history(inputs: Inputs, view: StageView) -> pd.DataFrame:
    """Monthly spend and leads created, per channel and month with spend."""
    spend = inputs.spend.groupby(["channel", "month"])["cost"].sum()
    frame = pd.DataFrame({"cost": spend})
    frame["leads"] = _leads_created(view, frame.index)
    return frame


def _leads_created(view: StageView, keys: pd.MultiIndex) -> np.ndarray:
    """Leads created in each (channel, first day of month) of ``keys`` (0 where none)."""
    out = np.zeros(len(keys))
    channels = view.groups("channel")
    if not len(keys) or not len(channels.labels):
        return out
    starts = keys.get_level_values(1)
    months = pd.date_range(starts.min(), starts.max(), freq="MS")
    if not len(months):
        return out
    # Month of each lead's creation: its position among the months of the keys.
    bounds = pd.date_range(months[0], periods=len(months) + 1, freq="MS")
    bounds = bounds.to_numpy("datetime64[D]").astype(np.int64)
    month = np.searchsorted(bounds, view.days("created"), side="right") - 1
    rows = channels.rows() & (month >= 0) & (month < len(months))
    counts = np.bincount(channels.codes[rows] * len(months) + month[rows],
                         minlength=len(channels.labels) * len(months))
    key_channel = channels.labels.get_indexer(keys.get_level_values(0))
    key_month = months.get_indexer(starts)
    found = (key_channel >= 0) & (key_month >= 0)
    out[found] = counts[key_channel[found] * len(months) + key_month[found]]
    return out


def revenue_per_lead(leads: Leads) -> pd.Series:
    """Won revenue per lead by channel, over leads old enough to have converted."""
    view = StageView.of(leads)
    cohort = conversion_cohort(view)
    channels = view.groups("channel")
    amount = view.amount()
    won = np.where(~np.isnan(view.stage_days("won")) & ~np.isnan(amount), amount, 0.0)
    sizes = channels.size(cohort)
    return channels.series(channels.sum(won, cohort), sizes) / channels.series(sizes, sizes)


def fit_curves(inputs: Inputs, channels: Sequence[str], view: StageView | None = None
               ) -> tuple[list[Curve], list[Curve]]:
    """Leads and revenue curves per channel from the monthly history (all years).

    The leads curve is fitted on monthly spend → leads created; the revenue curve is the
    leads curve × the channel's revenue per lead (monthly revenue is too lumpy to fit).
    """
    none = [Curve()] * len(channels)
    if inputs.spend.empty or inputs.leads.empty:
        return none, none
    view = StageView.of(inputs.leads if view is None else view)
    history = _monthly_history(inputs, view)
    value = revenue_per_lead(view)
    leads_curves, revenue_curves = [], []
    known = set(history.index.get_level_values(0))
    for channel in channels:
        rows = history.loc[channel] if channel in known else None
        curve = (fit_power(rows["cost"].to_numpy(), rows["leads"].to_numpy())
                 if rows is not None else Curve())
        per_lead = float(value.get(channel, 0.0))
        leads_curves.append(replace(curve, revenue_per_lead=per_lead))
        revenue_curves.append(replace(curve, a=curve.a * per_lead, revenue_per_lead=per_lead))
    return leads_curves, revenue_curves


def last_year(inputs: Inputs, view: StageView | None = None) -> tuple[pd.Series, pd.Series]:
    """Last year's cost and revenue (of the leads created that year) by channel."""
    spend, year = inputs.spend, fiscal_year(inputs)
    if spend.empty:
        return pd.Series(dtype=float), pd.Series(dtype=float)
    in_year = spend["month"].dt.year == year
    cost = spend[in_year if in_year.any() else slice(None)].groupby("channel")["cost"].sum()
    if inputs.leads.empty:
        return cost, pd.Series(0.0, index=cost.index)
    view = StageView.of(inputs.leads if view is None else view)
    cohort = view.in_year("lead", year) if in_year.any() else None
    channels = view.groups("channel")
    won = np.where(np.isnan(view.stage_days("won")), np.nan, view.amount())
    revenue = channels.series(channels.sum(won, cohort), channels.size(cohort))
    return cost, revenue.reindex(cost.index).fillna(0.0)


def headcount_costs(inputs: Inputs) -> tuple[float, float]:
    """(last year's, next year's) headcount cost.

    Last year: Headcount sheet Σ annual_cost × marketing_share. Next year: Team sheet
    Σ of each row's total cost (:func:`team_row_costs`), else last year's.
    """
    hc = inputs.headcount
    last = 0.0
    if len(hc):
        share = hc["marketing_share"].fillna(1.0) if "marketing_share" in hc else 1.0
        last = float((hc["annual_cost"].fillna(0.0) * share).sum())
    costs = team_row_costs(inputs.team)
    if costs.notna().any():
        return last, float(costs.sum())
    return last, last


def team_row_costs(team: pd.DataFrame) -> pd.Series:
    """Each Team row's total annual cost: ``cost`` as typed (the row's total, headcount
    included), else ``cost_per_person`` × ``headcount`` (blank headcount = 1); NaN if both
    are blank."""
    if not len(team):
        return pd.Series(dtype=float)
    blank = pd.Series(np.nan, index=team.index)
    cost = pd.to_numeric(team["cost"], errors="coerce") if "cost" in team else blank
    each = (pd.to_numeric(team["cost_per_person"], errors="coerce")
            if "cost_per_person" in team else blank)
    people = (pd.to_numeric(team["headcount"], errors="coerce").fillna(1.0)
              if "headcount" in team else 1.0)
    return cost.where(cost.notna(), each * people).astype(float)


def _is_experiment(value: object) -> bool:
    texts = {"experiment", *(label("value.experiment", lang).lower() for lang in LANGUAGES)}
    return str(value).strip().lower() in texts


def _lines(inputs: Inputs, cost: pd.Series, band: float = DEFAULT_BAND
           ) -> tuple[Lines, list[str]]:
    """Proven lines with bounds (from the previous budget input) and experiment channels.

    ``band``: default bounds last year ± band (``inf``: none, only typed bounds)."""
    previous = previous_by_channel(inputs, "budget", ["type", "min", "max", "locked"])
    headcount = {"headcount", *(label("value.headcount", lang) for lang in LANGUAGES)}
    is_headcount = previous["type"].astype(str).str.strip().str.lower().isin(
        {h.lower() for h in headcount})
    previous = previous[~previous.index.isin(headcount) & ~is_headcount]
    experimental = [c for c, t in previous["type"].items() if _is_experiment(t)]
    proven = [c for c in [*cost.index, *previous.index] if c not in experimental]
    proven = list(dict.fromkeys(c for c in proven if c not in headcount))
    last = cost.reindex(proven).fillna(0.0).to_numpy(dtype=float)
    given = previous.reindex(proven)
    minimum = pd.to_numeric(given["min"], errors="coerce").to_numpy(dtype=float)
    maximum = pd.to_numeric(given["max"], errors="coerce").to_numpy(dtype=float)
    locked = np.array([parse_bool(v) is True for v in given["locked"]], dtype=bool)
    default_lower = np.zeros_like(last) if math.isinf(band) else last * (1 - band)
    lower = np.where(np.isnan(minimum), default_lower, minimum).clip(min=0)
    upper = np.where(np.isnan(maximum), np.where(last > 0, last * (1 + band), np.inf),
                     maximum)
    upper = np.maximum(upper, lower)
    lower = np.where(locked, np.where(np.isnan(minimum), last, minimum), lower)
    upper = np.where(locked, lower, upper)
    lines = Lines(proven, last, lower, upper, locked, given_min=minimum, given_max=maximum)
    return lines, experimental


def goal_budget(targets: pd.DataFrame, experiment_share: float) -> float:
    """The programme budget that follows the goal: the targets' implied cost (leads × CPL
    per channel) plus the experiment share on top, so that the proven channels keep the
    whole implied cost: implied ÷ (1 − share). NaN without an implied cost."""
    implied = targets.loc[targets["channel"] == "total", "implied_cost"]
    amount = float(implied.iloc[0]) if len(implied) else math.nan
    if not (math.isfinite(amount) and amount > 0) or experiment_share >= 1:
        return math.nan
    return amount / (1 - experiment_share)


def programme_budget(inputs: Inputs, targets: pd.DataFrame, headcount: float,
                     sheet: str = "budget") -> float:
    """Total budget − next year's headcount; what the goal needs (:func:`goal_budget`) when
    the total is blank or ``budget_method`` is ``target`` (the total then is a cap)."""
    settings = inputs.settings
    total = settings.budget_total
    need = goal_budget(targets, settings.experiment_share)
    if total is None:
        if math.isfinite(need):
            add_note(inputs, "info", sheet, "plan_no_budget", amount=need)
            return round(need, 2)
        add_note(inputs, "warning", sheet, "plan_no_budget_at_all")
        return 0.0
    if total < headcount:
        add_note(inputs, "warning", sheet, "plan_budget_below_headcount", budget=total,
                 headcount=headcount)
        return 0.0
    cap = round(total - headcount, 2)
    if settings.budget_method != "target":
        return cap
    if not math.isfinite(need):
        add_note(inputs, "warning", sheet, "plan_target_no_implied", cap=cap)
        return cap
    if need > cap:
        add_note(inputs, "warning", sheet, "plan_target_capped", need=need, cap=cap,
                 total=total)
        return cap
    return round(need, 2)


def _method_weights(inputs: Inputs, lines: Lines, targets: pd.DataFrame,
                    revenue: pd.Series) -> np.ndarray:
    if inputs.settings.budget_method == "roi":
        with np.errstate(divide="ignore", invalid="ignore"):
            roi = (revenue.reindex(lines.channel).to_numpy(dtype=float) - lines.last) / lines.last
        weights = lines.last * np.nan_to_num(1 + roi, nan=0.0).clip(min=0)
    else:
        implied = targets.set_index("channel")["implied_cost"]
        weights = implied.reindex(lines.channel).to_numpy(dtype=float)
    weights = np.nan_to_num(weights, nan=0.0)
    return weights if weights.sum() > 0 else lines.last.copy()


def budget_table(inputs: Inputs, targets: pd.DataFrame, sheet: str = "budget", *,
                 view: StageView | None = None) -> pd.DataFrame:
    """The ``budget`` table: proven channels, experiments, the reserve (``reserve_share`` of
    the programme budget, taken off before the allocation), headcount and total rows.

    ``view``: a view of ``inputs.leads`` shared with other tables (one is made when not given).
    """
    settings, lang = inputs.settings, inputs.settings.language
    view = StageView.of(inputs.leads if view is None else view)
    cost, revenue = last_year(inputs, view)
    lines, experimental = _lines(
        inputs, cost, math.inf if settings.budget_method == "target" else DEFAULT_BAND)
    hc_last, hc_next = headcount_costs(inputs)
    programme = programme_budget(inputs, targets, hc_next, sheet)
    reserve, programme = split_reserve(programme, settings.reserve_share)  # off the top
    pool_c, proven_c = split_whole(round(programme * 100),
                                   [settings.experiment_share, 1 - settings.experiment_share])
    leads_curves, revenue_curves = fit_curves(inputs, lines.channel, view)
    use_revenue = any(c.a > 0 for c in revenue_curves)
    objective = revenue_curves if use_revenue else leads_curves
    a = np.array([c.a for c in objective], dtype=float)
    b = np.array([c.b for c in objective], dtype=float)
    weights = _method_weights(inputs, lines, targets, revenue)
    amounts, problem = bounded_allocation(proven_c / 100, lines, settings.budget_method,
                                          weights, (a, b))
    if problem:
        add_note(inputs, "warning", sheet, problem, budget=proven_c / 100,
                 locked=lines.lower[lines.locked].sum(), minimum=lines.lower.sum(),
                 maximum=lines.upper.sum())
    planned = to_cents(amounts, proven_c / 100, lines.lower, lines.upper)
    if settings.budget_method == "curve":
        add_note(inputs, "info", sheet, "plan_curve_note")
    proven = pd.DataFrame({
        "channel": lines.channel, "type": "proven", "last_year_cost": lines.last,
        "planned_cost": planned,
        "expected_leads": [c.value(x).item() for c, x in zip(leads_curves, planned, strict=True)],
        "expected_revenue": [c.value(x).item()
                             for c, x in zip(revenue_curves, planned, strict=True)],
        "marginal_roi": curve_marginal(planned, np.array([c.a for c in revenue_curves]),
                                       np.array([c.b for c in revenue_curves])) - 1,
        "min": lines.given_min, "max": lines.given_max,
        "locked": lines.locked, "fit": [c.describe(lang) for c in leads_curves],
    })
    proven.loc[[c.a == 0 for c in revenue_curves], ["expected_revenue", "marginal_roi"]] = np.nan
    proven.loc[[c.a == 0 for c in leads_curves], "expected_leads"] = np.nan
    rows = [proven, _experiment_rows(experimental, cost, int(pool_c), lang),
            reserve_row(reserve)]
    rows.append(pd.DataFrame({"channel": ["headcount"], "type": ["headcount"],
                              "last_year_cost": [hc_last], "planned_cost": [hc_next]}))
    table = pd.concat([r for r in rows if len(r)], ignore_index=True)
    table = table.reindex(columns=list(BUDGET_COLUMNS))
    table = pd.concat([table, _total(table).to_frame().T], ignore_index=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        last = table["last_year_cost"].astype(float)
        table["change"] = (table["planned_cost"].astype(float) / last - 1).where(last > 0)
    table["locked"] = table["locked"].astype("boolean")
    numeric = [c for c in BUDGET_COLUMNS if c not in ("channel", "type", "locked", "fit")]
    return table.reindex(columns=list(BUDGET_COLUMNS)).astype({c: float for c in numeric})


def customers_bought(leads: float, targets: pd.DataFrame) -> float:
    """Whole customers ``leads`` bring at the plan's lead→customer rate (customers ÷ plan
    leads on the Targets Total row, which follow from the history's stage rates), rounded
    down as Excel's ``ROUNDDOWN(x, 0)``; NaN where either is unknown."""
    total = _targets_total(targets)
    needs, plan_leads = total.get("customers", math.nan), total.get("plan_leads", math.nan)
    if not (math.isfinite(leads) and math.isfinite(needs) and plan_leads and
            math.isfinite(plan_leads)):
        return math.nan
    return float(math.floor(excel_round15(leads * (needs / plan_leads))))


def _targets_total(targets: pd.DataFrame) -> dict[str, float]:
    rows = targets[targets["channel"] == "total"]
    if not len(rows):
        return {}
    row = rows.iloc[-1]
    return {k: float(v) if pd.notna(v) else math.nan for k, v in row.items()
            if k != "channel" and isinstance(v, int | float | np.number)}


def budget_check_table(inputs: Inputs, targets: pd.DataFrame, budget: pd.DataFrame,
                       sheet: str = "budget") -> pd.DataFrame:
    """The ``budget_check`` table: does the budget buy the plan?

    Rows (metric) lead, won, revenue, programme_cost; columns plan_needs (Targets Total
    row: plan leads, customers, revenue, implied cost ÷ (1 − experiment share)),
    budget_buys (the budget lines: expected leads of the proven channels rounded down to
    whole leads and their expected revenue, :func:`customers_bought` from those leads,
    proven + experiment + reserve money) and
    gap = budget_buys − plan_needs. Leads short of the plan add a warning with the leads
    missing and their cost at the plan's cost per lead (implied cost ÷ leads on Targets).
    """
    total = _targets_total(targets)
    spent = budget[budget["type"].isin(["proven", "experiment"])]
    leads = pd.to_numeric(spent["expected_leads"], errors="coerce").sum(min_count=1)
    revenue = pd.to_numeric(spent["expected_revenue"], errors="coerce").sum(min_count=1)
    # Money: every programme line, the reserve too (as the sheet's formula: all but headcount).
    money = budget[budget["type"].isin(["proven", "experiment", RESERVE])]
    programme = round(float(pd.to_numeric(money["planned_cost"], errors="coerce").sum()), 2)
    # Whole leads, as the plan counts them: a fraction of a lead is not bought.
    leads = float(math.floor(excel_round15(leads))) if pd.notna(leads) else math.nan
    # Money the goal needs, to the cent as the budget is (else the gap is float noise).
    goal = goal_budget(targets, inputs.settings.experiment_share)
    needs = [total.get("plan_leads", math.nan), total.get("customers", math.nan),
             total.get("revenue", math.nan),
             float(round_excel(goal * 100) / 100) if math.isfinite(goal) else math.nan]
    buys = [leads, customers_bought(leads, targets),
            float(revenue) if pd.notna(revenue) else math.nan, programme]
    table = pd.DataFrame({"metric": list(BUDGET_CHECK_ROWS), "plan_needs": needs,
                          "budget_buys": buys})
    table["gap"] = table["budget_buys"] - table["plan_needs"]
    short = -table.loc[0, "gap"]
    if short > 0:
        implied, plan = total.get("implied_cost", math.nan), total.get("leads", math.nan)
        cpl = implied / plan if plan and math.isfinite(plan) else math.nan
        key = "budget_short_leads" if math.isfinite(cpl) else "budget_short_leads_no_cpl"
        add_note(inputs, "warning", sheet, key, bought=leads, needed=needs[0], short=short,
                 cost=short * cpl, cpl=cpl)
    return table.astype({c: float for c in BUDGET_CHECK_COLUMNS[1:]})


def _experiment_rows(channels: list[str], cost: pd.Series, pool_cents: int, lang: str
                     ) -> pd.DataFrame:
    if not channels and pool_cents == 0:
        return pd.DataFrame()
    channels = channels or ["experiment"]
    last = cost.reindex(channels).fillna(0.0).to_numpy(dtype=float)
    return pd.DataFrame({
        "channel": channels, "type": "experiment", "last_year_cost": last,
        "planned_cost": split_whole(pool_cents, last if last.sum() > 0 else
                                    np.ones(len(channels))) / 100,
        "fit": label("title.fit_experiment", lang),
    })


def _total(table: pd.DataFrame) -> pd.Series:
    total = pd.Series({"channel": "total", "type": None}, dtype=object)
    for column in ("last_year_cost", "expected_leads", "expected_revenue"):
        total[column] = pd.to_numeric(table[column], errors="coerce").sum(min_count=1)
    total["planned_cost"] = round(float(table["planned_cost"].sum()), 2)
    return total
