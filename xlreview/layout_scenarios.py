"""The Scenarios sheet: Base / Stretch / Cautious inputs and, beside them, what each needs,
all live formulas (:mod:`xlreview.scenarios` computes the same in Python)."""

from __future__ import annotations

from dataclasses import replace

from .labels import label, value_label
from .layout_live import (
    BUDGET_ROW_WITH_CHECK,
    quoted,
    setting_formula,
    settings_value,
    targets_total,
)
from .scenarios import CHAIN, SCENARIO_INPUTS, SCENARIO_OUTCOMES, SCENARIOS
from .sheetmodel import (
    INPUT_FILL,
    NOTE_ROW,
    TABLE_ROW,
    TITLE_ROW,
    Block,
    Cell,
    Ctx,
    Formula,
    Sheet,
    a1,
    cached,
    col_letter,
    finish,
    make_block,
)

_MONEY_INPUTS = {"revenue_target", "avg_deal", "budget_total"}
_MONEY_OUTCOMES = {"implied_cost", "budget_gap"}
_TARGETS_CELL = {"revenue_target": "$B$3", "new_customer_share": "$B$4",
                 "marketing_share": "$B$5", "avg_deal": "$B$7"}


def scenarios_sheet(ctx: Ctx) -> Sheet | None:
    """Inputs table ``scenarios`` (Stretch and Cautious yellow) and ``scenario_outcomes``."""
    frame, outcomes = ctx.table("scenarios"), ctx.table("scenario_outcomes")
    if frame is None or outcomes is None:
        return None
    sheet = ctx.sheet("scenarios")
    sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t("title.scenarios"), ctx.styles.title))
    sheet.cells.append(Cell(NOTE_ROW, 0, ctx.t("title.scenarios_note"), ctx.styles.note))
    names = list(frame.attrs.get("names") or [None] * 3)
    inputs = make_block(ctx, "scenarios", frame, row=TABLE_ROW)
    results = make_block(ctx, "scenario_outcomes", outcomes, row=TABLE_ROW,
                         col=inputs.last_col + 2)
    for block, keys, money, head in (
            (inputs, SCENARIO_INPUTS, _MONEY_INPUTS, "col.scenario_input"),
            (results, SCENARIO_OUTCOMES, _MONEY_OUTCOMES, "col.scenario_outcome")):
        first = block.columns[0]
        first.header = ctx.t(head)
        first.values = [ctx.t(f"value.scenario_{k}") for k in keys]
        first.width = max(first.width, 28.0)
        for j, scenario in enumerate(SCENARIOS):
            column = block.column(scenario)
            if names[j]:
                column.header = str(names[j])
            for i, key in enumerate(keys):
                style = ctx.styles.money if key in money else (
                    ctx.styles.integer if block is results else ctx.styles.percent)
                if block is inputs and scenario != "base":
                    style = replace(style, bg_color=INPUT_FILL, border=1)
                column.cell_styles[i] = style
            column.width = max(column.width, 16.0)
    typed = {s: frame[f"_typed_{s}"].tolist() for s in SCENARIOS}
    _input_formulas(ctx, inputs, typed)
    _outcome_formulas(ctx, inputs, results)
    sheet.blocks += [inputs, results]
    finish(sheet)
    return sheet


def _budget_ranges(ctx: Ctx) -> tuple[str, str, str] | None:
    """(type range, planned-cost range, total planned cell) of the Budget sheet's table."""
    frame = ctx.table("budget")
    if frame is None or not len(frame) or str(frame.iloc[-1, 0]) != "total":
        return None
    check = ctx.table("budget_check")
    row = BUDGET_ROW_WITH_CHECK if check is not None and not check.empty else TABLE_ROW
    keys = [str(k) for k in frame.columns if not str(k).startswith("_")]
    sheet = quoted(label("sheet.budget", ctx.lang))
    body_first, body_last, total = row + 1, row + len(frame) - 1, row + len(frame)

    def span(key: str) -> str:
        c = keys.index(key)
        return f"{sheet}{a1(body_first, c, absolute=True)}:{a1(body_last, c, absolute=True)}"

    planned = keys.index("planned_cost")
    return span("type"), span("planned_cost"), sheet + a1(total, planned, absolute=True)


def _experiment_share(ctx: Ctx) -> str:
    share = settings_value(ctx, "experiment_share")
    s = repr(float(ctx.settings.experiment_share))
    if share is None:
        return s
    return f'IFERROR(IF({share}="",{s},IF({share}>1,{share}/100,{share})),{s})'


def _input_formulas(ctx: Ctx, block: Block, typed: dict[str, list[bool]]) -> None:
    first = block.row + 1
    targets = quoted(label("sheet.targets", ctx.lang))
    base_col = block.index("base")
    budget = _budget_ranges(ctx)
    rates = _base_rates(ctx)
    for i, key in enumerate(SCENARIO_INPUTS):
        text = None
        if key in _TARGETS_CELL and targets_total(ctx, "customers") is not None:
            text = f"={targets}{_TARGETS_CELL[key]}"
        elif key in rates:
            text = rates[key]
        elif key == "budget_total" and budget is not None:
            link = setting_formula(ctx, "budget_total", None)
            text = (link.replace('""', budget[2]) if link is not None else None)
        if text is not None:
            _put(block, "base", i, text)
        base = a1(first + i, base_col)
        for scenario in SCENARIOS[1:]:
            if typed[scenario][i]:
                continue
            if key == "revenue_target":
                spread = setting_formula(ctx, "scenario_spread", ctx.settings.scenario_spread,
                                         share=True)
                s = spread[1:] if spread else repr(float(ctx.settings.scenario_spread))
                sign = "+" if scenario == "stretch" else "-"
                _put(block, scenario, i, f'=IFERROR({base}*(1{sign}{s}),"")')
            else:
                _put(block, scenario, i, f'=IF({base}="","",{base})')


def _nearest(counts: list[str]) -> str:
    """The first non-blank of ``counts`` (nearest first): nested IFs."""
    text = counts[-1]
    for ref in reversed(counts[:-1]):
        text = f'IF({ref}="",{text},{ref})'
    return text


def _base_rates(ctx: Ctx) -> dict[str, str]:
    """Base rates: the nearest tracked Targets Total count below ÷ the stage's count
    (blank for a stage not tracked), as :func:`scenarios.base_inputs`."""
    refs = {k: targets_total(ctx, k) for k in ("customers", *(s for s, _ in CHAIN))}
    if any(r is None for r in refs.values()):
        return {}
    below = [refs["customers"]]
    out = {}
    for stage, rate in CHAIN:
        here, lower = refs[stage], _nearest(below[::-1])
        out[rate] = f'=IF(OR({here}="",{lower}=""),"",IFERROR({lower}/{here},""))'
        below.append(here)
    return out


def _outcome_formulas(ctx: Ctx, inputs: Block, results: Block) -> None:
    first = inputs.row + 1
    row_of = {k: first + i for i, k in enumerate(SCENARIO_INPUTS)}
    out_first = results.row + 1
    out_row = {k: out_first + i for i, k in enumerate(SCENARIO_OUTCOMES)}
    implied, leads = targets_total(ctx, "implied_cost"), targets_total(ctx, "leads")
    budget = _budget_ranges(ctx)
    headcount = (f'SUMIF({budget[0]},"{value_label("headcount", ctx.lang)}",{budget[1]})'
                 if budget is not None else "0")
    share = _experiment_share(ctx)
    for scenario in SCENARIOS:
        x = col_letter(inputs.index(scenario))
        y = col_letter(results.index(scenario))

        def inp(key: str, x: str = x) -> str:
            return f"{x}{row_of[key] + 1}"

        def res(key: str, y: str = y) -> str:
            return f"{y}{out_row[key] + 1}"

        texts = {
            "customers": f"ROUNDUP({inp('revenue_target')}*{inp('new_customer_share')}"
                         f"*{inp('marketing_share')}/{inp('avg_deal')},0)",
        }
        below = [res("customers")]
        for stage, rate in CHAIN:  # a blank rate: not tracked, the next rate spans it
            lower = _nearest(below[::-1])
            texts[stage] = (f'IF({inp(rate)}="","",'
                            f"ROUNDUP({lower}/{inp(rate)},0))")
            below.append(res(stage))
        if implied is not None and leads is not None:
            texts["implied_cost"] = f"{res('leads')}*(N({implied})/N({leads}))"
        texts["budget_gap"] = (f"ROUND({inp('budget_total')}-{headcount}"
                               f"-{res('implied_cost')}/(1-{share}),2)")
        for i, key in enumerate(SCENARIO_OUTCOMES):
            if key in texts:
                _put(results, scenario, i, f'=IFERROR({texts[key]},"")')


def _put(block: Block, key: str, i: int, text: str) -> None:
    column = block.column(key)
    value = column.values[i]
    column.values[i] = Formula(text, cached(value.value if isinstance(value, Formula)
                                            else value))
