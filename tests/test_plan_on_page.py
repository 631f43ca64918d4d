"""Plan on a page, Plan by module, OKR tree and Keep doing: the sheets, their formulas on the
sheets they come from, a what-if recalculated by LibreOffice, and the input sheets read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests import lo_convert
from tests import tables_fixture as fx
from xlreview.inputs import read_inputs
from xlreview.io.writer import write_sheets
from xlreview.labels import label
from xlreview.layout import GENERATED, build_sheets
from xlreview.sheetmodel import Formula, Sheet

needs_office = pytest.mark.skipif(lo_convert.soffice() is None, reason="LibreOffice missing")


def _sheets(lang: str = "en") -> dict[str, Sheet]:
    sheets = build_sheets(fx.tables(), settings=fx.settings(lang), extra=fx.extra())
    return {s.key: s for s in sheets}


def _tiles(page: Sheet) -> dict[str, tuple[int, int, Formula]]:
    """Label text of each funnel tile → (row, col, formula) of the tile's number below it."""
    heads = {(m.first_row, m.first_col): m.value for m in page.merges}
    return {heads[(m.first_row - 1, m.first_col)]: (m.first_row, m.first_col, m.value)
            for m in page.merges
            if isinstance(m.value, Formula) and "Targets" in m.value.text
            and (m.first_row - 1, m.first_col) in heads}


def _budget_lines(page: Sheet) -> dict[str, tuple[int, int, Formula]]:
    """Budget line name → (row, col, formula of its amount)."""
    names = {(m.first_row, m.first_col): m.value for m in page.merges if m.first_col == 0}
    return {names[(m.first_row, 0)]: (m.first_row, m.first_col, m.value) for m in page.merges
            if m.first_col == 6 and isinstance(m.value, Formula)
            and (m.first_row, 0) in names}


def test_sheets_are_in_workbook_order():
    keys = list(_sheets())
    assert keys == [k for k in GENERATED if k in keys]
    for key in ("plan_on_page", "module_plan", "okr_tree", "lessons"):
        assert key in keys
    # The plan opens with its page; the review ends with what we keep doing.
    assert keys.index("plan_on_page") + 1 == keys.index("targets")
    assert keys.index("goal_review") + 1 == keys.index("lessons")


def test_funnel_tiles_are_formulas_on_the_targets_sheet():
    page = _sheets()["plan_on_page"]
    tiles = _tiles(page)
    # Targets: B3 company target, B6 marketing target; the table's header is on row 10, its
    # three channels on rows 11–13 and the Total on row 14: customers G, opp H, SQL I, MQL J,
    # plan leads T (the reconciled leads: 550 bottom-up + 1,340 = 1,890).
    expected = {
        "Company revenue target": ("'Targets'!$B$3", 10_000_000),
        "Marketing revenue target": ("'Targets'!$B$6", 3_000_000),
        "Customers": ("'Targets'!$G$14", 15),
        "Opportunities": ("'Targets'!$H$14", 62),
        "SQL": ("'Targets'!$I$14", 171),
        "MQL": ("'Targets'!$J$14", 436),
        "Leads": ("'Targets'!$T$14", 1_890),
    }
    assert {name: (f.text[1:], f.value) for name, (_, _, f) in tiles.items()} == expected
    assert page.landscape and page.fit_height == 1 and not page.gridlines


def test_budget_split_sums_the_budget_table_by_type():
    page = _sheets()["plan_on_page"]
    lines = _budget_lines(page)
    # Budget rows 5–8 (Trade shows, Search, experiment, headcount; Total on row 9 is left out):
    # proven 520,000 + 100,000; experiment 150,000; headcount 300,000; no reserve line yet.
    rng = "'Budget'!$D$5:$D$8,'Budget'!$B$5:$B$8"
    assert {k: (f.text, f.value) for k, (_, _, f) in lines.items()} == {
        "Headcount": (f'=SUMIFS({rng},"Headcount")', 300_000),
        "Proven": (f'=SUMIFS({rng},"Proven")', 620_000),
        "Experiment": (f'=SUMIFS({rng},"Experiment")', 150_000),
        "Reserve": (f'=SUMIFS({rng},"Reserve")', 0),
        # Funnel band on row 4, tiles on rows 5–7; budget band on row 9, lines on rows 10–13.
        "Total": ("=SUM(G10:G13)", 1_070_000),
    }


def test_module_plan_checks_its_budgets_against_the_budget_sheet():
    sheet = _sheets()["module_plan"]
    cells = {(c.row, c.col): c.value for c in sheet.cells}
    block = sheet.blocks[0]
    col = block.index("budget")
    row = block.last_row + 2
    # Σ modules 500,000; programme 770,000 (all but headcount); 270,000 not yet given.
    assert cells[(row, col)].text == f"=SUM({_a1(block.row + 1, col)}:{_a1(block.last_row, col)})"
    assert cells[(row, col)].value == 500_000
    assert cells[(row + 1, col)].text == (
        "=SUMIFS('Budget'!$D$5:$D$8,'Budget'!$B$5:$B$8,\"<>Headcount\")")
    assert cells[(row + 1, col)].value == 770_000
    assert cells[(row + 2, col)].value == 270_000
    share = block.column("budget_share").values
    assert [v.value for v in share] == pytest.approx([300_000 / 770_000, 200_000 / 770_000])


def _a1(row: int, col: int) -> str:
    from xlreview.sheetmodel import a1

    return a1(row, col)


def test_formula_like_risk_text_stays_text():
    page = _sheets()["plan_on_page"]
    texts = [m.value for m in page.merges if isinstance(m.value, str)]
    assert "=Competitors outspend us" in texts  # written as text, never as a formula


def test_okr_and_lessons_sheets():
    sheets = _sheets("zh-CN")
    okr = sheets["okr_tree"].blocks[0]
    assert okr.column("item").values == ["Grow pipeline", "    MQL 550", "    SQL 260"]
    assert okr.column("kind").values == ["目标", "关键结果", "关键结果"]
    lessons = sheets["lessons"].blocks[0]
    assert lessons.column("module_completion").values == [1.0]
    assert sheets["lessons"].name == "经验与方法"


# --- LibreOffice: the page follows a what-if typed on the sheets it comes from ----------


@pytest.fixture(scope="module")
def what_if(tmp_path_factory) -> tuple[dict[str, Sheet], Path]:
    """The fixture workbook with the company target doubled on Targets and 200,000 more for
    Trade shows on Budget, recalculated by LibreOffice."""
    tmp = tmp_path_factory.mktemp("page")
    sheets = _sheets()
    written = tmp / "generated.xlsx"
    write_sheets(list(sheets.values()), written)
    book = openpyxl.load_workbook(written)
    book["Targets"]["B3"] = 20_000_000
    book["Budget"]["D5"] = 720_000
    edited = tmp / "edited.xlsx"
    book.save(edited)
    out = tmp / "out"
    out.mkdir()
    return sheets, lo_convert.convert(edited, "xlsx", out)


@pytest.mark.libreoffice
@needs_office
def test_the_page_follows_a_what_if(what_if):
    sheets, recalculated = what_if
    ws = openpyxl.load_workbook(recalculated, data_only=True)["Plan on a page"]
    page = sheets["plan_on_page"]

    def value(row: int, col: int) -> object:
        return ws.cell(row + 1, col + 1).value

    tiles = {k: value(r, c) for k, (r, c, _) in _tiles(page).items()}
    # 20,000,000 × 0.6 × 0.5 = 6,000,000 → ⌈6,000,000 / 200,000⌉ = 30 customers, split
    # 0.5 / 0.3 / 0.2 → 15, 9, 6; opportunities ⌈15/0.3⌉ + ⌈9/0.2⌉ + ⌈6/0.2⌉ = 50 + 45 + 30.
    assert tiles["Company revenue target"] == 20_000_000
    assert tiles["Marketing revenue target"] == 6_000_000
    assert tiles["Customers"] == 30
    assert tiles["Opportunities"] == 125
    lines = {k: value(r, c) for k, (r, c, _) in _budget_lines(page).items()}
    # Proven 720,000 + 100,000 = 820,000; total 820,000 + 150,000 + 300,000 = 1,270,000.
    assert lines == {"Headcount": 300_000, "Proven": 820_000, "Experiment": 150_000,
                     "Reserve": 0, "Total": 1_270_000}
    share_row, _, _ = _budget_lines(page)["Proven"]
    assert value(share_row, 10) == pytest.approx(820_000 / 1_270_000)
    # Plan by module: growth's 300,000 of a programme now 970,000.
    module = sheets["module_plan"].blocks[0]
    mws = openpyxl.load_workbook(recalculated, data_only=True)["Plan by module"]
    share = mws.cell(module.row + 2, module.index("budget_share") + 1).value
    assert share == pytest.approx(300_000 / 970_000)


# --- LibreOffice: one printed page, in English and Chinese ------------------------------


@pytest.mark.libreoffice
@needs_office
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_plan_on_a_page_prints_on_one_page(lang, tmp_path):
    sheets = build_sheets(fx.tables(), settings=fx.settings(lang), extra=fx.extra())
    book = tmp_path / "book.xlsx"
    write_sheets(sheets, book)
    pdf = lo_convert.convert(book, "pdf", tmp_path)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    flat = ["".join(p.split()) for p in pages]
    title = "".join(label("title.plan_on_page", lang, year=2027).split())
    at = next(i for i, p in enumerate(flat) if p.startswith(title))
    for key in ("title.page_funnel", "title.page_budget", "title.page_house",
                "title.page_modules", "title.page_quarters", "title.page_risks"):
        assert "".join(label(key, lang).split()) in flat[at], key
    assert "Growwithconfidence" in flat[at]  # the message house roof
    # The next page is the Targets sheet: the plan took exactly one page.
    assert flat[at + 1].startswith("".join(label("title.targets", lang).split()))


# --- The input sheets -------------------------------------------------------------------


def test_new_input_sheets_are_read_in_any_language_with_bad_cells_reported():
    grids = {
        "模块计划": [["help"], [], ["模块", "营销重点", "预算", "风险点", "应对措施"],
                  ["品牌", "声量", "¥300,000", "竞品投入大", "聚焦"]],
        "季度主題": [["季度", "主題", "重點活動"], ["Q1", "品牌认知", "发布会"]],  # Traditional
        "OKR": [["目标", "关键结果", "目标值", "实际值"], ["增长", "MQL", "abc", 5]],
        "Lessons": [["module", "what_worked", "method"], ["growth", "SLA", "48 h"]],
    }
    inputs = read_inputs(grids)
    assert inputs.modules[["module", "budget", "risk"]].values.tolist() == [
        ["品牌", 300_000.0, "竞品投入大"]]
    assert inputs.quarters[["quarter", "theme", "key_campaigns"]].values.tolist() == [
        ["Q1", "品牌认知", "发布会"]]
    assert inputs.lessons["method"].tolist() == ["48 h"]
    bad = inputs.findings.to_frame()
    bad = bad[bad["sheet"] == "OKR"]
    assert bad[["row", "column"]].values.tolist() == [[2, "目标值"]]  # the header as typed
    assert re.search("abc", bad["message"].iloc[0])


def test_quarter_themes_sit_beside_the_plan_by_quarter():
    sheet = _sheets()["plan_quarterly"]
    main, side = sheet.blocks[0], sheet.block("quarter_themes")
    assert side.row == main.row and side.col == main.last_col + 2
    # The fixture has no theme for Q3: its row stays blank, aligned with the numbers.
    assert side.column("quarter").values == ["Q1", "Q2", "Q3", "Q4"]
    assert side.column("theme").values == ["Awareness", "Conversion", None, "Harvest"]


def test_a_negative_module_budget_is_reported_and_left_out():
    grids = {"Modules": [["module", "budget"], ["brand", -5], ["growth", 10]]}
    inputs = read_inputs(grids)
    bad = inputs.findings.to_frame()
    bad = bad[bad["sheet"] == "Modules"]
    assert bad[["row", "column"]].values.tolist() == [[2, "budget"]]
    assert inputs.modules["budget"].isna().tolist() == [True, False]


def test_a_reserve_line_shows_on_the_page_and_below_the_budget():
    tables = fx.tables()
    budget = tables["budget"]
    # A reserve of 50,000 before headcount; the total becomes 1,070,000 + 50,000 = 1,120,000.
    reserve = pd.DataFrame({"channel": ["reserve"], "type": ["reserve"],
                            "planned_cost": [50_000.0]})
    budget = pd.concat([budget.iloc[:3], reserve, budget.iloc[3:]], ignore_index=True)
    budget.loc[budget["channel"] == "total", "planned_cost"] = 1_120_000.0
    tables["budget"] = budget
    sheets = {s.key: s for s in build_sheets(tables, settings=fx.settings(), extra=fx.extra())}
    lines = {k: f.value for k, (_, _, f) in _budget_lines(sheets["plan_on_page"]).items()}
    assert lines == {"Headcount": 300_000, "Proven": 620_000, "Experiment": 150_000,
                     "Reserve": 50_000, "Total": 1_120_000}
    # Budget: the categories sit below the chart, never over the budget table.
    sheet = sheets["budget"]
    main, side = sheet.block("budget"), sheet.block("budget_categories")
    assert side.row > max(main.last_row, *(c.row + c.height // 20 for c in sheet.charts))


@pytest.mark.parametrize(("value", "rate"), [
    (0.25, True), (0.999, True),  # 25% typed as a percentage
    (0, False), (1, False), (1.15, False), (550, False), (-0.2, False), (None, False),
    ("0.3", False),
])
def test_a_target_between_0_and_1_shows_as_a_percentage(value, rate):
    from xlreview.layout_page import is_rate

    assert is_rate(value) is rate


def test_rate_targets_show_as_percentages_on_the_module_plan_and_the_page():
    sheets = _sheets()
    target = sheets["module_plan"].blocks[0].column("target")
    # Fixture: growth 550 MQL (a number), brand 0.25 share of voice (a rate).
    assert 0 not in target.cell_styles
    assert target.cell_styles[1].num_format == "0.0%"
    page = sheets["plan_on_page"]
    shown = [m for m in page.merges if isinstance(m.value, Formula)
             and "Plan by module" in m.value.text and m.value.value == 0.25]
    assert len(shown) == 1 and shown[0].style.num_format == "0.0%"


def test_traditional_chinese_sheet_names_are_read():
    from xlreview.model import normalise_header, sheet_lookup

    lookup = sheet_lookup()
    assert {name: lookup[normalise_header(name)] for name in ("模組計劃", "季度主題", "經驗沉澱",
                                                               "團隊OKR")} == {
        "模組計劃": "modules", "季度主題": "quarters", "經驗沉澱": "lessons", "團隊OKR": "okr"}
