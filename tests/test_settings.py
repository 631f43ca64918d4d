"""Parsing the Settings sheet into the Settings value object."""

import pytest

from xlreview.checks import Findings
from xlreview.settings import Settings, parse_settings, settings_fields


def test_blank_sheet_gives_the_defaults():
    assert parse_settings([]) == Settings()
    assert Settings().experiment_share == 0.2
    assert Settings(fiscal_year=2025).plan_year == 2026


def test_values_are_converted_from_what_people_type():
    rows = [
        (2, "fiscal_year", 2025.0),
        (3, "revenue_target", "¥200,000,000"),
        (4, "new_customer_share", "60%"),
        (5, "marketing_share", 50),  # typed as a percentage number
        (6, "language", "中文"),
        (7, "seasonality", "Flat"),
        (8, "share_copy", "是"),
        (9, "Budget Method", "curve"),  # header-like spelling of the key
    ]
    s = parse_settings(rows)
    assert s.fiscal_year == 2025
    assert s.revenue_target == 200_000_000
    assert s.new_customer_share == pytest.approx(0.6)
    assert s.marketing_share == pytest.approx(0.5)
    assert s.language == "zh-CN"
    assert s.seasonality == "flat"
    assert s.share_copy is True
    assert s.budget_method == "curve"


@pytest.mark.parametrize(
    ("key", "value", "column"),
    [
        ("revenue_target", "lots", "value"),  # not a number
        ("fiscal_year", 2025.5, "value"),  # not a whole year
        ("experiment_share", 250, "value"),  # not a share
        ("language", "fr", "value"),  # not a supported language
        ("budget_total", -5, "value"),  # negative money
        ("goal_cap", "lots", "value"),  # not a completion
        ("goal_cap", 0, "value"),  # a cap of nothing
        ("colour", "blue", "key"),  # unknown key
    ],
)
def test_bad_rows_are_reported_with_their_row_and_the_default_kept(key, value, column):
    findings = Findings()
    s = parse_settings([(12, key, value)], sheet="设置", findings=findings)
    assert len(findings) == 1
    issue = findings.issues[0]
    assert (issue.sheet, issue.row, issue.column) == ("设置", 12, column)
    assert s == Settings()


def test_every_field_is_a_documented_setting():
    assert settings_fields()[0] == "fiscal_year"
    assert {"brand", "budget_method", "language", "share_copy"} <= set(settings_fields())


@pytest.mark.parametrize(("lang", "row", "column", "message"), [
    ("en", (4, "seasonality", "weekly"), "value",
     "seasonality: 'weekly' is not one of history, flat; default used"),
    ("zh-CN", (4, "月度权重", "每周"), "数值",
     "月度权重：“每周”不是 按历史、平均 之一，使用默认值"),
    ("zh-TW", (4, "回顧年度", 2024.5), "數值", "回顧年度：“2024.5”不是整數，使用默認值"),
    ("zh-TW", (4, "顏色", "藍"), "設置項", "未知的設置項“顏色”：已忽略"),
])
def test_problems_are_reported_in_the_language_the_sheet_asks_for(lang, row, column, message):
    findings = Findings()
    parse_settings([(3, "language", lang), row], sheet="S", findings=findings)
    [issue] = findings.issues
    assert (issue.row, issue.column, issue.message) == (4, column, message)
