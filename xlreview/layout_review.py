"""The review sheets a director presents (issue 14): year over year, plan against actual,
campaigns across channels, every brand's share of voice, the hand-off to sales, the goal
review with owners, weights and completion by module, and the dashboard tiles' year before.

Pure like :mod:`xlreview.layout`: tables in, :class:`~xlreview.sheetmodel.Sheet` out.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from .labels import value_label
from .sheetmodel import (
    NOTE_ROW,
    TABLE_ROW,
    TITLE_ROW,
    Block,
    Cell,
    Chart,
    Conditional,
    Ctx,
    Ref,
    Series,
    Sheet,
    Style,
    a1,
    column_ref,
    currency_symbol,
    finish,
    format_literal,
    header,
    literal_width,
    make_block,
    table_sheet,
)
from .year_over_year import RATE_METRICS

CHANGE_FORMAT = "+0.0%;-0.0%;0.0%"
_PVA_CHART_METRICS: tuple[str, ...] = ("revenue", "leads")


def metric_style(ctx: Ctx, metric: str) -> Style:
    """The number format of a value of ``metric`` (money, counts, unit cost or a rate)."""
    st = ctx.styles
    if metric in ("cost", "revenue"):
        return st.money
    if metric in ("cpl", "cac"):
        return st.unit_money
    if metric in RATE_METRICS:
        return st.percent
    return st.integer


def _style_rows(block: Block, key: str, styles: list[Style]) -> None:
    """One style per row of column ``key``; Total rows stay bold with their top line."""
    column = block.column(key)
    for i, style in enumerate(styles):
        bold = column.cell_styles.get(i, column.style).bold
        column.cell_styles[i] = style.replaced(bold=bold, top=1 if bold else 0)


def _metric_names(ctx: Ctx, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its metric keys shown as the column headers of those metrics."""
    out = frame.copy()
    out["metric"] = [header(m, ctx.lang) for m in frame["metric"]]
    return out


def year_over_year_sheet(ctx: Ctx) -> Sheet | None:
    """``year_over_year``: channel, metric, last year, this year and the change."""
    frame = ctx.table("year_over_year")
    if frame is None or frame.empty:
        return None
    sheet = ctx.sheet("year_over_year")
    sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t("title.year_over_year"), ctx.styles.title))
    sheet.cells.append(Cell(NOTE_ROW, 0, ctx.t("title.yoy_note"), ctx.styles.note))
    block = make_block(ctx, "year_over_year", _metric_names(ctx, frame), row=TABLE_ROW)
    metrics = frame["metric"].tolist()
    styles = [metric_style(ctx, m) for m in metrics]
    _style_rows(block, "last_year", styles)
    _style_rows(block, "this_year", styles)
    # Rates change in percentage points, in the workbook's language (pp / 個百分點).
    points = ctx.styles.points.num_format
    _style_rows(block, "change", [Style(num_format=points if m in RATE_METRICS
                                        else CHANGE_FORMAT) for m in metrics])
    if any(m in RATE_METRICS for m in metrics):
        change = block.column("change")
        change.width = min(change.width + literal_width(points), 48.0)
    sheet.blocks.append(block)
    finish(sheet)
    _yoy_chart(ctx, sheet, frame, col=block.last_col + 2)
    return sheet


def _yoy_chart(ctx: Ctx, sheet: Sheet, frame: pd.DataFrame, *, col: int) -> None:
    """Revenue by channel, last year beside this year: a helper table and a column chart."""
    revenue = frame[(frame["metric"] == "revenue") & (frame["channel"] != "total")]
    if revenue.empty:
        return
    helper = make_block(ctx, "yoy_revenue", revenue[["channel", "last_year", "this_year"]],
                        row=TABLE_ROW, col=col)
    for key in ("last_year", "this_year"):
        helper.column(key).style = ctx.styles.money
    sheet.cells.append(Cell(TABLE_ROW - 1, col, ctx.t("title.chart_yoy_revenue"),
                            ctx.styles.label))
    sheet.blocks.append(helper)
    finish(sheet)
    cats = column_ref(sheet, helper, "channel")
    series = [Series(header(k, ctx.lang), column_ref(sheet, helper, k), cats, color=c)
              for k, c in (("last_year", "#90A4AE"), ("this_year", "#2E7D32"))]
    sheet.charts.append(Chart("column", ctx.t("title.chart_yoy_revenue"), series,
                              helper.last_row + 2, col, width=560,
                              y_format=ctx.styles.money.num_format))


def campaign_channels_sheet(ctx: Ctx) -> Sheet | None:
    """``campaign_channels``: each multi-channel campaign's chain per channel, and a
    stacked bar of each campaign's leads by channel."""
    frame = ctx.table("campaign_channels")
    if frame is None or frame.empty:
        return None
    sheet = table_sheet(ctx, "campaign_channels", note=ctx.t("title.campaign_channels_note"))
    if sheet is None:
        return None
    wide = frame.set_index(["campaign", "channel"])["leads"].unstack(fill_value=0)
    wide = wide[wide.sum().sort_values(ascending=False, kind="stable").index]
    wide.columns = [str(value_label(c, ctx.lang)) for c in wide.columns]
    row = sheet.blocks[0].last_row + 3
    sheet.cells.append(Cell(row - 1, 0, ctx.t("title.chart_campaign_channels"),
                            ctx.styles.label))
    helper = make_block(ctx, "campaign_channel_leads", wide.reset_index(), row=row)
    for column in helper.columns[1:]:
        column.style = ctx.styles.integer
    sheet.blocks.append(helper)
    finish(sheet)
    cats = column_ref(sheet, helper, "campaign")
    series = [Series(c.header, Ref(sheet.name, helper.row + 1, helper.col + j,
                                   helper.last_row, helper.col + j), cats)
              for j, c in enumerate(helper.columns) if j]
    sheet.charts.append(Chart("bar", ctx.t("title.chart_campaign_channels"), series,
                              helper.last_row + 2, 0, width=640, stacked=True,
                              reverse_categories=True, y_format="#,##0"))
    return sheet


def plan_vs_actual_sheet(ctx: Ctx) -> Sheet | None:
    """``plan_vs_actual`` with completion colours and a chart of plan vs actual by month."""
    frame = ctx.table("plan_vs_actual")
    if frame is None or frame.empty:
        return None
    sheet = ctx.sheet("plan_vs_actual")
    year = str(frame["period"].iloc[0])[:4]
    as_of = frame.attrs.get("as_of")
    note = (ctx.t("title.pva_note", year=year, as_of=f"{year}-{int(as_of):02d}") if as_of
            else ctx.t("title.pva_note_no_data", year=year))
    sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t("title.plan_vs_actual"), ctx.styles.title))
    sheet.cells.append(Cell(NOTE_ROW, 0, note, ctx.styles.note))
    shown = _metric_names(ctx, frame)
    shown["channel"] = frame["channel"].where(frame["channel"].notna(), "all")
    block = make_block(ctx, "plan_vs_actual", shown, row=TABLE_ROW)
    styles = [metric_style(ctx, m) for m in frame["metric"]]
    for key in ("plan", "actual", "variance", "forecast"):
        _style_rows(block, key, styles)
    sheet.blocks.append(block)
    _completion_colours(ctx, sheet, block, frame)
    finish(sheet)
    side = block.last_col + 2
    row = TABLE_ROW
    glance = ctx.table("pva_year")
    if glance is not None and not glance.empty:
        sheet.cells.append(Cell(row - 1, side, ctx.t("title.pva_year", year=year),
                                ctx.styles.label))
        summary = make_block(ctx, "pva_year", _metric_names(ctx, glance), row=row, col=side)
        for key in ("plan", "actual", "forecast"):
            _style_rows(summary, key, [metric_style(ctx, m) for m in glance["metric"]])
        summary.column("forecast_completion").style = ctx.styles.percent
        sheet.blocks.append(summary)
        finish(sheet)
        row = summary.last_row + 3
    for metric in _PVA_CHART_METRICS:
        months = frame[(frame["metric"] == metric) & frame["channel"].isna()
                       & frame["period"].str.fullmatch(r"\d{4}-\d{2}")]
        if months.empty:
            continue
        helper = make_block(ctx, f"pva_{metric}",
                            months[["period", "plan", "actual", "forecast"]], row=row, col=side)
        for key in ("plan", "actual", "forecast"):
            _style_rows(helper, key, [metric_style(ctx, metric)] * len(months))
        sheet.blocks.append(helper)
        finish(sheet)
        sheet.charts.append(_pva_chart(ctx, sheet, helper, metric, row=row,
                                       col=helper.last_col + 2))
        row = max(helper.last_row, row + 16) + 3
    return sheet


def _completion_colours(ctx: Ctx, sheet: Sheet, block: Block, frame: pd.DataFrame) -> None:
    """Completion green from 100%, amber from 80%, red below; cost rows are not coloured
    (spending more than planned is no achievement)."""
    col, metric_col = block.index("completion"), block.index("metric")
    first, last = block.row + 1, block.last_row
    cell = a1(first, col)
    cost = header("cost", ctx.lang).replace('"', '""')
    not_cost = f'{a1(first, metric_col)}<>"{cost}"'
    for rule, fill in ((f"{cell}>=1", "#C8E6C9"), (f"AND({cell}>=0.8,{cell}<1)", "#FFE0B2"),
                       (f"{cell}<0.8", "#FFCDD2")):
        sheet.conditionals.append(Conditional(
            first, col, last, col,
            {"type": "formula", "criteria": f"=AND(ISNUMBER({cell}),{not_cost},{rule})"},
            Style(bg_color=fill)))


def _pva_chart(ctx: Ctx, sheet: Sheet, helper: Block, metric: str, *, row: int, col: int
               ) -> Chart:
    cats = column_ref(sheet, helper, "period")
    series = [Series(header(k, ctx.lang), column_ref(sheet, helper, k), cats, color=c)
              for k, c in (("plan", "#90A4AE"), ("actual", "#1565C0"), ("forecast", "#FFB74D"))]
    return Chart("column", ctx.t("title.chart_pva", metric=header(metric, ctx.lang)), series,
                 row, col, width=560, height=300,
                 y_format=metric_style(ctx, metric).num_format)


def add_brands(ctx: Ctx, sheet: Sheet | None) -> Sheet | None:
    """The Share of voice sheet with every brand per platform and the monthly trend chart
    (a sheet of its own when the own brand is not set)."""
    brands, trend = ctx.table("sov_brands"), ctx.table("sov_trend")
    if brands is None or brands.empty:
        return sheet
    if sheet is None:
        sheet = ctx.sheet("share_of_voice")
        sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t("title.share_of_voice"), ctx.styles.title))
        row = TABLE_ROW
    else:
        row = max(b.last_row for b in sheet.blocks) + 3
    sheet.cells.append(Cell(row - 1, 0, ctx.t("title.sov_brands"), ctx.styles.label))
    block = make_block(ctx, "sov_brands", brands, row=row)
    block.column("rank_change").style = Style(num_format="+0;-0;0")
    sheet.blocks.append(block)
    finish(sheet)
    if trend is not None and len(trend.columns) > 1:
        # Below the brands (rows beside a table would take its header's height), the chart
        # to the right of the tables.
        row = block.last_row + 3
        sheet.cells.append(Cell(row - 1, 0, ctx.t("title.sov_trend"), ctx.styles.label))
        helper = make_block(ctx, "sov_trend", trend, row=row)
        for column in helper.columns[1:]:
            column.style = ctx.styles.percent
        sheet.blocks.append(helper)
        finish(sheet)
        cats = column_ref(sheet, helper, "month")
        series = [Series(c.header, Ref(sheet.name, helper.row + 1, helper.col + j,
                                       helper.last_row, helper.col + j), cats)
                  for j, c in enumerate(helper.columns) if j]
        side = max(b.last_col for b in sheet.blocks) + 2
        sheet.charts.append(Chart("line", ctx.t("title.chart_sov_trend"), series,
                                  TABLE_ROW, side, width=640, height=340, y_format="0%"))
    return sheet


def add_handoff(ctx: Ctx, sheet: Sheet | None) -> None:
    """The hand-off outcomes of the year's MQLs beside the Funnel table."""
    frame = ctx.table("handoff")
    if sheet is None or frame is None or frame.empty:
        return
    side = sheet.blocks[0].last_col + 2
    sheet.cells.append(Cell(TABLE_ROW - 1, side, ctx.t("title.handoff"), ctx.styles.label))
    block = make_block(ctx, "handoff", frame, row=TABLE_ROW, col=side)
    if block.has("to_sql"):
        block.column("to_sql").style = ctx.styles.percent
    sheet.blocks.append(block)
    finish(sheet)


# --- goal review as presented ----------------------------------------------------------

GOAL_ORDER: tuple[str, ...] = ("module", "layer", "goal", "owner", "weight", "target",
                               "actual", "completion", "status", "gap", "comment")
"""Columns as a director presents the goals: who owns each and how much it weighs first."""
_GOAL_MONEY = frozenset({"revenue", "cost", "cpl", "cac", "marketing_revenue",
                         "new_customer_revenue", "existing_customer_revenue"})
_GOAL_RATES = frozenset({"roi", "share_of_voice"})
_GOAL_COUNTS = frozenset({"leads", "mql", "sql", "opp", "won"})


def _goal_metrics(ctx: Ctx, n: int) -> list[str | None]:
    """Each goal's metric key (from the Goals sheet), None where it has none."""
    from .goals import normalise_metric

    goals = getattr(ctx.extra, "goals", None)
    if not isinstance(goals, pd.DataFrame) or "metric" not in goals or len(goals) != n:
        return [None] * n
    return [normalise_metric(m) for m in goals["metric"]]


def _goal_value_style(ctx: Ctx, metric: str | None) -> Style:
    if metric in _GOAL_MONEY:
        return ctx.styles.money
    if metric in _GOAL_RATES:
        return ctx.styles.percent
    if metric in _GOAL_COUNTS:
        return ctx.styles.integer
    return Style(num_format="#,##0.##;-#,##0.##;0")


def module_scores(goals: pd.DataFrame, cap: float) -> pd.DataFrame:
    """Completion by module: the goal score (each goal capped at ``cap``, weighted) of each
    module's goals, modules in the order they first appear."""
    from .goals import goal_score

    rows = []
    for module, part in goals.groupby("module", sort=False):
        weights = part.get("weight")
        rows.append((module, goal_score(part["completion"], weights, cap)))
    return pd.DataFrame(rows, columns=["module", "completion"]).astype({"completion": float})


def goal_review_sheet(ctx: Ctx) -> Sheet | None:
    """``goal_review`` with owner, weight and comment beside each goal, targets and actuals
    in their metric's format, completion lights, the weighted score and a chart of
    completion by module."""
    frame = ctx.table("goal_review")
    if frame is None:
        return None
    shown = frame[[k for k in GOAL_ORDER if k in frame] +
                  [k for k in frame.columns if k not in GOAL_ORDER]]
    if "weight" in shown and shown["weight"].isna().all():
        shown = shown.drop(columns="weight")
    sheet = ctx.sheet("goal_review")
    sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t("title.goal_review"), ctx.styles.title))
    sheet.cells.append(Cell(NOTE_ROW, 0, ctx.t("title.goal_note"), ctx.styles.note))
    block = make_block(ctx, "goal_review", shown, row=TABLE_ROW)
    sheet.blocks.append(block)
    metrics = _goal_metrics(ctx, len(frame))
    for key in ("target", "actual", "gap"):
        if block.has(key):
            _style_rows(block, key, [_goal_value_style(ctx, m) for m in metrics])
    if block.has("weight"):
        total = float(pd.to_numeric(frame["weight"], errors="coerce").sum())
        block.column("weight").style = (ctx.styles.percent if 0 < total <= 1.0001
                                        else _goal_value_style(ctx, None))
    if block.has("comment"):
        comment = block.column("comment")
        comment.style = replace(comment.style, text_wrap=True)
        comment.width = min(comment.width, 40.0)
    _traffic_lights(sheet, block)
    finish(sheet)
    if frame.empty:
        return sheet
    _score_line(ctx, sheet, block, frame)
    _module_chart(ctx, sheet, block, frame)
    return sheet


def _traffic_lights(sheet: Sheet, block: Block) -> None:
    col = block.index("completion")
    first, last = block.data_rows()
    cell = a1(first, col)
    for rule, fill in (
        (f"AND(ISNUMBER({cell}),{cell}>=1)", "#C8E6C9"),
        (f"AND(ISNUMBER({cell}),{cell}>=0.8,{cell}<1)", "#FFE0B2"),
        (f"AND(ISNUMBER({cell}),{cell}<0.8)", "#FFCDD2"),
    ):
        sheet.conditionals.append(
            Conditional(first, col, last, col, {"type": "formula", "criteria": "=" + rule},
                        Style(bg_color=fill)))


def _score_line(ctx: Ctx, sheet: Sheet, block: Block, frame: pd.DataFrame) -> None:
    from .goals import goal_score

    weights = frame.get("weight")
    score = goal_score(frame["completion"], weights, ctx.settings.goal_cap)
    if score is not None:
        sheet.cells.append(Cell(block.last_row + 2, 0, ctx.t(
            "title.goal_score_line", score=score, cap=ctx.settings.goal_cap), ctx.styles.label))


def _module_chart(ctx: Ctx, sheet: Sheet, block: Block, frame: pd.DataFrame) -> None:
    """Completion by module: a helper table below the goals and a bar chart beside it."""
    scores = module_scores(frame, ctx.settings.goal_cap)
    if scores["completion"].isna().all():
        return
    row = block.last_row + 5
    sheet.cells.append(Cell(row - 1, 0, ctx.t("title.goal_modules"), ctx.styles.label))
    helper = make_block(ctx, "goal_modules", scores, row=row)
    sheet.blocks.append(helper)
    finish(sheet)
    cats = column_ref(sheet, helper, "module")
    series = [Series(header("completion", ctx.lang), column_ref(sheet, helper, "completion"),
                     cats, color="#2E7D32", in_legend=False)]
    sheet.charts.append(Chart("bar", ctx.t("title.chart_goal_modules",
                                          cap=ctx.settings.goal_cap), series,
                              row - 1, helper.last_col + 2, width=520,
                              height=max(220, 60 + 40 * len(scores)),
                              reverse_categories=True, y_format="0%", value_min=0.0))


# --- dashboard tiles: the year before --------------------------------------------------


def last_year_text(ctx: Ctx, metric: str) -> dict[str, str] | None:
    """``this``, ``last`` and ``change`` of ``metric`` for all channels (the
    ``year_over_year`` Total row), formatted for a tile's subtitle; None without last year."""
    frame = ctx.table("year_over_year")
    if frame is None or frame.empty:
        return None
    rows = frame[(frame["channel"] == "total") & (frame["metric"] == metric)]
    if rows.empty or pd.isna(rows["last_year"].iloc[0]):
        return None
    row = rows.iloc[0]
    sym = currency_symbol(ctx.settings.currency)

    def shown(value: float) -> str:
        if pd.isna(value):
            return "—"
        return f"{value:.0%}" if metric in RATE_METRICS else f"{sym}{value:,.0f}"
    change = row["change"]
    if pd.isna(change):
        text = "—"
    else:
        unit = format_literal(ctx.styles.points.num_format)  # " pp", " 個百分點"
        text = f"{change:+.0f}{unit}" if metric in RATE_METRICS else f"{change:+.0%}"
        text = text.replace("-", "\u2212")  # a minus sign: no line break inside "−18%"
    return {"this": shown(row["this_year"]), "last": shown(row["last_year"]), "change": text}
