"""The review sheets of issue 14 in the sheet model, and rendered by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess

import pandas as pd
import pytest

from tests import lo_convert
from tests import tables_fixture as fx
from tests.test_baseline import ROWS, baseline, leads, spend
from tests.test_share_of_voice import two_brands_two_platforms
from tests.test_year_over_year import two_years
from xlreview.baseline import plan_vs_actual
from xlreview.handoff import handoff_table
from xlreview.io.writer import write_sheets
from xlreview.labels import label
from xlreview.layout import build_sheets
from xlreview.layout_review import CHANGE_FORMAT
from xlreview.share_of_voice import brand_shares, share_trend
from xlreview.year_over_year import year_over_year


def review_tables() -> dict[str, pd.DataFrame]:
    tables = fx.tables()
    yoy_leads, yoy_spend = two_years()
    tables["year_over_year"] = year_over_year(yoy_leads, yoy_spend, 2024)
    tables["plan_vs_actual"] = plan_vs_actual(baseline(ROWS), leads(), spend(), 2025)
    tables["campaign_channels"] = pd.DataFrame({
        "campaign": ["Expo", "Expo"], "channel": ["events", "email"], "leads": [2, 1],
        "mql": [1, 1], "sql": [1, 1], "opp": [1, 1], "won": [1, 1],
        "revenue": [5000.0, 2000.0]})
    tables["sov_brands"] = brand_shares(two_brands_two_platforms(), 2024)
    tables["sov_trend"] = share_trend(two_brands_two_platforms(), 2024)
    handoff = leads().assign(handoff=["accepted", None, None, "rejected", None])
    tables["handoff"] = handoff_table(handoff, 2025)
    return tables


@pytest.fixture(scope="module", params=["en", "zh-CN", "zh-TW"])
def sheets(request):
    built = build_sheets(review_tables(), settings=fx.settings(request.param),
                         extra=fx.extra())
    return request.param, {s.key: s for s in built}


def test_the_new_sheets_are_built_in_order(sheets):
    _, built = sheets
    keys = list(built)
    assert keys.index("roi_matrix") < keys.index("year_over_year") < keys.index("funnel")
    assert keys.index("events") < keys.index("campaign_channels")
    assert "share_of_voice" in keys  # every brand, even without the own brand's table
    assert keys.index("share_of_voice") < keys.index("plan_vs_actual") < keys.index("targets")


def test_year_over_year_formats_follow_the_metric(sheets):
    lang, built = sheets
    block = built["year_over_year"].block("year_over_year")
    metrics = review_tables()["year_over_year"]["metric"].tolist()
    change = block.column("change")
    for i, metric in enumerate(metrics):
        # ROI changes in percentage points, named in the sheet's language ("+1.5 個百分點").
        want = label("format.points", lang) if metric == "roi" else CHANGE_FORMAT
        assert change.cell_styles[i].num_format == want
    unit = {"en": '" pp"', "zh-CN": '" 个百分点"', "zh-TW": '" 個百分點"'}[lang]
    assert unit in change.cell_styles[metrics.index("roi")].num_format
    assert block.column("last_year").cell_styles[metrics.index("cost")].num_format.startswith(
        '"¥"')


def test_plan_vs_actual_charts_plan_actual_and_forecast_by_month(sheets):
    _, built = sheets
    sheet = built["plan_vs_actual"]
    # The worked example has months only for leads (2025-01 and 2025-04, blank channel).
    helper = sheet.block("pva_leads")
    assert helper.column("period").values == ["2025-01"]
    [chart] = sheet.charts
    assert [s.values.first_col for s in chart.series] == [
        helper.index("plan"), helper.index("actual"), helper.index("forecast")]
    # Completion coloured except for cost rows.
    assert all("<>" in c.options["criteria"] for c in sheet.conditionals)


def test_handoff_sits_beside_the_funnel(sheets):
    _, built = sheets
    funnel = built["funnel"]
    assert funnel.block("handoff").col > funnel.block("funnel").last_col


@pytest.mark.libreoffice
@pytest.mark.skipif(lo_convert.soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler missing")
def test_libreoffice_renders_the_new_sheets(sheets, tmp_path):
    lang, built = sheets
    keys = ["year_over_year", "campaign_channels", "share_of_voice", "plan_vs_actual",
            "funnel"]
    book = tmp_path / f"review_{lang}.xlsx"
    write_sheets([built[k] for k in keys], book)
    pdf = lo_convert.convert(book, "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = {"en": ["This year against last year", "+100.0 pp", "One campaign across",
                    "Every brand on every platform", "Plan against actual",
                    "Accepted (SAL)"],
             "zh-CN": ["今年与去年对比", "+100.0 个百分点", "跨渠道的活动", "各平台各品牌",
                       "计划与实际对比", "销售接受（SAL）"],
             "zh-TW": ["今年與去年對比", "+100.0 個百分點", "跨渠道的活動", "各平臺各品牌",
                       "計劃與實際對比", "銷售接受（SAL）"]}[lang]
    for word in words:
        assert word in text, word


def test_revenue_by_channel_last_and_this_year_is_charted(sheets):
    _, built = sheets
    sheet = built["year_over_year"]
    helper = sheet.block("yoy_revenue")
    # The two-year example: ads 1000 → 3000, web 0 → 0 (Total left out).
    assert helper.column("channel").values == ["ads", "web"]
    assert helper.column("last_year").values == [1000.0, 0.0]
    assert helper.column("this_year").values == [3000.0, 0.0]
    [chart] = sheet.charts
    assert [s.values.first_col for s in chart.series] == [helper.index("last_year"),
                                                          helper.index("this_year")]


def test_each_campaigns_leads_by_channel_stack_up(sheets):
    _, built = sheets
    sheet = built["campaign_channels"]
    helper = sheet.block("campaign_channel_leads")
    assert [c.header for c in helper.columns[1:]] == ["events", "email"]  # most leads first
    assert [c.values for c in helper.columns[1:]] == [[2], [1]]
    [chart] = sheet.charts
    assert chart.stacked and len(chart.series) == 2


def _goal_sheets(lang: str = "en"):
    """Four goals of two modules, as the review gives them with the Goals sheet's columns::

        module  goal      metric   weight target  actual  completion
        growth  Leads     leads    0.4    100     120     1.2   (capped at 1.0)
        growth  Revenue   revenue  0.2    1000    500     0.5
        brand   SOV       sov      0.3    0.25    0.2     0.8
        brand   Videos    -        0.1    4       4       1.0

    Completion by module (each goal at most 100 %, weighted):
    growth (1.0 × 0.4 + 0.5 × 0.2) / 0.6 = 0.8333…; brand (0.8 × 0.3 + 1.0 × 0.1) / 0.4 = 0.85.
    Score: (0.4 + 0.1 + 0.24 + 0.1) / 1.0 = 0.84.
    """
    from types import SimpleNamespace

    goals = pd.DataFrame({
        "module": ["growth", "growth", "brand", "brand"], "layer": ["effect"] * 4,
        "goal": ["Leads", "Revenue", "SOV", "Videos"],
        "target": [100.0, 1000.0, 0.25, 4.0], "actual": [120.0, 500.0, 0.2, 4.0],
        "completion": [1.2, 0.5, 0.8, 1.0],
        "status": ["achieved", "missed", "at_risk", "achieved"],
        "gap": [-20.0, 500.0, 0.05, 0.0], "weight": [0.4, 0.2, 0.3, 0.1],
        "owner": ["Li Na", "Li Na", "Wang Lei", None], "comment": [None, "Q4 slipped", None, None],
    })
    tables = {**fx.tables(), "goal_review": goals}
    extra = SimpleNamespace(message_house=fx.extra().message_house,
                            goals=goals.assign(metric=["leads", "revenue", "sov", None]))
    built = build_sheets(tables, settings=fx.settings(lang), extra=extra)
    return {s.key: s for s in built}


def test_goal_review_shows_owner_weight_and_comment_in_the_presented_order():
    block = _goal_sheets()["goal_review"].block("goal_review")
    assert [c.header for c in block.columns] == [
        "Module", "Layer", "Goal", "Owner", "Weight", "Target", "Actual", "Completion",
        "Status", "Gap", "Comment"]
    assert block.column("weight").style.num_format == "0.0%"  # weights add up to 100 %
    assert block.column("completion").style.num_format == "0.0%"
    # Targets in their metric's format: a count, money, a share, a plain number.
    formats = [block.column("target").cell_styles[i].num_format for i in range(4)]
    assert formats[0] == "#,##0" and formats[1].startswith('"¥"')
    assert formats[2] == "0.0%" and formats[3] == "#,##0.##;-#,##0.##;0"


def test_goal_review_score_and_completion_by_module():
    sheet = _goal_sheets()["goal_review"]
    helper = sheet.block("goal_modules")
    assert helper.column("module").values == ["growth", "brand"]
    assert helper.column("completion").values == pytest.approx([0.5 / 0.6, 0.85])
    texts = [c.value for c in sheet.cells if isinstance(c.value, str)]
    assert "Weighted goal score: 84.0% (each goal counts at most 100%)" in texts
    [chart] = sheet.charts
    assert chart.kind == "bar" and chart.value_min == 0.0


def test_dashboard_tiles_compare_with_the_year_before():
    """The two-year example's Total: programme ROI 0 % → 50 %, CAC ¥1,000 → ¥2,000."""
    merges = {m.value for m in _dashboard_merges()}
    assert ("programme and headcount cost; programme ROI 50%, the year before 0% (+50 pp)"
            in merges)
    assert "cost per customer; ¥1,000 the year before (+100%)" in merges


def test_dashboard_tiles_say_percentage_points_in_traditional():
    # The same example: ROI 0 % → 50 % is +50 percentage points, 個百分點 in zh-TW.
    merges = {m.value for m in _dashboard_merges("zh-TW")}
    assert "含項目費用與人員費用；項目ROI 50%，上年 0%（+50 個百分點）" in merges
    assert "每個成交客戶的費用；上年 ¥1,000（+100%）" in merges


def _dashboard_merges(lang: str = "en"):
    built = build_sheets(review_tables(), settings=fx.settings(lang), extra=fx.extra())
    return next(s for s in built if s.key == "dashboard").merges
