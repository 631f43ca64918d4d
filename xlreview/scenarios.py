"""Scenarios side by side: Base, Stretch and Cautious inputs and what each needs.

``Base`` is the plan itself (the Targets inputs, the plan's effective stage rates, the total
budget); ``Stretch`` and ``Cautious`` default to Base with the revenue target ± the spread
(``Settings.scenario_spread``, default 20%). The user may rename the three columns and type
any value over a default: typed values are read back at the next rebuild and kept.

Each scenario climbs one funnel, rounding up like Excel's ``ROUNDUP`` at every stage:
customers = ⌈target × new share × marketing share ÷ average deal⌉, opportunities =
⌈customers ÷ win rate⌉ … leads (a blank rate: a stage not tracked, spanned by the next);
implied cost = leads × the plan's cost per lead (Targets implied cost ÷ leads); budget gap =
total budget − headcount − implied cost ÷ (1 − experiment share), the money left (or
missing, < 0) after the goal's programme budget, to the cent.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .cells import Grid
from .labels import CATALOGUES
from .model import normalise_header
from .numbers import ceil_excel, finite_number
from .parsing import parse_number
from .phasing import round_excel
from .settings import Settings

SCENARIOS: tuple[str, ...] = ("base", "stretch", "cautious")
SCENARIO_INPUTS: tuple[str, ...] = (
    "revenue_target", "new_customer_share", "marketing_share", "avg_deal",
    "lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won", "budget_total",
)
SCENARIO_OUTCOMES: tuple[str, ...] = (
    "customers", "opp", "sql", "mql", "leads", "implied_cost", "budget_gap",
)
CHAIN: tuple[tuple[str, str], ...] = (("opp", "opp_to_won"), ("sql", "sql_to_opp"),
                                       ("mql", "mql_to_sql"), ("leads", "lead_to_mql"))
"""Up the funnel: each stage and the rate that divides the count below it."""


def base_inputs(settings: Settings, targets: pd.DataFrame, budget: pd.DataFrame
                ) -> dict[str, float]:
    """The Base scenario: the plan's own inputs (NaN where the plan has none)."""
    total = targets[targets["channel"] == "total"]
    row = total.iloc[-1] if len(total) else pd.Series(dtype=object)
    deal = finite_number(row.get("avg_deal"))
    values = {
        "revenue_target": finite_number(settings.revenue_target),
        "new_customer_share": float(settings.new_customer_share),
        "marketing_share": float(settings.marketing_share),
        "avg_deal": deal,
    }
    # Effective rate = the nearest tracked count below ÷ the stage's count (Targets Total);
    # a stage the export does not track is blank and the next rate spans it.
    below = finite_number(row.get("customers"))
    for stage, rate in CHAIN:
        count = finite_number(row.get(stage))
        values[rate] = (below / count if math.isfinite(below) and count and math.isfinite(count)
                        else math.nan)
        if math.isfinite(count):
            below = count
    if settings.budget_total is not None:
        values["budget_total"] = float(settings.budget_total)
    else:
        planned = budget.loc[budget["channel"] == "total", "planned_cost"]
        values["budget_total"] = finite_number(planned.iloc[-1]) if len(planned) else math.nan
    return values


def default_value(key: str, scenario: str, base: float, spread: float) -> float:
    """Stretch and Cautious: the Base target ± ``spread``; every other input as Base."""
    if key != "revenue_target" or scenario == "base":
        return base
    return base * (1 + spread) if scenario == "stretch" else base * (1 - spread)


def scenario_inputs(settings: Settings, targets: pd.DataFrame, budget: pd.DataFrame,
                    previous: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``scenarios`` table: input, base, stretch, cautious, and ``_typed_<scenario>``
    flags (values typed by the user, read back from ``previous``: kept, not defaults).

    ``attrs["names"]``: the three column names as the user last wrote them (None = default).
    """
    base = base_inputs(settings, targets, budget)
    spread = settings.scenario_spread
    kept = _kept_values(previous, spread)
    frame = pd.DataFrame({"input": list(SCENARIO_INPUTS)})
    for scenario in SCENARIOS:
        values, typed = [], []
        for key in SCENARIO_INPUTS:
            own = kept.get((key, scenario)) if scenario != "base" else None
            typed.append(own is not None)
            values.append(own if own is not None else
                          default_value(key, scenario, base[key], spread))
        frame[scenario] = np.array(values, dtype=float)
        frame[f"_typed_{scenario}"] = typed
    frame = frame[["input", *SCENARIOS, *(f"_typed_{s}" for s in SCENARIOS)]]
    names = previous.attrs.get("names") if previous is not None else None
    frame.attrs["names"] = list(names) if names else [None, None, None]
    return frame


def _kept_values(previous: pd.DataFrame | None, spread: float
                 ) -> dict[tuple[str, str], float]:
    """Stretch / Cautious values that differ from their default on the previous Base."""
    if previous is None or previous.empty:
        return {}
    rows = previous.set_index("input")
    kept: dict[tuple[str, str], float] = {}
    for key in SCENARIO_INPUTS:
        if key not in rows.index:
            continue
        base = finite_number(rows.loc[key, "base"])
        for scenario in SCENARIOS[1:]:
            value = finite_number(rows.loc[key, scenario])
            if math.isnan(value):
                continue
            default = default_value(key, scenario, base, spread)
            if math.isnan(default) or not math.isclose(value, default, rel_tol=1e-9,
                                                       abs_tol=1e-9):
                kept[(key, scenario)] = value
    return kept


def outcome(values: Mapping[str, float], *, cpl: float, headcount: float,
            experiment_share: float) -> dict[str, float]:
    """What one scenario needs: customers … leads, implied cost and the budget gap
    (NaN where an input is missing or a rate is 0; a blank rate is a stage not tracked,
    left blank and spanned by the next rate, as on Targets)."""
    out = dict.fromkeys(SCENARIO_OUTCOMES, math.nan)
    try:
        target = (values["revenue_target"] * values["new_customer_share"]
                  * values["marketing_share"])
        count = float(ceil_excel(target / values["avg_deal"]))
    except (ZeroDivisionError, ValueError, OverflowError):
        return out
    if not math.isfinite(count):
        return out
    out["customers"] = count
    for key, rate in CHAIN:
        r = values[rate]
        if math.isnan(r) or r == 0:  # not tracked (or no rate): blank, the next spans it
            continue
        count = float(ceil_excel(count / r))
        out[key] = count
    if math.isnan(out["leads"]):
        return out
    out["implied_cost"] = out["leads"] * cpl
    if experiment_share < 1:
        gap = (values["budget_total"] - headcount
               - out["implied_cost"] / (1 - experiment_share))
        # To the cent: the gap of a budget that just funds the goal is 0, not float noise.
        out["budget_gap"] = float(round_excel(gap * 100) / 100) if math.isfinite(gap) else gap
    return out


def plan_cpl(targets: pd.DataFrame) -> float:
    """The plan's cost per lead: Targets Total implied cost ÷ leads."""
    total = targets[targets["channel"] == "total"]
    if not len(total):
        return math.nan
    implied = finite_number(total["implied_cost"].iloc[-1])
    leads = finite_number(total["leads"].iloc[-1])
    return implied / leads if leads and math.isfinite(leads) else math.nan


def scenario_outcomes(frame: pd.DataFrame, settings: Settings, targets: pd.DataFrame,
                      budget: pd.DataFrame) -> pd.DataFrame:
    """The ``scenario_outcomes`` table: outcome, base, stretch, cautious."""
    headcount = budget.loc[budget["type"] == "headcount", "planned_cost"].sum()
    cpl = plan_cpl(targets)
    out = pd.DataFrame({"outcome": list(SCENARIO_OUTCOMES)})
    for scenario in SCENARIOS:
        values = dict(zip(frame["input"], frame[scenario].astype(float), strict=True))
        result = outcome(values, cpl=cpl, headcount=float(headcount),
                         experiment_share=settings.experiment_share)
        out[scenario] = [result[k] for k in SCENARIO_OUTCOMES]
    return out


# --- reading the previous Scenarios sheet back -------------------------------------------


def _lookup(prefix: str, keys: Sequence[str]) -> dict[str, str]:
    return {normalise_header(c[f"{prefix}{k}"]): k for c in CATALOGUES.values() for k in keys
            if f"{prefix}{k}" in c}


def read_scenarios(grids: Mapping[str, Grid]) -> pd.DataFrame | None:
    """The ``scenarios`` table of a previous rebuild (input, base, stretch, cautious, by
    position after the input column), its header names in ``attrs["names"]``; None."""
    sheets = _lookup("sheet.", ["scenarios"])
    inputs = _lookup("value.scenario_", SCENARIO_INPUTS)
    headers = _lookup("col.", ["scenario_input"])
    for name, grid in grids.items():
        if normalise_header(name) not in sheets:
            continue
        for i, row in enumerate(grid[:12]):
            cells = list(row)
            starts = [j for j, c in enumerate(cells) if c and normalise_header(c) in headers]
            if not starts:
                continue
            j = starts[0]
            names = [str(c) if c not in (None, "") else None for c in cells[j + 1:j + 4]]
            rows = []
            for line in grid[i + 1:i + 1 + len(SCENARIO_INPUTS) + 2]:
                line = list(line) + [None] * 4
                key = inputs.get(normalise_header(line[j])) if line[j] else None
                if key is None:
                    continue
                rows.append([key, *(_parsed(v) for v in line[j + 1:j + 4])])
            frame = pd.DataFrame(rows, columns=["input", *SCENARIOS])
            frame.attrs["names"] = names + [None] * (3 - len(names))
            return frame
    return None


def _parsed(value: object) -> float:
    number = parse_number(value) if isinstance(value, str) else value
    return finite_number(number)
