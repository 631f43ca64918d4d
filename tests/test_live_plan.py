"""The plan is live in Excel: change inputs in a rebuilt workbook, recalculate it with
LibreOffice headless, and every plan sheet, the budget check and the scenarios equal what
Python computes for the same inputs (to the unit for counts, to the cent for money).

Two what-ifs per language, one LibreOffice conversion each:

- *Settings*: a new revenue target and new-customer share in Settings, a typed Stretch
  target and Cautious win rate on Scenarios. Python's answer is the rebuild of that same
  edited workbook (it reads Settings and keeps the typed scenario values).
- *Targets*: a channel's win rate and another's share typed on Targets (what-ifs the
  rebuild would recompute from the history). Python's answer comes from the plan functions
  (split, reverse funnel, phasing, budget check, scenario outcome) on the edited targets.
"""

from __future__ import annotations

import functools
import math
import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from tests import lo_convert
from xlreview.budget import budget_check_table
from xlreview.cli import write_demo
from xlreview.labels import label
from xlreview.model import SETTINGS
from xlreview.phasing import plan_monthly, plan_quarterly, plan_weekly
from xlreview.plan import plan_year
from xlreview.rebuild import rebuild
from xlreview.scenarios import outcome, plan_cpl
from xlreview.settings import setting_field
from xlreview.targets import RATES, reverse_funnel, split_customers

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(lo_convert.soffice() is None, reason="LibreOffice (soffice) missing"),
]

PLAN_SHEETS = ("targets", "plan_quarterly", "plan_monthly", "plan_weekly", "scenarios")
STRETCH_TARGET, CAUTIOUS_WIN_RATE = 80_000_000, 0.2


LIVE_SHEETS = ("settings", "targets", "plan_quarterly", "plan_monthly", "plan_weekly",
               "budget", "scenarios")
"""Sheets the plan's formulas read and write (Settings is an input sheet)."""


def _plan_only(wb: openpyxl.Workbook, path: Path) -> Path:
    """Save ``wb`` with only the live plan's sheets: LibreOffice loads it in seconds (the
    plan's formulas refer to nothing else)."""
    lang = _lang(wb)
    keep = {SETTINGS.name(lang),
            *(label(f"sheet.{k}", lang) for k in LIVE_SHEETS[1:])}
    for name in wb.sheetnames:
        if name not in keep:
            del wb[name]
    wb.save(path)
    return path


def _edit_settings(path: Path, values: dict[str, float]) -> Path:
    """Edit Settings and type two scenario values; returns a plan-only copy for LibreOffice."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SETTINGS.name(_lang(wb))]
    for row in ws.iter_rows(min_col=1, max_col=2):
        key = setting_field(row[0].value)  # a Chinese sheet shows 明年营收目标 …
        if key in values:
            row[1].value = values[key]
    # Scenarios C5 = Stretch revenue target; D12 = Cautious win rate (typed by the user).
    sc = wb[label("sheet.scenarios", _lang(wb))]
    sc["C5"], sc["D12"] = STRETCH_TARGET, CAUTIOUS_WIN_RATE
    wb.save(path)
    return _plan_only(wb, path.with_name("plan-" + path.name))


def _lang(wb: openpyxl.Workbook) -> str:
    return next((lang for lang in ("zh-CN", "zh-TW") if SETTINGS.name(lang) in wb.sheetnames),
                "en")


@pytest.fixture(scope="module", params=["en", "zh-CN"])
def books(request, tmp_path_factory):
    """(lang, rebuild result, settings-edited + LO, settings-edited + rebuilt,
    targets-edited + LO, the targets edit)."""
    lang = request.param
    tmp = tmp_path_factory.mktemp(f"live-{lang}")
    path = write_demo(tmp / "demo", lang=lang)
    result = rebuild(path)
    settings_book = tmp / "settings.xlsx"
    shutil.copy(path, settings_book)
    plan_only = _edit_settings(settings_book, {"revenue_target": 64_000_000,
                                               "new_customer_share": 0.7})
    office = lo_convert.convert(plan_only, "xlsx", tmp / "lo1")
    python = tmp / "python.xlsx"
    shutil.copy(settings_book, python)
    rebuild(python)
    targets_book = tmp / "targets.xlsx"
    edit = _edit_targets(path, targets_book, result.tables["targets"], lang)
    targets_office = lo_convert.convert(targets_book, "xlsx", tmp / "lo2")
    return lang, result, office, python, targets_office, edit


@functools.lru_cache(maxsize=8)
def _book(path: Path) -> openpyxl.Workbook:
    """A workbook's values, loaded once (the sample's Leads make each load take seconds)."""
    return openpyxl.load_workbook(path, data_only=True)


def _values(path: Path, lang: str, key: str) -> dict[str, object]:
    ws = _book(path)[label(f"sheet.{key}", lang)]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row
            if c.value not in (None, "")}


def _close(python: object, office: object) -> bool:
    """Counts to the unit, money to the cent (both are within half a cent)."""
    if isinstance(python, int | float) and isinstance(office, int | float):
        return math.isclose(python, office, rel_tol=1e-12, abs_tol=0.005)
    return python == office


def test_a_settings_what_if_recalculates_every_plan_sheet_like_the_rebuild(books):
    lang, _, office, python, _, _ = books
    checked = 0
    for key in PLAN_SHEETS:
        expected, got = _values(python, lang, key), _values(office, lang, key)
        numbers = {k: v for k, v in expected.items() if isinstance(v, int | float)}
        for cell, value in numbers.items():
            assert _close(value, got.get(cell)), (key, cell, value, got.get(cell))
        checked += len(numbers)
    # The budget check: rows 5–8, Plan needs / Budget buys / Gap (B:D).
    expected, got = _values(python, lang, "budget"), _values(office, lang, "budget")
    for cell in [f"{c}{r}" for c in "BCD" for r in range(5, 9)]:
        assert _close(expected.get(cell), got.get(cell)), (cell, expected.get(cell),
                                                           got.get(cell))
    # 53 weeks × 6 + 12 months × 7 + 4 quarters × 7 + Targets + Scenarios: over 600 numbers.
    assert checked > 600


def test_the_settings_what_if_moved_the_plan_and_kept_typed_scenarios(books):
    lang, result, office, python, _, _ = books
    before = result.tables["targets"].set_index("channel").loc["total"]
    targets = _values(office, lang, "targets")
    # 64M × 0.7 × 0.5 = 22.4M marketing target (was 51M × 0.6 × 0.5 = 15.3M).
    assert targets["B6"] == pytest.approx(22_400_000)
    assert targets["B8"] == math.ceil(22_400_000 / before["avg_deal"])
    scenarios = _values(python, lang, "scenarios")
    assert scenarios["C5"] == STRETCH_TARGET and scenarios["D12"] == CAUTIOUS_WIN_RATE
    # Stretch customers: ⌈80M × 0.7 × 0.5 / deal⌉ in both.
    deal = before["avg_deal"]
    assert _values(office, lang, "scenarios")["H5"] == math.ceil(80e6 * 0.7 * 0.5 / deal)


def _edit_targets(src: Path, dst: Path, targets: pd.DataFrame, lang: str) -> dict:
    """Type a new win rate on the first channel and a doubled share on the second."""
    wb = openpyxl.load_workbook(src)
    ws = wb[label("sheet.targets", lang)]
    keys = list(targets.columns)
    first = 11  # Excel row of the first channel (header on row 10)
    rate_col = openpyxl.utils.get_column_letter(keys.index("opp_to_won") + 1)
    share_col = openpyxl.utils.get_column_letter(keys.index("share") + 1)
    edit = {"rate": 0.15, "share": float(targets["share"].iloc[1]) * 2}
    ws[f"{rate_col}{first}"] = edit["rate"]
    ws[f"{share_col}{first + 1}"] = edit["share"]
    _plan_only(wb, dst)
    return edit


def _edited_plan(result, edit: dict) -> dict[str, pd.DataFrame]:
    """The plan Python computes for the edited Targets (same functions as the rebuild)."""
    tables, inputs = result.tables, result.inputs
    targets = tables["targets"].copy()
    body, total = targets.iloc[:-1].copy(), targets.iloc[-1].copy()
    body.loc[body.index[0], "opp_to_won"] = edit["rate"]
    body.loc[body.index[1], "share"] = edit["share"]
    customers = split_customers(int(total["customers"]), body["share"])
    funnel = reverse_funnel(customers, body[list(RATES)])
    body[funnel.columns] = funnel.to_numpy()
    body["plan_leads"] = body["leads"]
    body["revenue"] = body["customers"] * body["avg_deal"]
    body["implied_cost"] = body["leads"] * body["cpl"]
    for column in ("customers", "opp", "sql", "mql", "leads", "plan_leads", "revenue"):
        total[column] = body[column].sum()
    total["implied_cost"] = body["implied_cost"].sum(min_count=1)
    targets = pd.concat([body, total.to_frame().T], ignore_index=True)
    counts = {"lead": int(total["plan_leads"]), "mql": int(total["mql"]),
              "sql": int(total["sql"]), "opp": int(total["opp"]),
              "won": int(total["customers"])}
    lags = dict(zip(tables["plan_lead_time"]["stage"],
                    tables["plan_lead_time"]["lag_months"].astype(int), strict=True))
    budget = tables["budget"]
    # The programme budget phased by month: every line but headcount (the reserve too).
    programme = budget.loc[budget["type"].isin(["proven", "experiment", "reserve"]),
                           "planned_cost"].sum()
    weights = tables["seasonality"]["weight"].to_numpy()
    monthly, _ = plan_monthly(counts, float(total["revenue"]), weights, lags,
                              plan_year(inputs), budget=float(programme))
    return {"targets": targets, "plan_monthly": monthly,
            "plan_quarterly": plan_quarterly(monthly),
            "plan_weekly": plan_weekly(monthly, plan_year(inputs)),
            "budget_check": budget_check_table(inputs, targets, budget)}


def _sheet_rows(path: Path, lang: str, key: str, first: int, n: int, columns: list[str]
                ) -> np.ndarray:
    ws = _book(path)[label(f"sheet.{key}", lang)]
    return np.array([[ws.cell(first + i, 2 + j).value for j in range(len(columns))]
                     for i in range(n)], dtype=float)


def test_a_targets_what_if_flows_through_phasing_budget_check_and_base_scenario(books):
    lang, result, _, _, office, edit = books
    plan = _edited_plan(result, edit)
    # Targets Total row (row 10 + channels + 1): customers, opportunities … leads.
    ws = _book(office)[label("sheet.targets", lang)]
    keys = list(plan["targets"].columns)
    total_row = 11 + len(plan["targets"]) - 1
    for key in ("customers", "opp", "sql", "mql", "leads", "plan_leads", "revenue"):
        got = ws.cell(total_row, keys.index(key) + 1).value
        assert _close(float(plan["targets"].iloc[-1][key]), got), key
    # Every month, quarter and week (B.. from the data row 5), to the unit and the cent.
    for key, n in (("plan_monthly", 12), ("plan_quarterly", 4)):
        columns = ["leads", "mql", "sql", "opp", "won", "revenue", "budget"]
        got = _sheet_rows(office, lang, key, 5, n, columns)
        want = plan[key][columns].to_numpy(dtype=float)
        assert np.abs(got - want).max() < 0.005, key
    weekly = plan["plan_weekly"]
    columns = ["leads", "mql", "sql", "opp", "won", "revenue"]
    ws = _book(office)[label("sheet.plan_weekly", lang)]
    got = np.array([[ws.cell(5 + i, 4 + j).value for j in range(len(columns))]
                    for i in range(len(weekly))], dtype=float)
    assert np.abs(got - weekly[columns].to_numpy(dtype=float)).max() < 0.005
    # Recalculated, the weeks counting in each month (Month column C) add up to that month.
    months = [ws.cell(5 + i, 3).value.month for i in range(len(weekly))]
    by_month = _sheet_rows(office, lang, "plan_monthly", 5, 12, columns)
    for m in range(12):
        weeks = [i for i, month in enumerate(months) if month == m + 1]
        assert len(weeks) in (4, 5)
        assert np.abs(got[weeks].sum(axis=0) - by_month[m]).max() < 0.005, m + 1
    # The budget check (B5:D8) and the Base scenario's outcome (column G from row 5).
    check = plan["budget_check"][["plan_needs", "budget_buys", "gap"]].to_numpy(dtype=float)
    got = _sheet_rows(office, lang, "budget", 5, 4, ["plan_needs", "budget_buys", "gap"])
    assert np.abs(got - check).max() < 0.005
    base = _base_scenario(result, plan["targets"])
    ws = _book(office)[label("sheet.scenarios", lang)]
    got = [ws.cell(5 + i, 7).value for i in range(len(base))]
    assert all(_close(b, g) for b, g in zip(base, got, strict=True)), (base, got)


def _base_scenario(result, targets: pd.DataFrame) -> list[float]:
    """Base = the plan's inputs and the edited Targets' effective rates, one funnel."""
    s, total = result.inputs.settings, targets.iloc[-1]
    values = {"revenue_target": s.revenue_target, "new_customer_share": s.new_customer_share,
              "marketing_share": s.marketing_share, "avg_deal": float(total["avg_deal"]),
              "lead_to_mql": total["mql"] / total["leads"],
              "mql_to_sql": total["sql"] / total["mql"],
              "sql_to_opp": total["opp"] / total["sql"],
              "opp_to_won": total["customers"] / total["opp"],
              "budget_total": s.budget_total}
    budget = result.tables["budget"]
    headcount = float(budget.loc[budget["type"] == "headcount", "planned_cost"].sum())
    out = outcome(values, cpl=plan_cpl(targets), headcount=headcount,
                  experiment_share=s.experiment_share)
    return list(out.values())


def test_an_export_without_sql_and_opportunity_dates_stays_live(tmp_path):
    """Stages not tracked (columns blank): every formula, recalculated, equals Python's."""
    path = write_demo(tmp_path / "demo")
    wb = openpyxl.load_workbook(path)
    ws = wb["Leads"]
    header = [c.value for c in ws[3]]  # an instruction line, a blank row, the header
    for column in ("sql_date", "opp_date"):
        col = header.index(column) + 1
        for row in range(4, ws.max_row + 1):
            ws.cell(row, col).value = None
    wb.save(path)
    result = rebuild(path)
    assert set(result.inputs.untracked) == {"sql", "opp"}
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    plan_only = _plan_only(openpyxl.load_workbook(path), tmp_path / "plan.xlsx")
    recalculated = openpyxl.load_workbook(lo_convert.convert(plan_only, "xlsx",
                                                             tmp_path / "lo"), data_only=True)
    checked = 0
    for key in (*PLAN_SHEETS, "budget"):
        name = label(f"sheet.{key}")
        for row in formulas[name].iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                python = cached[name][cell.coordinate].value
                got = recalculated[name][cell.coordinate].value
                blank = python in (None, "") and got in (None, "")
                assert blank or _close(python, got), (name, cell.coordinate, python, got)
                checked += 1
    assert checked > 500
    # The Base scenario spans the stages too: SQL and opportunities blank, MQL and leads
    # as on Targets.
    base = {c.coordinate: c.value for row in recalculated[label("sheet.scenarios")].iter_rows()
            for c in row if c.value not in (None, "")}
    assert "G6" not in base and "G7" not in base and base["G9"] > base["G8"] > base["G5"]


def test_a_rate_typed_on_targets_is_kept_and_flows_through_recalculated(tmp_path):
    """A Lead→MQL rate typed on Targets survives the rebuild, which shows it as typed; the
    rebuilt workbook, recalculated by LibreOffice, equals what Python wrote in every plan
    formula (Targets, phasing, budget check, Base scenario)."""
    path = write_demo(tmp_path / "demo")
    rebuild(path)
    wb = openpyxl.load_workbook(path)
    ws = wb[label("sheet.targets")]
    header = [c.value for c in ws[10]]
    lead_to_mql = header.index(label("col.lead_to_mql")) + 1
    ws.cell(11, lead_to_mql).value = 0.5  # the first channel's rate, typed over its history
    wb.save(path)
    result = rebuild(path)
    first = result.tables["targets"].iloc[0]
    # Kept: 0.5, shown as typed, and leads = ⌈MQL / 0.5⌉ = 2 × MQL (MQL is whole).
    assert first["lead_to_mql"] == 0.5 and first["rate_source"] == "typed"
    assert first["leads"] == 2 * first["mql"]
    assert first["history_lead_to_mql"] != 0.5
    assert any(i.severity == "info" and i.row == 11 for i in result.inputs.findings)
    plan_only = _plan_only(openpyxl.load_workbook(path), tmp_path / "plan.xlsx")
    formulas = openpyxl.load_workbook(plan_only)  # small: the plan's sheets only
    cached = openpyxl.load_workbook(path, data_only=True, read_only=True)  # Python's values
    recalculated = openpyxl.load_workbook(lo_convert.convert(plan_only, "xlsx",
                                                             tmp_path / "lo"), data_only=True)
    checked = 0
    for key in (*PLAN_SHEETS, "budget"):
        name = label(f"sheet.{key}")
        python = {c.coordinate: c.value for row in cached[name].iter_rows() for c in row
                  if hasattr(c, "coordinate")}
        if key == "targets":
            assert python[f"{openpyxl.utils.get_column_letter(lead_to_mql)}11"] == 0.5
        for row in formulas[name].iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                want = python.get(cell.coordinate)
                got = recalculated[name][cell.coordinate].value
                blank = want in (None, "") and got in (None, "")
                assert blank or _close(want, got), (name, cell.coordinate, want, got)
                checked += 1
    assert checked > 500
