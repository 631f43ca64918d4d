"""Cell functions as Excel calls them: cell-shaped inputs, hand-derived answers.

The functions are called through the UDF module (plain Python on Linux), which is one
line per function into :mod:`xlreview.cellfuncs`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlreview import cellfuncs

UDF_FILE = Path(__file__).resolve().parents[1] / "udfs" / "xlreview_udfs.py"
_spec = importlib.util.spec_from_file_location("xlreview_udfs_for_tests", UDF_FILE)
udfs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(udfs)

RATES_COLUMN = [[0.2], [0.3], [0.4], [0.25]]
RATES_ROW = [[0.2, 0.3, 0.4, 0.25]]


def is_reason(value: object, argument: str) -> bool:
    """A short reason naming the argument, never a traceback."""
    return (isinstance(value, str) and value.startswith(f"{argument}: ")
            and "Traceback" not in value and "\n" not in value)


# --- FUNNEL_TARGET -------------------------------------------------------------------


def test_funnel_target_spills_stage_and_count() -> None:
    # DOMAIN.md worked example: 60M marketing target, average deal 500k.
    # customers = 60,000,000 / 500,000 = 120; opp = 120 / 0.25 = 480;
    # SQL = 480 / 0.4 = 1200; MQL = 1200 / 0.3 = 4000; leads = 4000 / 0.2 = 20000.
    result = udfs.FUNNEL_TARGET(60e6, 500e3, RATES_COLUMN)
    assert [row[1] for row in result] == [20000, 4000, 1200, 480, 120]
    assert result[0][0] == "Leads / 线索"
    assert result[-1][0] == "Customers / 成交客户"
    assert all(len(row) == 2 for row in result)


@pytest.mark.parametrize(("stage", "expected"), [
    ("leads", 20000), ("MQL", 4000), ("sql", 1200), ("opp", 480), ("customers", 120),
    ("线索", 20000), ("商机", 480), ("成交客户", 120), (" Leads ", 20000),
])
def test_funnel_target_one_stage(stage: str, expected: int) -> None:
    assert udfs.FUNNEL_TARGET(60e6, 500e3, RATES_ROW, stage) == expected


def test_funnel_target_rounds_up_each_stage() -> None:
    # deal blank -> 7 customers; 7/0.3 = 23.33 -> 24 opp; 24/0.7 = 34.29 -> 35 SQL;
    # 35/0.5 = 70 MQL exactly (not 71); 70/0.07 = 1000 leads exactly (1000.0000000000001 in
    # binary floating point, 1000 in Excel's ROUNDUP).
    result = udfs.FUNNEL_TARGET(7, None, [[0.07, 0.5, 0.7, 0.3]])
    assert [row[1] for row in result] == [1000, 70, 35, 24, 7]


def test_funnel_target_blank_deal_size_counts_customers() -> None:
    # 30 customers / 0.3 = 100 opportunities (15 significant digits, as Excel).
    assert udfs.FUNNEL_TARGET(30, None, [[1, 1, 1, 0.3]], "opp") == 100
    assert udfs.FUNNEL_TARGET(30, "", [[1, 1, 1, 0.3]], "opp") == 100


@pytest.mark.parametrize("rates", [
    [[0.2, 0.3, 0.4]],            # three values
    [[0.2, 0.3, 0.4, 1.5]],       # above 1
    [[0.2, 0.3, 0.4, 0]],         # zero
    [[0.2, 0.3, "x", 0.25]],      # text
    [[0.2, 0.3, 0.4, 0.25, 0.1]],  # five values
])
def test_funnel_target_bad_rates(rates: list[list[object]]) -> None:
    assert udfs.FUNNEL_TARGET(100, None, rates) == (
        "rates: need 4 values between 0 and 1 / 需要4个0到1之间的值")


@pytest.mark.parametrize(("args", "argument"), [
    ((-5, None, RATES_ROW), "target"),
    (("lots", None, RATES_ROW), "target"),
    ((100, 0, RATES_ROW), "deal_size"),
    ((100, None, RATES_ROW, "pipeline"), "stage"),
])
def test_funnel_target_errors_name_the_argument(args: tuple, argument: str) -> None:
    assert is_reason(udfs.FUNNEL_TARGET(*args), argument)


def test_funnel_target_matches_core() -> None:
    from xlreview.targets import funnel_target

    for target, deal, rates in [(60e6, 500e3, [0.2, 0.3, 0.4, 0.25]),
                                (7, None, [0.07, 0.5, 0.7, 0.3]),
                                (1234567.89, 3210.5, [0.13, 0.37, 0.41, 0.19]),
                                (0, None, [0.5, 0.5, 0.5, 0.5])]:
        core = funnel_target(target, deal, rates)["count"].tolist()
        assert cellfuncs.funnel_counts(target, deal, rates) == core


@given(
    target=st.floats(0, 1e9, allow_nan=False),
    deal=st.one_of(st.none(), st.floats(1, 1e7)),
    rates=st.lists(st.floats(0.001, 1), min_size=4, max_size=4),
)
def test_funnel_target_equals_core_property(target: float, deal: float | None,
                                            rates: list[float]) -> None:
    from xlreview.targets import funnel_target

    expected = funnel_target(target, deal, rates)["count"].tolist()
    assert cellfuncs.funnel_counts(target, deal, rates) == expected
    # Each stage needs at least as many as the next (rates ≤ 1).
    assert expected == sorted(expected, reverse=True)


# --- CONVERSION_RATES ----------------------------------------------------------------

LEADS = [
    ["线索ID", "渠道", "创建日期", "MQL日期", "SQL日期", "商机日期", "成交日期"],
    [1, "Web", dt.datetime(2025, 1, 1), dt.datetime(2025, 1, 5), None, None, None],
    [2, "Web", dt.datetime(2025, 1, 1), 45700.0, 45710.0, None, None],  # Excel serials
    [3, "Expo", dt.datetime(2025, 1, 1), None, None, None, dt.datetime(2025, 3, 1)],
    [4, "Expo", dt.datetime(2025, 1, 1), None, None, None, None],
    [None, None, None, None, None, None, None],  # a blank row of a larger range
]


def test_conversion_rates_overall() -> None:
    # 4 leads. Lead 3 won without SQL/opp dates: it passed every stage.
    # MQL: leads 1, 2, 3 = 3; SQL: 2, 3 = 2; opp: 3 = 1; won: 3 = 1.
    # lead→MQL 3/4, MQL→SQL 2/3, SQL→opp 1/2, opp→won 1/1, lead→won 1/4.
    result = udfs.CONVERSION_RATES(LEADS)
    assert [row[1] for row in result] == pytest.approx([0.75, 2 / 3, 0.5, 1.0, 0.25])
    assert result[0][0] == "Lead→MQL / 线索→MQL"


def test_conversion_rates_one_channel_with_blank_rate() -> None:
    # Web: 2 leads, 2 MQL, 1 SQL, 0 opp, 0 won -> 1, 0.5, 0, blank (0 opp), 0.
    result = udfs.CONVERSION_RATES(LEADS, "web")
    assert [row[1] for row in result] == [1.0, 0.5, 0.0, "", 0.0]


def test_conversion_rates_english_headers() -> None:
    grid = [["lead_id", "channel", "created", "mql_date"],
            [1, "A", 45658.0, 45660.0], [2, "A", 45658.0, None]]
    assert udfs.CONVERSION_RATES(grid)[0][1] == 0.5


@pytest.mark.parametrize(("args", "argument"), [
    (([["id", "name"], [1, "x"]],), "leads_range"),   # no stage date column
    ((LEADS, "Radio"), "channel"),                   # unknown channel
    ((LEADS[:1],), "leads_range"),                   # header only
])
def test_conversion_rates_errors(args: tuple, argument: str) -> None:
    assert is_reason(udfs.CONVERSION_RATES(*args), argument)


# --- SPLIT_TARGET --------------------------------------------------------------------


def test_split_target_largest_remainder_row() -> None:
    # 10 over 1:1:1 -> 3.33 each; floors 3+3+3 = 9, one left to the first (ties in order).
    assert udfs.SPLIT_TARGET(10, [[1, 1, 1]]) == [[4, 3, 3]]


def test_split_target_column_and_blank_weight() -> None:
    # 7 over 2, blank (0), 5: 2, 0, 5 exactly.
    assert udfs.SPLIT_TARGET(7, [[2], [None], [5]]) == [[2], [0], [5]]


def test_split_target_money() -> None:
    # 100.00 over 1:2 -> 33.333 / 66.667: cents 3333 + 6666 = 9999, the extra cent goes to
    # the larger remainder (0.667) -> 33.33 and 66.67.
    assert udfs.SPLIT_TARGET(100, [[1], [2]], False) == [[33.33], [66.67]]


@given(total=st.integers(0, 10**6),
       weights=st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=20))
def test_split_target_adds_up(total: int, weights: list[float]) -> None:
    parts = udfs.SPLIT_TARGET(total, [weights])[0]
    assert sum(parts) == total
    assert all(isinstance(p, int) and p >= 0 for p in parts)


@pytest.mark.parametrize(("args", "argument"), [
    ((10.5, [[1, 2]]), "total"),
    ((10, [[1, -2]]), "weights"),
    ((10, [["a", 1]]), "weights"),
])
def test_split_target_errors(args: tuple, argument: str) -> None:
    assert is_reason(udfs.SPLIT_TARGET(*args), argument)


# --- BUDGET_ALLOCATE -----------------------------------------------------------------


def test_budget_allocate_default_experiment_share() -> None:
    # 1000: 20% = 200 to experiments; 800 by 1 + ROI: A 1 + 1.0 = 2, B 1 + 0 = 1
    # -> A 533.33, B 266.67 (cents by largest remainder: 53333.3 / 26666.7).
    result = udfs.BUDGET_ALLOCATE(1000, [["A"], ["B"]], [[1.0], [0.0]])
    assert result == [["A", 533.33], ["B", 266.67], ["Experiment / 实验渠道", 200.0]]


def test_budget_allocate_no_roi_gets_nothing() -> None:
    # Share 0.5: 500 experiments; A ROI -100% (weight 0), B blank (weight 0), C ROI 0.5.
    result = udfs.BUDGET_ALLOCATE(1000, [["A", "B", "C"]], [[-1, None, 0.5]], 0.5)
    assert [row[1] for row in result] == [0.0, 0.0, 500.0, 500.0]


def test_budget_allocate_lengths_must_match() -> None:
    assert is_reason(udfs.BUDGET_ALLOCATE(1000, [["A"], ["B"]], [[1.0]]), "roi")
    assert is_reason(udfs.BUDGET_ALLOCATE(1000, [["A"]], [[1.0]], 2), "experiment_share")


# --- SALES_CYCLE, ROI, PIPELINE_VALUE ------------------------------------------------


def test_sales_cycle_dates_and_serials() -> None:
    # Deal 1: 2025-01-01 -> 2025-01-11 = 10 days. Deal 2: serial 45658 (2025-01-01) ->
    # 45688 (2025-01-31) = 30 days. Blank pair skipped. Median 20; P80 (linear):
    # 10 + 0.8 × (30 − 10) = 26.
    created = [[dt.datetime(2025, 1, 1)], [45658.0], [None]]
    won = [[dt.datetime(2025, 1, 11)], [45688.0], [None]]
    assert [row[1] for row in udfs.SALES_CYCLE(created, won)] == [2, 20.0, 26.0]


def test_sales_cycle_no_deals_is_blank() -> None:
    result = udfs.SALES_CYCLE([[None]], [[None]])
    assert [row[1] for row in result] == [0, "", ""]


def test_roi() -> None:
    # (300 − 100) / 100 = 2; fully loaded (300 − 100 − 50) / 150 = 1.
    assert udfs.ROI(300, 100) == 2.0
    assert udfs.ROI(300, 100, 50) == 1.0
    assert udfs.ROI(300, 0) == ""  # no spend: no ROI, a blank cell
    assert is_reason(udfs.ROI("x", 100), "revenue")


def test_pipeline_value() -> None:
    # 100 × 0.5 = 50 in month 1, 50 × 0.5 = 25 in month 3, nothing in month 2.
    assert udfs.PIPELINE_VALUE([[100], [50]], 0.5, [[1], [3]]) == [[1, 50.0], [2, 0.0],
                                                                 [3, 25.0]]
    # Without months: one number, (100 + 50) × 0.5 = 75; a blank amount is skipped.
    assert udfs.PIPELINE_VALUE([[100], [None], [50]], 0.5) == 75.0
    assert udfs.PIPELINE_VALUE([[100], [50]], 0.5, [[None]]) == 75.0
    assert is_reason(udfs.PIPELINE_VALUE([[100]], 1.5), "win_rate")
    assert is_reason(udfs.PIPELINE_VALUE([[100], [50]], 0.5, [[1]]), "close_months")


def test_no_traceback_for_unexpected_shapes() -> None:
    for value in (udfs.FUNNEL_TARGET(None, None, None), udfs.SPLIT_TARGET(None, None),
                  udfs.SALES_CYCLE("x", [[1], [2]])):
        assert isinstance(value, str) and "Traceback" not in value
        assert ": " in value


def test_unexpected_core_failure_is_a_short_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    import xlreview.roi

    def broken(*args: object) -> float:
        raise KeyError("cost")

    monkeypatch.setattr(xlreview.roi, "roi", broken)
    assert udfs.ROI(300, 100) == "KeyError: 'cost'"
