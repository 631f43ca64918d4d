"""Traditional Chinese (zh-TW): inputs in either script, Mapping sheet renames, Settings shown
in the workbook's language, the sample and the command in Traditional."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from tests.test_labels import _SIMPLIFIED_ONLY
from xlreview import cellfuncs, model
from xlreview.cli import main
from xlreview.inputs import read_inputs
from xlreview.labels import label
from xlreview.sample import sample_company
from xlreview.settings import parse_settings

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEADS = [["2024-03-01", "微信", "2024-03-05"], ["2024-04-02", "官網", None]]


def _leads_grid(headers: list[str]) -> list[list[object]]:
    return [headers, *[[f"L{i}", *row] for i, row in enumerate(_LEADS)]]


# --- the model's names in both scripts --------------------------------------------------


def test_every_chinese_name_of_the_input_sheets_has_its_traditional_spelling():
    names = [n for spec in model.INPUT_SHEETS
             for n in (spec.zh, *spec.aliases, *(x for c in spec.columns
                                                 for x in (c.zh, *c.aliases)))]
    missing = [n for n in names if _CJK.search(n) and n not in model.TRADITIONAL]
    assert missing == []


def test_traditional_spellings_hold_no_simplified_characters():
    found = {s: t for s, t in model.TRADITIONAL.items() if set(t) & set(_SIMPLIFIED_ONLY)}
    assert found == {}


@pytest.mark.parametrize("language", ["en", "zh-CN", "zh-TW"])
def test_traditional_sheet_and_headers_are_read_whatever_the_workbook_language(language):
    # The issue's example: a 線索 sheet with 線索ID, 創建日期 was refused (未找到工作表).
    grids = {"線索": _leads_grid(["線索ID", "創建日期", "渠道", "MQL日期"]),
             "Settings": [["language", language]]}
    inputs = read_inputs(grids)
    assert inputs.names["leads"] == "線索"
    assert inputs.leads["lead_id"].tolist() == ["L0", "L1"]
    assert inputs.leads["channel"].tolist() == ["微信", "官網"]
    assert inputs.leads["reached_mql"].tolist() == [True, False]
    assert [f.severity for f in inputs.findings.issues if f.severity == "error"] == []


def test_simplified_headers_are_read_in_a_traditional_workbook():
    grids = {"线索": _leads_grid(["线索ID", "创建日期", "渠道", "MQL日期"]),
             "設置": [["語言", "zh-TW"]]}
    inputs = read_inputs(grids)
    assert inputs.settings.language == "zh-TW"
    assert len(inputs.leads) == 2


def test_a_missing_column_is_named_in_traditional():
    inputs = read_inputs({"線索": [["線索ID", "渠道"], ["L1", "微信"]],
                          "設置": [["語言", "繁體"]]})
    messages = [f.message for f in inputs.findings.issues]
    assert label("msg.column_missing", "zh-TW", sheet="線索", column="創建日期") in messages


def test_plan_sheets_of_a_traditional_template_are_read():
    # What a Taipei or Hong Kong user types: the template's Traditional headers, or the
    # local words 模組 (module), 因應措施 (response), 關鍵成果 (key result), 資料依據 (evidence).
    grids = {
        "模塊計劃": [["模組", "營銷重點", "考核指標", "目標值", "預算", "風險點", "因應措施"],
                    ["品牌", "聲量", "聲量份額", 0.25, 300_000, "競品投入大", "聚焦兩個平臺"]],
        "季度主題": [["季度", "主題", "重點活動"], ["Q1", "品牌認知", "發布會"]],
        "團隊OKR": [["目標", "關鍵成果", "負責人", "上級", "目標值", "實際值", "權重"],
                   ["提升市場來源成交額", "MQL增長20%", "李娜", None, 1640, 1500, 2]],
        "經驗沉澱": [["模組", "成功經驗", "可複用方法", "資料依據"],
                    ["活動", "城市沙龍勝過大型展位", "30人沙龍", "單個商機費用為展會的三分之一"]],
        "費用": [["月份", "渠道", "費用", "費用類別"], ["2024-01", "微信", 100, "媒體投放"]],
    }
    inputs = read_inputs(grids)
    assert inputs.modules[["module", "kpi", "budget", "response"]].values.tolist() == [
        ["品牌", "聲量份額", 300_000.0, "聚焦兩個平臺"]]
    assert inputs.quarters["key_campaigns"].tolist() == ["發布會"]
    assert inputs.okr[["key_result", "target", "actual", "weight"]].values.tolist() == [
        ["MQL增長20%", 1640.0, 1500.0, 2.0]]
    assert inputs.lessons[["method", "evidence"]].values.tolist() == [
        ["30人沙龍", "單個商機費用為展會的三分之一"]]
    assert inputs.spend["category"].tolist() == ["媒體投放"]
    # Nothing is said about these sheets (only that the workbook has no Leads).
    sheets = {f.sheet for f in inputs.findings.issues}
    assert sheets.isdisjoint(grids), sheets


@pytest.mark.parametrize(("typed", "expected"), [
    ("新客戶", "new"), ("老客戶", "existing"), ("續約", "existing"), ("新客户", "new"),
])
def test_lead_types_in_either_script(typed, expected):
    grid = [["線索ID", "創建日期", "客戶類型"], ["L1", "2024-01-02", typed]]
    assert read_inputs({"線索": grid}).leads["lead_type"].tolist() == [expected]


# --- the Mapping sheet names a sheet ---------------------------------------------------


def _mapping(*rows: list[object]) -> list[list[object]]:
    return [["工作表", "字段", "源列名"], *rows]


def test_mapping_names_the_leads_sheet_and_its_columns_under_their_export_names():
    grids = {
        "CRM導出": [["編號", "建檔日", "來源"], ["A1", "2024-05-06", "抖音"]],
        "字段映射": _mapping(["線索", "工作表", "crm導出"],  # names match as headers do
                            ["CRM導出", "lead_id", "編號"], ["leads", "created", "建檔日"],
                            ["leads", "channel", "來源"]),
    }
    inputs = read_inputs(grids)
    assert inputs.names["leads"] == "CRM導出"
    assert inputs.leads[["lead_id", "channel"]].values.tolist() == [["A1", "抖音"]]
    # Nothing about the Mapping sheet (the export has no stage dates: a warning on its sheet).
    assert [i for i in inputs.findings.issues if i.sheet == "字段映射"] == []


def test_mapping_naming_a_sheet_the_workbook_lacks_is_a_warning():
    grids = {"Leads": _leads_grid(["lead_id", "created", "channel", "mql_date"]),
             "Mapping": [["sheet", "column", "source"], ["leads", "sheet", "CRM export"]]}
    inputs = read_inputs(grids)
    assert len(inputs.leads) == 2  # the usual Leads sheet is read
    [finding] = [i for i in inputs.findings.issues if i.sheet == "Mapping"]
    assert (finding.severity, finding.sheet) == ("warning", "Mapping")
    assert "'CRM export'" in finding.message


def test_file_rebuild_reads_the_sheet_the_mapping_names(tmp_path):
    from xlreview.io.files import start_reading
    from xlreview.rebuild import rebuild

    path = tmp_path / "export.xlsx"
    book = xlsxwriter.Workbook(str(path))
    rows = {"設置": [["語言", "繁體中文"], ["回顧年度", 2024]],
            "字段映射": _mapping(["leads", "sheet", "CRM導出"]),
            "CRM導出": _leads_grid(["線索ID", "創建日期", "渠道", "MQL日期"])}
    for name, grid in rows.items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    book.close()
    assert "CRM導出" in start_reading(path).names
    result = rebuild(path)
    assert len(result.inputs.leads) == 2
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert label("sheet.roi_matrix", "zh-TW") in names and "CRM導出" in names


# --- Settings in the workbook's language -------------------------------------------------


@pytest.mark.parametrize(("key", "value", "field", "expected"), [
    ("月度权重", "平均", "seasonality", "flat"),          # Simplified key and value
    ("月度權重", "按歷史", "seasonality", "history"),     # Traditional
    ("預算分配方式", "按響應曲線", "budget_method", "curve"),
    ("预算分配方式", "按ROI", "budget_method", "roi"),
    ("budget_method", "Implied", "budget_method", "implied"),  # English keys still work
    ("分享副本", "是", "share_copy", True),
    ("語言", "zh-Hant", "language", "zh-TW"),
    ("语言", "zh_hk", "language", "zh-TW"),
    ("language", "繁体", "language", "zh-TW"),
    ("回顧年度", "2024", "fiscal_year", 2024),
])
def test_settings_keys_and_values_in_either_script(key, value, field, expected):
    assert getattr(parse_settings([(1, key, value)]), field) == expected


# --- the sample and the command ----------------------------------------------------------


def test_traditional_sample_has_no_simplified_text():
    frames = sample_company(3, leads_per_year=200, lang="zh-TW")
    texts = {v for frame in frames.values() for col in frame.columns
             for v in frame[col].dropna().tolist() if isinstance(v, str)}
    assert {t for t in texts if set(t) & set(_SIMPLIFIED_ONLY)} == set()
    assert "雲啟軟件" in texts and "線下活動" in texts


def test_traditional_and_simplified_samples_are_the_same_company():
    # Same seed: the same numbers, only the script of the text differs.
    tw = sample_company(3, leads_per_year=200, lang="zh-TW")
    cn = sample_company(3, leads_per_year=200, lang="zh-CN")
    assert tw["leads"]["amount"].sum() == cn["leads"]["amount"].sum()
    assert tw["spend"]["cost"].sum() == cn["spend"]["cost"].sum()
    assert tw["leads"]["channel"].nunique() == cn["leads"]["channel"].nunique()
    # The settings derived from the history too: 老客戶 is an existing customer, so the
    # revenue target (30 % above this year's marketing-sourced revenue) is the same.
    settings = [dict(zip(f["settings"]["key"], f["settings"]["value"], strict=True))
                for f in (tw, cn)]
    assert settings[0]["revenue_target"] == settings[1]["revenue_target"]
    assert settings[0]["budget_total"] == settings[1]["budget_total"]


def test_traditional_sample_names_its_goal_metrics_in_words_that_read_back():
    from xlreview.goals import normalise_metric

    def metrics(lang: str) -> list[str | None]:
        column = sample_company(3, leads_per_year=200, lang=lang)["goals"]["metric"]
        return [None if pd.isna(m) else m for m in column]

    tw, en = metrics("zh-TW"), metrics("en")
    assert "線索數" in tw and "獲客費用" in tw  # what the Goals help promises, not "leads"
    assert [m and normalise_metric(m) for m in tw] == en


def test_template_command_accepts_traditional_spellings(tmp_path, capsys):
    path = tmp_path / "t.xlsx"
    assert main(["template", "--lang", "zh-HK", str(path)]) == 0
    assert capsys.readouterr().out == f"模板已寫入：{path}\n"
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert "線索" in names and "設置" in names and "人員費用" in names


def test_unknown_language_is_refused_by_the_command(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["template", "--lang", "fr", str(tmp_path / "t.xlsx")])
    assert exit_.value.code == 2
    assert "unknown language 'fr'" in capsys.readouterr().err


# --- cell functions ----------------------------------------------------------------------


def test_cell_functions_speak_traditional_when_the_environment_says_so(monkeypatch):
    rates = [[0.2], [0.3], [0.4], [0.25]]
    monkeypatch.delenv(cellfuncs.LANGUAGE_VARIABLE, raising=False)
    assert cellfuncs.funnel_target(120, None, rates)[0][0] == "Leads / 线索"
    monkeypatch.setenv(cellfuncs.LANGUAGE_VARIABLE, "zh-TW")
    # 120 customers: ⌈120/25%⌉ = 480 opportunities, ⌈480/40%⌉ = 1200 SQL, …
    assert cellfuncs.funnel_target(120, None, rates) == [
        ["Leads / 線索", 20000], ["MQL", 4000], ["SQL", 1200],
        ["Opportunities / 商機", 480], ["Customers / 成交客戶", 120]]
    assert cellfuncs.funnel_target(120, None, rates, "商機") == 480
    assert cellfuncs.funnel_target("x", None, rates) == "target: need a number, got 'x' / " \
        "需要數字，收到 'x'"


# --- the bundled Traditional workbooks ---------------------------------------------------


def test_bundled_traditional_sample_is_rebuilt_in_traditional():
    from pathlib import Path

    path = Path(__file__).parents[1] / "workbooks" / "xlreview_sample_zh-TW.xlsx"
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert {label(f"sheet.{k}", "zh-TW") for k in ("roi_matrix", "dashboard", "targets")} \
        <= set(names)
    with zipfile.ZipFile(path) as zf:
        theme = zf.read("xl/theme/theme1.xml").decode()
    assert '<a:ea typeface="Microsoft JhengHei"/>' in theme
    # The generated sheets' styles survive the transplant into the workbook.
    book = openpyxl.load_workbook(path)
    ws = book[label("sheet.roi_matrix", "zh-TW")]
    assert ws["A1"].font.name == ws["A5"].font.name == "Microsoft JhengHei"
    # Live formulas look Settings up by the key the sheet shows (明年營收目標), not revenue_target.
    targets = book[label("sheet.targets", "zh-TW")]
    formulas = [str(c.value) for row in targets.iter_rows(max_row=8, max_col=2) for c in row
                if str(c.value).startswith("=")]
    assert any('MATCH("明年營收目標"' in f for f in formulas), formulas
    assert not any('MATCH("revenue_target"' in f for f in formulas)


def test_mapping_rows_in_chinese_words_with_a_day_first_date_format():
    # 日月年 = day first: 03-04-2024 is 3 April 2024 (month first it would be 4 March).
    grids = {"線索": [["編號", "建檔日"], ["A", "03-04-2024"]],
             "字段映射": [["工作表", "字段", "源列名", "日期格式"],
                          ["线索", "创建日期", "建檔日", "日月年"],
                          ["線索", "線索ID", "編號", None]]}
    leads = read_inputs(grids).leads
    assert leads["lead_id"].tolist() == ["A"]
    assert leads["created"].dt.strftime("%Y-%m-%d").tolist() == ["2024-04-03"]


def test_switching_a_rebuilt_workbook_to_traditional_replaces_its_generated_sheets(tmp_path):
    from xlreview.cli import write_demo
    from xlreview.rebuild import rebuild

    path = write_demo(tmp_path, lang="zh-CN")
    rebuild(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["设置"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "语言")
    ws.cell(row, 2).value = "繁體"
    wb.save(path)
    rebuild(path)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert label("sheet.targets", "zh-TW") in names
    assert label("sheet.targets", "zh-CN") not in names
    assert "线索" in names  # input sheets keep their names


@pytest.mark.parametrize(("typed", "metric"), [
    ("線索", "leads"), ("线索数", "leads"), ("營銷合格線索", "mql"), ("商機", "opp"),
    ("成交額", "revenue"), ("成交额", "revenue"), ("費用", "cost"), ("投產比", "roas"),
    ("獲客費用", "cac"), ("获客成本", "cac"), ("聲量份額", "share_of_voice"),
    ("市場來源成交額", "marketing_revenue"), ("revenue", "revenue"), ("營收", None),
])
def test_goal_metrics_named_in_chinese_words_in_either_script(typed, metric):
    from xlreview.goals import normalise_metric

    assert normalise_metric(typed) == metric
