"""The sheet model of the generated sheets, and the bricks that build it from tables.

:mod:`xlreview.layout` and :mod:`xlreview.layout_plan` assemble sheets from these parts;
``io/writer.py`` writes them with xlsxwriter. Pure: no Excel library is imported here.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from .cells import column_letter as col_letter
from .labels import has_label, label, value_label
from .settings import Settings

GENERATED_TAB = "#2E7D32"
INPUT_FILL = "#FFF2CC"
_CURRENCY = {"CNY": "¥", "RMB": "¥", "JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}
TITLE_ROW, NOTE_ROW, TABLE_ROW = 0, 1, 3


# --- the model -----------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """Cell formatting, hashable so that the writer can share one format per style."""

    num_format: str | None = None
    bold: bool = False
    italic: bool = False
    font_size: float | None = None
    font_color: str | None = None
    bg_color: str | None = None
    border: int = 0
    top: int = 0
    align: str | None = None
    valign: str | None = None
    text_wrap: bool = False
    rotation: int = 0
    indent: int = 0

    def replaced(self, **changes: Any) -> Style:
        """``dataclasses.replace(self, **changes)``, made once per distinct style and
        changes: the layout asks for the same few dozen styles over a thousand times."""
        return _replaced(self, tuple(changes.items()))

    def as_dict(self) -> dict[str, Any]:
        """Non-default properties, named as xlsxwriter's ``add_format`` names them."""
        out: dict[str, Any] = {}
        for key, value in self.__dict__.items():
            if value not in (None, False, 0):
                out[key] = value
        return out


@functools.lru_cache(maxsize=4096)
def _replaced(style: Style, changes: tuple[tuple[str, Any], ...]) -> Style:
    return replace(style, **dict(changes))


@dataclass(frozen=True)
class Formula:
    """A native formula (``=...``) and the value Python computed for it (cached result)."""

    text: str
    value: object = ""


@dataclass
class Column:
    """One column of a table block: header text, cell values, style."""

    key: str
    header: str
    values: list[object]
    style: Style
    width: float = 10.0
    cell_styles: dict[int, Style] = field(default_factory=dict)


@dataclass
class Block:
    """An Excel Table named ``name`` whose header row sits at (``row``, ``col``)."""

    name: str
    row: int
    col: int
    columns: list[Column]
    has_total: bool = False

    @property
    def n_rows(self) -> int:
        return len(self.columns[0].values) if self.columns else 0

    @property
    def last_row(self) -> int:
        """Last row of the table (an empty table keeps one blank data row)."""
        return self.row + max(self.n_rows, 1)

    @property
    def last_col(self) -> int:
        return self.col + len(self.columns) - 1

    def index(self, key: str) -> int:
        """Absolute column number of column ``key``."""
        return self.col + [c.key for c in self.columns].index(key)

    def column(self, key: str) -> Column:
        return self.columns[self.index(key) - self.col]

    def has(self, *keys: str) -> bool:
        return set(keys) <= {c.key for c in self.columns}

    def data_rows(self) -> tuple[int, int]:
        """First and last data row, without a total row (last < first: no data rows, only
        the total, whose values a chart must not plot as a category)."""
        last = self.last_row - (1 if self.has_total and self.n_rows else 0)
        return self.row + 1, last


@dataclass
class Cell:
    row: int
    col: int
    value: object
    style: Style | None = None


@dataclass
class Merge:
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    value: object
    style: Style


@dataclass(frozen=True)
class Ref:
    """A cell range on a sheet, for chart series."""

    sheet: str
    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass
class Series:
    """One chart series; for a bubble chart ``categories`` are the x values."""

    name: str
    values: Ref
    categories: Ref | None = None
    color: str | None = None
    marker_size: int | None = None
    line: bool = True
    dash: bool = False
    in_legend: bool = True
    sizes: Ref | None = None  # bubble sizes (bubble chart only)
    label_side: str | None = None  # the series name as data label: right, left, above, below


@dataclass
class Chart:
    """A native chart anchored at (``row``, ``col``)."""

    kind: str  # column, bar, line, scatter, bubble
    title: str
    series: list[Series]
    row: int
    col: int
    width: int = 520
    height: int = 300
    x_title: str | None = None
    y_title: str | None = None
    y_format: str | None = None
    stacked: bool = False
    reverse_categories: bool = False
    x_format: str | None = None
    x_cross: float | None = None  # the vertical axis crosses the x axis at this value
    y_cross: float | None = None  # the horizontal axis crosses the y axis at this value
    value_min: float | None = None  # the value axis starts here (default: Excel chooses)
    legend: str = "bottom"  # the legend's position: bottom or right


@dataclass
class Validation:
    """A dropdown on an input range: the cell takes one of ``values``."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int
    values: list[str]


@dataclass
class Conditional:
    """A conditional format; ``options`` as xlsxwriter names them, ``style`` the format."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int
    options: dict[str, Any]
    style: Style | None = None


DEFAULT_WIDTH = 8.43
"""Excel's default column width, in characters."""
A4_READABLE_WIDTH = 200.0
"""Character columns that fit A4 landscape at a readable scale (about 75 %); wider sheets
print on A3."""


@dataclass
class Sheet:
    """One generated sheet."""

    key: str
    name: str
    cells: list[Cell] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    conditionals: list[Conditional] = field(default_factory=list)
    validations: list[Validation] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)
    """Hidden columns (helper values the next rebuild reads back)."""
    heights: dict[int, float] = field(default_factory=dict)
    freeze: tuple[int, int] | None = None
    print_rows: tuple[int, int] | None = None
    landscape: bool = True
    fit_height: int = 0
    """Pages tall when printed (0: as many as needed); always one page wide."""
    gridlines: bool = True
    tab_color: str = GENERATED_TAB
    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Positions of helper ranges (e.g. the quadrant chart's data), by name."""
    font: str | None = None
    """The font every cell and chart text names (:func:`east_asian_font`), or None for the
    workbook's default."""

    def block(self, name: str) -> Block:
        return next(b for b in self.blocks if b.name == name)

    def print_width(self) -> float:
        """Width of the used columns, in Excel's character units (8.43 a default column);
        charts count by their right edge (64 pixels a default column)."""
        last = max([b.last_col for b in self.blocks] + [c.col for c in self.cells]
                   + [m.last_col for m in self.merges]
                   + [c.col + c.width // 64 for c in self.charts] + [0])
        return sum(self.widths.get(col, DEFAULT_WIDTH) for col in range(last + 1))

    def paper(self) -> str:
        """``A4``, or ``A3`` for a sheet too wide to read on A4 fit to width (Targets, the
        52-week Gantt): every sheet prints one page wide, landscape unless told."""
        return "A3" if self.print_width() > A4_READABLE_WIDTH else "A4"


# --- styles and formats --------------------------------------------------------------


EAST_ASIAN_FONTS: dict[str, str] = {"zh-CN": "Microsoft YaHei", "zh-TW": "Microsoft JhengHei"}
"""The font of Chinese sheets: 微软雅黑 / 微軟正黑體, present with Windows and Office. Named
in the cells' styles so that Excel and LibreOffice do not fall back to a Japanese glyph set
(the default theme lists its Japanese font first)."""


def east_asian_font(lang: str) -> str | None:
    """The font generated sheets in ``lang`` name, or None (the workbook's default)."""
    return EAST_ASIAN_FONTS.get(lang)


def currency_symbol(code: str) -> str:
    """``CNY`` → ``¥``, ``USD`` → ``$``, ``EUR`` → ``€``; other codes stay as they are."""
    return _CURRENCY.get(code.strip().upper(), code.strip())


@dataclass(frozen=True)
class _Styles:
    money: Style
    unit_money: Style
    percent: Style
    integer: Style
    number: Style
    days: Style
    ratio: Style
    date: Style
    month: Style
    text: Style
    points: Style = Style(num_format='+0.0" pp";-0.0" pp";0.0" pp"')
    """A change of a share in percentage points (the values ×100: 0.092 shows +9.2 pp)."""
    title: Style = Style(bold=True, font_size=16, font_color="#1B5E20")
    note: Style = Style(italic=True, font_color="#555555")
    label: Style = Style(bold=True)


def styles_for(settings: Settings) -> _Styles:
    sym = currency_symbol(settings.currency).replace('"', "")
    return _Styles(
        money=Style(num_format=f'"{sym}"#,##0'),
        unit_money=Style(num_format=f'"{sym}"#,##0.00'),
        percent=Style(num_format="0.0%"),
        integer=Style(num_format="#,##0"),
        number=Style(num_format="#,##0.##;-#,##0.##;0"),
        days=Style(num_format="0.0"),
        ratio=Style(num_format="0.00"),
        date=Style(num_format="yyyy-mm-dd"),
        month=Style(num_format="yyyy-mm"),
        text=Style(),
        points=Style(num_format=label("format.points", settings.language)),
    )


_KIND_KEYS: dict[str, str] = {
    "money": "cac cost revenue avg_deal implied_cost last_year_cost planned_cost change "
    "expected_revenue min max budget pipeline_value expected_value expected_next_year value "
    "pipeline_carried lifetime_cost lifetime_revenue",
    "unit_money": "cpl cost_per_mql cost_per_sql cost_per_opp",
    "percent": "conversion share share_override lead_to_mql mql_to_sql sql_to_opp opp_to_won "
    "roi completion win_rate share_last_year lifetime_roi conversion_last_year",
    "integer": "visits leads mql sql opp won customers count_period count_cohort deals "
    "open_opps bottom_up_leads expected_leads mentions rank rank_last_year row headcount "
    "impressions needed_before_year lifetime_leads rank_change",
    "days": "median_days p80_days",
    "ratio": "roas marginal_roi",
    "date": "start end due week_start",
    "month": "month",
}
_KINDS: dict[str, str] = {
    key: kind for kind, keys in _KIND_KEYS.items() for key in keys.split()
}
# Per-table exceptions to the column kinds above.
_TABLE_KINDS: dict[tuple[str, str], str] = {
    ("goal_review", "target"): "number",
    ("goal_review", "actual"): "number",
    ("goal_review", "gap"): "number",
    ("targets", "gap"): "integer",
    ("targets", "plan_leads"): "integer",
    ("budget", "change"): "percent",
    ("share_of_voice", "change"): "points",  # a change of shares: percentage points
    ("plan_lead_time", "gap"): "integer",
    ("plan_lead_time", "pipeline_carried"): "integer",  # open leads per stage, not money
    ("module_plan", "target"): "number",
    ("module_plan", "budget_share"): "percent",
    ("okr_tree", "target"): "number",
    ("okr_tree", "actual"): "number",
    ("okr_tree", "level"): "integer",
    ("okr_tree", "weight"): "number",
    ("lessons", "module_completion"): "percent",
    ("budget_categories", "change"): "percent",
}


# Per-table headers: one word per concept. The plan sheets' "budget" is the programme
# budget phased by the leads, not the Budget sheet's total (which counts headcount too).
_TABLE_HEADERS: dict[tuple[str, str], str] = {
    ("plan_quarterly", "budget"): "programme_budget",
    ("plan_monthly", "budget"): "programme_budget",
}


def _kind(table: str, key: str, series: pd.Series) -> str:
    kind = _TABLE_KINDS.get((table, key)) or _KINDS.get(key)
    if kind:
        return kind
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_bool_dtype(series):
        return "text"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    return "text"


def header_lines(text: str, width: float) -> int:
    """Lines a bold header takes when wrapped at word breaks in a column ``width`` wide."""
    room = max(width - 1, 1)
    lines, used = 1, 0
    for word in str(text).split():
        size = display_width(word)
        if used and used + 1 + size > room:
            lines, used = lines + 1, size
        else:
            used = used + 1 + size if used else size
    return lines


def display_width(text: str) -> int:
    """Width of ``text`` in Excel character units: CJK and full-width characters count 2."""
    if text.isascii():  # no ASCII character is wide (W) or full-width (F)
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_literal(num_format: str) -> str:
    """The quoted text a number format adds to a positive value (``+0.0" 個百分點"`` →
    ``" 個百分點"``): the unit, for text that shows such a number."""
    return "".join(re.findall(r'"([^"]*)"', num_format.split(";")[0]))


def literal_width(num_format: str) -> int:
    """Display width of :func:`format_literal`: the unit a column must be wide enough for."""
    return display_width(format_literal(num_format))


# --- helpers ---------------------------------------------------------------------------


def a1(row: int, col: int, *, absolute: bool = False) -> str:
    """0-based (row, col) → ``B3`` (or ``$B$3``)."""
    if absolute:
        return f"${col_letter(col)}${row + 1}"
    return f"{col_letter(col)}{row + 1}"


def header(key: str, lang: str) -> str:
    return label(f"col.{key}", lang) if has_label(f"col.{key}") else key


def _text(key: str, lang: str, **params: Any) -> str:
    return label(key, lang, **params) if has_label(key) else key


def is_blank(value: object) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cells(series: pd.Series, kind: str, lang: str) -> list[object]:
    """A column's values as plain Python objects for the writer (blank → None).

    Numbers go through one numpy array and text through one list (about 280 columns per
    rebuild: pandas' per-call overhead of ``to_numeric`` or ``map`` was most of the time).
    """
    dtype = series.dtype
    if kind in ("date", "month") or pd.api.types.is_datetime64_any_dtype(dtype):
        stamps = pd.to_datetime(series, errors="coerce")
        return [None if pd.isna(v) else v.to_pydatetime() for v in stamps]
    if pd.api.types.is_bool_dtype(dtype):
        return [None if pd.isna(v) else bool(v) for v in series]
    if pd.api.types.is_numeric_dtype(dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        if kind == "points":
            values = values * 100
        values = np.where(np.isfinite(values), values, np.nan)
        return [None if math.isnan(v) else v for v in values.tolist()]
    blank = series.isna().to_numpy()
    return [None if b else value_label(v, lang)
            for v, b in zip(series.tolist(), blank, strict=True)]


def _width(header: str, values: list[object], kind: str) -> float:
    """Column width in characters; number headers wrap at word breaks (see :func:`finish`)."""
    widest = display_width(header)
    if kind != "text":
        widest = min(widest, max([10, *(display_width(w) for w in header.split())]))
    sample = values[:2000]
    if kind == "text":
        for v in sample:
            if isinstance(v, str):
                widest = max(widest, display_width(v))
    elif kind in ("date", "month"):
        widest = max(widest, 10)
    else:
        numbers = [abs(v) for v in sample if isinstance(v, int | float)]
        if numbers:
            widest = max(widest, len(f"{max(numbers):,.0f}") + 4)
    return float(min(max(widest + 2, 7), 48))


def _ctx_style(styles: _Styles, kind: str) -> Style:
    return getattr(styles, kind)


@dataclass
class Ctx:
    """What every sheet builder needs: language, styles, settings and the other tables."""

    lang: str
    styles: _Styles
    settings: Settings
    tables: Mapping[str, pd.DataFrame]
    extra: Any = None

    def t(self, key: str, **params: Any) -> str:
        return _text(key, self.lang, **params)

    def sheet(self, key: str) -> Sheet:
        return Sheet(key=key, name=label(f"sheet.{key}", self.lang))

    def table(self, key: str) -> pd.DataFrame | None:
        return self.tables.get(key)


def make_block(
    ctx: Ctx,
    name: str,
    frame: pd.DataFrame,
    *,
    row: int,
    col: int = 0,
    inputs: tuple[str, ...] = (),
) -> Block:
    """An Excel Table of ``frame`` (columns starting with ``_`` left out)."""
    shown = {k: series for k, series in frame.items() if not str(k).startswith("_")}
    first = next(iter(shown.values()), pd.Series(dtype=object))
    total_rows = [i for i, v in enumerate(first.tolist()) if v == "total"]
    columns = []
    for key, series in shown.items():
        kind = _kind(name, key, series)
        values = _cells(series, kind, ctx.lang)
        text = header(_TABLE_HEADERS.get((name, key), key), ctx.lang)
        style = _ctx_style(ctx.styles, kind)
        if key in inputs:
            style = replace(style, bg_color=INPUT_FILL)
        width = _width(text, values, kind)
        if kind == "points":  # "+15.0 個百分點": room for the unit too
            width = min(width + literal_width(style.num_format), 48.0)
        column = Column(key, text, values, style, width)
        for i in total_rows:
            column.cell_styles[i] = _ctx_style(ctx.styles, kind).replaced(bold=True, top=1)
        columns.append(column)
    has_total = bool(total_rows) and total_rows[-1] == len(frame) - 1
    return Block(name, row, col, columns, has_total=has_total)


def table_sheet(
    ctx: Ctx,
    key: str,
    *,
    table: str | None = None,
    note: str | None = None,
    inputs: tuple[str, ...] = (),
) -> Sheet | None:
    """A sheet with a title, an optional note and one table (None if the table is absent)."""
    frame = ctx.table(table or key)
    if frame is None:
        return None
    sheet = ctx.sheet(key)
    sheet.cells.append(Cell(TITLE_ROW, 0, ctx.t(f"title.{key}"), ctx.styles.title))
    if note:
        sheet.cells.append(Cell(NOTE_ROW, 0, note, ctx.styles.note))
    block = make_block(ctx, table or key, frame, row=TABLE_ROW, inputs=inputs)
    sheet.blocks.append(block)
    finish(sheet)
    return sheet


def finish(sheet: Sheet) -> None:
    """Column widths from the blocks, two-line header rows where needed, print titles."""
    for block in sheet.blocks:
        for j, column in enumerate(block.columns):
            col = block.col + j
            sheet.widths[col] = max(sheet.widths.get(col, 0.0), column.width)
    for block in sheet.blocks:
        lines = max([header_lines(c.header, sheet.widths[block.col + j])
                     for j, c in enumerate(block.columns)] + [1])
        if lines > 1:  # tall enough for the longest wrapped header, none clipped
            height = 15.0 * lines
            sheet.heights[block.row] = max(sheet.heights.get(block.row, 0.0), height)
    if sheet.blocks and sheet.freeze is None:
        first = sheet.blocks[0]
        sheet.freeze = (first.row + 1, 0)
        sheet.print_rows = (first.row, first.row)


def column_ref(sheet: Sheet, block: Block, key: str) -> Ref:
    """The data cells of column ``key`` (without a total row), for a chart series."""
    first, last = block.data_rows()
    col = block.index(key)
    return Ref(sheet.name, first, col, last, col)


def add_chart(sheet: Sheet, chart: Chart | None) -> None:
    if chart is not None:
        sheet.charts.append(chart)


def cached(value: object) -> object:
    return "" if is_blank(value) else value


def formula_cell(block: Block, key: str, i: int, text: str) -> None:
    column = block.columns[block.index(key) - block.col]
    column.values[i] = Formula(text, cached(column.values[i]))


