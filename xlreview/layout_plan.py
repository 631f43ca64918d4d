"""Plan sheets of the generated workbook: targets (live what-if formulas), phasing, budget,
work plan with its Gantt grid, message house, data check and instructions."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from .labels import has_label, is_chinese, label
from .layout_live import (
    BUDGET_CHECK_ROW,
    BUDGET_ROW_WITH_CHECK,
    TARGETS_TABLE_ROW,
    budget_check_formulas,
    cumulative_formulas,
    lead_time_formulas,
    monthly_formulas,
    quarterly_formulas,
    setting_formula,
    weekly_formulas,
)
from .numbers import ceil_excel
from .overrides import HISTORY
from .settings import Settings
from .sheetmodel import (
    INPUT_FILL,
    NOTE_ROW,
    TABLE_ROW,
    TITLE_ROW,
    Block,
    Cell,
    Chart,
    Conditional,
    Ctx,
    Formula,
    Merge,
    Ref,
    Series,
    Sheet,
    Style,
    Validation,
    a1,
    add_chart,
    cached,
    col_letter,
    column_ref,
    display_width,
    finish,
    formula_cell,
    header,
    make_block,
    table_sheet,
)

# --- plan sheets -----------------------------------------------------------------------

_RATE_CHAIN = (("opp", "opp_to_won", "customers"), ("sql", "sql_to_opp", "opp"),
               ("mql", "mql_to_sql", "sql"), ("leads", "lead_to_mql", "mql"))
_TARGET_INPUTS = ("share", "lead_to_mql", "mql_to_sql", "sql_to_opp", "opp_to_won",
                  "bottom_up_leads", "pick", "share_override")


def targets_sheet(ctx: Ctx) -> Sheet | None:
    """Targets with live what-if formulas: inputs are filled cells, the chain recalculates.

    Cells B3:B5 hold the company target and the two shares, B6 the marketing target, B7 the
    average deal and B8 the customers needed (the table header stays within the first ten
    rows, where the next rebuild looks for it); the table below splits those customers over
    the channels by share (largest remainder, as the plan does) and climbs the funnel.
    """
    frame = ctx.table("targets")
    if frame is None:
        return None
    sheet = ctx.sheet("targets")
    s = ctx.settings
    sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t("title.targets"), ctx.styles.title))
    sheet.cells.append(Cell(NOTE_ROW, 0, ctx.t("title.targets_note"), ctx.styles.note))
    deal = _deal_size(frame, s)
    inputs = [
        ("title.company_target", s.revenue_target, ctx.styles.money),
        ("title.new_share", s.new_customer_share, ctx.styles.percent),
        ("title.marketing_share", s.marketing_share, ctx.styles.percent),
    ]
    links = ("revenue_target", "new_customer_share", "marketing_share")
    for i, (key, value, style) in enumerate(inputs):
        sheet.cells.append(Cell(2 + i, 0, ctx.t(key), ctx.styles.label))
        link = setting_formula(ctx, links[i], None if i == 0 else 1.0, share=i > 0)
        shown = value if link is None else Formula(link, cached(value))
        sheet.cells.append(Cell(2 + i, 1, shown, replace(style, bg_color=INPUT_FILL, border=1)))
    target = (None if s.revenue_target is None
              else s.revenue_target * s.new_customer_share * s.marketing_share)
    customers = None
    if target is not None and deal:
        customers = ceil_excel(target / deal)
    bold_money = replace(ctx.styles.money, bold=True)
    top = [
        ("title.marketing_target", Formula('=IFERROR(B3*B4*B5,"")', cached(target)),
         bold_money),
        ("title.avg_deal", _deal_cell(ctx, deal),
         replace(ctx.styles.money, bg_color=INPUT_FILL, border=1)),
        ("title.customers_needed", Formula('=IFERROR(ROUNDUP(B6/B7,0),"")', cached(customers)),
         replace(ctx.styles.integer, bold=True)),
    ]
    for i, (key, value, style) in enumerate(top):
        sheet.cells.append(Cell(5 + i, 0, ctx.t(key), ctx.styles.label))
        sheet.cells.append(Cell(5 + i, 1, value, style))
    for row, text in ((5, _last_year_line(ctx)), (6, _deal_line(ctx)), (7, _spanned_line(ctx))):
        if text:
            sheet.cells.append(Cell(row, 2, text, ctx.styles.note))
    untracked = tuple(getattr(ctx.extra, "untracked", ()) or ())
    spanned = {rate for upper, rate, _ in _RATE_CHAIN if _CHAIN_STAGE[upper] in untracked}
    block = make_block(ctx, "targets", frame, row=TARGETS_TABLE_ROW,
                       inputs=tuple(k for k in _TARGET_INPUTS if k not in spanned))
    _target_formulas(block, ctx.lang, untracked)
    sheet.blocks.append(block)
    finish(sheet)
    # The history's share and rates, inside the table so that they move with a sorted row:
    # the next rebuild tells a typed rate from a written one (xlreview.overrides).
    sheet.hidden |= {block.index(k) for k in HISTORY.values()
                     if k in {c.key for c in block.columns}}
    sheet.widths[0] = max(sheet.widths.get(0, 0), 26.0)
    sheet.widths[1] = max(sheet.widths.get(1, 0), 16.0)
    chart = targets_chart(ctx, sheet, row=block.last_row + 2, col=0)
    if chart is not None:
        chart.width, chart.height = 900, 340  # the table is wide: a chart to match
    add_chart(sheet, chart)
    return sheet


def _deal_line(ctx: Ctx) -> str | None:
    """Where the average deal comes from (the Settings value, or which deals' mean)."""
    basis = ctx.table("avg_deal")
    if basis is None or basis.empty:
        return None
    row = basis.iloc[0]
    if row["source"] == "none":
        return None
    return ctx.t(f"title.deal_{row['source']}", deals=int(row["deals"]), year=row["year"])


def _last_year_line(ctx: Ctx) -> str | None:
    """Like for like: last year's marketing-sourced revenue beside the marketing target."""
    summary = ctx.table("roi_summary")
    if summary is None:
        return None
    item = dict(zip(summary["item"], summary["value"], strict=False))
    actual, target = item.get("marketing_sourced_revenue"), item.get("marketing_target")
    if actual is None or pd.isna(actual):
        return None
    change = (f"{target / actual - 1:+.0%}" if actual and target is not None
              and not pd.isna(target) else "—")
    return ctx.t("title.marketing_last_year", value=f"{actual:,.0f}", change=change,
                 year=ctx.settings.fiscal_year or "")


def _spanned_line(ctx: Ctx) -> str | None:
    """Which stages the export does not track, and which rate column spans them."""
    untracked = list(getattr(ctx.extra, "untracked", ()) or ())
    if not untracked:
        return None
    names = ", ".join(ctx.t(f"value.{stage}") for stage in untracked)
    return ctx.t("title.targets_not_tracked", stages=names)
def _deal_cell(ctx: Ctx, deal: float | None) -> object:
    """The average deal: Settings' avg_deal_size, else the history's (as the rebuild)."""
    link = setting_formula(ctx, "avg_deal_size", deal)
    return deal if link is None else Formula(link, cached(deal))


def _deal_size(frame: pd.DataFrame, settings: Settings) -> float | None:
    """The plan's one average deal size: the total row's, else any row's, else the setting."""
    if "avg_deal" in frame:
        deals = pd.to_numeric(frame["avg_deal"], errors="coerce").dropna()
        if len(deals):
            return float(deals.iloc[-1])
    return settings.avg_deal_size


def customers_formula(share: str, shares: str, before: str | None) -> str:
    """Whole customers of one channel: ``$B$8`` split by share with largest remainder.

    Channel i gets ⌊q_i⌋ plus one when fewer than R channels rank before it, where
    q = customers × share / Σ share, R = customers − Σ⌊q⌋, and a channel ranks before i if
    its remainder is larger, or equal and it sits higher (``phasing.split_whole``'s order).
    Quotas are rounded to 9 decimals (as ``split_whole`` does), so that ties such as 2.5
    and 10.5 are ties in Excel, LibreOffice and Python alike, whatever the last bit.
    """
    q = f"ROUND($B$8*({share}/SUM({shares})),9)"
    qs = f"ROUND($B$8*({shares}/SUM({shares})),9)"
    rest = f"$B$8-SUMPRODUCT(INT({qs}))"
    rank = f"SUMPRODUCT(--({qs}-INT({qs})>{q}-INT({q})))"
    if before is not None:
        qb = f"ROUND($B$8*({before}/SUM({shares})),9)"
        rank += f"+SUMPRODUCT(--({qb}-INT({qb})={q}-INT({q})))"
    return f'=IFERROR(INT({q})+IF({rank}<{rest},1,0),"")'


_CHAIN_STAGE = {"opp": "opp", "sql": "sql", "mql": "mql", "leads": "lead"}


def _target_formulas(block: Block, lang: str, untracked: tuple[str, ...] = ()) -> None:
    """Replace the computed cells of the targets table by formulas on its input cells.

    A stage in ``untracked`` stays blank: the stage before it divides the nearest tracked
    count after it by its own (spanning) rate."""
    keys = {c.key for c in block.columns}
    if not {"customers", "share"} <= keys:
        return
    first = block.row + 1
    n = block.n_rows
    body = [i for i in range(n) if not (block.has_total and i == n - 1)]
    if not body:
        return

    def ref(key: str, i: int, *, absolute: bool = False) -> str:
        return a1(first + i, block.index(key), absolute=absolute)

    def put(key: str, i: int, text: str) -> None:
        if key in keys:
            formula_cell(block, key, i, text)

    shares = f"{ref('share', body[0], absolute=True)}:{ref('share', body[-1], absolute=True)}"
    bottom_up = label("value.bottom_up", lang) if has_label("value.bottom_up") else "bottom_up"
    for i in body:
        before = None if i == body[0] else (
            f"{ref('share', body[0], absolute=True)}:{ref('share', i - 1, absolute=True)}")
        put("customers", i, customers_formula(ref("share", i), shares, before))
        put("avg_deal", i, "=$B$7")
        below = "customers"
        for upper, rate, _ in _RATE_CHAIN:
            if _CHAIN_STAGE[upper] in untracked:
                continue
            if {upper, rate, below} <= keys:
                put(upper, i, f'=IFERROR(ROUNDUP({ref(below, i)}/{ref(rate, i)},0),"")')
            below = upper
        put("revenue", i, f'=IFERROR({ref("customers", i)}*$B$7,"")')
        if {"leads", "cpl"} <= keys:
            leads, cpl = ref("leads", i), ref("cpl", i)
            put("implied_cost", i, f'=IF(OR({leads}="",{cpl}=""),"",{leads}*{cpl})')
        if {"leads", "bottom_up_leads"} <= keys:
            leads, up = ref("leads", i), ref("bottom_up_leads", i)
            put("gap", i, f'=IF(OR({leads}="",{up}=""),"",{leads}-{up})')
            if "pick" in keys:
                put("plan_leads", i,
                    f'=IF(AND({ref("pick", i)}="{bottom_up}",{up}<>""),{up},{leads})')
    _target_totals(block, body, ref, put, untracked)


def _target_totals(block: Block, body: list[int], ref: Any, put: Any,
                   untracked: tuple[str, ...] = ()) -> None:
    t = block.n_rows - 1
    if not block.has_total:
        return
    keys = {c.key for c in block.columns}
    for key in ("share", "customers", "opp", "sql", "mql", "leads", "revenue", "implied_cost",
                "plan_leads"):
        if _CHAIN_STAGE.get(key) in untracked:
            continue
        if key in keys:
            put(key, t, f"=SUM({ref(key, body[0])}:{ref(key, body[-1])})")
    put("avg_deal", t, "=$B$7")
    if "bottom_up_leads" in keys:
        rng = f"{ref('bottom_up_leads', body[0])}:{ref('bottom_up_leads', body[-1])}"
        put("bottom_up_leads", t, f'=IF(COUNT({rng})=0,"",SUM({rng}))')
        if "leads" in keys:
            leads, up = ref("leads", t), ref("bottom_up_leads", t)
            put("gap", t, f'=IF(OR({leads}="",{up}=""),"",{leads}-{up})')
    for column in block.columns:  # the total row is computed, never an input
        column.cell_styles[t] = replace(column.style, bg_color=None, bold=True, top=1)


def targets_chart(ctx: Ctx, sheet: Sheet, *, row: int, col: int) -> Chart | None:
    block = sheet.block("targets")
    if not block.has("channel"):
        return None
    cats = column_ref(sheet, block, "channel")
    keys = [k for k in ("leads", "mql", "sql", "opp", "customers")
            if k in [c.key for c in block.columns]]
    series = [Series(header(k, ctx.lang), column_ref(sheet, block, k), cats) for k in keys]
    return Chart("column", ctx.t("title.chart_targets"), series, row, col, width=640,
                 y_format="#,##0")


def phasing_sheet(ctx: Ctx, key: str, category: str) -> Sheet | None:
    """A phasing table of live formulas (:mod:`layout_live`) with a SUM total line below it,
    the seasonality weights and stage lags beside and below the months, a chart for
    quarters."""
    sheet = table_sheet(ctx, key, note=ctx.t(f"title.{key}_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    if key == "plan_quarterly":
        quarterly_formulas(ctx, block, ctx.table("plan_monthly"))
    elif key == "plan_weekly":
        monthly = ctx.table("plan_monthly")
        if monthly is not None and len(monthly):
            year = int(pd.Timestamp(monthly["month"].iloc[0]).year)
            weekly_formulas(ctx, block, monthly, year)
    total_row = block.last_row + 1
    sheet.cells.append(Cell(total_row, block.col, ctx.t("value.total"), ctx.styles.label))
    first, last = block.row + 1, block.last_row
    for column in block.columns:
        if column.key in (category, "week_start", "month", "quarter", "week"):
            continue
        numbers = [v.value if isinstance(v, Formula) else v for v in column.values]
        numbers = [v for v in numbers if isinstance(v, int | float)]
        if not numbers:
            continue
        c = block.index(column.key)
        text = f"=SUM({a1(first, c)}:{a1(last, c)})"
        style = replace(column.style, bold=True, top=1)
        sheet.cells.append(Cell(total_row, c, Formula(text, float(sum(numbers))), style))
    if key == "plan_monthly":
        _monthly_live(ctx, sheet, block, total_row)
    if key == "plan_quarterly" and block.has("quarter"):
        cats = column_ref(sheet, block, "quarter")
        keys = [k for k in ("leads", "mql", "sql", "opp", "won")
                if k in [c.key for c in block.columns]]
        series = [Series(header(k, ctx.lang), column_ref(sheet, block, k), cats) for k in keys]
        sheet.charts.append(Chart("column", ctx.t("title.chart_quarterly"), series,
                                  total_row + 2, 0, width=640))
    return sheet


def _monthly_live(ctx: Ctx, sheet: Sheet, block: Block, total_row: int) -> None:
    """Seasonality weights beside the months, the lead-time table (with each stage's lag)
    below, and the months' formulas over them."""
    weights_frame = ctx.table("seasonality")
    weights = None
    if weights_frame is not None and len(weights_frame) == 12:
        col = block.last_col + 2
        sheet.cells.append(Cell(block.row - 1, col, ctx.t("title.seasonality"),
                                ctx.styles.label))
        weights = make_block(ctx, "seasonality", weights_frame, row=block.row, col=col)
        for column in weights.columns[1:]:
            column.style = ctx.styles.percent
        cumulative_formulas(weights)
        sheet.blocks.append(weights)
    lags: dict[str, str] = {}
    lead_time = ctx.table("plan_lead_time")
    if lead_time is not None and not lead_time.empty:
        row = total_row + 3
        sheet.cells.append(Cell(row - 1, 0, ctx.t("title.plan_lead_time"), ctx.styles.label))
        lead_block = make_block(ctx, "plan_lead_time", lead_time, row=row)
        if lead_block.has("lag_months"):
            lead_block.column("lag_months").style = ctx.styles.integer
        sheet.blocks.append(lead_block)
        if weights is not None:
            lags = lead_time_formulas(ctx, lead_block, weights)
    if weights is not None:
        monthly_formulas(ctx, block, weights, lags)
    finish(sheet)


def budget_sheet(ctx: Ctx) -> Sheet | None:
    sheet = table_sheet(ctx, "budget", note=ctx.t("title.budget_note"),
                         inputs=("type", "min", "max", "locked"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    _budget_check_block(ctx, sheet)
    keys = [c.key for c in block.columns]
    first = block.row + 1
    n = block.n_rows
    if "locked" in keys and is_chinese(ctx.lang):  # 是 / 否 rather than TRUE / FALSE
        column = block.column("locked")
        column.values = [label(f"setting_value.{'yes' if v else 'no'}", ctx.lang)
                         if isinstance(v, bool | np.bool_) else v for v in column.values]
    body = [i for i in range(n) if not (block.has_total and i == n - 1)]
    if block.has_total and body:
        t = n - 1
        for key in ("last_year_cost", "planned_cost", "expected_leads", "expected_revenue"):
            if key in keys:
                c = block.index(key)
                rng = f"{a1(first, c)}:{a1(first + body[-1], c)}"
                formula_cell(block, key, t, f"=SUM({rng})")
        for key in ("type", "min", "max", "locked"):
            if key in keys:
                column = block.columns[keys.index(key)]
                column.cell_styles[t] = replace(column.style, bg_color=None, bold=True, top=1)
    if body:
        # Dropdowns on the inputs: Type one of its words, Locked TRUE or FALSE.
        last = first + body[-1]
        types = ("proven", "experiment", "reserve", "headcount")
        choices = {"type": [ctx.t(f"value.{t}") for t in types],
                   "locked": ["TRUE", "FALSE"]}
        for key, values in choices.items():
            if key in keys:
                c = block.index(key)
                sheet.validations.append(Validation(first, c, last, c, values))
    if {"change", "planned_cost", "last_year_cost"} <= set(keys):
        # Change = planned / last year − 1, blank without last year's spend.
        for i in range(n):
            p = a1(first + i, block.index("planned_cost"))
            ly = a1(first + i, block.index("last_year_cost"))
            formula_cell(block, "change", i, f"=IF(N({ly})>0,{p}/{ly}-1,\"\")")
    if "channel" not in keys:
        return sheet
    # Headcount (the last rows) dwarfs the channels: the chart shows the programme budget.
    drop = _trailing_headcount(ctx.table("budget"))
    cats = _shorter(column_ref(sheet, block, "channel"), drop)
    series = [
        Series(header(k, ctx.lang), _shorter(column_ref(sheet, block, k), drop), cats, color=c)
        for k, c in (("last_year_cost", "#90A4AE"), ("planned_cost", "#2E7D32")) if k in keys
    ]
    sheet.charts.append(Chart("column", ctx.t("title.chart_budget"), series,
                              block.last_row + 2, 0, width=640,
                              y_format=ctx.styles.money.num_format))
    return sheet


def _budget_check_block(ctx: Ctx, sheet: Sheet) -> None:
    """The ``budget_check`` table above the budget (rows 3–8), its definition beside it."""
    frame = ctx.table("budget_check")
    if frame is None or frame.empty:
        return
    budget = sheet.blocks[0]
    budget.row = BUDGET_ROW_WITH_CHECK
    check = make_block(ctx, "budget_check", frame, row=BUDGET_CHECK_ROW)
    for i, metric in enumerate(frame["metric"].tolist()):
        style = ctx.styles.money if metric in ("revenue", "programme_cost") else ctx.styles.integer
        for column in check.columns[1:]:
            column.cell_styles[i] = style
    sheet.blocks.append(check)
    budget_check_formulas(ctx, check, budget)
    sheet.cells.append(Cell(TABLE_ROW - 1, 0, ctx.t("title.budget_check"), ctx.styles.label))
    wrap = Style(text_wrap=True, valign="top", italic=True, font_color="#595959")
    sheet.merges.append(Merge(TABLE_ROW, check.last_col + 2, check.last_row,
                              check.last_col + 8, ctx.t("title.budget_check_note"), wrap))
    for r in range(TABLE_ROW + 1, check.last_row + 1):
        sheet.heights[r] = max(sheet.heights.get(r, 0.0), 18.0)
    sheet.freeze = None
    finish(sheet)
    sheet.freeze = (budget.row + 1, 0)
    sheet.print_rows = (budget.row, budget.row)


def workplan_sheet(ctx: Ctx) -> Sheet | None:
    """Initiatives with a Gantt week grid filled by conditional formatting."""
    sheet = table_sheet(ctx, "workplan", note=ctx.t("title.workplan_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    frame = ctx.tables["workplan"]
    keys = [c.key for c in block.columns]
    if not {"start", "end"} <= set(keys):
        return sheet
    starts = pd.to_datetime(frame["start"], errors="coerce")
    year = int(starts.min().year) if starts.notna().any() else (ctx.settings.plan_year
                                                                 or dt.date.today().year)
    monday = dt.date(year, 1, 1) - dt.timedelta(days=dt.date(year, 1, 1).weekday())
    weeks = []
    while monday <= dt.date(year, 12, 31):
        weeks.append(monday)
        monday += dt.timedelta(days=7)
    grid = block.last_col + 2
    head = Style(num_format="mm-dd", rotation=90, font_size=8, align="center", bold=True)
    for j, week in enumerate(weeks):
        sheet.cells.append(Cell(block.row, grid + j, dt.datetime.combine(week, dt.time()), head))
        sheet.widths[grid + j] = 1.9  # 18 px: room for the rotated 8 pt date
    sheet.heights[block.row] = 42.0  # room for the rotated week dates
    sheet.cells.append(Cell(block.row - 1, grid, ctx.t("title.gantt"), ctx.styles.label))
    first, last = block.row + 1, block.last_row
    week_cell = f"{col_letter(grid)}${block.row + 1}"
    start = f"${col_letter(block.index('start'))}{first + 1}"
    end = f"${col_letter(block.index('end'))}{first + 1}"
    rule = f"=AND({week_cell}+6>={start},{week_cell}<={end})"
    sheet.conditionals.append(
        Conditional(first, grid, last, grid + len(weeks) - 1,
                    {"type": "formula", "criteria": rule}, Style(bg_color="#43A047"))
    )
    sheet.freeze = (block.row + 1, 1)
    return sheet


def message_house_sheet(ctx: Ctx) -> Sheet | None:
    """Roof keyword across the top, 2–4 pillars with their proof points, foundation below."""
    frame = getattr(ctx.extra, "message_house", None)
    if frame is None or frame.empty or "part" not in frame:
        return None
    house = _house_parts(frame)
    pillars = house["pillars"] or [("", [])]
    sheet = ctx.sheet("message_house")
    sheet.gridlines = False
    sheet.fit_height = 1
    width = len(pillars)
    border = {"border": 2, "align": "center", "valign": "vcenter", "text_wrap": True}
    roof = Style(bold=True, font_size=20, bg_color="#1B5E20", font_color="#FFFFFF", **border)
    pillar = Style(bold=True, font_size=13, bg_color="#C8E6C9", **border)
    proof = Style(border=1, text_wrap=True, valign="vcenter", align="center")
    base = Style(bold=True, font_size=12, bg_color="#A5D6A7", **border)
    sheet.cells.append(Cell(0, 0, ctx.t("title.message_house"), ctx.styles.title))
    sheet.merges.append(Merge(2, 0, 3, width - 1, " / ".join(house["roof"]), roof))
    for j, (name, proofs) in enumerate(pillars):
        sheet.cells.append(Cell(4, j, name, pillar))
        sheet.widths[j] = 30.0
        for k in range(max(len(p) for _, p in pillars) or 1):
            sheet.cells.append(Cell(5 + k, j, proofs[k] if k < len(proofs) else None, proof))
    depth = 5 + (max(len(p) for _, p in pillars) or 1)
    sheet.heights = {2: 30.0, 3: 30.0, 4: 30.0, depth: 24.0, depth + 1: 24.0}
    sheet.heights.update({r: 40.0 for r in range(5, depth)})
    sheet.merges.append(
        Merge(depth, 0, depth + 1, width - 1, " / ".join(house["foundation"]), base)
    )
    sheet.landscape = width > 2
    return sheet


_PART_ALIASES = {
    "roof": ("roof", "keyword", "屋顶", "关键词", "年度关键词", "主题", "屋頂", "關鍵詞",
             "年度關鍵詞", "主題"),
    "pillar": ("pillar", "支柱", "柱子"),
    "proof": ("proof", "proofpoint", "证明", "论据", "证据", "支撑点", "證明", "論據", "證據",
              "支撐點"),
    "foundation": ("foundation", "base", "地基", "基础", "基礎"),
}


def _house_parts(frame: pd.DataFrame) -> dict[str, Any]:
    part = frame["part"].astype(str).str.strip().str.lower().str.replace(" ", "")
    kind = pd.Series("proof", index=frame.index)
    for key, aliases in _PART_ALIASES.items():
        kind[part.isin(aliases)] = key
    text = frame["text"].fillna("").astype(str)
    group = frame["pillar"].fillna("").astype(str) if "pillar" in frame else text * 0
    names = [g or t for g, t in zip(group[kind == "pillar"], text[kind == "pillar"], strict=True)]
    proofs: dict[str, list[str]] = {n: [] for n in names}
    for g, t in zip(group[kind == "proof"], text[kind == "proof"], strict=True):
        target = g if g in proofs else (names[0] if names else g)
        proofs.setdefault(target, []).append(t)
    pillars = [(n, proofs[n]) for n in proofs][:4]
    return {
        "roof": text[kind == "roof"].tolist(),
        "foundation": text[kind == "foundation"].tolist(),
        "pillars": pillars,
    }


def data_check_sheet(ctx: Ctx) -> Sheet | None:
    sheet = table_sheet(ctx, "data_check", note=ctx.t("title.data_check_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    col = block.index("severity")
    first, last = block.data_rows()
    for severity, fill in (("error", "#FFCDD2"), ("warning", "#FFE0B2")):
        sheet.conditionals.append(Conditional(
            first, col, last, col,
            {"type": "cell", "criteria": "==", "value": f'"{ctx.t("value." + severity)}"'},
            Style(bg_color=fill),
        ))
    block.columns[-1].width = min(max(block.columns[-1].width, 40.0), 90.0)
    finish(sheet)
    return sheet


def _trailing_headcount(frame: pd.DataFrame | None) -> int:
    """How many headcount rows end the budget table (before its total row)."""
    if frame is None or "type" not in frame:
        return 0
    kinds = frame["type"].astype(str).tolist()
    if frame.iloc[:, 0].astype(str).tolist()[-1:] == ["total"]:
        kinds = kinds[:-1]
    n = 0
    while n < len(kinds) - 1 and kinds[-1 - n] == "headcount":
        n += 1
    return n


def _shorter(ref: Ref, rows: int) -> Ref:
    return replace(ref, last_row=ref.last_row - rows)


def how_to_sheet(ctx: Ctx) -> Sheet:
    sheet = ctx.sheet("how_to")
    sheet.cells.append(Cell(0, 0, ctx.t("title.how_to"), ctx.styles.title))
    wrap = Style(text_wrap=True, valign="top")
    for i in range(1, 10):
        text = ctx.t(f"title.how_to_{i}")
        sheet.cells.append(Cell(1 + i, 0, f"{i}.", Style(bold=True, valign="top")))
        sheet.cells.append(Cell(1 + i, 1, text, wrap))
        # Wrapped rows keep the default height unless told: ~90 characters a line here.
        lines = math.ceil(display_width(text) / 90)
        sheet.heights[1 + i] = max(15.0, 15.0 * lines + 3)
    sheet.widths = {0: 4.0, 1: 100.0}
    sheet.fit_height = 1
    return sheet


