"""read_inputs on small hand-made grids: every bad-input case names sheet, row and column."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from xlreview.cells import ExcelError, column_letter
from xlreview.checks import Issue
from xlreview.inputs import Inputs, read_inputs
from xlreview.labels import label
from xlreview.mapping import parse_date_format
from xlreview.model import LEADS

LEAD_HEADER = ["lead_id", "created", "channel", "mql_date", "sql_date", "won_date", "amount"]


def leads_grid(*rows: list[object], header: list[str] = LEAD_HEADER) -> list[list[object]]:
    """Leads sheet with the header on Excel row 1, data from row 2."""
    return [list(header), *[list(r) for r in rows]]


NOT_TRACKED = label("msg.stages_not_tracked", "en", stages="").split("{")[0][:20]


def findings(inputs: Inputs, severity: str | None = None) -> list[Issue]:
    """The findings of ``severity``, without the note on stages the small grid does not
    track (tested on its own below)."""
    return [i for i in inputs.findings if (severity is None or i.severity == severity)
            and not i.message.startswith(NOT_TRACKED)]


def only(inputs: Inputs, severity: str, column: str | None = None) -> Issue:
    found = [i for i in findings(inputs, severity) if column is None or i.column == column]
    assert len(found) == 1, found
    return found[0]


# --- sheets, headers, rows ----------------------------------------------------------------


def test_chinese_sheet_and_headers_below_a_title_line() -> None:
    grid = [
        ["线索明细（从CRM导出）", None],  # title line on row 1
        [None, None],
        ["线索ID", "创建日期", "渠道", "成交日期", "成交金额", "客户类型"],  # header on row 3
        ["A1", datetime(2024, 3, 1), "展会", datetime(2024, 5, 2), 1000, "新客户"],
        ["A2", datetime(2024, 4, 1), "官网", None, None, "老客户"],
    ]
    inputs = read_inputs({"线索": grid, "设置": [["fiscal_year", 2024]]})
    leads = inputs.leads
    assert leads["lead_id"].tolist() == ["A1", "A2"]
    assert leads["_row"].tolist() == [4, 5]
    assert leads["channel"].tolist() == ["展会", "官网"]
    assert leads["lead_type"].tolist() == ["new", "existing"]
    assert inputs.names["leads"] == "线索"
    assert findings(inputs, "error") == []


def test_lead_columns_and_dtypes_follow_the_contract() -> None:
    inputs = read_inputs({"Leads": leads_grid(["L1", "2024-01-05", "seo", None, None, None, 5])})
    leads = inputs.leads
    assert list(leads.columns) == [*LEADS.keys, "_row", "reached_mql", "reached_sql",
                                   "reached_opp", "reached_won"]
    for key in ("created", "mql_date", "sql_date", "opp_date", "won_date", "lost_date"):
        assert str(leads[key].dtype) == "datetime64[ns]", key
    assert leads["amount"].dtype == np.float64
    assert leads["_row"].tolist() == [2]
    assert not leads[["reached_mql", "reached_won"]].to_numpy().any()


def test_blank_rows_are_skipped_silently() -> None:
    grid = leads_grid(
        ["L1", "2024-01-05", "seo", None, None, None, None],
        [None, None, "  ", None, None, None, None],  # row 3: blank (white space only)
        [],  # row 4: an empty row
        ["L2", "2024-01-06", "seo", None, None, None, None],
    )
    inputs = read_inputs({"Leads": grid, "Settings": []})
    assert inputs.leads["_row"].tolist() == [2, 5]
    assert findings(inputs, "error") == []


def test_missing_required_column_names_sheet_and_column() -> None:
    grid = [["lead_id", "channel"], ["L1", "seo"]]  # no created column
    inputs = read_inputs({"Leads": grid})
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 1, "created")
    assert "created" in issue.message and "Leads" in issue.message
    assert inputs.leads.empty


def test_missing_leads_sheet_gives_empty_frame_and_an_error() -> None:
    inputs = read_inputs({"Settings": [["fiscal_year", 2024]]})
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", None, None)
    assert list(inputs.leads.columns)[: len(LEADS.keys)] == LEADS.keys
    assert len(inputs.leads) == 0
    assert inputs.spend.empty and "cost" in inputs.spend.columns


# --- values -------------------------------------------------------------------------------


def test_numbers_as_text_and_non_numbers() -> None:
    grid = leads_grid(
        ["L1", "2024-01-05", "seo", None, None, "2024-02-01", "1,200"],
        ["L2", "2024-01-05", "seo", None, None, "2024-02-01", "¥3,000"],
        ["L3", "2024-01-05", "seo", None, None, "2024-02-01", "１２００"],
        ["L4", "2024-01-05", "seo", None, None, "2024-02-01", "lots"],  # row 5
    )
    inputs = read_inputs({"Leads": grid})
    amounts = inputs.leads["amount"].tolist()
    assert amounts[:3] == [1200.0, 3000.0, 1200.0]
    assert np.isnan(amounts[3])
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 5, "amount")
    assert "lots" in issue.message
    assert inputs.leads["lead_id"].tolist() == ["L1", "L2", "L3", "L4"]  # the row is kept


def test_excel_error_value_names_the_cell() -> None:
    grid = leads_grid(
        ["L1", "2024-01-05", "seo", None, None, None, None],
        ["L2", "2024-01-05", ExcelError("#N/A"), None, None, None, None],  # C3
    )
    inputs = read_inputs({"Leads": grid})
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 3, "channel")
    assert "C3" in issue.message and "#N/A" in issue.message
    # The error value is ignored: the channel is blank, hence unassigned.
    assert inputs.leads["channel"].tolist() == ["seo", "unassigned"]


def test_duplicate_lead_id_keeps_the_first_and_names_the_duplicate() -> None:
    grid = leads_grid(
        ["L1", "2024-01-05", "seo", None, None, None, None],  # row 2
        ["L2", "2024-01-06", "seo", None, None, None, None],
        ["L1", "2024-01-07", "sem", None, None, None, None],  # row 4: duplicate of row 2
    )
    inputs = read_inputs({"Leads": grid})
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 4, "lead_id")
    assert "L1" in issue.message and "2" in issue.message
    assert inputs.leads["_row"].tolist() == [2, 3]
    assert inputs.leads["channel"].tolist() == ["seo", "seo"]


def test_unparseable_date_is_blank_and_reported() -> None:
    grid = leads_grid(
        ["L1", "2024-01-05", "seo", "next week", None, None, None],  # D2
    )
    inputs = read_inputs({"Leads": grid})
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 2, "mql_date")
    assert "next week" in issue.message
    assert pd.isna(inputs.leads.loc[0, "mql_date"])


def test_unparseable_created_without_later_stage_drops_the_lead_once() -> None:
    grid = leads_grid(["L1", "someday", "seo", None, None, None, None])
    inputs = read_inputs({"Leads": grid})
    issue = only(inputs, "error")  # one error, not also "required value blank"
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 2, "created")
    assert inputs.leads.empty


def test_stage_before_earlier_stage_is_a_warning() -> None:
    grid = leads_grid(
        ["L1", "2024-03-01", "seo", "2024-03-02", "2024-02-20", None, None],  # sql < mql
        ["L2", "2024-03-01", "seo", None, None, "2024-02-01", None],  # won < created
        ["L3", "2024-03-01 18:00", "seo", "2024-03-01 09:00", None, None, None],  # same day
    )
    inputs = read_inputs({"Leads": grid})
    warnings = {(i.sheet, i.row, i.column) for i in findings(inputs, "warning")}
    assert warnings == {("Leads", 2, "sql_date"), ("Leads", 3, "won_date")}
    l1 = next(i for i in findings(inputs, "warning") if i.row == 2)
    assert "2024-02-20" in l1.message and "mql_date" in l1.message


def test_many_stage_order_warnings_name_the_nearest_earlier_stage() -> None:
    # Won dates before the nearest dated earlier stage, which is SQL for six leads and the
    # created date for one (no MQL or SQL dated): one summary row for the won column, the
    # usual earlier stage named, seven rows counted.
    rows = [[f"L{n}", "2024-03-01", "seo", "2024-03-02", "2024-03-10", "2024-03-05", None]
            for n in range(6)]
    rows.append(["L9", "2024-03-01", "seo", None, None, "2024-02-01", None])  # won < created
    inputs = read_inputs({"Leads": leads_grid(*rows)})
    warned = [i for i in findings(inputs, "warning") if i.column == "won_date"]
    assert len(warned) == 1 and warned[0].row == 2
    assert warned[0].message.startswith("7 dates are before the earlier stage sql_date")
    assert "2024-03-05" in warned[0].message and "2, 3, 4, 5, 6" in warned[0].message


FULL_HEADER = ["lead_id", "created", "channel", "mql_date", "sql_date", "opp_date",
               "won_date", "amount"]
DATED = ["D0", "2024-01-01", "seo", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", 9]
"""A lead with every stage dated: the export tracks every stage."""


def test_later_stage_back_fills_earlier_blank_stages() -> None:
    grid = leads_grid(DATED, ["L1", "2024-03-01", "seo", None, None, None, "2024-04-10", 500],
                      header=FULL_HEADER)
    inputs = read_inputs({"Leads": grid})
    lead = inputs.leads.set_index("lead_id").loc["L1"]
    # won 2024-04-10 with opp, sql and mql blank: all three take the won date.
    for key in ("mql_date", "sql_date", "opp_date"):
        assert lead[key] == pd.Timestamp("2024-04-10"), key
    assert lead[["reached_mql", "reached_sql", "reached_opp", "reached_won"]].all()
    infos = {(i.sheet, i.row, i.column) for i in findings(inputs, "info")}
    assert {("Leads", 3, "mql_date"), ("Leads", 3, "sql_date"), ("Leads", 3, "opp_date")} <= infos
    assert inputs.untracked == ()


def test_stages_the_export_lacks_are_not_tracked_nor_back_filled() -> None:
    # No opp_date column and sql_date blank for every lead: SQL and opportunity are not
    # tracked. L1's MQL is blank but its won date is there: the MQL column exists (L0 has
    # one), so L1's MQL takes the won date; SQL and opp stay blank for everyone.
    grid = leads_grid(["L0", "2024-01-01", "seo", "2024-01-02", None, "2024-02-01", 9],
                      ["L1", "2024-03-01", "seo", None, None, "2024-04-10", 500])
    inputs = read_inputs({"Leads": grid})
    assert inputs.untracked == ("sql", "opp")
    leads = inputs.leads
    assert leads["sql_date"].isna().all() and leads["opp_date"].isna().all()
    assert leads.loc[1, "mql_date"] == pd.Timestamp("2024-04-10")
    assert not leads["reached_sql"].any() and not leads["reached_opp"].any()
    notes = [i for i in inputs.findings if i.message.startswith(NOT_TRACKED)]
    assert len(notes) == 1 and notes[0].severity == "warning"
    assert "SQL" in notes[0].message and "Opportunit" in notes[0].message


def test_many_back_fills_are_one_row_per_column() -> None:
    rows = [[f"L{n}", "2024-03-01", "seo", None, None, None, "2024-04-10", None]
            for n in range(8)]
    inputs = read_inputs({"Leads": leads_grid(*rows, DATED, header=FULL_HEADER)})
    filled = [i for i in findings(inputs, "info") if i.column == "sql_date"]
    assert len(filled) == 1
    assert filled[0].row == 2
    assert "8" in filled[0].message and "2, 3, 4, 5, 6" in filled[0].message


def test_blank_created_is_filled_from_a_later_stage() -> None:
    grid = leads_grid(["L1", None, "seo", "2024-03-05", None, None, None])
    inputs = read_inputs({"Leads": grid})
    assert inputs.leads.loc[0, "created"] == pd.Timestamp("2024-03-05")
    assert findings(inputs, "error") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("新客户", "new"), ("新客", "new"), ("New Customer", "new"), ("new", "new"),
     ("老客户", "existing"), ("老客", "existing"), ("renewal", "existing"),
     ("Upsell", "existing"), ("existing customer", "existing"), ("partner", None)],
)
def test_lead_type_is_normalised(typed: str, expected: str | None) -> None:
    header = [*LEAD_HEADER, "lead_type"]
    grid = leads_grid(["L1", "2024-01-05", "seo", None, None, None, None, typed], header=header)
    value = read_inputs({"Leads": grid}).leads.loc[0, "lead_type"]
    assert (pd.isna(value) and expected is None) or value == expected


def test_blank_channel_is_unassigned() -> None:
    grid = leads_grid(["L1", "2024-01-05", None, None, None, None, None])
    inputs = read_inputs({"Leads": grid})
    assert inputs.leads["channel"].tolist() == ["unassigned"]
    issue = only(inputs, "info", "channel")
    assert issue.row == 2


def test_ambiguous_dates_warn_once_per_column() -> None:
    grid = leads_grid(
        ["L1", "01-02-2024", "seo", None, None, None, None],
        ["L2", "03-04-2024", "seo", None, None, None, None],
    )
    inputs = read_inputs({"Leads": grid})
    issue = only(inputs, "warning")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", None, "created")
    # Read day-first: 1 February and 3 April.
    assert inputs.leads["created"].tolist() == [pd.Timestamp("2024-02-01"),
                                                pd.Timestamp("2024-04-03")]


def test_ambiguous_column_follows_a_proven_column_of_the_same_sheet() -> None:
    grid = leads_grid(
        ["L1", "01-02-2024", "seo", "02-13-2024", None, None, None],  # mql proves month-first
        ["L2", "03-04-2024", "seo", None, None, None, None],
    )
    inputs = read_inputs({"Leads": grid})
    assert inputs.leads["created"].tolist() == [pd.Timestamp("2024-01-02"),
                                                pd.Timestamp("2024-03-04")]
    assert only(inputs, "warning").column == "created"


def test_date_format_in_mapping_settles_ambiguity() -> None:
    grid = leads_grid(["L1", "01-02-2024", "seo", None, None, None, None])
    mapping = [["sheet", "column", "source", "date_format"],
               ["Leads", "created", "created", "mm/dd/yyyy"]]
    inputs = read_inputs({"Leads": grid, "Mapping": mapping})
    assert inputs.leads.loc[0, "created"] == pd.Timestamp("2024-01-02")
    assert findings(inputs, "warning") == []


# --- other input sheets ---------------------------------------------------------------------


def test_spend_months_costs_and_negative_cost() -> None:
    grid = [
        ["月份", "渠道", "费用"],
        ["2025-03", "seo", "1,000"],
        ["2025/4", "seo", 2000],
        ["2025年5月", "seo", -5],  # row 4: negative cost
        [date(2025, 6, 15), "sem", "¥300"],
        ["someday", "sem", 10],  # row 6: not a month
    ]
    inputs = read_inputs({"费用": grid})
    spend = inputs.spend
    # Rows 4 (negative cost) and 6 (no month) lose a required value: they are left out,
    # each reported once.
    assert spend["month"].tolist() == [pd.Timestamp(f"2025-0{m}-01") for m in (3, 4, 6)]
    assert spend["cost"].tolist() == [1000.0, 2000.0, 300.0]
    assert spend["_row"].tolist() == [2, 3, 5]
    errors = [(i.sheet, i.row, i.column) for i in findings(inputs, "error") if i.sheet == "费用"]
    # Header as typed in the workbook (费用 is both the sheet's and the cost column's name).
    assert sorted(errors) == [("费用", 4, "费用"), ("费用", 6, "月份")]


def test_headcount_share_defaults_to_one_and_reads_percent() -> None:
    grid = [["role", "annual_cost", "marketing_share"],
            ["Manager", "300,000", None], ["Designer", 200000, "50%"], ["Analyst", 1000, 80]]
    headcount = read_inputs({"Headcount": grid}).headcount
    assert headcount["marketing_share"].tolist() == [1.0, 0.5, 0.8]
    assert headcount["annual_cost"].tolist() == [300000.0, 200000.0, 1000.0]


def test_settings_with_or_without_header_and_fiscal_year_default() -> None:
    leads = leads_grid(["L1", "2023-12-30", "seo", None, None, None, None],
                       ["L2", "2024-01-02", "seo", None, None, None, None])
    headed = read_inputs({"Leads": leads, "Settings": [["key", "value"], ["currency", "USD"]]})
    bare = read_inputs({"Leads": leads, "Settings": [["currency", "USD"]]})
    for inputs in (headed, bare):
        assert inputs.settings.currency == "USD"
        assert inputs.settings.fiscal_year == 2024  # year of the latest created date
        assert findings(inputs) == []
    typed = read_inputs({"Leads": leads, "Settings": [["fiscal_year", 2023]]})
    assert typed.settings.fiscal_year == 2023


def test_messages_follow_the_settings_language() -> None:
    grid = leads_grid(["L1", "2024-01-05", "seo", None, None, None, "很多"])
    inputs = read_inputs({"Leads": grid, "Settings": [["language", "zh-CN"]]})
    issue = only(inputs, "error")
    assert issue.message == label("msg.not_a_number", "zh-CN", value="很多")


# --- mapping and the Deals sheet -------------------------------------------------------------


def crm_grids() -> dict[str, list[list[object]]]:
    leads = [
        ["mql_id", "first_contact_date", "origin"],
        ["a", "20-10-2017", "social"],  # row 2
        ["b", "21-10-2017", None],  # row 3
        ["c", "22-10-2017", "email"],  # row 4
    ]
    deals = [
        ["mql_id", "won_date", "revenue"],
        ["a", "26-02-2018 19:58", "1,000"],  # row 2: joins lead a
        ["c", "01-10-2017 10:00", 50],  # row 3: won before lead c's first contact
        ["zzz", "05-03-2018 11:00", 70],  # row 4: not in Leads
    ]
    mapping = [
        ["Column mapping", None, None, None],  # a title line
        ["sheet", "column", "source", "date_format"],
        ["Leads", "lead_id", "mql_id", None],
        ["Leads", "created", "first_contact_date", None],
        ["Leads", "mql_date", "first_contact_date", None],  # one source, two keys
        ["Leads", "channel", "origin", None],
        ["Deals", "lead_id", "mql_id", None],
        ["Deals", "won_date", "won_date", "dmy"],
        ["Deals", "amount", "revenue", None],
    ]
    return {"Leads": leads, "Deals": deals, "Mapping": mapping}


def test_mapping_feeds_keys_from_export_headers() -> None:
    leads = read_inputs(crm_grids()).leads.set_index("lead_id")
    assert leads.loc["a", "created"] == pd.Timestamp("2017-10-20")
    assert leads.loc["a", "mql_date"] == pd.Timestamp("2017-10-20")
    assert leads["channel"].tolist() == ["social", "unassigned", "email"]


def test_deals_join_fills_leads_and_reports_strays() -> None:
    inputs = read_inputs(crm_grids())
    leads = inputs.leads.set_index("lead_id")
    assert leads.loc["a", "won_date"] == pd.Timestamp("2018-02-26 19:58")
    assert leads.loc["a", "amount"] == 1000.0
    # The CRM export has no SQL or opportunity dates: not tracked, never back-filled.
    assert pd.isna(leads.loc["a", "sql_date"]) and inputs.untracked == ("sql", "opp")
    assert pd.isna(leads.loc["b", "won_date"])
    assert leads["reached_won"].tolist() == [True, False, True]
    stray = [i for i in findings(inputs, "warning") if i.row == 4 and i.sheet == "Deals"]
    assert len(stray) == 1 and stray[0].column == "mql_id" and "zzz" in stray[0].message
    # Deal c was won before lead c's first contact: the warning points at the Deals row.
    order = [i for i in findings(inputs, "warning") if i.column == "won_date"]
    assert [(i.sheet, i.row) for i in order] == [("Deals", 3)]


def test_mapping_rows_naming_unknown_things_are_reported() -> None:
    grids = crm_grids()
    grids["Mapping"] = [
        ["sheet", "column", "source", "date_format"],
        ["Nowhere", "lead_id", "x", None],  # row 2
        ["Leads", "favourite_colour", "x", None],  # row 3
        ["Leads", "lead_id", "mql_id", "sometimes"],  # row 4: bad date format
    ]
    inputs = read_inputs(grids)
    mapping_issues = {(i.row, i.column) for i in inputs.findings if i.sheet == "Mapping"}
    assert mapping_issues == {(2, "sheet"), (3, "column"), (4, "date_format")}


def test_a_mapped_source_the_sheet_lacks_names_the_mapping_row_and_the_headers() -> None:
    grids = crm_grids()
    grids["Leads"][0][1] = "First contact"  # renamed in a newer export
    inputs = read_inputs(grids)
    errors = [i for i in inputs.findings if i.severity == "error"]
    # Mapping rows 4 and 5 (after the title line and the header) take created and
    # mql_date from "first_contact_date"; created is required, mql_date is not.
    assert [(i.sheet, i.row, i.column) for i in errors] == [("Mapping", 4, "source")]
    assert errors[0].message == (
        'Mapping row 4 takes created from the header "first_contact_date", which sheet '
        'Leads does not have: its headers are "mql_id", "First contact", "origin". '
        "Correct the source cell to one of them")


@pytest.mark.parametrize(("typed", "expected"), [
    ("dmy", "dmy"), ("dd-mm-yyyy", "dmy"), ("MM/DD/YYYY", "mdy"), ("yyyy-mm-dd", "ymd"),
    ("日月年", "dmy"), (None, None), ("", None),
])
def test_parse_date_format(typed: str | None, expected: str | None) -> None:
    assert parse_date_format(typed) == expected


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"),
                                                (27, "AB"), (701, "ZZ"), (702, "AAA")])
def test_column_letter(index: int, letters: str) -> None:
    assert column_letter(index) == letters


# --- user input kept in generated sheets -------------------------------------------------------


def test_previous_targets_and_budget_in_either_language() -> None:
    targets = [
        ["Targets 2025", None, None, None, None],
        ["Channel", "Share", "Share override", "Bottom-up leads", "Pick"],
        ["seo", 0.5, "60%", "1,200", "Bottom-up"],
        ["Overall", 0.1, None, None, None],  # a channel named like a coded value: kept
        ["(no channel)", 0.1, None, None, None],
        ["Total", 1.0, None, None, None],
    ]
    budget = [  # Chinese generated sheet
        [label("col.channel", "zh-CN"), label("col.type", "zh-CN"), label("col.min", "zh-CN"),
         label("col.max", "zh-CN"), label("col.locked", "zh-CN")],
        ["sem", label("value.proven", "zh-CN"), 100, 300, "是"],
        ["abm", label("value.experiment", "zh-CN"), None, None, None],
    ]
    previous = read_inputs({"Targets": targets, label("sheet.budget", "zh-CN"): budget}).previous
    t = previous["targets"]
    # The Total row is read too (a rate typed over it is reported, never used).
    assert t["channel"].tolist() == ["seo", "Overall", "unassigned", "total"]
    assert t["share_override"].iloc[0] == pytest.approx(0.6)
    assert t["bottom_up_leads"].iloc[0] == 1200.0
    assert t["pick"].iloc[0] == "bottom_up"
    assert t["_row"].tolist() == [3, 4, 5, 6]
    b = previous["budget"]
    assert b["channel"].tolist() == ["sem", "abm"]
    assert b["type"].tolist() == ["proven", "experiment"]
    assert b["min"].iloc[0] == 100.0 and b["max"].iloc[0] == 300.0
    assert b["locked"].iloc[0] is True


# --- speed ---------------------------------------------------------------------------------------


def test_200k_leads_are_all_read() -> None:
    n = 200_000
    header = ["lead_id", "created", "channel", "campaign", "mql_date", "sql_date", "opp_date",
              "won_date", "lost_date", "amount", "lead_type", "owner"]
    start = datetime(2024, 1, 1)
    days = pd.date_range(start, periods=365).to_pydatetime().tolist()
    rows = [
        [f"L{i}", days[i % 365], ("seo", "sem", "展会")[i % 3], "spring", None,
         f"{1 + i % 28:02d}-{1 + i % 12:02d}-2024" if i % 3 == 0 else None, None,
         45500.0 + i % 300 if i % 10 == 0 else None, None, "1,200" if i % 10 == 0 else None,
         ("新客户", "老客户", None)[i % 3], "me"]
        for i in range(n)
    ]
    grids = {"Leads": [header, *rows]}
    inputs = read_inputs(grids)  # its speed is measured in bench/bench_core.py
    assert len(inputs.leads) == n
    assert inputs.leads["amount"].sum() == 1200.0 * (n // 10)


def test_empty_deals_sheet_changes_nothing() -> None:
    grid = leads_grid(["L1", "2024-01-05", "seo", None, None, "2024-02-01", 10])
    deals = [["lead_id", "won_date", "amount", "lost_date"]]  # headers only, as in a template
    leads = read_inputs({"Leads": grid, "Deals": deals}).leads
    assert leads.loc[0, "won_date"] == pd.Timestamp("2024-02-01")
    assert leads.loc[0, "amount"] == 10.0


def test_many_excel_errors_are_one_row_listing_the_cells() -> None:
    rows = [[f"L{n}", "2024-01-05", "seo", None, None, None, ExcelError("#VALUE!")]
            for n in range(7)]  # G2..G8
    inputs = read_inputs({"Leads": leads_grid(*rows)})
    issue = only(inputs, "error")
    assert (issue.sheet, issue.row, issue.column) == ("Leads", 2, "amount")
    assert "7" in issue.message and "G2, G3, G4, G5, G6" in issue.message
    assert inputs.leads["amount"].isna().all()


def test_serial_and_typed_dates_in_one_column() -> None:
    grid = leads_grid(
        ["L1", 45292, "seo", None, None, None, None],  # serial 45292 = 2024-01-01
        ["L2", date(2024, 1, 2), "seo", None, None, None, None],
        ["L3", "2024年1月3日", "seo", None, None, None, None],
    )
    created = read_inputs({"Leads": grid}).leads["created"]
    assert created.tolist() == [pd.Timestamp(f"2024-01-0{d}") for d in (1, 2, 3)]


def test_chinese_deals_sheet_joins_without_mapping() -> None:
    leads = [["线索ID", "创建日期", "渠道"], ["A1", "2024-03-01", "展会"]]
    deals = [["线索ID", "成交日期", "成交金额"], ["A1", "2024-06-01", "¥5,000"]]
    lead = read_inputs({"线索": leads, "成交": deals}).leads.iloc[0]
    assert lead["won_date"] == pd.Timestamp("2024-06-01")
    assert lead["amount"] == 5000.0


def test_no_generated_sheets_means_no_previous_input() -> None:
    grid = leads_grid(["L1", "2024-01-05", "seo", None, None, None, None])
    assert read_inputs({"Leads": grid}).previous == {}


def test_reading_in_two_steps_equals_reading_at_once() -> None:
    # A file rebuild parses the small sheets while the Leads are still being read: the
    # other sheets must not need the Leads, and the result must be the same.
    from xlreview.inputs import InputReader

    grid = leads_grid(
        ["L1", "2024-01-05", "seo", None, None, "2024-02-01", "1,200"],
        ["L1", "2024-01-06", "seo", None, None, None, None],  # duplicate: a finding
        ["L2", "2024-13-45", "sem", None, None, None, None],  # bad date: a finding
    )
    grids = {"Settings": [["fiscal_year", 2024], ["language", "zh-CN"]], "Leads": grid,
             "Deals": [["lead_id", "amount"], ["L2", "¥5,000"]],
             "Spend": [["month", "channel", "cost"], ["2024-01", "seo", "-5"]]}
    at_once = read_inputs(grids)
    reader = InputReader(grids)
    assert reader.lead_sheets == ["Leads", "Deals"]
    reader.read_sheets({k: v for k, v in grids.items() if k not in reader.lead_sheets})
    stepwise = reader.read_leads({k: grids[k] for k in reader.lead_sheets})
    assert list(stepwise.findings) == list(at_once.findings) and len(at_once.findings) >= 3
    for table in ("leads", "spend", "headcount", "goals"):
        pd.testing.assert_frame_equal(getattr(stepwise, table), getattr(at_once, table))
    assert stepwise.settings == at_once.settings and stepwise.names == at_once.names
