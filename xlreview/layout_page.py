"""The plan in words and on one page: Plan by module (with its budget check), the OKR tree,
the lessons of the year (Keep doing) and the printable Plan on a page (seed 002 figure 15).

Every number on the Plan on a page is a formula on the sheet it comes from (Targets,
Budget, Plan by module, Plan by quarter), so that it follows a what-if typed there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from .labels import value_label
from .sheetmodel import (
    Block,
    Cell,
    Conditional,
    Ctx,
    Formula,
    Merge,
    Sheet,
    Style,
    a1,
    cached,
    display_width,
    formula_cell,
    header,
    header_lines,
    make_block,
    table_sheet,
)

PAGE_COLUMNS = 28
"""The page's grid: 28 narrow columns (7 funnel tiles of 4, 4 quarter boxes of 7)."""
PAGE_WIDTH = 4.6
_WRAP = ("focus", "strategy", "risk", "response", "what_worked", "method", "evidence",
         "key_campaigns", "theme", "item")


def xref(sheet: Sheet, row: int, col: int) -> str:
    """An absolute reference to one cell of another sheet: ``'Budget'!$D$5``."""
    name = sheet.name.replace("'", "''")
    return f"'{name}'!{a1(row, col, absolute=True)}"


def xrange(sheet: Sheet, first: int, last: int, col: int) -> str:
    """An absolute column range of another sheet: ``'Budget'!$D$5:$D$16``."""
    name = sheet.name.replace("'", "''")
    return f"'{name}'!{a1(first, col, absolute=True)}:{a1(last, col, absolute=True)}"


def _plain(value: object) -> object:
    """A cell's value as Python computed it (a formula's cached result)."""
    return value.value if isinstance(value, Formula) else value


def _wrap_columns(sheet: Sheet, block: Block, width: float = 32.0) -> None:
    """Long text columns wrap at ``width`` characters; rows grow to fit them."""
    lines = [1] * block.n_rows
    for column in block.columns:
        column.style = replace(column.style, valign="top")
        if column.key not in _WRAP:
            continue
        column.width = min(column.width, width)
        column.style = replace(column.style, text_wrap=True, valign="top")
        for i, value in enumerate(column.values):
            if isinstance(value, str):
                lines[i] = max(lines[i], math.ceil(display_width(value) / (column.width - 1)))
        sheet.widths[block.index(column.key)] = column.width
    for i, n in enumerate(lines):
        if n > 1:
            sheet.heights[block.row + 1 + i] = 15.0 * n + 2


def is_rate(value: object) -> bool:
    """A target between 0 and 1 (not 0 or 1) is a rate typed as a percentage (25% = 0.25)."""
    return isinstance(value, int | float) and 0 < value < 1


def _rates_as_percent(ctx: Ctx, block: Block, keys: tuple[str, ...]) -> None:
    """Rows whose target is a rate show ``keys`` as percentages."""
    if not block.has("target"):
        return
    for i, value in enumerate(block.column("target").values):
        if is_rate(_plain(value)):
            for key in keys:
                if block.has(key):
                    column = block.column(key)
                    base = column.cell_styles.get(i, column.style)
                    column.cell_styles[i] = replace(base,
                                                    num_format=ctx.styles.percent.num_format)


# --- Budget lines -----------------------------------------------------------------------


def budget_line(ctx: Ctx, budget: Sheet, kind: str) -> Formula | None:
    """Planned cost of one budget type (``proven``, ``experiment``, ``reserve``,
    ``headcount``, or ``programme`` = all but headcount): SUMIFS on the Budget table."""
    table = ctx.table("budget")
    block = next((b for b in budget.blocks if b.name == "budget"), None)
    if table is None or block is None or not block.has("type", "planned_cost"):
        return None
    first, last = block.data_rows()
    types = xrange(budget, first, last, block.index("type"))
    cost = xrange(budget, first, last, block.index("planned_cost"))
    body = table[table["channel"] != "total"]
    planned = pd.to_numeric(body["planned_cost"], errors="coerce")
    if kind == "programme":
        shown = value_label("headcount", ctx.lang)
        value = float(planned[body["type"] != "headcount"].sum())
        return Formula(f'=SUMIFS({cost},{types},"<>{shown}")', value)
    shown = value_label(kind, ctx.lang)
    value = float(planned[body["type"] == kind].sum())
    return Formula(f'=SUMIFS({cost},{types},"{shown}")', value)


def add_categories(ctx: Ctx, sheet: Sheet) -> None:
    """The programme cost by category, below the Budget sheet's table and chart."""
    frame = ctx.table("budget_categories")
    if frame is None or frame.empty:
        return
    bottom = max([b.last_row for b in sheet.blocks]
                 + [c.row + c.height // 20 + 1 for c in sheet.charts])
    row = bottom + 3
    sheet.cells.append(Cell(row - 1, 0, ctx.t("title.budget_categories"), ctx.styles.label))
    block = make_block(ctx, "budget_categories", frame, row=row)
    sheet.blocks.append(block)
    for column in block.columns:  # never narrow the budget table's columns
        col = block.index(column.key)
        sheet.widths[col] = max(sheet.widths.get(col, 0.0), column.width)
    lines = max(header_lines(c.header, sheet.widths[block.col + j])
                for j, c in enumerate(block.columns))
    sheet.heights[block.row] = max(sheet.heights.get(block.row, 15.0), 15.0 * lines)


def add_quarter_themes(ctx: Ctx, sheet: Sheet) -> None:
    """Each quarter's theme and key campaigns, beside the Plan by quarter table's rows."""
    themes = ctx.table("quarter_themes")
    if themes is None or themes.empty or not sheet.blocks:
        return
    block = sheet.blocks[0]
    if not block.has("quarter"):
        return
    given = themes.set_index("quarter")
    quarters = [str(q) for q in block.column("quarter").values]
    frame = pd.DataFrame({
        "quarter": quarters,
        "theme": [given["theme"].get(q) for q in quarters],
        "key_campaigns": [given["key_campaigns"].get(q) for q in quarters],
    })
    side = make_block(ctx, "quarter_themes", frame, row=block.row, col=block.last_col + 2)
    sheet.blocks.append(side)
    _wrap_columns(sheet, side, 36.0)
    for column in side.columns:
        col = side.index(column.key)
        sheet.widths[col] = max(sheet.widths.get(col, 0.0), column.width)


# --- Plan by module ---------------------------------------------------------------------


def module_plan_sheet(ctx: Ctx, built: Mapping[str, Sheet]) -> Sheet | None:
    """Modules with their focus, strategy, KPI, risk and response; below, the module budgets
    against the Budget sheet's programme budget, and each module's share of it."""
    frame = ctx.table("module_plan")
    if frame is None or frame.empty:
        return None
    sheet = table_sheet(ctx, "module_plan", note=ctx.t("title.module_plan_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    _wrap_columns(sheet, block)
    _rates_as_percent(ctx, block, ("target",))
    first, last = block.data_rows()
    row = last + 2
    budget = built.get("budget")
    programme = budget_line(ctx, budget, "programme") if budget is not None else None
    if not block.has("budget"):
        return sheet
    col = block.index("budget")
    modules = pd.to_numeric(frame["budget"], errors="coerce").sum()
    lines = [
        ("title.module_budget_total", Formula(f"=SUM({a1(first, col)}:{a1(last, col)})",
                                              float(modules))),
        ("title.programme_total", programme),
    ]
    if programme is not None:
        total_cell, programme_cell = a1(row, col), a1(row + 1, col)
        lines.append(("title.module_budget_gap",
                      Formula(f"={programme_cell}-{total_cell}",
                              float(_plain(programme) or 0.0) - float(modules))))
        if block.has("budget_share"):
            for i in range(block.n_rows):
                formula_cell(block, "budget_share", i,
                             f'=IF(N({a1(row + 1, col, absolute=True)})>0,'
                             f'{a1(first + i, col)}/{a1(row + 1, col, absolute=True)},"")')
    money = replace(ctx.styles.money, bold=True)
    for k, (key, value) in enumerate(lines):
        if value is None:
            continue
        sheet.merges.append(Merge(row + k, block.col, row + k, col - 1, ctx.t(key),
                                  replace(ctx.styles.label, align="right")))
        sheet.cells.append(Cell(row + k, col, value, money))
    gap = a1(row + 2, col)
    sheet.conditionals.append(Conditional(row + 2, col, row + 2, col, {
        "type": "formula", "criteria": f"=AND(ISNUMBER({gap}),{gap}<0)"},
        Style(bg_color="#FFCDD2")))
    return sheet


# --- OKR tree and lessons ---------------------------------------------------------------


def _completion_colours(sheet: Sheet, block: Block) -> None:
    if not block.has("completion"):
        return
    col = block.index("completion")
    first, last = block.data_rows()
    cell = a1(first, col)
    for rule, fill in ((f"AND(ISNUMBER({cell}),{cell}>=1)", "#C8E6C9"),
                       (f"AND(ISNUMBER({cell}),{cell}>=0.8,{cell}<1)", "#FFE0B2"),
                       (f"AND(ISNUMBER({cell}),{cell}<0.8)", "#FFCDD2")):
        sheet.conditionals.append(Conditional(first, col, last, col,
                                              {"type": "formula", "criteria": "=" + rule},
                                              Style(bg_color=fill)))


def okr_sheet(ctx: Ctx) -> Sheet | None:
    """Objectives and key results as an indented tree; objectives in bold."""
    frame = ctx.table("okr_tree")
    if frame is None or frame.empty:
        return None
    sheet = table_sheet(ctx, "okr_tree", note=ctx.t("title.okr_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    for i, kind in enumerate(frame["kind"]):
        if kind == "objective":
            for column in block.columns:
                column.cell_styles[i] = replace(column.style, bold=True)
    if block.has("item"):
        column = block.column("item")
        column.width = min(max(column.width, 30.0), 60.0)
        sheet.widths[block.index("item")] = column.width
    for key in ("target", "actual"):
        if block.has(key):
            block.column(key).style = ctx.styles.number
    _rates_as_percent(ctx, block, ("target", "actual"))
    if block.has("level"):
        level = block.column("level")
        level.style = replace(level.style, align="center")
        level.cell_styles = {i: replace(s, align="center") for i, s in level.cell_styles.items()}
    _completion_colours(sheet, block)
    return sheet


def lessons_sheet(ctx: Ctx) -> Sheet | None:
    """What worked per module, the reusable method, the evidence and the module's goal
    completion: the review's last word, "what we keep doing"."""
    frame = ctx.table("lessons")
    if frame is None or frame.empty:
        return None
    sheet = table_sheet(ctx, "lessons", note=ctx.t("title.lessons_note"))
    if sheet is None:
        return None
    block = sheet.blocks[0]
    _wrap_columns(sheet, block, 40.0)
    if block.has("module_completion"):
        column = block.column("module_completion")
        column.style = replace(ctx.styles.percent, valign="top")
        column.cell_styles.clear()
    return sheet


# --- Plan on a page ---------------------------------------------------------------------


_BAND = Style(bold=True, font_color="#FFFFFF", bg_color="#1B5E20", valign="vcenter")
_HEAD = Style(bold=True, font_color="#FFFFFF", bg_color="#2E7D32", align="center",
              valign="vcenter", text_wrap=True, border=1)
_BOX = Style(border=1, text_wrap=True, valign="vcenter")
_BOLD_BOX = Style(border=1, text_wrap=True, valign="vcenter", bold=True)


def _find_value(sheet: Sheet, text: str) -> tuple[int, int] | None:
    """The cell right of the label ``text`` (the Targets sheet's inputs and results)."""
    for cell in sheet.cells:
        if cell.col == 0 and cell.value == text:
            return cell.row, 1
    return None


def _cell_value(sheet: Sheet, row: int, col: int) -> object:
    for cell in sheet.cells:
        if (cell.row, cell.col) == (row, col):
            return _plain(cell.value)
    return None


def _block_cell(block: Block, i: int, key: str) -> tuple[int, int, object]:
    """Row, column and computed value of table row ``i``, column ``key``."""
    return block.row + 1 + i, block.index(key), _plain(block.column(key).values[i])


def _funnel_tiles(ctx: Ctx, built: Mapping[str, Sheet]) -> list[tuple[str, object, Style]]:
    """Company target → marketing target → customers … leads, each a formula on Targets."""
    targets = built.get("targets")
    if targets is None:
        return []
    tiles: list[tuple[str, object, Style]] = []
    money, count = ctx.styles.money, ctx.styles.integer
    for key in ("title.company_target", "title.marketing_target"):
        at = _find_value(targets, ctx.t(key))
        if at is not None:
            value = Formula(f"={xref(targets, *at)}", cached(_cell_value(targets, *at)))
            tiles.append((ctx.t(key), value, money))
    block = next((b for b in targets.blocks if b.name == "targets"), None)
    if block is None or not block.has_total:
        return tiles
    total = block.n_rows - 1
    leads = "plan_leads" if block.has("plan_leads") else "leads"
    for key, shown in (("customers", "customers"), ("opp", "opp"), ("sql", "sql"),
                       ("mql", "mql"), (leads, "leads")):
        if block.has(key):
            row, col, value = _block_cell(block, total, key)
            tiles.append((header(shown, ctx.lang),
                          Formula(f"={xref(targets, row, col)}", cached(value)), count))
    return tiles


def _house(ctx: Ctx) -> tuple[str, list[tuple[str, list[str]]], str]:
    from .layout_plan import _house_parts

    frame = getattr(ctx.extra, "message_house", None)
    if not isinstance(frame, pd.DataFrame) or frame.empty or "part" not in frame:
        return "", [], ""
    parts = _house_parts(frame)
    return " / ".join(parts["roof"]), parts["pillars"], " / ".join(parts["foundation"])


def _spans(total: int, parts: int, start: int) -> list[tuple[int, int]]:
    """``parts`` adjacent column spans covering ``total`` columns from ``start``."""
    edges = [start + round(total * k / parts) for k in range(parts + 1)]
    return [(edges[k], edges[k + 1] - 1) for k in range(parts)]


class _Page:
    """The Plan on a page being laid out, row by row."""

    def __init__(self, ctx: Ctx, sheet: Sheet) -> None:
        self.ctx, self.sheet, self.row = ctx, sheet, 0

    def merge(self, row: int, first: int, last: int, value: object, style: Style, *,
              rows: int = 1) -> None:
        self.sheet.merges.append(Merge(row, first, row + rows - 1, last, value, style))

    def band(self, key: str, first: int = 0, last: int = PAGE_COLUMNS - 1,
             row: int | None = None) -> None:
        self.merge(self.row if row is None else row, first, last, self.ctx.t(key), _BAND)

    def height(self, row: int, points: float) -> None:
        self.sheet.heights[row] = max(self.sheet.heights.get(row, 0.0), points)


def _text_lines(text: str, columns: int) -> int:
    """Lines ``text`` takes in ``columns`` page columns (proportional fonts fit ~1.2
    characters per width unit)."""
    return max(1, math.ceil(display_width(text) / max(columns * PAGE_WIDTH * 1.2 - 1, 1)))


def _funnel_section(page: _Page, tiles: list[tuple[str, object, Style]]) -> None:
    if not tiles:
        return
    page.band("title.page_funnel")
    row = page.row + 1
    for (first, last), (name, value, style) in zip(_spans(PAGE_COLUMNS, len(tiles), 0), tiles,
                                                   strict=False):
        page.merge(row, first, last, name, _HEAD)
        big = replace(style, bold=True, font_size=15, align="center", valign="vcenter", border=1)
        page.merge(row + 1, first, last, value, big, rows=2)
    page.height(row, 30.0)
    page.row = row + 4


def _budget_section(page: _Page, ctx: Ctx, built: Mapping[str, Sheet]) -> int:
    """Budget split (left half); returns the row after it."""
    budget = built.get("budget")
    if budget is None:
        return page.row
    page.band("title.page_budget", 0, 12)
    lines = [(value_label(k, ctx.lang), budget_line(ctx, budget, k))
             for k in ("headcount", "proven", "experiment", "reserve")]
    row = page.row + 1
    first = row
    for name, value in lines:
        page.merge(row, 0, 5, name, _BOLD_BOX)
        page.merge(row, 6, 9, value, replace(ctx.styles.money, border=1, valign="vcenter"))
        row += 1
    last = row - 1
    values = [float(_plain(v) or 0.0) for _, v in lines]
    total = sum(values)
    page.merge(row, 0, 5, ctx.t("value.total"), replace(_BOLD_BOX, top=2))
    page.merge(row, 6, 9, Formula(f"=SUM({a1(first, 6)}:{a1(last, 6)})", total),
               replace(ctx.styles.money, bold=True, border=1, top=2))
    whole = a1(row, 6, absolute=True)
    for r, value in zip(range(first, row + 1), [*values, total], strict=True):
        share = Formula(f'=IF(N({whole})>0,{a1(r, 6)}/{whole},"")',
                        value / total if total else "")
        page.merge(r, 10, 12, share, replace(ctx.styles.percent, border=1, valign="vcenter"))
    return row + 1


def _house_section(page: _Page, ctx: Ctx) -> int:
    """Message house (right half): roof, pillars with their proof points, foundation."""
    roof, pillars, foundation = _house(ctx)
    if not roof and not pillars:
        return page.row
    first_col, last_col = 14, PAGE_COLUMNS - 1
    page.band("title.page_house", first_col, last_col)
    row = page.row + 1
    roof_style = Style(bold=True, font_size=13, bg_color="#1B5E20", font_color="#FFFFFF",
                       align="center", valign="vcenter", text_wrap=True, border=1)
    page.merge(row, first_col, last_col, roof, roof_style)
    page.height(row, 24.0)
    pillar = Style(bold=True, bg_color="#C8E6C9", align="center", valign="vcenter",
                   text_wrap=True, border=1)
    proof = Style(border=1, text_wrap=True, align="center", valign="top", font_size=9)
    spans = _spans(last_col - first_col + 1, max(len(pillars), 1), first_col)
    depth = 1
    for (a, b), (name, proofs) in zip(spans, pillars, strict=False):
        page.merge(row + 1, a, b, name, pillar)
        text = "\n".join(proofs)
        page.merge(row + 2, a, b, text, proof, rows=2)
        depth = max(depth, sum(_text_lines(p, b - a + 1) for p in proofs))
    page.height(row + 1, 30.0)
    page.height(row + 2, max(15.0, 6.0 * depth + 4))
    page.height(row + 3, max(15.0, 6.0 * depth + 4))
    base = Style(bold=True, bg_color="#A5D6A7", align="center", valign="vcenter",
                 text_wrap=True, border=1)
    page.merge(row + 4, first_col, last_col, foundation, base)
    return row + 5


def _modules_section(page: _Page, ctx: Ctx, built: Mapping[str, Sheet]) -> None:
    sheet = built.get("module_plan")
    frame = ctx.table("module_plan")
    if sheet is None or frame is None or frame.empty:
        return
    block = sheet.blocks[0]
    page.band("title.page_modules")
    row = page.row + 1
    spans = {"module": (0, 3), "focus": (4, 11), "kpi": (12, 17), "target": (18, 20),
             "budget": (21, 24), "owner": (25, 27)}
    for key, (a, b) in spans.items():
        page.merge(row, a, b, header(key, ctx.lang), _HEAD)
    page.height(row, 30.0)
    for i in range(min(block.n_rows, 8)):
        r = row + 1 + i
        lines = 1
        for key, (a, b) in spans.items():
            if not block.has(key):
                continue
            at_row, at_col, value = _block_cell(block, i, key)
            if key in ("target", "budget"):
                style = ctx.styles.money if key == "budget" else (
                    ctx.styles.percent if is_rate(value) else ctx.styles.number)
                shown: object = Formula(f'=IF({xref(sheet, at_row, at_col)}="","",'
                                        f"{xref(sheet, at_row, at_col)})", cached(value))
                page.merge(r, a, b, shown, replace(style, border=1, valign="vcenter"))
            else:
                text = "" if value is None else str(value)
                page.merge(r, a, b, text, _BOLD_BOX if key == "module" else _BOX)
                lines = max(lines, _text_lines(text, b - a + 1))
        page.height(r, 15.0 * lines + 2)
    page.row = row + 1 + min(block.n_rows, 8) + 1


def _quarter_cells(ctx: Ctx, built: Mapping[str, Sheet]) -> dict[str, dict[str, object]]:
    """``Q1`` → {leads, revenue}: formulas on the Plan by quarter sheet."""
    sheet = built.get("plan_quarterly")
    if sheet is None:
        return {}
    block = sheet.blocks[0]
    if not block.has("quarter"):
        return {}
    out: dict[str, dict[str, object]] = {}
    for i, quarter in enumerate(block.column("quarter").values):
        cells: dict[str, object] = {}
        for key in ("leads", "revenue"):
            if block.has(key):
                row, col, value = _block_cell(block, i, key)
                cells[key] = Formula(f"={xref(sheet, row, col)}", cached(value))
        out[str(quarter)] = cells
    return out


def _quarters_section(page: _Page, ctx: Ctx, built: Mapping[str, Sheet]) -> None:
    themes = ctx.table("quarter_themes")
    numbers = _quarter_cells(ctx, built)
    if (themes is None or themes.empty) and not numbers:
        return
    page.band("title.page_quarters")
    row = page.row + 1
    by_quarter = {} if themes is None else {
        q: (t, c) for q, t, c in themes[["quarter", "theme", "key_campaigns"]].itertuples(
            index=False)}
    theme_lines = campaign_lines = 1
    for k, (a, b) in enumerate(_spans(PAGE_COLUMNS, 4, 0)):
        quarter = f"Q{k + 1}"
        theme, campaigns = by_quarter.get(quarter, (None, None))
        theme_text = quarter + ("" if not isinstance(theme, str) else f" · {theme}")
        page.merge(row, a, b, theme_text, _HEAD)
        camp = campaigns if isinstance(campaigns, str) else ""
        page.merge(row + 1, a, b, camp, replace(_BOX, align="center"))
        theme_lines = max(theme_lines, _text_lines(theme_text, b - a + 1))
        campaign_lines = max(campaign_lines, _text_lines(camp, b - a + 1))
        cells = numbers.get(quarter, {})
        for j, (key, style) in enumerate((("leads", ctx.styles.integer),
                                          ("revenue", ctx.styles.money))):
            page.merge(row + 2 + j, a, a + 2, header(key, ctx.lang), _BOLD_BOX)
            page.merge(row + 2 + j, a + 3, b, cells.get(key),
                       replace(style, border=1, align="right"))
    page.height(row, 15.0 * theme_lines + 4)
    page.height(row + 1, 15.0 * campaign_lines + 2)
    page.row = row + 5


def _risks_section(page: _Page, ctx: Ctx) -> None:
    """The modules' risks with their responses, largest budget first (at most four)."""
    frame = ctx.table("module_plan")
    if frame is None or frame.empty or "risk" not in frame:
        return
    risky = frame[frame["risk"].notna() & (frame["risk"].astype(str).str.strip() != "")]
    if risky.empty:
        return
    budget = pd.to_numeric(risky["budget"], errors="coerce").fillna(0.0)
    risky = risky.assign(_order=-budget).sort_values("_order", kind="stable").head(4)
    page.band("title.page_risks")
    row = page.row + 1
    spans = {"module": (0, 3), "risk": (4, 15), "response": (16, 27)}
    for key, (a, b) in spans.items():
        page.merge(row, a, b, header(key, ctx.lang), _HEAD)
    for i, rec in enumerate(risky.to_dict("records")):
        r = row + 1 + i
        lines = 1
        for key, (a, b) in spans.items():
            value = rec.get(key)
            text = "" if value is None or (isinstance(value, float) and math.isnan(value)) \
                else str(value)
            page.merge(r, a, b, text, _BOLD_BOX if key == "module" else _BOX)
            lines = max(lines, _text_lines(text, b - a + 1))
        page.height(r, 15.0 * lines + 2)
    page.row = row + 1 + len(risky) + 1


def plan_on_page_sheet(ctx: Ctx, built: Mapping[str, Sheet]) -> Sheet | None:
    """One printable landscape page: the target chain, the budget split, the message house,
    each module's focus and KPI, the four quarter themes and the top risks."""
    if "targets" not in built and ctx.table("module_plan") is None:
        return None
    sheet = ctx.sheet("plan_on_page")
    sheet.gridlines = False
    sheet.fit_height = 1
    sheet.landscape = True
    sheet.widths = {c: PAGE_WIDTH for c in range(PAGE_COLUMNS)}
    year = ctx.settings.plan_year
    page = _Page(ctx, sheet)
    title = replace(ctx.styles.title, font_size=18, valign="vcenter")
    text = ctx.t("title.plan_on_page", year=year if year is not None else "")
    sheet.cells.append(Cell(0, 0, text, title))
    sheet.heights[0] = 30.0
    sheet.cells.append(Cell(1, 0, ctx.t("title.plan_on_page_note"), ctx.styles.note))
    page.row = 3
    _funnel_section(page, _funnel_tiles(ctx, built))
    top = page.row
    after_budget = _budget_section(page, ctx, built)
    page.row = top
    after_house = _house_section(page, ctx)
    page.row = max(after_budget, after_house) + 1
    _modules_section(page, ctx, built)
    _quarters_section(page, ctx, built)
    _risks_section(page, ctx)
    return sheet


__all__ = [
    "PAGE_COLUMNS",
    "add_categories",
    "add_quarter_themes",
    "budget_line",
    "is_rate",
    "lessons_sheet",
    "module_plan_sheet",
    "okr_sheet",
    "plan_on_page_sheet",
    "xrange",
    "xref",
]
