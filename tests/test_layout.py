"""The pure sheet model: names, headers, formats, formulas, charts (no file written)."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import tables_fixture as fx
from xlreview.labels import LANGUAGES, label
from xlreview.layout import (
    GENERATED,
    INPUT_FILL,
    Formula,
    Sheet,
    a1,
    build_sheets,
    col_letter,
    currency_symbol,
    customers_formula,
    display_width,
    generated_sheet_names,
)

# Functions EXCEL_ON_LINUX.md lists as computed by LibreOffice 7.4 and Excel 2016+,
# plus the basic ones every spreadsheet has.
SAFE = {"SUM", "SUMIFS", "COUNTIFS", "AVERAGEIFS", "IFERROR", "INDEX", "MATCH", "ROUNDUP",
        "SUMPRODUCT", "IF", "AND", "OR", "N", "COUNT", "ISNUMBER", "INT", "MIN", "MAX",
        "ROUND", "ROUNDDOWN", "SUMIF", "MOD"}

EN_HEADERS = {
    "roi_matrix": "Channel, Cost, Visits, Leads, MQL, SQL, Opportunities, Customers, Revenue, "
    "CPL, Cost per MQL, Cost per SQL, CAC, ROAS, ROI, Quadrant",
    "funnel": "Stage, Count (period), Count (cohort), Conversion, Median days",
    "monthly": "Month, Leads, MQL, SQL, Opportunities, Customers, Revenue",
    "sales_cycle": "Lead type, Deals, Median days, P80 days",
    "goal_review": "Module, Layer, Goal, Target, Actual, Completion, Status, Gap",
    "data_check": "Severity, Sheet, Row, Column, Message",
    "budget": "Channel, Type, Last year cost, Planned cost, Change, Expected leads, "
    "Expected revenue, Marginal ROI, Min, Max, Locked, Fit",
}
# Targets: the issue's order, with the four rate columns allowed in between.
EN_TARGETS = [
    "Channel", "Share", "Customers", "Opportunities", "SQL", "MQL", "Leads", "Avg deal",
    "Revenue", "Rate source", "CPL", "Implied cost", "Bottom-up leads", "Gap",
]


def _sheets(lang: str = "en", **kw: object) -> dict[str, Sheet]:
    sheets = build_sheets(fx.tables(**kw), settings=fx.settings(lang), extra=fx.extra())
    return {s.key: s for s in sheets}


def _headers(sheet: Sheet, table: str) -> list[str]:
    return [c.header for c in sheet.block(table).columns]


def _formulas(sheet: Sheet) -> list[Formula]:
    found = [c.value for c in sheet.cells if isinstance(c.value, Formula)]
    for block in sheet.blocks:
        for column in block.columns:
            found += [v for v in column.values if isinstance(v, Formula)]
    return found


def test_generated_order_dashboard_first_and_names_in_both_languages():
    assert GENERATED[0] == "dashboard"
    assert len(set(GENERATED)) == len(GENERATED)
    names = generated_sheet_names()
    for key in GENERATED:
        for lang in LANGUAGES:
            assert label(f"sheet.{key}", lang) in names
    # Every name is a legal sheet name (≤ 31 characters, no []:*?/\).
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)


def test_sheets_follow_generated_order_and_share_of_voice_only_with_rows():
    keys = list(_sheets())
    assert keys == [k for k in GENERATED if k in keys]
    assert "share_of_voice" not in keys  # the fixture's table is empty
    assert "share_of_voice" in _sheets(with_share_of_voice=True)
    assert {"dashboard", "roi_matrix", "targets", "budget", "workplan", "message_house",
            "how_to", "data_check"} <= set(keys)


@pytest.mark.parametrize("table", sorted(EN_HEADERS))
def test_english_headers_are_exactly_the_issues(table):
    sheets = _sheets()
    owner = next(s for s in sheets.values() if any(b.name == table for b in s.blocks))
    assert _headers(owner, table) == EN_HEADERS[table].split(", ")


def test_targets_headers_keep_the_issue_order_with_rates_between():
    headers = _headers(_sheets()["targets"], "targets")
    assert [h for h in headers if h in EN_TARGETS] == EN_TARGETS
    rates = [label(f"col.{k}") for k in ("lead_to_mql", "mql_to_sql", "sql_to_opp",
                                         "opp_to_won")]
    assert set(rates) <= set(headers) and len(set(rates)) == 4


def test_chinese_sheets_have_chinese_names_headers_and_chart_titles():
    zh, en = _sheets("zh-CN"), _sheets("en")
    cjk = re.compile(r"[\u4e00-\u9fff]")
    ascii_ok = re.compile(r"^[A-Z0-9→ ]+$")  # MQL, SQL, ROI, CPL, MQL→SQL ...
    for key, sheet in zh.items():
        assert cjk.search(sheet.name), sheet.name
        assert sheet.name != en[key].name
        for block in sheet.blocks:
            for header in (c.header for c in block.columns):
                assert cjk.search(header) or ascii_ok.match(header), (key, header)
        for chart in sheet.charts:
            assert cjk.search(chart.title), chart.title


def test_coded_values_are_translated_and_blank_ratios_stay_blank():
    block = _sheets()["roi_matrix"].block("roi_matrix")
    channel, quadrant = block.column("channel").values, block.column("quadrant").values
    assert channel[-1] == "Total"
    assert quadrant[0] == "Star: volume and quality"
    # Organic has no spend: cost, CPL, ROI are blank (None), never inf or NaN.
    assert block.column("cost").values[2] is None
    assert block.column("roi").values[2] is None
    assert block.has_total and block.data_rows() == (block.row + 1, block.row + 3)
    zh = _sheets("zh-CN")["roi_matrix"].block("roi_matrix")
    assert zh.column("channel").values[-1] == label("value.total", "zh-CN")


@pytest.mark.parametrize(
    ("code", "symbol"),
    [("CNY", "¥"), ("usd", "$"), ("EUR", "€"), ("CHF", "CHF")],  # unknown code stays as is
)
def test_money_format_uses_the_settings_currency(code, symbol):
    sheets = build_sheets(fx.tables(), settings=fx.settings("en", code), extra=fx.extra())
    block = next(s for s in sheets if s.key == "roi_matrix").block("roi_matrix")
    assert currency_symbol(code) == symbol
    assert f'"{symbol}"#,##0' == block.column("cost").style.num_format
    assert block.column("roi").style.num_format == "0.0%"
    assert block.column("leads").style.num_format == "#,##0"


def test_a_replaced_style_is_made_once():
    from dataclasses import replace

    from xlreview.sheetmodel import Style

    base = Style(num_format="0.0%")
    bold = base.replaced(bold=True, top=1)
    assert bold == replace(base, bold=True, top=1)
    assert base.replaced(bold=True, top=1) is bold  # shared, not made again
    assert base == Style(num_format="0.0%")  # the original is unchanged


def test_display_width_counts_cjk_double():
    assert display_width("CPL") == 3
    assert display_width("渠道") == 4
    assert display_width("ROI（含人力）") == 3 + 2 * 5  # full-width brackets count 2


def test_cjk_columns_are_wider_than_the_same_count_of_latin_letters():
    zh = _sheets("zh-CN")["how_to"]
    assert zh.widths[1] >= 60
    goal = _sheets("zh-CN")["goal_review"].block("goal_review")
    # "完成率" = 6 character units + 2 padding.
    assert goal.column("completion").width >= 8


def test_targets_are_formulas_on_input_cells():
    sheet = _sheets()["targets"]
    block = sheet.block("targets")
    row = block.row + 2  # Excel row of Trade shows, the first data row
    customers = block.column("customers").values[0]
    assert isinstance(customers, Formula)
    assert customers.value == 8  # 15 customers split 0.5/0.3/0.2 by largest remainder
    assert f"$B$8*(B{row}/SUM($B${row}:$B${row + 2}))" in customers.text
    opp = block.column("opp").values[0]
    won_rate = col_letter(block.index("opp_to_won"))
    cust = col_letter(block.index("customers"))
    assert opp.text == f'=IFERROR(ROUNDUP({cust}{row}/{won_rate}{row},0),"")'
    assert opp.value == 27
    # Partners: lead→MQL rate 0 → blank cached value, not an error.
    assert block.column("leads").values[2].value == ""
    # Inputs have the input fill; computed columns do not; the total row is not an input.
    for key in ("share", "lead_to_mql", "opp_to_won", "bottom_up_leads", "pick",
                "share_override"):
        assert block.column(key).style.bg_color == INPUT_FILL
        assert block.column(key).cell_styles[block.n_rows - 1].bg_color is None
    for key in ("leads", "customers", "avg_deal", "revenue"):
        assert block.column(key).style.bg_color is None
    total = block.column("leads").values[-1]
    leads = col_letter(block.index("leads"))
    assert total.text == f"=SUM({leads}{row}:{leads}{row + 2})" and total.value == 1_880
    # Labelled cells above the table: target inputs, marketing target, deal, customers.
    cells = {(c.row, c.col): c.value for c in sheet.cells}
    assert cells[(2, 1)] == 10_000_000 and cells[(6, 1)] == 200_000.0
    assert cells[(5, 1)] == Formula('=IFERROR(B3*B4*B5,"")', 3_000_000.0)
    assert cells[(7, 1)] == Formula('=IFERROR(ROUNDUP(B6/B7,0),"")', 15)
    # The header row stays within the first ten rows (where the next rebuild reads it).
    assert block.row <= 9
    # The history's share and rates sit in hidden columns of the same table (a sorted row
    # keeps them), the last five.
    history = ("history_share", "history_lead_to_mql", "history_mql_to_sql",
               "history_sql_to_opp", "history_opp_to_won")
    assert sheet.hidden == {block.index(k) for k in history}
    assert sheet.hidden == set(range(block.last_col - 4, block.last_col + 1))


@pytest.mark.parametrize(
    ("shares", "customers", "expected"),
    [
        ([0.5, 0.3, 0.2], 15, [8, 4, 3]),  # 7.5/4.5/3.0: tie at .5, the first row wins
        ([1, 1, 1], 10, [4, 3, 3]),  # 3⅓ each: one left, first row
        ([0.25, 0.75], 3, [1, 2]),  # 0.75/2.25: remainders .75 > .25
    ],
)
def test_customers_formula_is_a_largest_remainder_split(shares, customers, expected):
    """Evaluate the formula's arithmetic in Python for the cases worked by hand."""
    from xlreview.phasing import split_whole

    assert split_whole(customers, shares).tolist() == expected
    total = sum(shares)
    q = [round(customers * (s / total), 9) for s in shares]  # quotas to 9 decimals
    rest = customers - sum(math.floor(x) for x in q)
    got = []
    for i, x in enumerate(q):
        rem = x - math.floor(x)
        rank = sum(1 for y in q if y - math.floor(y) > rem)
        rank += sum(1 for y in q[:i] if y - math.floor(y) == rem)
        got.append(math.floor(x) + (1 if rank < rest else 0))
    assert got == expected
    text = customers_formula("B12", "$B$12:$B$14", "$B$12:$B$12")
    assert text.count("SUMPRODUCT") == 3
    assert "INT(ROUND($B$8*(B12/SUM($B$12:$B$14)),9))" in text


def test_every_formula_uses_only_safe_functions():
    for lang in LANGUAGES:
        for sheet in _sheets(lang).values():
            for formula in _formulas(sheet):
                assert formula.text.startswith("=")
                used = set(re.findall(r"([A-Z][A-Z0-9.]*)\(", formula.text))
                assert used <= SAFE, (sheet.key, formula.text)
            for cond in sheet.conditionals:
                crit = str(cond.options.get("criteria", ""))
                assert set(re.findall(r"([A-Z][A-Z0-9.]*)\(", crit)) <= SAFE


def test_phasing_and_budget_totals_are_sum_formulas_with_python_values():
    sheets = _sheets()
    monthly = sheets["plan_monthly"]
    totals = {c.col: c.value for c in monthly.cells if isinstance(c.value, Formula)}
    block = monthly.block("plan_monthly")
    leads = totals[block.index("leads")]
    assert leads.text == "=SUM(B5:B16)" and leads.value == 4_600  # 384×4 + 383×8
    budget = sheets["budget"].block("budget")
    change = budget.column("change").values
    assert change[0] == Formula('=IF(N(C5)>0,D5/C5-1,"")', 0.3)
    assert change[2] == Formula('=IF(N(C7)>0,D7/C7-1,"")', "")  # no spend last year
    assert change[-1] == Formula('=IF(N(C9)>0,D9/C9-1,"")', 29 / 78)  # totals' ratio
    assert budget.column("planned_cost").values[-1] == Formula("=SUM(D5:D8)", 1_070_000.0)
    assert budget.column("planned_cost").values[-1].value == 1_070_000.0


def test_formula_like_text_stays_text():
    events = _sheets()["events"].block("events")
    assert events.column("campaign").values[1:] == fx.FORMULA_LIKE
    assert not any(isinstance(v, Formula) for v in events.column("campaign").values)


def test_dashboard_tiles_and_charts():
    dash = _sheets()["dashboard"]
    tiles = {m.first_col: m.value for m in dash.merges if m.first_row == 3}
    # Revenue 2,550,000; completion (16/15 capped at 100% ×2 + 0.9 + 0.5)/4; ROI fully
    # loaded 2.1875; pipeline expected next year 240,000; CAC 500,000/15.
    assert tiles[0] == 2_550_000.0
    assert math.isclose(tiles[2], (1.0 * 2 + 0.9 + 0.5) / 4)
    assert tiles[4] == 2.1875
    assert tiles[6] == 240_000.0
    assert math.isclose(tiles[8], 500_000 / 15)
    assert len(dash.charts) == 4
    assert dash.landscape and dash.fit_height == 1
    # The 2 × 2 chart grid does not overlap: rows 16 apart, columns 5 apart (5 × 96 px).
    positions = {(c.row, c.col) for c in dash.charts}
    assert positions == {(7, 0), (7, 5), (23, 0), (23, 5)}
    assert all(c.width <= 5 * (13 * 7 + 5) for c in dash.charts)


def test_charts_reference_the_table_ranges_without_the_total_row():
    sheets = _sheets()
    roi = sheets["roi_matrix"]
    block = roi.block("roi_matrix")
    cost_revenue = next(c for c in roi.charts if c.kind == "column")
    values = cost_revenue.series[0].values
    assert (values.first_row, values.last_row) == (block.row + 1, block.row + 3)
    assert values.sheet == roi.name
    monthly = sheets["monthly"].charts[0]
    assert monthly.kind == "line" and len(monthly.series) == 4
    assert monthly.series[0].values.last_row == sheets["monthly"].block("monthly").last_row
    # Quadrant: one bubble series per channel, named by it (the legend's entries): x = its
    # Leads cell, y = its helper ratio, size = its helper cost, each a single cell.
    quadrant = next(c for c in roi.charts if c.kind == "bubble")
    assert [s.name for s in quadrant.series] == ["Trade shows", "Search", "Organic"]
    assert quadrant.legend == "right" and all(s.in_legend for s in quadrant.series)
    cells = {(c.row, c.col): c.value for c in roi.cells}
    ratios, sizes = [], []
    for i, series in enumerate(quadrant.series):
        row = block.row + 1 + i
        x, y, size = series.categories, series.values, series.sizes
        assert (x.sheet, x.first_row, x.last_row, x.first_col) == (
            roi.name, row, row, block.index("leads"))
        assert y.first_row == y.last_row and size.first_row == size.last_row == y.first_row
        ratios.append(cells[(y.first_row, y.first_col)].value)
        sizes.append(cells[(size.first_row, size.first_col)])
    # y = the helper's opportunities per lead: 40/500 = 0.08, 20/1000 = 0.02, 5/100 = 0.05.
    assert ratios == pytest.approx([0.08, 0.02, 0.05])
    # Size = the helper's cost, at least 1/20 of the largest (400,000 / 20 = 20,000): Organic,
    # without spend, keeps a small bubble instead of vanishing.
    assert [f.value for f in sizes] == [400_000.0, 100_000.0, 20_000.0]
    cost = f"{chr(65 + block.index('cost'))}{block.row + 2}"  # first data row's cost
    assert sizes[0].text == f"=MAX(N({cost}),20000)"
    # Far apart, each name beside its bubble; Search, the rightmost, on its left (on its
    # right the name would leave the plot).
    assert [s.label_side for s in quadrant.series] == ["right", "left", "right"]
    # The axes cross at the medians: leads (100, 500, 1000) → 500; ratios → 0.05.
    assert quadrant.x_cross == 500 and quadrant.y_cross == pytest.approx(0.05)
    # The dashboard charts point at the review sheets.
    dash_sheets = {s.values.sheet for c in sheets["dashboard"].charts for s in c.series}
    assert dash_sheets == {sheets[k].name for k in ("funnel", "roi_matrix", "monthly",
                                                    "targets")}


def test_roi_summary_below_the_charts():
    roi = _sheets()["roi_matrix"]
    matrix, summary = roi.block("roi_matrix"), roi.block("roi_summary")
    # Below the charts (20 px rows), so the page is no wider than the matrix.
    bottom = max(c.row + c.height // 20 for c in roi.charts)
    assert summary.row > bottom > matrix.last_row and summary.col == 0
    assert max(c.col for c in roi.cells) <= matrix.last_col
    assert summary.column("item").values[-1] == label("value.roi_fully_loaded")
    assert summary.column("value").values[-1] == 2.1875


def test_goal_completion_traffic_lights():
    sheet = _sheets()["goal_review"]
    block = sheet.block("goal_review")
    col = block.index("completion")
    fills = [c.style.bg_color for c in sheet.conditionals if c.first_col == col]
    assert len(fills) == 3 and len(set(fills)) == 3


def test_workplan_gantt_fills_weeks_between_start_and_end():
    sheet = _sheets()["workplan"]
    block = sheet.block("workplan")
    (cond,) = sheet.conditionals
    assert cond.first_col > block.last_col and cond.last_row == block.last_row
    assert cond.last_col - cond.first_col + 1 in (52, 53)
    start, end = col_letter(block.index("start")), col_letter(block.index("end"))
    assert f"${start}{block.row + 2}" in cond.options["criteria"]
    assert f"${end}{block.row + 2}" in cond.options["criteria"]
    assert cond.options["criteria"].startswith("=AND(")


def test_message_house_roof_pillars_and_foundation():
    sheet = _sheets()["message_house"]
    roof, foundation = sheet.merges
    assert roof.value == "Grow with confidence" and roof.last_col - roof.first_col == 2
    assert foundation.value == "15 years of B2B software"
    assert foundation.first_row > roof.last_row
    cells = {(c.row, c.col): c.value for c in sheet.cells}
    assert [cells[(4, j)] for j in range(3)] == ["Trusted", "Fast", "Local"]
    assert cells[(5, 0)] == "500 enterprise customers" and cells[(6, 0)] == "ISO 27001"
    assert cells[(6, 1)] is None
    assert sheet.fit_height == 1


def test_without_extra_inputs_there_is_no_message_house():
    sheets = build_sheets(fx.tables(), settings=fx.settings(), extra=None)
    keys = [s.key for s in sheets]
    assert "message_house" not in keys and keys[0] == "dashboard"


def test_missing_tables_leave_their_sheets_out():
    tables = {k: v for k, v in fx.tables().items() if k in ("funnel", "data_check")}
    keys = [s.key for s in build_sheets(tables, settings=fx.settings())]
    assert keys == ["dashboard", "funnel", "data_check", "how_to"]


def test_print_setup_of_table_sheets():
    for sheet in _sheets().values():
        assert sheet.tab_color == "#2E7D32"
        if sheet.blocks:
            first = sheet.blocks[0]
            assert sheet.freeze is not None and sheet.freeze[0] == first.row + 1
            assert sheet.print_rows == (first.row, first.row)


@given(st.integers(min_value=0, max_value=16_383))
def test_col_letter_is_bijective_base_26(col):
    letters = col_letter(col)
    value = 0
    for ch in letters:
        value = value * 26 + (ord(ch) - 64)
    assert value - 1 == col
    assert a1(0, col) == f"{letters}1"


@given(st.text(max_size=30))
def test_display_width_is_the_sum_of_its_characters_widths(text):
    # ASCII text takes a shortcut (its length): the same as counting character by character.
    import unicodedata

    by_character = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    assert display_width(text) == by_character


@given(st.text(max_size=30))
def test_display_width_at_least_length(text):
    assert len(text) <= display_width(text) <= 2 * len(text)


def test_long_number_headers_wrap_on_a_two_line_header_row():
    roi = _sheets()["roi_matrix"]
    block = roi.block("roi_matrix")
    # "Cost per MQL": 12 characters, longest word 4 → header counts 10 at most; values up to
    # 2,000 → 5 + 4 = 9; width 10 + 2 = 12, narrower than the header + 1: it wraps.
    assert roi.widths[block.index("cost_per_mql")] == 12
    assert roi.heights[block.row] == 30
    # A text column keeps its whole header on one line.
    assert roi.widths[block.index("quadrant")] >= len("Quadrant") + 2


def test_budget_chart_leaves_out_headcount():
    sheet = _sheets()["budget"]
    block = sheet.block("budget")
    # Rows: Trade shows, Search, experiment, headcount, total → the chart stops at experiment.
    (chart,) = sheet.charts
    for series in chart.series:
        assert (series.values.first_row, series.values.last_row) == (block.row + 1,
                                                                      block.row + 3)


def test_lead_time_pipeline_is_a_count_not_money():
    block = _sheets()["plan_monthly"].block("plan_lead_time")
    assert block.column("pipeline_carried").style.num_format == "#,##0"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_of_voice_change_in_percentage_points_and_cac_without_cents(lang):
    sheets = {s.key: s for s in build_sheets(fx.tables(with_share_of_voice=True),
                                             settings=fx.settings(lang), extra=fx.extra())}
    change = sheets["share_of_voice"].blocks[0].column("change")
    # WeChat 75% this year, 60% the year before: +15 percentage points, shown "+15.0 pp".
    assert change.values == pytest.approx([15.0, -15.0])
    unit = {"en": "pp", "zh-CN": "个百分点", "zh-TW": "個百分點"}[lang]
    assert change.style.num_format == f'+0.0" {unit}";-0.0" {unit}";0.0" {unit}"'
    cac = sheets["roi_matrix"].block("roi_matrix").column("cac")
    assert cac.style.num_format.endswith("#,##0")   # ¥33,333, not ¥33,333.33


def test_one_word_per_concept_the_plan_sheets_budget_is_the_programme_budget():
    sheets = _sheets()
    for key in ("plan_quarterly", "plan_monthly"):
        headers = _headers(sheets[key], key)
        assert "Programme budget" in headers and "Budget" not in headers


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("Opportunities", 15, 1),                   # fits
    ("Cost per MQL", 10, 2),                    # "Cost per" (8) / "MQL"
    ("Needed before the year starts", 10, 4),   # Needed / before / the year / starts
    ("Needed before the year starts", 40, 1),
])
def test_header_lines(text, width, lines):
    from xlreview.sheetmodel import header_lines

    assert header_lines(text, width) == lines


def test_no_wrapped_header_is_clipped():
    from xlreview.sheetmodel import header_lines

    for sheet in _sheets().values():
        for block in sheet.blocks:
            need = max(header_lines(c.header, sheet.widths[block.col + j])
                       for j, c in enumerate(block.columns))
            assert sheet.heights.get(block.row, 15.0) >= 15.0 * need, (sheet.key, block.name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_budget_inputs_have_dropdowns(lang):
    sheet = _sheets(lang)["budget"]
    block = sheet.block("budget")
    drops = {v.first_col: v for v in sheet.validations}
    locked, kind = drops[block.index("locked")], drops[block.index("type")]
    assert locked.values == ["TRUE", "FALSE"]
    assert kind.values == [label(f"value.{t}", lang) for t in ("proven", "experiment",
                                                                 "reserve", "headcount")]
    # Every line but the Total row (the last).
    assert (locked.first_row, locked.last_row) == (block.row + 1, block.row + block.n_rows - 1)
