"""``xlreview baseline BOOK``: the plan frozen into the Plan baseline sheet, nothing else
of the file touched, never an existing baseline replaced without ``--force``."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.io import fake_xlwings as fake
from xlreview.cli import main
from xlreview.inputs import read_inputs
from xlreview.io.baseline import BaselineExistsError, freeze_in_book
from xlreview.io.files import read_grids
from xlreview.io.template import write_input_book
from xlreview.sample import sample_company

LISTING_PARTS = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml",
                 "xl/styles.xml", "docProps/app.xml", "xl/calcChain.xml"}
CUSTOM = b'<?xml version="1.0"?><root><item>keep me</item></root>'


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sample company's inputs (fiscal year 2025) with a part of the user's own."""
    path = tmp_path_factory.mktemp("baseline") / "review.xlsx"
    write_input_book(path, data=sample_company(leads_per_year=300))
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("customXml/item1.xml", CUSTOM)
    return path


def _copy(book: Path, tmp_path: Path) -> Path:
    out = tmp_path / book.name
    out.write_bytes(book.read_bytes())
    return out


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _sheet_parts(path: Path, sheet: str) -> set[str]:
    """The sheet's part and the parts its relationships point to (its table)."""
    entries = _entries(path)
    workbook = entries["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', workbook)
    assert rid, sheet
    rels = entries["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid.group(1)}"',
                           rels)
    part = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
    own = f"{part.rsplit('/', 1)[0]}/_rels/{part.rsplit('/', 1)[1]}.rels"
    linked = re.findall(r'Target="\.\./([^"]+)"', entries.get(own, b"").decode())
    return {part, own, *("xl/" + t for t in linked)}


def _baseline(path: Path):
    return read_inputs(read_grids(path)).baseline


def test_baseline_command_freezes_the_plan_and_keeps_every_other_part(book, tmp_path, capsys):
    path = _copy(book, tmp_path)
    before = _entries(path)
    old_parts = _sheet_parts(path, "Plan baseline")
    assert main(["baseline", str(path)]) == 0
    sheet = _baseline(path)
    frozen = sheet[sheet["period"].str.startswith("2026")].reset_index(drop=True)
    # The sample's own baseline of 2025 first, as it was; then 2026: 12 months + 4 quarters,
    # 7 metrics each, then the year per channel.
    assert sheet["period"].iloc[0] == "2025-01" and len(sheet) > len(frozen)
    assert len(frozen) > (12 + 4) * 7
    assert frozen["period"].iloc[0] == "2026-01" and frozen["period"].iloc[12 * 7] == "2026-Q1"
    out = capsys.readouterr().out
    assert f"baseline of 2026 written: {path} ({len(frozen)} rows in \"Plan baseline\")" in out
    after = _entries(path)
    changed = {n for n, data in before.items() if after.get(n) != data}
    assert changed <= LISTING_PARTS | old_parts, changed - LISTING_PARTS - old_parts
    assert after["customXml/item1.xml"] == CUSTOM
    # The sheet keeps its tab position (last input sheet before Mapping).
    names = list(read_grids(path))
    assert names.index("Plan baseline") == names.index("Mapping") - 1


def test_an_existing_baseline_is_kept_without_force(book, tmp_path, capsys):
    path = _copy(book, tmp_path)
    assert main(["baseline", str(path)]) == 0
    frozen = path.read_bytes()
    assert main(["baseline", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("the workbook already has a plan baseline for 2026")
    assert "--force" in err
    assert path.read_bytes() == frozen
    assert main(["baseline", str(path), "--force"]) == 0
    assert len(_baseline(path)) == len(read_inputs(read_grids(path)).baseline)


def test_the_rebuild_keeps_the_baseline_and_tracks_it_in_its_year(book, tmp_path):
    from xlreview.rebuild import rebuild

    path = _copy(book, tmp_path)
    assert main(["baseline", str(path)]) == 0
    sheet = _baseline(path)
    result = rebuild(path)
    assert len(_baseline(path)) == len(sheet)  # an input sheet: never rewritten by a rebuild
    # Fiscal year 2025: its rows are tracked, 2026's wait for their year.
    tracked = result.tables["plan_vs_actual"]
    assert len(tracked) == sheet["period"].str.startswith("2025").sum()
    assert set(tracked["period"].str[:4]) == {"2025"}


def test_a_book_without_the_sheet_gets_it_added_last(tmp_path):
    import openpyxl

    path = tmp_path / "older.xlsx"
    write_input_book(path, data=sample_company(leads_per_year=200))
    wb = openpyxl.load_workbook(path)
    del wb["Plan baseline"]
    wb.save(path)
    assert main(["baseline", str(path)]) == 0
    assert list(read_grids(path))[-1] == "Plan baseline"


def test_chinese_workbook_gets_the_chinese_sheet(tmp_path, capsys):
    path = tmp_path / "zh.xlsx"
    write_input_book(path, lang="zh-CN", data=sample_company(leads_per_year=200, lang="zh-CN"))
    assert main(["baseline", str(path)]) == 0
    assert "计划基线" in read_grids(path)
    assert "年计划基线已写入" in capsys.readouterr().out


def test_live_excel_freezes_into_the_open_book(book):
    live = fake.Book.from_grids(read_grids(book))
    frozen = freeze_in_book(live)
    sheet = live.sheets["Plan baseline"]
    grid = sheet.grid()
    assert grid[2] == ["period", "channel", "metric", "plan"]
    new = [row for row in grid[3:] if str(row[0]).startswith("2026")]
    assert new[0][:1] == ["2026-01"] and new[0][2] == "leads"
    assert len(new) == frozen.rows and len(grid) - 3 > frozen.rows  # 2025's rows kept
    assert [t[0] for t in sheet.tables.items] == ["input_baseline"]
    with pytest.raises(BaselineExistsError):
        freeze_in_book(live)
    assert freeze_in_book(live, force=True).rows == frozen.rows


def test_other_years_baselines_stay_and_only_the_plan_years_rows_need_force(tmp_path):
    import pandas as pd

    data = sample_company(leads_per_year=200)
    data["baseline"] = pd.DataFrame({"period": ["2025-Q1", "2025"], "channel": [None, "Email"],
                                     "metric": ["leads", "revenue"], "plan": [300.0, 9e5]})
    path = tmp_path / "history.xlsx"
    write_input_book(path, data=data)
    assert main(["baseline", str(path)]) == 0  # 2025 rows are not 2026's: nothing replaced
    frame = _baseline(path)
    assert frame["period"].tolist()[:2] == ["2025-Q1", "2025"]
    assert frame["channel"].tolist()[1] == "Email"
    assert frame["period"].tolist()[2] == "2026-01"
    rows = len(frame)
    assert main(["baseline", str(path)]) == 1  # now 2026 is there
    assert main(["baseline", str(path), "--force"]) == 0
    assert len(_baseline(path)) == rows  # 2026 replaced, 2025 kept


def test_an_empty_template_has_no_plan_to_freeze(tmp_path, capsys):
    path = tmp_path / "empty.xlsx"
    write_input_book(path)
    before = path.read_bytes()
    assert main(["baseline", str(path)]) == 1
    assert capsys.readouterr().err == (
        "the plan is empty: paste the leads (and spend) into the input sheets first\n")
    assert path.read_bytes() == before


def test_a_rebuilt_workbook_keeps_its_marks_and_the_baseline_outlives_the_next_rebuild(
        book, tmp_path):
    """The baseline is an input sheet: it carries no generated-sheet mark, so the next
    rebuild keeps it; the generated sheets keep theirs, so they are still replaced."""
    from xlreview.io.package import MARK
    from xlreview.rebuild import rebuild

    path = _copy(book, tmp_path)
    rebuild(path)
    marks_before = _entries(path)["xl/workbook.xml"].decode().count(MARK)
    assert main(["baseline", str(path), "--force"]) == 0
    workbook = _entries(path)["xl/workbook.xml"].decode()
    assert workbook.count(MARK) == marks_before
    rows = len(_baseline(path))
    sheets = list(read_grids(path))
    rebuild(path)
    assert len(_baseline(path)) == rows
    assert list(read_grids(path)) == sheets  # same sheets, same order: nothing doubled
