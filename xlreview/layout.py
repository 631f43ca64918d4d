"""The generated sheets as a director would present them: tables → a pure sheet model.

:func:`build_sheets` turns the core's tables (DESIGN.md, "Table contract") into
:class:`Sheet` objects: title lines, Excel Tables with translated headers and number
formats, native formulas for the what-if cells, conditional formats and charts. It knows
cell positions (so it can write formulas and chart ranges) but nothing about xlsxwriter;
``io/writer.py`` writes the model.
"""

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd

from .bubble_labels import CHAR_PX, label_sides
from .goals import goal_score
from .labels import LANGUAGES, label
from .layout_page import (
    add_categories,
    add_quarter_themes,
    lessons_sheet,
    module_plan_sheet,
    okr_sheet,
    plan_on_page_sheet,
)
from .layout_plan import (
    budget_sheet,
    customers_formula,
    data_check_sheet,
    how_to_sheet,
    message_house_sheet,
    phasing_sheet,
    targets_chart,
    targets_sheet,
    workplan_sheet,
)
from .layout_review import (
    add_brands,
    add_handoff,
    campaign_channels_sheet,
    goal_review_sheet,
    last_year_text,
    plan_vs_actual_sheet,
    year_over_year_sheet,
)
from .layout_scenarios import scenarios_sheet
from .settings import Settings
from .sheetmodel import (
    GENERATED_TAB,
    INPUT_FILL,
    TABLE_ROW,
    Block,
    Cell,
    Chart,
    Column,
    Conditional,
    Ctx,
    Formula,
    Merge,
    Ref,
    Series,
    Sheet,
    Style,
    a1,
    add_chart,
    col_letter,
    column_ref,
    currency_symbol,
    display_width,
    east_asian_font,
    finish,
    header,
    make_block,
    styles_for,
    table_sheet,
)

GENERATED: list[str] = [
    "dashboard",
    "roi_matrix",
    "year_over_year",
    "funnel",
    "events",
    "campaign_channels",
    "monthly",
    "sales_cycle",
    "pipeline",
    "goal_review",
    "lessons",
    "share_of_voice",
    "plan_vs_actual",
    "plan_on_page",
    "targets",
    "plan_quarterly",
    "plan_monthly",
    "plan_weekly",
    "budget",
    "scenarios",
    "module_plan",
    "workplan",
    "message_house",
    "actions",
    "team",
    "okr_tree",
    "data_check",
    "how_to",
]
"""Generated sheet keys in workbook order (a review sheet only when its table has rows)."""



# --- review sheets ---------------------------------------------------------------------


def _roi_sheet(ctx: Ctx) -> Sheet | None:
    sheet = table_sheet(ctx, "roi_matrix", note=ctx.t("title.roi_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    chart_row = block.last_row + 3
    quadrant = block.has("channel", "leads", "opp", "cost")
    # Below the charts: the page stays as wide as the table and its columns keep their widths.
    side, helper_row = 0, chart_row + _CHART_HEIGHT // 20 + 2  # 20 px per row
    summary = ctx.table("roi_summary")
    if summary is not None:
        frame = summary.copy()
        frame["item"] = [ctx.t(f"value.{i}") for i in frame["item"]]
        small = make_block(ctx, "roi_summary", frame, row=helper_row + 1, col=side)
        roi_rows = [i for i, k in enumerate(summary["item"]) if str(k).startswith("roi")]
        value = small.columns[1]
        for i in roi_rows:
            value.cell_styles[i] = replace(ctx.styles.percent, bold=True)
        # Long items wrap on two lines rather than widen the matrix's Channel column.
        item = small.columns[0]
        item.width = 24.0
        item.style = replace(item.style, text_wrap=True, valign="top")
        for i, text in enumerate(item.values):
            if display_width(str(text)) > 22:
                sheet.heights[small.row + 1 + i] = 30.0
        sheet.blocks.append(small)
        sheet.cells.append(Cell(helper_row, side, ctx.t("title.roi_summary"), ctx.styles.label))
        helper_row = small.last_row + 2
    if quadrant:
        _quadrant_helper(ctx, sheet, block, row=helper_row, col=side)
        sheet.charts.append(quadrant_chart(ctx, sheet, row=chart_row, col=0))
    finish(sheet)
    beside = column_after(sheet, 0, _QUADRANT_WIDTH + 20) if quadrant else 0
    chart = cost_revenue_chart(ctx, sheet, row=chart_row, col=beside)
    if chart is not None:
        chart.width, chart.height = _QUADRANT_WIDTH, _CHART_HEIGHT
    add_chart(sheet, chart)
    return sheet


_QUADRANT_WIDTH = 640
_CHART_HEIGHT = 380


def column_after(sheet: Sheet, col: int, pixels: int) -> int:
    """The first column starting at least ``pixels`` right of column ``col``'s left edge."""
    used = 0
    while used < pixels:
        used += int(sheet.widths.get(col, 8.43) * 7 + 5)  # Excel's width → pixels rule
        col += 1
    return col


def _quadrant_helper(ctx: Ctx, sheet: Sheet, block: Block, *, row: int, col: int) -> None:
    """Opportunities per lead of each channel (formulas on the table) and the two medians.

    Column ``col`` names the channel, ``col + 1`` holds the ratio, from ``row`` down; below,
    the median leads and median opportunities per lead where the quadrant lines cross.
    """
    first, last = block.data_rows()
    leads_col, opp_col = block.index("leads"), block.index("opp")
    n = last - first + 1
    leads = pd.to_numeric(pd.Series(block.column("leads").values[:n], dtype=object), "coerce")
    opps = pd.to_numeric(pd.Series(block.column("opp").values[:n], dtype=object), "coerce")
    ratio = (opps / leads.where(leads > 0)).fillna(0.0)
    sheet.cells.append(Cell(row, col, ctx.t("title.opp_per_lead"), ctx.styles.label))
    channel_col = block.index("channel")
    for i, r in enumerate(range(first, last + 1)):
        n_leads, n_opp = a1(r, leads_col), a1(r, opp_col)
        text = f"=IF(N({n_leads})>0,N({n_opp})/{n_leads},0)"
        name = block.column("channel").values[i]
        sheet.cells.append(Cell(row + 1 + i, col, Formula(f"={a1(r, channel_col)}", name)))
        sheet.cells.append(
            Cell(row + 1 + i, col + 1, Formula(text, float(ratio.iloc[i])), ctx.styles.ratio)
        )
    # Bubble sizes: the cost, at least a twentieth of the largest, so that a channel
    # without spend (partners, referrals) still shows as a small bubble, not nothing.
    cost_col = block.index("cost")
    costs = pd.to_numeric(pd.Series(block.column("cost").values[:n], dtype=object), "coerce")
    floor = float(costs.max()) / 20 if n and costs.max() > 0 else 1.0
    sheet.cells.append(Cell(row, col + 2, ctx.t("title.bubble_size"), ctx.styles.label))
    for i, r in enumerate(range(first, last + 1)):
        cost = float(costs.iloc[i]) if pd.notna(costs.iloc[i]) else 0.0
        sheet.cells.append(Cell(row + 1 + i, col + 2, Formula(
            f"=MAX(N({a1(r, cost_col)}),{floor:g})", max(cost, floor)), ctx.styles.integer))
    med_x = float(leads.fillna(0).median()) if n else 0.0
    med_y = float(ratio.median()) if n else 0.0
    base = row + n + 2
    sheet.cells.append(Cell(base, col, ctx.t("title.median_lines"), ctx.styles.label))
    sheet.cells.append(Cell(base + 1, col, header("leads", ctx.lang)))
    sheet.cells.append(Cell(base + 1, col + 1, med_x, ctx.styles.integer))
    sheet.cells.append(Cell(base + 2, col, ctx.t("title.opp_per_lead")))
    sheet.cells.append(Cell(base + 2, col + 1, med_y, ctx.styles.ratio))
    sheet.anchors["ratio"] = (row + 1, col + 1)
    sheet.anchors["sizes"] = (row + 1, col + 2)
    sheet.anchors["medians"] = (base + 1, col + 1)


def quadrant_chart(ctx: Ctx, sheet: Sheet, *, row: int, col: int) -> Chart:
    """Channel quadrant: a bubble chart of leads × opportunities per lead, bubble = cost.

    One series per channel (x = its Leads, y = the helper's ratio, size = the helper's
    cost), so the legend names every channel in its bubble's colour; each bubble also
    carries its name on the side :func:`bubble_labels.label_sides` finds free, none where
    no side is. The axes cross at the medians, which draws the quadrant lines.
    """
    block = sheet.block("roi_matrix")
    first, last = block.data_rows()
    ratio_row, ratio_col = sheet.anchors["ratio"]
    size_row, size_col = sheet.anchors["sizes"]
    med_row, med_col = sheet.anchors["medians"]
    leads_col = block.index("leads")
    cells = {(c.row, c.col): c.value for c in sheet.cells}
    names = [str(_plain(v)) for v in block.column("channel").values[: last - first + 1]]
    x = [_number(_plain(v)) or 0.0 for v in block.column("leads").values[: len(names)]]
    y, sizes = ([_number(_plain(cells.get((r + i, c)))) or 0.0 for i in range(len(names))]
                for r, c in ((ratio_row, ratio_col), (size_row, size_col)))
    legend_px = max((display_width(n) for n in names), default=0) * CHAR_PX + 40
    sides = label_sides(x, y, sizes, names, plot_width=_QUADRANT_WIDTH - 90 - legend_px,
                        plot_height=_CHART_HEIGHT - 110)
    series = [
        Series(name, Ref(sheet.name, ratio_row + i, ratio_col, ratio_row + i, ratio_col),
               Ref(sheet.name, first + i, leads_col, first + i, leads_col),
               sizes=Ref(sheet.name, size_row + i, size_col, size_row + i, size_col),
               label_side=sides[i])
        for i, name in enumerate(names)
    ] or [Series(header("cost", ctx.lang),  # no channel: an empty frame (the writer's rule)
                 Ref(sheet.name, ratio_row, ratio_col, ratio_row - 1, ratio_col),
                 column_ref(sheet, block, "leads"),
                 sizes=Ref(sheet.name, size_row, size_col, size_row - 1, size_col),
                 in_legend=False)]
    values = {c.row: c.value for c in sheet.cells if c.col == med_col}
    return Chart(
        "bubble",
        ctx.t("title.chart_quadrant"),
        series,
        row,
        col,
        width=_QUADRANT_WIDTH,
        height=_CHART_HEIGHT,
        x_title=header("leads", ctx.lang),
        y_title=ctx.t("title.opp_per_lead"),
        y_format="0.00",
        x_format="#,##0",
        x_cross=_number(values.get(med_row)),
        y_cross=_number(values.get(med_row + 1)),
        legend="right",
    )


def _plain(value: object) -> object:
    """A cell's value: a formula's cached result, blank as ""."""
    value = value.value if isinstance(value, Formula) else value
    return "" if value is None else value


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else None


def cost_revenue_chart(ctx: Ctx, sheet: Sheet, *, row: int, col: int) -> Chart | None:
    block = sheet.block("roi_matrix")
    if not block.has("channel", "cost", "revenue"):
        return None
    cats = column_ref(sheet, block, "channel")
    series = [
        Series(header(k, ctx.lang), column_ref(sheet, block, k), cats, color=c)
        for k, c in (("cost", "#EF6C00"), ("revenue", "#2E7D32"))
    ]
    return Chart("column", ctx.t("title.chart_cost_revenue"), series, row, col,
                 y_format=ctx.styles.money.num_format)


def _funnel_sheet(ctx: Ctx) -> Sheet | None:
    sheet = table_sheet(ctx, "funnel", note=ctx.t("title.funnel_note"))
    if sheet is not None:
        row = sheet.blocks[0].last_row + 2
        line = win_rate_line(ctx)
        if line:
            sheet.cells.append(Cell(row, 0, line, ctx.styles.note))
            row += 2
        add_chart(sheet, funnel_chart(ctx, sheet, row=row, col=0))
        add_handoff(ctx, sheet)
    return sheet


def win_rate_line(ctx: Ctx) -> str | None:
    """One line: the win rate Targets and Pipeline use, and why it differs from the
    cohort conversion into customers shown above it."""
    frame = ctx.table("win_rate")
    if frame is None or frame.empty or not _number(frame["win_rate"].iloc[0]):
        return None
    row = frame.iloc[0]
    return ctx.t(f"title.win_rate_{row['basis']}", won=int(row["won"]),
                 decided=int(row["decided"]), rate=float(row["win_rate"]),
                 stage=ctx.t(f"value.{row['stage']}"), year=ctx.settings.fiscal_year or "")


def funnel_chart(ctx: Ctx, sheet: Sheet, *, row: int, col: int) -> Chart | None:
    block = sheet.block("funnel")
    if not block.has("stage"):
        return None
    cats = column_ref(sheet, block, "stage")
    series = [
        Series(header(k, ctx.lang), column_ref(sheet, block, k), cats, color=c)
        for k, c in (("count_period", "#1565C0"), ("count_cohort", "#90CAF9")) if block.has(k)
    ]
    return Chart("bar", ctx.t("title.chart_funnel"), series, row, col, reverse_categories=True,
                 y_format="#,##0")


def _monthly_sheet(ctx: Ctx) -> Sheet | None:
    sheet = table_sheet(ctx, "monthly")
    if sheet is not None:
        add_chart(sheet, monthly_chart(ctx, sheet, row=sheet.blocks[0].last_row + 2, col=0))
    return sheet


def monthly_chart(ctx: Ctx, sheet: Sheet, *, row: int, col: int) -> Chart | None:
    block = sheet.block("monthly")
    if not block.has("month"):
        return None
    cats = column_ref(sheet, block, "month")
    keys = [k for k in ("mql", "sql", "opp", "won") if k in [c.key for c in block.columns]]
    series = [Series(header(k, ctx.lang), column_ref(sheet, block, k), cats) for k in keys]
    return Chart("line", ctx.t("title.chart_monthly"), series, row, col, width=640)


def _pipeline_sheet(ctx: Ctx) -> Sheet | None:
    sheet = table_sheet(ctx, "pipeline", note=ctx.t("title.pipeline_note"))
    months = ctx.table("pipeline_months")
    if sheet is None or months is None:
        return sheet
    side = sheet.blocks[0].last_col + 2
    sheet.cells.append(Cell(TABLE_ROW - 1, side, ctx.t("title.pipeline_months"), ctx.styles.label))
    sheet.blocks.append(make_block(ctx, "pipeline_months", months, row=TABLE_ROW, col=side))
    finish(sheet)
    return sheet


def _sov_sheet(ctx: Ctx) -> Sheet | None:
    frame = ctx.table("share_of_voice")
    sheet = None if frame is None or frame.empty else table_sheet(ctx, "share_of_voice")
    return add_brands(ctx, sheet)


# --- dashboard -------------------------------------------------------------------------


def _kpis(ctx: Ctx) -> list[tuple[str, object, Style, str]]:
    """(label, value, style, subtitle) for each dashboard tile."""
    st = ctx.styles
    summary = ctx.table("roi_summary")
    item = {} if summary is None else dict(zip(summary["item"], summary["value"], strict=False))
    revenue = item.get("marketing_sourced_revenue", item.get("revenue"))
    matrix = ctx.table("roi_matrix")
    cac = _total(matrix, "cac")
    pipeline = _total(ctx.table("pipeline"), "expected_next_year")
    return [
        (ctx.t("title.kpi_revenue"), revenue, st.money, _revenue_subtitle(ctx, item)),
        (ctx.t("title.kpi_completion"), weighted_completion(ctx), st.percent,
         ctx.t("title.kpi_completion_sub", cap=ctx.settings.goal_cap)),
        (ctx.t("title.kpi_roi"), item.get("roi_fully_loaded"), st.percent,
         _with_last_year(ctx, "title.kpi_roi_sub", "roi")),
        (ctx.t("title.kpi_pipeline"), pipeline, st.money, ctx.t("title.kpi_pipeline_sub")),
        (header("cac", ctx.lang), cac, st.money,
         _with_last_year(ctx, "title.kpi_cac_sub", "cac")),
    ]


def _with_last_year(ctx: Ctx, key: str, metric: str) -> str:
    """A tile's subtitle, and the year before when there is one (``<key>_yoy``)."""
    values = last_year_text(ctx, metric)
    return ctx.t(key) if values is None else ctx.t(f"{key}_yoy", **values)


def _revenue_subtitle(ctx: Ctx, item: Mapping[str, object]) -> str:
    """Like for like: marketing-sourced revenue the year before, the change, and next
    year's marketing target (company target × new-customer × marketing share)."""
    sym = currency_symbol(ctx.settings.currency)

    def money(value: object) -> str:
        number = _number(value)
        return "—" if number is None else f"{sym}{number:,.0f}"
    now, before = _number(item.get("marketing_sourced_revenue")), _number(
        item.get("marketing_sourced_last_year"))
    change = f"{now / before - 1:+.0%}" if now is not None and before else "—"
    return ctx.t("title.kpi_next_target", last=money(before), change=change,
                 target=money(item.get("marketing_target")))


def _total(frame: pd.DataFrame | None, key: str) -> float | None:
    if frame is None or key not in frame or frame.empty:
        return None
    first = frame.columns[0]
    rows = frame[frame[first] == "total"]
    value = (rows if len(rows) else frame)[key]
    number = float(value.iloc[-1]) if len(rows) else float(pd.to_numeric(value).sum())
    return None if math.isnan(number) else number


def weighted_completion(ctx: Ctx) -> float | None:
    """Goal completion weighted by the Goals sheet's weights (plain mean without weights)."""
    goals = ctx.table("goal_review")
    if goals is None or goals.empty or "completion" not in goals:
        return None
    weights = None
    source = getattr(ctx.extra, "goals", None)
    if isinstance(source, pd.DataFrame) and "weight" in source and len(source) == len(goals):
        weights = pd.Series(source["weight"].to_numpy(), index=goals.index)
    return goal_score(goals["completion"], weights, ctx.settings.goal_cap)


def _dashboard(ctx: Ctx, built: dict[str, Sheet]) -> Sheet:
    sheet = ctx.sheet("dashboard")
    sheet.gridlines = False
    sheet.fit_height = 1
    year = ctx.settings.fiscal_year
    title = ctx.t("title.dashboard", year=year if year is not None else "")
    sheet.cells.append(Cell(0, 0, title, ctx.styles.title))
    head = Style(bold=True, font_color="#FFFFFF", bg_color="#2E7D32", align="center",
                 valign="vcenter", text_wrap=True, border=1)
    sub = Style(italic=True, font_size=8, font_color="#555555", align="center", border=1,
                text_wrap=True)
    for j, (name, value, style, subtitle) in enumerate(_kpis(ctx)):
        c = 2 * j
        sheet.merges.append(Merge(2, c, 2, c + 1, name, head))
        big = replace(style, bold=True, font_size=18, align="center", valign="vcenter",
                      border=1)
        sheet.merges.append(Merge(3, c, 4, c + 1, value, big))
        sheet.merges.append(Merge(5, c, 5, c + 1, subtitle, sub))
    sheet.heights[5] = 36.0  # three lines of 8 pt: subtitles that compare with the year before
    for c in range(10):
        sheet.widths[c] = 13.0  # 96 px: two columns per tile, five per chart
    makers = (("funnel", funnel_chart), ("roi_matrix", cost_revenue_chart),
              ("monthly", monthly_chart), ("targets", targets_chart))
    found = [make(ctx, built[key], row=0, col=0) for key, make in makers if key in built]
    charts = [chart for chart in found if chart is not None]
    for k, chart in enumerate(charts):
        chart.row, chart.col = 7 + 16 * (k // 2), 5 * (k % 2)
        chart.width, chart.height = 475, 300
    sheet.charts = charts
    return sheet


# --- entry points ----------------------------------------------------------------------


def generated_sheet_names() -> set[str]:
    """Names of every generated sheet in every language (removed before a rebuild)."""
    return {label(f"sheet.{key}", lang) for key in GENERATED for lang in LANGUAGES}


def build_sheets(
    tables: Mapping[str, pd.DataFrame],
    *,
    settings: Settings,
    extra: Any = None,
) -> list[Sheet]:
    """The generated sheets, in :data:`GENERATED` order, for ``settings.language``.

    Args:
        tables: the review and plan tables (DESIGN.md "Table contract"); absent tables
            simply leave their sheet out.
        settings: language, currency, fiscal year and the revenue target.
        extra: the :class:`~xlreview.inputs.Inputs` (message house, goal weights), or None.
    """
    ctx = Ctx(settings.language, styles_for(settings), settings, tables, extra)
    builders = {
        "roi_matrix": _roi_sheet,
        "year_over_year": year_over_year_sheet,
        "funnel": _funnel_sheet,
        "events": lambda c: table_sheet(c, "events"),
        "campaign_channels": campaign_channels_sheet,
        "monthly": _monthly_sheet,
        "sales_cycle": lambda c: table_sheet(c, "sales_cycle"),
        "pipeline": _pipeline_sheet,
        "goal_review": goal_review_sheet,
        "share_of_voice": _sov_sheet,
        "plan_vs_actual": plan_vs_actual_sheet,
        "targets": targets_sheet,
        "plan_quarterly": lambda c: phasing_sheet(c, "plan_quarterly", "quarter"),
        "plan_monthly": lambda c: phasing_sheet(c, "plan_monthly", "month"),
        "plan_weekly": lambda c: phasing_sheet(c, "plan_weekly", "week"),
        "budget": budget_sheet,
        "scenarios": scenarios_sheet,
        "workplan": workplan_sheet,
        "message_house": message_house_sheet,
        "actions": lambda c: table_sheet(c, "actions"),
        "team": lambda c: table_sheet(c, "team"),
        "okr_tree": okr_sheet,
        "lessons": lessons_sheet,
        "data_check": data_check_sheet,
        "how_to": how_to_sheet,
    }
    built: dict[str, Sheet] = {}
    for key, build in builders.items():
        sheet = build(ctx)
        if sheet is not None:
            built[key] = sheet
    if "budget" in built:
        add_categories(ctx, built["budget"])
    if "plan_quarterly" in built:
        add_quarter_themes(ctx, built["plan_quarterly"])
    # Sheets that refer to others' cells come last: they need those sheets' positions.
    for key, make in (("module_plan", module_plan_sheet), ("plan_on_page", plan_on_page_sheet)):
        if (sheet := make(ctx, built)) is not None:
            built[key] = sheet
    built["dashboard"] = _dashboard(ctx, built)
    for sheet in built.values():
        sheet.cells += [Cell(r, c, " ") for r, c in title_room(sheet)]
        sheet.font = east_asian_font(ctx.lang)
    return [built[key] for key in GENERATED if key in built]


def title_room(sheet: Sheet) -> list[tuple[int, int]]:
    """Cells just right of titles wider than the sheet's data, to hold a space.

    The printed range ends at the last used column (LibreOffice ignores blank cells), so a
    long title over a narrow table would be cut at the page edge.
    """
    used = max([b.last_col for b in sheet.blocks] + [c.col for c in sheet.cells]
               + [m.last_col for m in sheet.merges], default=0)
    out = []
    for cell in sheet.cells:
        size = cell.style.font_size if cell.style is not None else None
        if not size or size <= 11 or not isinstance(cell.value, str):
            continue
        need = display_width(cell.value) * size / 11 * (1.15 if cell.style.bold else 1.0)
        col, room = cell.col, 0.0
        while room < need:
            room += sheet.widths.get(col, 8.43)
            col += 1
        if col - 1 > used:
            out.append((cell.row, col))
    return out


__all__ = [
    "GENERATED",
    "GENERATED_TAB",
    "INPUT_FILL",
    "Block",
    "Cell",
    "Chart",
    "Column",
    "Conditional",
    "Formula",
    "Merge",
    "Ref",
    "Series",
    "Sheet",
    "Style",
    "a1",
    "build_sheets",
    "col_letter",
    "currency_symbol",
    "customers_formula",
    "display_width",
    "generated_sheet_names",
    "title_room",
    "weighted_completion",
]
