"""Rates and shares typed on Targets are kept at the next rebuild (hand-derived examples)."""

from __future__ import annotations

import math

import numpy as np
import openpyxl
import pandas as pd
import pytest

from tests import tables_fixture as fx
from tests.test_targets import tiny_inputs, tiny_leads
from xlreview.io.writer import write_sheets
from xlreview.labels import label
from xlreview.layout import build_sheets
from xlreview.overrides import HISTORY, share_scale, typed_values
from xlreview.sheetmodel import INPUT_FILL
from xlreview.targets import targets_table

# tiny_inputs (min_conversions 1): 1M target / 100k deal = 10 customers, history shares 0.5 / 0.5.
# History rates (lead→MQL, MQL→SQL, SQL→opp, win): A 0.5, 0.8, 0.5, 0.5; B 0.2, 0.5, 1.0, 1.0.
# Untouched: A 5 customers → opp 10, SQL 20, MQL 25, leads 50; B 5 → 5, 5, 10, 50.
HISTORY_ROWS = {"A": [0.5, 0.5, 0.8, 0.5, 0.5], "B": [0.5, 0.2, 0.5, 1.0, 1.0]}
STAGES = ["customers", "opp", "sql", "mql", "leads"]


def previous_sheet(typed: dict[str, dict[str, object]] | None = None,
                   order: tuple[str, ...] = ("A", "B"), **extra: list[object]) -> pd.DataFrame:
    """The previous Targets rows as the rebuild wrote them, with ``typed`` cells changed."""
    rows = []
    for i, channel in enumerate(order):
        written = dict(zip(HISTORY, HISTORY_ROWS[channel], strict=True))
        row = {"channel": channel, **written,
               **{HISTORY[k]: v for k, v in written.items()}, "_row": 12 + i}
        row.update((typed or {}).get(channel, {}))
        rows.append(row)
    frame = pd.DataFrame(rows)
    for key, values in extra.items():
        frame[key] = values
    return frame


def rebuilt(previous: pd.DataFrame, **kwargs: object):
    inputs = tiny_inputs(previous={"targets": previous}, **kwargs)
    return targets_table(inputs).set_index("channel"), inputs


def test_untouched_sheet_follows_the_history():
    table, inputs = rebuilt(previous_sheet())
    assert table.loc["A", STAGES].tolist() == [5, 10, 20, 25, 50]
    assert table.loc["B", STAGES].tolist() == [5, 5, 5, 10, 50]
    assert "typed" not in table["rate_source"].tolist()
    assert not any(i.severity == "info" and "typed" in i.message for i in inputs.findings)


def test_a_typed_rate_is_kept_shown_and_reported():
    # A's Lead→MQL typed 25% over the history's 50%: MQL 25 → leads ⌈25 / 0.25⌉ = 100.
    table, inputs = rebuilt(previous_sheet({"A": {"lead_to_mql": 0.25}}))
    assert table.loc["A", STAGES].tolist() == [5, 10, 20, 25, 100]
    assert table.loc["A", "lead_to_mql"] == 0.25
    assert table.loc["A", "history_lead_to_mql"] == pytest.approx(0.5)  # hidden: the history
    assert table.loc["A", "rate_source"] == "typed"
    assert table.loc["B", "rate_source"] == "channel"  # B untouched
    assert table.loc["total", "leads"] == 150  # 100 + 50
    found = [i for i in inputs.findings if i.severity == "info" and i.column == "Lead→MQL"]
    assert len(found) == 1 and found[0].row == 12
    assert "A" in found[0].message and "25%" in found[0].message and "50%" in found[0].message


def test_a_typed_win_rate_flows_down_the_funnel():
    # B's win rate typed 50% over 100%: opp ⌈5 / 0.5⌉ = 10, SQL ⌈10 / 1.0⌉ = 10,
    # MQL ⌈10 / 0.5⌉ = 20, leads ⌈20 / 0.2⌉ = 100.
    table, _ = rebuilt(previous_sheet({"B": {"opp_to_won": "50%"}}))
    assert table.loc["B", STAGES].tolist() == [5, 10, 10, 20, 100]


def test_a_kept_override_stays_while_the_history_moves_and_clearing_brings_it_back():
    # The rebuild after the typed one wrote 25% in the cell and the history 50% beside it:
    # the cell still differs from its history, so the override stays.
    kept = previous_sheet({"A": {"lead_to_mql": 0.25, "history_lead_to_mql": 0.5}})
    assert rebuilt(kept)[0].loc["A", "lead_to_mql"] == 0.25
    # Cleared cell: the history's 50% again, leads back to 50.
    table, _ = rebuilt(previous_sheet({"A": {"lead_to_mql": None}}))
    assert table.loc["A", "lead_to_mql"] == pytest.approx(0.5)
    assert table.loc["A", "leads"] == 50 and table.loc["A", "rate_source"] == "channel"


def test_sorted_rows_still_match_their_history():
    # The user sorted the table B above A: each row carries its own hidden history values.
    table, _ = rebuilt(previous_sheet({"A": {"mql_to_sql": 0.4}}, order=("B", "A")))
    # A: SQL 20 → MQL ⌈20 / 0.4⌉ = 50 → leads ⌈50 / 0.5⌉ = 100. B untouched.
    assert table.loc["A", ["mql", "leads"]].tolist() == [50, 100]
    assert table.loc["B", "rate_source"] == "channel"


@pytest.mark.parametrize("value", [
    1.5,     # above 100%
    0,       # a zero rate would divide by zero
    -0.2,    # negative
    "lots",  # text, not a number
])
def test_a_rate_outside_0_1_is_a_warning_and_the_history_is_used(value):
    table, inputs = rebuilt(previous_sheet({"A": {"sql_to_opp": value}}))
    assert table.loc["A", "sql_to_opp"] == pytest.approx(0.5)
    assert table.loc["A", "leads"] == 50
    warnings = [i for i in inputs.findings if i.severity == "warning" and i.row == 12]
    assert len(warnings) == 1 and warnings[0].column == "SQL→opportunity"


def test_a_typed_share_becomes_the_share_override():
    # A's Share typed 75% (history 50%, no overrides: scale 1) → override 0.75; B 0.5 →
    # 0.75 / 1.25 = 0.6 and 0.4 of 10 customers = 6 / 4.
    table, inputs = rebuilt(previous_sheet({"A": {"share": 0.75}}))
    assert table.loc["A", "share_override"] == pytest.approx(0.75)
    assert table.loc[["A", "B"], "customers"].tolist() == [6, 4]
    assert table.loc["A", "share"] == pytest.approx(0.6)
    assert any(i.severity == "info" and i.column == "Share" for i in inputs.findings)


def test_a_typed_share_keeps_the_split_excel_showed_beside_other_overrides():
    # B had Share override 1 over A's history 0.5: weights 0.5 + 1 = 1.5, shown 1/3, 2/3.
    # A typed 50% in Share: Excel splits 0.5 : 2/3 → A 3/7. Scale = 1 / (2/3) = 1.5 →
    # A's override 0.75: 0.75 / (0.75 + 1) = 3/7 as well. 10 × 3/7 = 4.29, B 5.71 →
    # 4 + 5 = 9, the one left goes to B's larger remainder: A 4, B 6.
    previous = previous_sheet({"A": {"share": 0.5, "history_share": 1 / 3},
                               "B": {"share": 2 / 3, "history_share": 2 / 3}},
                              share_override=[None, 1.0])
    assert share_scale(previous.set_index("channel")) == pytest.approx(1.5)
    table, _ = rebuilt(previous)
    assert table.loc["A", "share_override"] == pytest.approx(0.75)
    assert table.loc["A", "share"] == pytest.approx(3 / 7)
    assert table.loc[["A", "B"], "customers"].tolist() == [4, 6]


def test_a_sheet_without_history_columns_has_nothing_typed():
    # A Targets sheet written before the hidden columns: its rates are not overrides.
    previous = previous_sheet({"A": {"lead_to_mql": 0.25}}).drop(columns=list(HISTORY.values()))
    table, _ = rebuilt(previous)
    assert table.loc["A", "lead_to_mql"] == pytest.approx(0.5)


def test_a_stage_not_tracked_cannot_be_overridden():
    leads = tiny_leads()
    leads["sql_date"] = pd.NaT  # the export has no SQL: SQL→opp is blank, MQL→SQL spans it
    previous = previous_sheet({"A": {"sql_to_opp": 0.5, "history_sql_to_opp": None}})
    inputs = tiny_inputs(previous={"targets": previous})
    inputs.leads = leads
    table = targets_table(inputs).set_index("channel")
    assert np.isnan(table.loc["A", "sql_to_opp"]) and np.isnan(table.loc["A", "sql"])
    assert any(i.severity == "warning" and i.column == "SQL→opportunity"
               for i in inputs.findings)


def test_typed_values_reads_only_cells_that_differ():
    previous = previous_sheet({"A": {"lead_to_mql": 0.5 + 1e-13}}).set_index("channel")
    assert typed_values(previous, set()) == []  # the same number read back: not typed
    previous.loc["B", "opp_to_won"] = 0.9
    (found,) = typed_values(previous, set())
    assert (found.channel, found.column, found.typed, found.history, found.row) == (
        "B", "opp_to_won", 0.9, 1.0, 13)
    assert found.problem is None and not math.isnan(found.history)


def test_the_history_columns_are_hidden_in_the_written_workbook(tmp_path):
    sheets = [s for s in build_sheets(fx.tables(), settings=fx.settings(), extra=fx.extra())
              if s.key == "targets"]
    write_sheets(sheets, tmp_path / "targets.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "targets.xlsx")[label("sheet.targets")]
    header = {c.value: c.column_letter for c in ws[10] if c.value}
    for key in HISTORY.values():
        letter = header[label(f"col.{key}")]
        dims = [d for d in ws.column_dimensions.values()
                if d.min <= openpyxl.utils.column_index_from_string(letter) <= d.max]
        assert dims and dims[0].hidden, key
    assert not ws.column_dimensions[header[label("col.share")]].hidden


def test_a_rate_of_a_stage_not_tracked_is_not_an_input_cell():
    # SQL not tracked: its SQL→opportunity rate is blank and not yellow; the others stay inputs.
    extra = fx.extra()
    extra.untracked = ("sql",)
    sheet = next(s for s in build_sheets(fx.tables(), settings=fx.settings(), extra=extra)
                 if s.key == "targets")
    block = sheet.block("targets")
    assert block.column("sql_to_opp").style.bg_color is None
    assert block.column("mql_to_sql").style.bg_color == INPUT_FILL


def _with_total(frame: pd.DataFrame, typed: float, history: float) -> pd.DataFrame:
    """The previous rows plus the Total row (row 14), its Lead→MQL cell holding ``typed``
    over the ``history`` the rebuild wrote beside it."""
    total = {"channel": "total", "lead_to_mql": typed, HISTORY["lead_to_mql"]: history,
             "_row": 14}
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)


def test_a_rate_typed_on_the_total_row_is_not_used_and_said():
    table, inputs = rebuilt(_with_total(previous_sheet(), typed=0.9, history=0.35))
    # The plan is the untouched one: A 50 and B 50 leads.
    assert table.loc[["A", "B", "total"], "leads"].tolist() == [50, 50, 100]
    warnings = [i for i in inputs.findings if i.severity == "warning" and i.row == 14]
    assert len(warnings) == 1 and warnings[0].column == "Lead→MQL"
    assert "Total row" in warnings[0].message and "90%" in warnings[0].message
    assert "35%" in warnings[0].message


@pytest.mark.parametrize(("typed", "history"), [
    (0.35, 0.35),          # the rebuild's own value, untouched
    (0.35, float("nan")),  # a Total row written before it carried its history
])
def test_an_untouched_total_row_says_nothing(typed, history):
    _, inputs = rebuilt(_with_total(previous_sheet(), typed=typed, history=history))
    assert not [i for i in inputs.findings if i.row == 14]


def test_the_total_row_carries_its_history_for_the_next_rebuild():
    table, _ = rebuilt(previous_sheet())
    total = table.loc["total"]
    assert all(total[HISTORY[r]] == total[r] for r in ("lead_to_mql", "mql_to_sql",
                                                        "sql_to_opp", "opp_to_won"))


def test_the_targets_total_row_is_read_back_and_the_budgets_is_not():
    from xlreview.inputs import read_previous

    header = ["Channel", "Lead→MQL", "History Lead→MQL"]
    rows = [["A", 0.5, 0.5], ["Total", 0.9, 0.35]]
    found = read_previous({"Targets": [header, *rows], "Budget": [["Channel", "Min"],
                                                                  ["A", 1], ["Total", 2]]})
    assert found["targets"]["channel"].tolist() == ["A", "total"]
    assert found["targets"]["_row"].tolist() == [2, 3]
    assert found["budget"]["channel"].tolist() == ["A"]
