"""What a rebuild refuses to touch, and how it recognises the sheets it writes (issue 12).

Generated sheets carry a hidden local name (the mark); a user's sheet that only shares a
generated sheet's name is never touched; the user's references follow generated sheets
that are renamed (by the user, or by a language change) and their tables' headers.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from xlreview.cli import main
from xlreview.labels import LANGUAGES, label

from .workbooks import add_sheet, edit_part


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    assert main(["template", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def rebuilt(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rebuilt") / "book.xlsx"
    shutil.copy(template, path)
    assert main(["rebuild", "-q", str(path)]) == 0
    return path


def _copy(source: Path, folder: Path, name: str = "book.xlsx") -> Path:
    target = folder / name
    shutil.copy(source, target)
    return target


def _sheets(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())


def _part(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode()


def _names(path: Path) -> dict[str, str]:
    found = re.findall(r'<definedName name="([^"]*)"[^>]*>([^<]*)<', _part(path, "xl/workbook.xml"))
    return {n: v for n, v in found if n != "_xlreview_sheet"}


# -- 1. a user's sheet with a generated sheet's name ---------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Budget",  # the English name as it is
        "dashboard",  # another case
        "MONTHLY",
        "使用说明",  # the Chinese name of "How to use", in an English workbook
    ],
)
def test_a_users_sheet_named_like_a_generated_one_stops_the_rebuild(
    name, template, rebuilt, tmp_path, capsys
):
    for source in (template, rebuilt):  # before the first rebuild, and after it
        book = _copy(source, tmp_path)
        add_sheet(book, name, '<row r="1"><c r="A1"><v>42</v></c></row>')
        before = book.read_bytes()
        assert main(["rebuild", "-q", str(book)]) == 1
        err = capsys.readouterr().err
        assert f'Your sheet "{name}" has the name of a sheet the rebuild writes' in err
        assert "rename your sheet" in err and err.count("\n") == 1
        assert book.read_bytes() == before


def test_a_generated_sheet_the_user_renamed_is_replaced_and_references_follow(rebuilt, tmp_path):
    book = _copy(rebuilt, tmp_path)
    edit_part(book, "xl/workbook.xml", '<sheet name="ROI matrix"', '<sheet name="My ROI"')
    add_sheet(
        book, "Mine", '<row r="1"><c r="A1"><f>SUM(\'My ROI\'!B2:B3)</f><v>0</v></c></row>',
        names="<definedName name=\"MyRevenue\">'My ROI'!$I$5:$I$14</definedName>",
    )
    assert main(["rebuild", "-q", str(book)]) == 0
    sheets = _sheets(book)
    assert "My ROI" not in sheets and sheets.count("ROI matrix") == 1
    # In its old place (second tab, after the Dashboard), not appended at the end.
    assert sheets.index("ROI matrix") == _sheets(rebuilt).index("ROI matrix")
    assert _names(book)["MyRevenue"] == "'ROI matrix'!$I$5:$I$14"
    assert "<f>SUM('ROI matrix'!B2:B3)</f>" in _part(book, "xl/worksheets/user1.xml")


def test_a_rebuild_without_changes_leaves_the_users_sheets_and_names_alone(rebuilt, tmp_path):
    book = _copy(rebuilt, tmp_path)
    name = "<definedName name=\"MyRevenue\">'ROI matrix'!$I$5:$I$14</definedName>"
    add_sheet(book, "Mine", '<row r="1"><c r="A1"><f>SUM(roi_matrix[Revenue])</f></c></row>',
              names=name)
    with zipfile.ZipFile(book) as z:
        mine = z.read("xl/worksheets/user1.xml")
    assert main(["rebuild", "-q", str(book)]) == 0
    assert main(["rebuild", "-q", str(book)]) == 0
    with zipfile.ZipFile(book) as z:
        assert z.read("xl/worksheets/user1.xml") == mine
    assert _names(book)["MyRevenue"] == "'ROI matrix'!$I$5:$I$14"


def test_a_language_change_rewrites_the_users_references(rebuilt, tmp_path):
    book = _copy(rebuilt, tmp_path)
    add_sheet(
        book, "Mine",
        '<row r="1"><c r="A1"><f>SUM(roi_matrix[Revenue])</f></c>'
        "<c r=\"B1\"><f>'ROI matrix'!B2&amp;\"ROI matrix!\"</f></c></row>",
        names="<definedName name=\"MyRevenue\">'ROI matrix'!$I$5:$I$14</definedName>",
    )
    edit_part(book, "xl/worksheets/sheet1.xml",
              '<c r="B13" t="inlineStr"><is><t>en</t></is></c>',
              '<c r="B13" t="inlineStr"><is><t>zh-CN</t></is></c>')
    assert main(["rebuild", "-q", str(book)]) == 0
    roi, revenue = label("sheet.roi_matrix", "zh-CN"), label("col.revenue", "zh-CN")
    assert roi in _sheets(book) and "ROI matrix" not in _sheets(book)
    assert _names(book)["MyRevenue"] == f"'{roi}'!$I$5:$I$14"
    mine = _part(book, "xl/worksheets/user1.xml")
    assert f"<f>SUM(roi_matrix[{revenue}])</f>" in mine
    # The text inside the string literal is not a reference: it stays.
    assert f"<f>'{roi}'!B2&amp;\"ROI matrix!\"</f>" in mine
    # Each rewrite is listed in the data check, as a note.
    from xlreview.io.files import read_grids

    check = read_grids(book, [label("sheet.data_check", "zh-CN")])
    text = str(check)
    assert "MyRevenue" in text and "B1" in text and "A1" in text


def test_an_older_books_generated_sheets_are_recognised_by_name_and_table(rebuilt, tmp_path):
    # A workbook rebuilt before marks existed: no _xlreview_sheet names.
    book = _copy(rebuilt, tmp_path)
    workbook = _part(book, "xl/workbook.xml")
    unmarked = re.sub(r'<definedName name="_xlreview_sheet"[^>]*>[^<]*</definedName>', "",
                      workbook)
    edit_part(book, "xl/workbook.xml", workbook, unmarked)
    assert main(["rebuild", "-q", str(book)]) == 0
    assert _sheets(book) == _sheets(rebuilt)


# -- 3. no input sheets; 6. read-only, symlink, signed ------------------------------------


def test_a_workbook_without_input_sheets_is_refused(tmp_path, capsys):
    import xlsxwriter

    book = tmp_path / "budget 2027.xlsx"
    wb = xlsxwriter.Workbook(book)
    wb.add_worksheet("Notes").write("A1", "my notes")
    wb.close()
    before = book.read_bytes()
    assert main(["rebuild", "-q", str(book)]) == 1
    assert "has no xlreview input sheets" in capsys.readouterr().err
    assert "xlreview template" in label("msg.no_input_sheets", path=book)
    assert book.read_bytes() == before


def test_an_unrelated_workbook_with_a_sheet_called_settings_is_refused(tmp_path, capsys):
    # "Settings" and "Team" are common sheet names: the name alone does not make a sheet
    # ours; its header row (key, value) does.
    import xlsxwriter

    book = tmp_path / "printer fleet.xlsx"
    wb = xlsxwriter.Workbook(book)
    wb.add_worksheet("Settings").write_row("A1", ["Printer", "Colour", "Duplex"])
    wb.add_worksheet("Team").write_row("A1", ["Name", "Floor"])
    wb.close()
    before = book.read_bytes()
    assert main(["rebuild", "-q", str(book)]) == 1
    assert "has no xlreview input sheets" in capsys.readouterr().err
    assert book.read_bytes() == before


def test_a_read_only_workbook_is_refused(template, tmp_path, capsys):
    book = _copy(template, tmp_path)
    book.chmod(0o444)
    before = book.read_bytes()
    assert main(["rebuild", "-q", str(book)]) == 1
    assert "is read-only" in capsys.readouterr().err
    assert book.read_bytes() == before


def test_a_symlink_stays_a_link_and_its_target_is_rebuilt(template, tmp_path):
    (tmp_path / "share").mkdir()
    target = _copy(template, tmp_path / "share")
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    assert main(["rebuild", "-q", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == target
    assert "ROI matrix" in _sheets(target)
    # The new file was written beside the target, and nothing was left anywhere.
    assert sorted(p.name for p in target.parent.iterdir()) == ["book.xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.xlsx", "share"]


def test_a_signed_workbook_is_refused_unless_forced(template, tmp_path, capsys):
    book = _copy(template, tmp_path)
    with zipfile.ZipFile(book, "a") as z:
        z.writestr("_xmlsignatures/sig1.xml", "<Signature/>")
    before = book.read_bytes()
    assert main(["rebuild", "-q", str(book)]) == 1
    assert "digitally signed" in capsys.readouterr().err
    assert book.read_bytes() == before
    assert main(["rebuild", "-q", "--force", str(book)]) == 0
    assert "signature no longer matches" in capsys.readouterr().err


# -- 7. leftovers of a killed run ----------------------------------------------------------


def test_stale_leftovers_of_killed_runs_are_removed(template, tmp_path, monkeypatch):
    import os
    import time

    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr("tempfile.tempdir", None)
    book = _copy(template, tmp_path)
    old = time.time() - 7200
    dead_pid = 2**22 + 17  # above pid_max: no such process
    leftovers = [
        tmp_path / f".xlreview-{dead_pid}-0a1b2c3d.xlsx",  # this version, process gone
        tmp_path / ".xlreview-k2j4_x9q.xlsx",  # an older version's name (mkstemp)
        tmpdir / "xlreview-abcd_123",  # an older version's TMPDIR folder
    ]
    alive = tmp_path / f".xlreview-{os.getpid()}-0a1b2c3d.xlsx"  # a run still writing
    fresh = tmp_path / ".xlreview-fresh123.xlsx"  # younger than an hour
    foreign = tmpdir / "xlreview-notes.txt"  # not a name of ours
    # Named like ours, but holding a file we never write: someone's folder, kept.
    users = tmpdir / "xlreview-projects"
    for path in [*leftovers, alive, fresh, foreign, users]:
        if path.name.startswith(("xlreview-abcd", "xlreview-projects")):
            path.mkdir()
            name = "generated.xlsx" if path.name.endswith("123") else "plan.xlsx"
            (path / name).write_bytes(b"PK")
        else:
            path.write_bytes(b"PK")
        if path is not fresh:
            os.utime(path, (old, old))
    assert main(["rebuild", "-q", str(book)]) == 0
    assert [p.exists() for p in leftovers] == [False, False, False]
    assert alive.exists() and fresh.exists() and foreign.exists()
    assert (users / "plan.xlsx").exists()


def test_a_reference_to_a_generated_sheet_no_longer_written_is_kept_and_reported(
    rebuilt, tmp_path
):
    # "Old plan" was generated by an older version (it carries the mark with a key that is
    # no longer generated); the user's name pointing at it must not vanish silently.
    book = _copy(rebuilt, tmp_path)
    index = len(_sheets(book))
    add_sheet(book, "Old plan", '<row r="1"><c r="A1"><v>1</v></c></row>', names=(
        f'<definedName name="_xlreview_sheet" localSheetId="{index}" hidden="1">"old_plan"'
        "</definedName><definedName name=\"OldTotal\">'Old plan'!$A$1</definedName>"))
    assert main(["rebuild", "-q", str(book)]) == 0
    assert "Old plan" not in _sheets(book)
    assert _names(book)["OldTotal"] == "#REF!$A$1"
    from xlreview.io.files import read_grids

    check = read_grids(book, ["Data check"])["Data check"]
    rows = [r for r in check if any("OldTotal" in str(c) for c in r)]
    assert len(rows) == 1 and rows[0][0] == "Warning"
    assert "Name OldTotal ='Old plan'!$A$1 points at a generated sheet" in str(rows[0])


def test_a_copy_of_a_generated_sheet_is_the_users_and_stays(rebuilt, tmp_path):
    # Excel's Move or Copy duplicates a sheet with its local names, the mark included:
    # "ROI matrix (2)" is the user's snapshot of this year's figures, not ours to delete.
    book = _copy(rebuilt, tmp_path)
    index = len(_sheets(book))
    add_sheet(book, "ROI matrix (2)", '<row r="1"><c r="A1"><v>2026</v></c></row>', names=(
        f'<definedName name="_xlreview_sheet" localSheetId="{index}" hidden="1">"roi_matrix"'
        "</definedName>"))
    assert main(["rebuild", "-q", str(book)]) == 0
    assert main(["rebuild", "-q", str(book)]) == 0
    sheets = _sheets(book)
    assert sheets.count("ROI matrix") == 1 and sheets[-1] == "ROI matrix (2)"
    assert _part(book, "xl/worksheets/user1.xml").count("<v>2026</v>") == 1
    marks = re.findall(r'name="_xlreview_sheet" localSheetId="(\d+)"',
                       _part(book, "xl/workbook.xml"))
    assert str(len(sheets) - 1) not in marks  # the copy lost the mark: it is the user's


def test_a_name_collision_is_refused_before_anything_is_computed(template, tmp_path,
                                                                 monkeypatch, capsys):
    def never(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("computed although the rebuild must stop")

    monkeypatch.setattr("xlreview.rebuild.compute_inputs", never)
    book = _copy(template, tmp_path)
    add_sheet(book, "市场预算", '<row r="1"><c r="A1"><v>1</v></c></row>')
    assert main(["rebuild", "-q", str(book)]) == 1
    err = capsys.readouterr().err
    budget = " / ".join(sorted({label("sheet.budget", lang) for lang in LANGUAGES}))
    assert f'Your sheet "市场预算" has the name of a sheet the rebuild writes ({budget})' in err
