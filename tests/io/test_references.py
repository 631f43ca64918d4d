"""The user's references follow renamed generated sheets and tables (issue 12, point 11)."""

from __future__ import annotations

import pytest

from xlreview.io.references import Rewrite, rewrite_part, sheet_prefix

# ROI matrix became 渠道ROI矩阵 (language), "My ROI" (renamed by the user) is ROI matrix
# again, Old is gone; roi_matrix's header Revenue is 收入 now.
REWRITE = Rewrite(
    sheets={"roi matrix": "渠道ROI矩阵", "my roi": "ROI matrix"},
    gone={"old"},
    headers={"roi_matrix": {"revenue": "收入", "channel": "渠道"}},
)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("'ROI matrix'!$I$5:$I$14", "'渠道ROI矩阵'!$I$5:$I$14"),
        ("'roi MATRIX'!A1", "'渠道ROI矩阵'!A1"),  # sheet names match in any case
        ("SUM('My ROI'!B2:B3)", "SUM('ROI matrix'!B2:B3)"),
        ("Old!A1+1", "#REF!A1+1"),  # as Excel does when a sheet is deleted
        ("SUM(roi_matrix[Revenue])", "SUM(roi_matrix[收入])"),
        ("roi_matrix[[#This Row],[Channel]]", "roi_matrix[[#This Row],[渠道]]"),
        ("roi_matrix[#Totals]", "roi_matrix[#Totals]"),  # item specifiers stay
        ("other[Revenue]", "other[Revenue]"),  # another table's column: not ours
        ('"ROI matrix!"&Leads!A1', '"ROI matrix!"&Leads!A1'),  # text, and other sheets
        ("'It''s'!A1", "'It''s'!A1"),
    ],
)
def test_formula_references(formula, expected):
    assert REWRITE.formula(formula) == expected


def test_sheet_prefix_quotes_what_needs_quotes():
    assert sheet_prefix("Leads") == "Leads!"
    assert sheet_prefix("ROI matrix") == "'ROI matrix'!"
    assert sheet_prefix("渠道ROI矩阵") == "'渠道ROI矩阵'!"
    assert sheet_prefix("A1") == "'A1'!"  # looks like a cell
    assert sheet_prefix("It's") == "'It''s'!"


def test_every_kind_of_formula_in_a_part_is_rewritten():
    xml = (
        "<worksheet><sheetData><row><c r=\"A1\"><f>'ROI matrix'!B2&amp;\"x\"</f><v>1</v></c>"
        "</row></sheetData><conditionalFormatting><cfRule><formula>'ROI matrix'!A1&gt;0"
        "</formula></cfRule></conditionalFormatting><dataValidations><dataValidation>"
        "<formula1>'ROI matrix'!$A$2:$A$9</formula1></dataValidation></dataValidations>"
        "<c:chart><c:f>'ROI matrix'!$B$2:$B$4</c:f></c:chart>"
        '<worksheetSource ref="A1:C4" sheet="ROI matrix"/><f t="shared" si="0"/></worksheet>'
    )
    out = rewrite_part(xml, REWRITE)
    assert out.count("'渠道ROI矩阵'!") == 4 and "ROI matrix" not in out
    assert "<f>'渠道ROI矩阵'!B2&amp;\"x\"</f>" in out  # escaping kept
    assert "&gt;0</formula>" in out
    assert 'sheet="渠道ROI矩阵"' in out
    assert '<f t="shared" si="0"/>' in out


def test_nothing_to_rewrite_leaves_the_part_as_it_is():
    xml = "<worksheet><c><f>SUM(Leads!A1:A9)</f></c></worksheet>"
    assert rewrite_part(xml, REWRITE) == xml
    assert not Rewrite()
