"""The input workbook: sheets, tables, headers, validation, and a faithful round trip."""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from xlreview import model
from xlreview.io import template
from xlreview.io.template import display_width, write_input_book
from xlreview.labels import label
from xlreview.sample import sample_company
from xlreview.settings import settings_fields

LANGS = ["en", "zh-CN", "zh-TW"]


def _name(spec: model.SheetSpec, lang: str) -> str:
    return spec.name(lang)


def _headers(spec: model.SheetSpec, lang: str) -> list[str]:
    return [c.header(lang) for c in spec.columns]


@pytest.fixture(scope="module", params=LANGS)
def empty_book(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("tpl") / f"empty_{request.param}.xlsx"
    write_input_book(path, lang=request.param)
    return request.param, openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    frames = sample_company(5, leads_per_year=300)
    path = tmp_path_factory.mktemp("filled") / "sample.xlsx"
    write_input_book(path, data=frames)
    return frames, path


def _rows(path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_every_input_sheet_has_its_table_with_the_model_headers(empty_book):
    lang, wb = empty_book
    for spec in model.INPUT_SHEETS:
        ws = wb[_name(spec, lang)]
        assert list(ws.tables) == [spec.table]
        ref = ws.tables[spec.table].ref
        first, last = ref.split(":")
        assert first == "A3"
        header = [c.value for c in ws["A3":last][0]]
        expected = _headers(spec, lang)
        if spec.key == "settings":
            expected = [*expected, label("col.setting_description", lang)]
        assert header == expected, spec.key
        assert [c.name for c in ws.tables[spec.table].tableColumns] == expected


def test_sheets_have_a_help_line_a_frozen_header_and_a_dark_blue_tab(empty_book):
    lang, wb = empty_book
    for spec in model.INPUT_SHEETS:
        ws = wb[_name(spec, lang)]
        assert ws["A1"].value == label(f"help.{spec.key}", lang)
        assert ws.freeze_panes == "A4"
        assert ws.sheet_properties.tabColor.rgb.upper().endswith("1F3864")
    assert wb.sheetnames[: len(model.INPUT_SHEETS)] == [
        _name(s, lang) for s in model.INPUT_SHEETS
    ]


def test_xlwings_conf_names_the_udf_module_and_is_hidden(empty_book):
    _, wb = empty_book
    ws = wb["xlwings.conf"]
    assert ws.sheet_state == "hidden"
    # xlwings reads A1:B1 expanded down as a key → value dict.
    assert [[c.value for c in row] for row in ws.iter_rows()] == [["UDF Modules",
                                                                    "xlreview_udfs"]]


def _validations(ws) -> dict[str, object]:
    """First cell of each validated range → the validation."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            found[cell_range.coord.split(":")[0]] = dv
    return found


def test_validation_on_dates_lists_and_non_negative_numbers(empty_book):
    lang, wb = empty_book
    leads = _validations(wb[_name(model.LEADS, lang)])
    col = {c.key: openpyxl.utils.get_column_letter(i + 1)
           for i, c in enumerate(model.LEADS.columns)}
    for key in ("created", "mql_date", "won_date", "lost_date"):
        assert leads[f"{col[key]}4"].type == "date", key
    assert leads[f"{col['amount']}4"].type == "decimal"
    assert leads[f"{col['amount']}4"].operator == "greaterThanOrEqual"
    lead_types = leads[f"{col['lead_type']}4"]
    assert lead_types.type == "list"
    expected = {"en": '"new,existing"', "zh-CN": '"新客户,老客户"',
                "zh-TW": '"新客戶,老客戶"'}[lang]
    assert lead_types.formula1 == expected
    spend = _validations(wb[_name(model.SPEND, lang)])
    assert spend["D4"].type == "decimal" and spend["D4"].formula1 == "0"  # cost ≥ 0
    goals = _validations(wb[_name(model.GOALS, lang)])
    assert goals["B4"].type == "list" and goals["E4"].type == "list"  # layer, direction
    headcount = _validations(wb[_name(model.HEADCOUNT, lang)])
    assert headcount["C4"].type == "decimal" and headcount["C4"].formula2 == "1"  # share ≤ 1


def test_settings_sheet_lists_every_setting_with_a_description(empty_book):
    lang, wb = empty_book
    ws = wb[_name(model.SETTINGS, lang)]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert [r[0] for r in rows] == [template.setting_key(k, lang) for k in settings_fields()]
    # Empty template: every value blank but the language, which is the template's.
    assert {r[0]: r[1] for r in rows if r[1] is not None} == {
        template.setting_key("language", lang): lang}
    assert [r[2] for r in rows] == [label(f"setting.{k}", lang) for k in settings_fields()]
    checks = _validations(ws)
    row_of = {k: i + 4 for i, k in enumerate(settings_fields())}
    language = checks[f"B{row_of['language']}"]
    assert language.type == "list" and language.formula1 == '"en,zh-CN,zh-TW"'
    assert checks[f"B{row_of['experiment_share']}"].type == "decimal"


@pytest.mark.parametrize(("lang", "key", "choices"), [
    ("en", "seasonality", '"history,flat"'),
    ("zh-CN", "seasonality", '"按历史,平均"'),
    ("zh-TW", "seasonality", '"按歷史,平均"'),
    ("zh-TW", "budget_method", '"按目標推算,按ROI,按響應曲線,跟隨目標"'),
    ("zh-CN", "share_copy", '"是,否"'),
])
def test_settings_keys_and_choices_are_shown_in_the_workbook_language(tmp_path, lang, key,
                                                                      choices):
    path = write_input_book(tmp_path / "t.xlsx", lang=lang)
    ws = openpyxl.load_workbook(path)[_name(model.SETTINGS, lang)]
    row = 4 + settings_fields().index(key)
    assert ws[f"A{row}"].value == template.setting_key(key, lang)
    assert _validations(ws)[f"B{row}"].formula1 == choices


@pytest.mark.parametrize("lang", LANGS)
def test_settings_written_in_any_language_read_back_as_the_same_settings(tmp_path, lang):
    # The Settings sheet shows 月度权重 / 按历史 … in Chinese; the reader accepts them.
    from xlreview.inputs import read_inputs
    from xlreview.io.files import read_grids

    frames = sample_company(3, leads_per_year=100, lang=lang)
    settings = frames["settings"].assign(
        value=lambda f: f["value"].where(f["key"] != "share_copy", True))
    frames["settings"] = settings
    path = write_input_book(tmp_path / "s.xlsx", lang=lang, data=frames)
    read = read_inputs(read_grids(path)).settings
    given = dict(zip(settings["key"], settings["value"], strict=True))
    assert read.seasonality == given["seasonality"] == "history"
    assert read.budget_method == given["budget_method"] == "curve"
    assert read.language == lang
    assert read.share_copy is True
    assert read.fiscal_year == given["fiscal_year"]
    assert read.revenue_target == given["revenue_target"]


def test_mapping_sheet_has_an_example_line(empty_book):
    lang, wb = empty_book
    ws = wb[_name(model.MAPPING, lang)]
    assert ws["A2"].value == label("help.mapping_example", lang)


def test_filled_leads_read_back_with_calamine_equal_the_frame(filled):
    frames, path = filled
    leads = frames["leads"]
    rows = _rows(path, "Leads")
    assert rows[2] == _headers(model.LEADS, "en")
    body = rows[3:]
    assert len(body) == len(leads)
    # calamine gives "" for a blank cell
    back = pd.DataFrame([[None if v == "" else v for v in r] for r in body],
                        columns=model.LEADS.keys, dtype=object)
    assert back["lead_id"].tolist() == leads["lead_id"].tolist()
    assert back["channel"].tolist() == leads["channel"].tolist()
    expected = leads["campaign"].astype(object).where(leads["campaign"].notna(), None)
    assert back["campaign"].tolist() == expected.tolist()
    for key in ("created", "mql_date", "sql_date", "opp_date", "won_date", "lost_date"):
        got = pd.to_datetime(back[key]).astype("datetime64[ns]")
        pd.testing.assert_series_equal(got, leads[key].astype("datetime64[ns]"),
                                       check_names=False)
    amount = pd.to_numeric(back["amount"])
    np.testing.assert_array_equal(amount.to_numpy(float), leads["amount"].to_numpy(float))


def test_filled_spend_settings_and_goals_read_back(filled):
    frames, path = filled
    spend = pd.DataFrame(_rows(path, "Spend")[3:], columns=model.SPEND.keys)
    np.testing.assert_array_equal(spend["cost"].to_numpy(float),
                                  frames["spend"]["cost"].to_numpy(float))
    assert pd.to_datetime(spend["month"]).tolist() == frames["spend"]["month"].tolist()
    settings = {r[0]: r[1] for r in _rows(path, "Settings")[3:]}
    given = frames["settings"].set_index("key")["value"]
    assert settings["fiscal_year"] == given["fiscal_year"]
    assert settings["revenue_target"] == given["revenue_target"]
    assert settings["brand"] == given["brand"]
    assert settings["avg_deal_size"] == ""  # blank stays blank
    goals = pd.DataFrame(_rows(path, "Goals")[3:], columns=model.GOALS.keys)
    assert goals["goal"].tolist() == frames["goals"]["goal"].tolist()
    assert goals["target"].tolist() == frames["goals"]["target"].tolist()


def test_filled_cells_carry_date_and_number_formats(filled):
    _, path = filled
    ws = openpyxl.load_workbook(path)["Leads"]
    assert ws["B4"].number_format == "yyyy-mm-dd"
    assert isinstance(ws["B4"].value, dt.datetime)
    amounts = [c for c in ws["J"][3:] if c.value is not None]
    assert amounts and all(c.number_format == "#,##0" for c in amounts)
    spend = openpyxl.load_workbook(path)["Spend"]
    assert spend["A4"].number_format == "yyyy-mm"


TRICKY = ["=1+1", "+86 138 0000 0000", "-5", "@home", "A & B <c>", " padded ", "tab\there",
          "_x0041_", "bell\x07"]


@pytest.mark.parametrize("bulk", [True, False])
def test_text_that_looks_like_a_formula_or_xml_stays_text(tmp_path, monkeypatch, bulk):
    if not bulk:
        monkeypatch.setattr(template, "_bulk_writable", lambda ws: False)
    n = len(TRICKY)
    leads = pd.DataFrame({
        "lead_id": [f"X{i}" for i in range(n)],
        "created": pd.date_range("2025-01-01", periods=n),
        "campaign": pd.array(TRICKY, dtype="string"),
    })
    path = tmp_path / "tricky.xlsx"
    write_input_book(path, data={"leads": leads})
    assert [r[3] for r in _rows(path, "Leads")[3:]] == TRICKY
    ws = openpyxl.load_workbook(path)["Leads"]
    cells = [ws.cell(4 + i, 4) for i in range(n)]
    assert all(c.data_type == "s" for c in cells)
    # openpyxl does not decode Excel's _xHHHH_ escapes (calamine and Excel do)
    assert [c.value for c in cells][:7] == TRICKY[:7]


def test_bulk_and_cell_by_cell_writers_give_the_same_cells(tmp_path, monkeypatch):
    frames = sample_company(9, leads_per_year=200, lang="zh-CN")
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    write_input_book(fast, lang="zh-CN", data=frames)
    monkeypatch.setattr(template, "_bulk_writable", lambda ws: False)
    write_input_book(slow, lang="zh-CN", data=frames)
    fast_book, slow_book = openpyxl.load_workbook(fast), openpyxl.load_workbook(slow)
    for spec in model.INPUT_SHEETS:
        name = _name(spec, "zh-CN")
        a = [[(c.value, c.number_format) for c in r] for r in fast_book[name].iter_rows()]
        b = [[(c.value, c.number_format) for c in r] for r in slow_book[name].iter_rows()]
        assert a == b, name


def test_object_columns_with_mixed_values_are_written_cell_by_cell(tmp_path):
    leads = pd.DataFrame({
        "lead_id": [1001, "L2", None],
        "created": ["31-12-2017", dt.datetime(2025, 3, 2, 14, 30), dt.date(2025, 3, 3)],
        "amount": [None, 1200.5, True],
    })
    path = tmp_path / "mixed.xlsx"
    write_input_book(path, data={"leads": leads})
    ws = openpyxl.load_workbook(path)["Leads"]
    assert [ws.cell(r, 1).value for r in (4, 5, 6)] == [1001, "L2", None]
    assert ws["B4"].value == "31-12-2017" and ws["B4"].data_type == "s"
    assert ws["B5"].value == dt.datetime(2025, 3, 2, 14, 30)  # time of day kept
    assert ws["B6"].value == dt.datetime(2025, 3, 3)
    assert ws["J5"].value == 1200.5 and ws["J6"].value is True
    assert openpyxl.load_workbook(path)["Leads"].tables["input_leads"].ref == "A3:L6"


@pytest.mark.parametrize("bulk", [True, False])
def test_infinite_and_missing_numbers_are_written_blank(tmp_path, monkeypatch, bulk):
    if not bulk:
        monkeypatch.setattr(template, "_bulk_writable", lambda ws: False)
    spend = pd.DataFrame({"cost": [1.5, np.inf, -np.inf, np.nan, 2.0]})
    path = tmp_path / "inf.xlsx"
    write_input_book(path, data={"spend": spend})
    cost = [row[3] for row in _rows(path, "Spend")[3:]]
    assert cost == [1.5, "", "", "", 2.0]


def test_unknown_columns_are_ignored_and_missing_ones_left_blank(tmp_path):
    spend = pd.DataFrame({"month": pd.to_datetime(["2025-01-01"]), "cost": [10.0],
                          "_row": [7], "note": ["x"]})
    path = tmp_path / "spend.xlsx"
    write_input_book(path, data={"spend": spend})
    rows = _rows(path, "Spend")
    assert rows[2] == _headers(model.SPEND, "en")
    assert rows[3] == [dt.date(2025, 1, 1), "", "", 10.0, "", "", ""]


def test_display_width_counts_chinese_double():
    assert display_width("abc") == 3
    assert display_width("线索ID") == 6  # 2 + 2 + 1 + 1


@pytest.mark.slow
def test_two_hundred_thousand_leads_write_in_reasonable_time(tmp_path):
    frames = sample_company(leads_per_year=66_667)
    path = tmp_path / "big.xlsx"
    start = time.perf_counter()
    write_input_book(path, data=frames)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, elapsed
    rows = _rows(path, "Leads")
    assert len(rows) == 3 + 200_001
    assert rows[-1][0] == frames["leads"]["lead_id"].iloc[-1]


def test_input_sheet_names_never_clash_with_generated_sheets():
    # A rebuild replaces generated sheets by name: a clash would replace the user's input.
    from xlreview.layout import generated_sheet_names

    inputs = {s.en for s in model.INPUT_SHEETS} | {s.zh for s in model.INPUT_SHEETS}
    assert generated_sheet_names() & inputs == set()


def _grids(path) -> dict[str, list[list[object]]]:
    """Cells as the adapters hand them to the core: blanks are None (calamine gives "")."""
    book = CalamineWorkbook.from_path(str(path))
    return {name: [[None if v == "" else v for v in row]
                   for row in book.get_sheet_by_name(name).to_python()]
            for name in book.sheet_names}


@pytest.mark.parametrize("lang", LANGS)
def test_the_reader_gets_the_sample_back_from_the_workbook(tmp_path, lang):
    from xlreview.inputs import read_inputs

    frames = sample_company(5, leads_per_year=300, lang=lang)
    path = tmp_path / "sample.xlsx"
    write_input_book(path, lang=lang, data=frames)
    inputs = read_inputs(_grids(path))
    assert len(inputs.leads) == len(frames["leads"])
    assert set(inputs.leads["channel"]) == set(frames["leads"]["channel"])
    assert set(inputs.leads["lead_type"].dropna()) == {"new", "existing"}
    assert inputs.settings.fiscal_year == 2025
    assert inputs.settings.language == lang
    assert inputs.spend["cost"].sum() == pytest.approx(frames["spend"]["cost"].sum())
    assert len(inputs.goals) == len(frames["goals"])
    errors = inputs.findings.to_frame().query("severity == 'error'")
    assert errors.empty, errors


@pytest.mark.parametrize("lang", LANGS)
def test_the_empty_template_writes_its_language_into_settings(tmp_path, lang):
    """``xlreview template --lang zh-CN`` rebuilds in Chinese: the language cell is filled,
    so the rebuild (and the command's messages) follow the template's language."""
    from xlreview.inputs import read_inputs

    path = tmp_path / "template.xlsx"
    write_input_book(path, lang=lang)
    settings = {row[0]: row[1] for row in _grids(path)[_name(model.SETTINGS, lang)]}
    assert settings[template.setting_key("language", lang)] == lang
    assert read_inputs(_grids(path)).settings.language == lang
