"""Top-down targets: the revenue target up the funnel (reverse funnel), per channel.

Customers = ⌈marketing revenue target ÷ average deal⌉, then opportunities, SQL, MQL and
leads, each rounded UP like Excel's ``ROUNDUP(x, 0)`` (:func:`numbers.ceil_excel`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from numbers import Real

import numpy as np
import pandas as pd

from .checks import Severity
from .errors import InputError
from .inputs import Inputs
from .labels import LANGUAGES, is_chinese, label, value_label
from .model import STAGES
from .numbers import ceil_excel, ceil_excel_array
from .overrides import HISTORY, RATES, Typed, rate_overrides, share_overrides, typed_values
from .phasing import split_whole
from .scopes import average_deal, is_marketing_sourced, is_new_customer, marketing_channels
from .stages import Leads, Rows, StageView, conversion_cohort

TARGET_COLUMNS: tuple[str, ...] = (
    "channel", "share", *RATES, "customers", "opp", "sql", "mql", "leads", "avg_deal",
    "revenue", "rate_source", "cpl", "implied_cost", "bottom_up_leads", "gap", "pick",
    "plan_leads", "share_override", *HISTORY.values(),
)
"""Columns of the ``targets`` table: DESIGN.md's, then ``pick``, ``plan_leads``, the
user's ``share_override`` (kept so that it survives the next rebuild) and the hidden
``history_*`` columns (the share and rates the history gives, to tell typed cells)."""


def _check_rates(rates: Sequence[float]) -> list[float]:
    values = list(rates)
    if len(values) != 4:
        raise InputError(f"need 4 conversion rates (lead→MQL, MQL→SQL, SQL→opp, opp→won), "
                         f"got {len(values)}")
    for name, rate in zip(RATES, values, strict=True):
        if not isinstance(rate, Real) or not (0 < rate <= 1):
            raise InputError(f"rate {name} = {rate!r}: need a number above 0 and at most 1")
    return [float(r) for r in values]


def funnel_counts(target: float, deal_size: float | None, rates: Sequence[float]) -> list[int]:
    """Whole counts ``[leads, mql, sql, opp, won]`` needed to reach ``target``.

    Args:
        target: revenue to reach, or the number of customers when ``deal_size`` is None.
        deal_size: average deal size (> 0), or None.
        rates: lead→MQL, MQL→SQL, SQL→opp and opp→won rates, each in (0, 1].

    Raises:
        InputError: a rate, the target or the deal size cannot be used.

    Examples:
        >>> funnel_counts(60e6, 500e3, [0.2, 0.3, 0.4, 0.25])
        [20000, 4000, 1200, 480, 120]
    """
    checked = _check_rates(rates)
    if not isinstance(target, Real) or not math.isfinite(target) or target < 0:
        raise InputError(f"target {target!r}: need a number ≥ 0")
    if deal_size is not None and (not isinstance(deal_size, Real)
                                  or not math.isfinite(deal_size) or deal_size <= 0):
        raise InputError(f"deal size {deal_size!r}: need a number above 0")
    count = ceil_excel(target / deal_size if deal_size is not None else target)
    counts = [count]
    for rate in reversed(checked):
        count = ceil_excel(count / rate)
        counts.append(count)
    return counts[::-1]


def funnel_target(target: float, deal_size: float | None, rates: Sequence[float]) -> pd.DataFrame:
    """The reverse funnel as a table: stage (lead, mql, sql, opp, won) and count.

    See :func:`funnel_counts` for the arguments and errors.
    """
    return pd.DataFrame({"stage": list(STAGES), "count": funnel_counts(target, deal_size, rates)})


def marketing_target(revenue_target: float | None, new_share: float, marketing_share: float
                     ) -> float:
    """Marketing-sourced revenue target: company target × new-customer × marketing share."""
    if revenue_target is None:
        return math.nan
    return revenue_target * new_share * marketing_share


def stage_counts(leads: Leads, rows: Rows = None) -> pd.DataFrame:
    """Leads reaching each stage, by channel (among ``rows``): columns lead, mql, sql, opp,
    won."""
    view = StageView.of(leads)
    return view.groups("channel").counts({s: view.reached(s) for s in STAGES}, rows)


@dataclass(frozen=True)
class ChannelRates:
    """Historical stage rates per channel, with the overall rate where data are thin.

    Attributes:
        rates: index channel, columns :data:`RATES`.
        source: ``channel`` or ``overall`` (any stage used the overall rate) per channel.
        overall: the overall rate of each stage (NaN where nothing converted).
    """

    rates: pd.DataFrame
    source: pd.Series
    overall: pd.Series


def rate_steps(view: StageView) -> list[tuple[str, str, str]]:
    """(rate column, from stage, to stage) of each step between tracked stages.

    A stage the export does not track is spanned: with SQL and opportunity untracked, the
    ``mql_to_sql`` column holds MQL → customer, and ``sql_to_opp``, ``opp_to_won`` are blank.
    """
    tracked = view.tracked_stages()
    return [(RATES[STAGES.index(a)], a, b) for a, b in pairwise(tracked)]


def channel_rates(leads: Leads, min_conversions: int, year: int | None = None
                  ) -> ChannelRates:
    """Stage rates per channel: cohort conversion (:func:`conversion_cohort`) up to the
    last stage before customers, and the win rate (:func:`xlreview.pipeline.win_rates`,
    won ÷ decided) into customers.

    A channel with fewer than ``min_conversions`` conversions at a stage (or none) takes
    the overall rate of that stage. Steps over stages the export does not track span them
    (:func:`rate_steps`).
    """
    from .pipeline import win_rates

    view = StageView.of(leads)
    counts = stage_counts(view, conversion_cohort(view))
    totals = counts.sum()
    steps = rate_steps(view)
    overall = pd.Series(np.nan, index=list(RATES))
    own = pd.DataFrame(np.nan, index=counts.index, columns=list(RATES))
    conversions = pd.DataFrame(0, index=counts.index, columns=list(RATES))
    with np.errstate(divide="ignore", invalid="ignore"):
        for rate, a, b in steps:
            overall[rate] = totals[b] / totals[a] if totals[a] else np.nan
            own[rate] = counts[b] / counts[a].where(counts[a] > 0)
            conversions[rate] = counts[b]
    if steps and year is not None:
        last = steps[-1][0]
        win = win_rates(view, year, min_conversions)
        overall[last] = win.overall
        own[last] = win.by_channel.reindex(counts.index)
        conversions[last] = min_conversions  # win_rates applied the threshold itself
    spanned = [rate for rate in RATES if rate not in {step[0] for step in steps}]
    thin = ((conversions < min_conversions) | own.isna() | (own <= 0)).drop(columns=spanned)
    rates = own.mask(thin.reindex(columns=own.columns, fill_value=False), overall, axis=1)
    rates[spanned] = np.nan
    source = pd.Series(np.where(thin.any(axis=1), "overall", "channel"), index=counts.index)
    return ChannelRates(rates, source, overall)


def customer_shares(history: pd.Series, override: pd.Series | None = None) -> pd.Series:
    """Each channel's share of customers: history, replaced by user overrides, renormalised.

    Args:
        history: won customers by channel.
        override: share typed by the user by channel (blank = keep history).
    """
    share = history.astype(float)
    share = share / share.sum() if share.sum() > 0 else share * 0.0
    if override is not None:
        override = override.dropna().clip(lower=0)
        share = share.reindex(share.index.union(override.index), fill_value=0.0)
        share.loc[override.index] = override
    if share.sum() <= 0:
        return pd.Series(1 / len(share), index=share.index) if len(share) else share
    return share / share.sum()


def reverse_funnel(customers: np.ndarray, rates: pd.DataFrame,
                   untracked: Sequence[str] = ()) -> pd.DataFrame:
    """Vectorised reverse funnel: customers per row, then opp, sql, mql, leads rounded up.

    Rows with a blank rate get blank counts above it. A stage in ``untracked`` is blank and
    spanned: the stage before it divides the count after it by its own (spanning) rate.
    """
    out = pd.DataFrame({"customers": np.asarray(customers, dtype=float)}, index=rates.index)
    count = out["customers"].to_numpy()
    for column, stage, rate in zip(("opp", "sql", "mql", "leads"), ("opp", "sql", "mql", "lead"),
                                   reversed(RATES), strict=True):
        if stage in untracked:
            out[column] = np.nan
            continue
        r = rates[rate].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            count = np.where((r > 0) & (r <= 1), ceil_excel_array(count / r), np.nan)
        out[column] = count
    return out


def split_customers(customers: int, shares: pd.Series) -> np.ndarray:
    """Whole customers per channel that add up to ``customers`` (largest remainder)."""
    if shares.empty:
        return np.zeros(0)
    return split_whole(int(customers), shares.to_numpy()).astype(float)


def add_note(inputs: Inputs, severity: Severity, sheet: str, key: str, **params: object) -> None:
    """Add a finding for generated sheet ``sheet`` with the text of label ``msg.<key>``."""
    text = label(f"msg.{key}", inputs.settings.language, **params)
    inputs.findings.add(severity, sheet, None, None, text)


def previous_by_channel(inputs: Inputs, table: str, columns: Sequence[str], *,
                        total: bool = False) -> pd.DataFrame:
    """User input kept from the previous rebuild's ``table`` sheet, indexed by channel.

    The Total row and rows without a channel are dropped (with ``total``: only the Total
    row is kept, as channel ``total``); missing columns are blank.
    """
    frame = inputs.previous.get(table)
    if frame is None or frame.empty or "channel" not in frame:
        return pd.DataFrame(columns=list(columns), index=pd.Index([], name="channel"))
    totals = {"total", *(label("value.total", lang) for lang in LANGUAGES)}
    is_total = frame["channel"].astype(str).str.strip().isin(totals)
    frame = frame[is_total] if total else frame[frame["channel"].notna() & ~is_total]
    frame = frame.assign(channel="total" if total else frame["channel"].astype(str).str.strip())
    frame = frame.drop_duplicates("channel", keep="last").set_index("channel")
    return frame.reindex(columns=list(columns))


def fiscal_year(inputs: Inputs) -> int | None:
    """The year under review: Settings, else the year of the latest lead."""
    if inputs.settings.fiscal_year is not None:
        return inputs.settings.fiscal_year
    latest = inputs.leads["created"].max() if len(inputs.leads) else pd.NaT
    return None if pd.isna(latest) else int(latest.year)


def history_cpl(inputs: Inputs, view: StageView | None = None) -> tuple[pd.Series, float]:
    """Cost per lead by channel and overall in the fiscal year (all history without
    spend that year); NaN for a channel without spend."""
    spend, year = inputs.spend, fiscal_year(inputs)
    view = StageView.of(inputs.leads if view is None else view)
    if spend.empty or not len(view):
        return pd.Series(dtype=float), math.nan
    in_year = spend["month"].dt.year == year
    rows = None
    if in_year.any():
        spend = spend[in_year]
        rows = view.in_year("lead", year)
    cost = spend.groupby("channel")["cost"].sum()
    channels = view.groups("channel")
    sizes = channels.size(rows)
    count = channels.series(sizes, sizes)
    cpl = (cost / count.reindex(cost.index)).where(cost > 0)
    leads = len(view) if rows is None else int(np.count_nonzero(rows))
    total = cost.sum() / leads if leads and cost.sum() > 0 else math.nan
    return cpl, total


def _pick(value: object) -> str:
    text = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    bottom_up = {"bottom_up", *(label("value.bottom_up", lang).lower() for lang in LANGUAGES)}
    return "bottom_up" if text in bottom_up else "top_down"


def deal_basis(inputs: Inputs, view: StageView | None = None) -> pd.DataFrame:
    """The ``avg_deal`` table: one row (avg_deal, source, deals, year) saying where the plan's
    average deal comes from: ``setting``, ``year`` (mean of the fiscal year's new-customer
    deals), ``history`` (of every year's: none in the fiscal year) or ``all_deals``."""
    view = StageView.of(inputs.leads if view is None else view)
    year = fiscal_year(inputs)
    if inputs.settings.avg_deal_size:
        value, source, deals = inputs.settings.avg_deal_size, "setting", 0
    elif year is not None:
        value, source, deals = average_deal(view, year)
    else:
        value, source, deals = math.nan, "none", 0
    return pd.DataFrame({"avg_deal": [float(value)], "source": [source], "deals": [deals],
                         "year": [year]})


def _customers(inputs: Inputs, view: StageView, sheet: str) -> tuple[float, float]:
    """(customers needed, deal size), NaN with a finding where they cannot be computed."""
    settings = inputs.settings
    target = marketing_target(settings.revenue_target, settings.new_customer_share,
                              settings.marketing_share)
    year = fiscal_year(inputs)
    deal = settings.avg_deal_size or (average_deal(view, year)[0] if year else math.nan)
    if math.isnan(target):
        add_note(inputs, "warning", sheet, "plan_no_target")
        return math.nan, deal
    if math.isnan(deal):
        add_note(inputs, "warning", sheet, "plan_no_deal_size")
        return math.nan, deal
    if target == 0:
        add_note(inputs, "info", sheet, "plan_zero_target")
    return float(ceil_excel(target / deal)), deal


def targets_table(inputs: Inputs, sheet: str = "targets", *, view: StageView | None = None
                  ) -> pd.DataFrame:
    """The ``targets`` table: per channel reverse funnel, implied cost, bottom-up and gap.

    Columns :data:`TARGET_COLUMNS`; the last row is channel ``total``. ``view``: a view of
    ``inputs.leads`` shared with other tables (one is made when not given).
    """
    settings = inputs.settings
    view = StageView.of(inputs.leads if view is None else view)
    customers, deal = _customers(inputs, view, sheet)
    year = fiscal_year(inputs)
    found = channel_rates(view, settings.min_conversions, year) if len(view) else None
    overall = found.overall if found else pd.Series(np.nan, index=list(RATES))
    untracked = [stage for stage in STAGES if not view.tracked(stage)]
    spanned = {RATES[STAGES.index(stage)] for stage in untracked}
    bad = [r for r, value in overall.items() if not value > 0 and r not in spanned]
    _note_each_or_all(inputs, "warning", sheet, "plan_bad_rate", "rate",
                      [label(f"col.{r}", inputs.settings.language) for r in bad])
    previous = previous_by_channel(inputs, "targets", ["share_override", "bottom_up_leads",
                                                       "pick", *HISTORY, *HISTORY.values(),
                                                       "_row"])
    typed = typed_values(previous, spanned)
    won = _customers_by_channel(view, inputs.channels) if len(view) else pd.Series(dtype=float)
    channels = found.rates.index if found else won.index
    history = won.reindex(marketing_channels(inputs.channels, list(channels)), fill_value=0)
    override = pd.to_numeric(previous["share_override"], errors="coerce")
    on_total = _typed_on_total(typed_values(
        previous_by_channel(inputs, "targets", [*RATES, *HISTORY.values(), "_row"], total=True),
        spanned))
    typed = [t for t in typed if t.channel in history.index.union(override.dropna().index)]
    for channel, value in share_overrides(typed, previous).items():
        override.loc[channel] = value  # a Share typed over the table: its new override
    shares = customer_shares(history, override if override.notna().any() else None)
    override = override.reindex(shares.index)
    table = pd.DataFrame({"channel": shares.index, "share": shares.to_numpy()},
                         index=shares.index)
    rates = (found.rates if found else pd.DataFrame(columns=list(RATES))).reindex(shares.index)
    rates = rates.fillna(overall)
    rates[list(spanned)] = np.nan
    table[[HISTORY[r] for r in RATES]] = rates.to_numpy()
    kept = rate_overrides(typed, shares.index)
    rates = kept.combine_first(rates)[list(RATES)]
    table[list(RATES)] = rates
    table["rate_source"] = (found.source if found else pd.Series(dtype=object)).reindex(
        shares.index).fillna("overall").mask(kept.notna().any(axis=1), "typed")
    _report_typed(inputs, sheet, typed + on_total)
    whole = (split_customers(customers, shares) if not math.isnan(customers)
             else np.full(len(shares), np.nan))
    funnel = reverse_funnel(whole, rates, untracked)
    table[funnel.columns] = funnel
    table["avg_deal"] = deal
    table["revenue"] = table["customers"] * deal
    cpl, overall_cpl = history_cpl(inputs, view)
    table["cpl"] = cpl.reindex(shares.index)
    _note_each_or_all(inputs, "info", sheet, "plan_no_spend", "channel",
                      [str(value_label(c, inputs.settings.language))
                       for c in table.index[table["cpl"].isna()]])
    table["implied_cost"] = table["leads"] * table["cpl"]
    table["bottom_up_leads"] = pd.to_numeric(previous["bottom_up_leads"], errors="coerce")
    table["gap"] = table["leads"] - table["bottom_up_leads"]
    table["pick"] = previous["pick"].reindex(shares.index).map(_pick).fillna("top_down")
    use_bottom_up = (table["pick"] == "bottom_up") & table["bottom_up_leads"].notna()
    table["plan_leads"] = table["leads"].where(~use_bottom_up, table["bottom_up_leads"])
    table["share_override"] = override
    table[HISTORY["share"]] = table["share"]
    total = _total_row(table, overall, deal, overall_cpl)
    out = pd.concat([table, total.to_frame().T], ignore_index=True)
    return out.reindex(columns=list(TARGET_COLUMNS)).astype(
        {c: float for c in TARGET_COLUMNS if c not in ("channel", "rate_source", "pick")})


def _note_each_or_all(inputs: Inputs, severity: Severity, sheet: str, key: str, name: str,
                      items: list[str]) -> None:
    """One data-check line for one item (``msg.<key>`` with ``name``), one line naming
    them all for several (``msg.<key>_many`` with ``count`` and ``names``)."""
    if len(items) == 1:
        add_note(inputs, severity, sheet, key, **{name: items[0]})
    elif items:
        sep = "、" if is_chinese(inputs.settings.language) else ", "
        add_note(inputs, severity, sheet, f"{key}_many", count=len(items), names=sep.join(items))


def _typed_on_total(typed: list[Typed]) -> list[Typed]:
    """Rates typed on the Total row: not used (the Total row is the department's history,
    each channel's rate is typed on its row), but said, never silently dropped. A Total row
    written before it carried its history (blank hidden values) counts as untyped."""
    return [replace(t, problem="total") for t in typed
            if t.channel == "total" and t.column in RATES and not math.isnan(t.history)]


def _report_typed(inputs: Inputs, sheet: str, typed: list[Typed]) -> None:
    """One data-check line per typed share or rate: kept (info) or ignored (warning)."""
    lang = inputs.settings.language
    for item in typed:
        column = label(f"col.{item.column}", lang)
        key = ("plan_typed_share" if item.column == "share" else "plan_typed_rate"
               ) if item.problem is None else f"plan_typed_{item.problem}"
        severity: Severity = "info" if item.problem is None else "warning"
        history, value = (_percent(v) for v in (item.history, item.typed))
        inputs.findings.add(severity, sheet, item.row, column,
                            label(f"msg.{key}", lang, channel=value_label(item.channel, lang),
                                  column=column, typed=value, history=history))


def _percent(value: float) -> str:
    return "—" if math.isnan(value) else f"{value * 100:.4g}%"


def _customers_by_channel(view: StageView, scopes: pd.DataFrame) -> pd.Series:
    """New customers of the history by marketing-sourced channel: the mix of the plan,
    whose target is marketing-sourced new-customer revenue."""
    channels = view.groups("channel")
    won = view.reached("won") & is_new_customer(view) & is_marketing_sourced(view, scopes)
    sizes = channels.size(won)
    return channels.series(sizes, sizes)


def _total_row(table: pd.DataFrame, overall: pd.Series, deal: float, cpl: float) -> pd.Series:
    # Collected in a dict, made a Series once: adding labels to a Series one by one
    # costs a reindex each.
    total = {"channel": "total", "share": table["share"].sum(), **overall.to_dict(),
             "avg_deal": deal, "rate_source": "overall", "cpl": cpl, "pick": None}
    for rate in RATES:  # what the row shows, to tell a rate typed over it at the next rebuild
        total[HISTORY[rate]] = total[rate]
    for column in ("customers", "opp", "sql", "mql", "leads", "revenue", "plan_leads"):
        total[column] = table[column].sum(skipna=False) if len(table) else math.nan
    for column in ("implied_cost", "bottom_up_leads"):
        total[column] = table[column].sum(min_count=1)
    total["gap"] = total["leads"] - total["bottom_up_leads"]
    return pd.Series(total)
