"""The command line: exit codes and what it prints."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xlreview.cli import main


def test_template_then_rebuild_of_an_empty_template(tmp_path, capsys):
    path = tmp_path / "empty.xlsx"
    assert main(["template", str(path)]) == 0
    assert capsys.readouterr().out == f"template written: {path}\n"
    assert main(["rebuild", "-q", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"Rebuilt {path}:")
    assert "Data check:" in out


def test_rebuild_of_a_missing_file_exits_1_with_a_message(tmp_path, capsys):
    assert main(["rebuild", str(tmp_path / "nope.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "nope.xlsx" in err
    assert "Traceback" not in err


def test_rebuild_of_a_file_that_is_not_a_workbook_exits_1(tmp_path, capsys):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a zip")
    assert main(["rebuild", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"{path} is not an Excel workbook xlreview can read (it is damaged or of another "
        "kind): open it in Excel, save it as .xlsx, and rebuild that file.\n"
    )
    assert path.read_text() == "not a zip"


def test_bad_input_is_reported_in_the_data_check_sheet_and_text_stays_text(tmp_path, capsys):
    from xlreview.io.template import write_input_book

    path = tmp_path / "bad.xlsx"
    write_input_book(path, lang="en")
    wb = openpyxl.load_workbook(path)
    ws = wb["Leads"]
    header_row = next(
        r for r in range(1, 11) if ws.cell(r, 1).value in ("lead_id", "线索ID")
    )
    headers = [c.value for c in ws[header_row]]
    col = {h: i + 1 for i, h in enumerate(headers) if h}
    rows = [
        {"lead_id": "L1", "created": "2025-03-01", "channel": "Web", "campaign": "=1+1"},
        {"lead_id": "L2", "created": "not a date", "channel": "Web"},
        {"lead_id": "L1", "created": "2025-03-02", "channel": "Web"},  # duplicate id
    ]
    for n, values in enumerate(rows, start=header_row + 1):
        for key, value in values.items():
            ws.cell(n, col[key]).value = value
            ws.cell(n, col[key]).data_type = "s"
    wb.save(path)

    # Rebuilt, but the data check has errors: exit code 3.
    assert main(["rebuild", "-q", str(path)]) == 3
    out = capsys.readouterr().out
    assert "Leads" in out
    book = openpyxl.load_workbook(path)
    check = book["Data check"]
    found = [tuple(c.value for c in row) for row in check.iter_rows()]
    # the unparseable date names sheet, row and column
    assert any(r[1:4] == ("Leads", header_row + 2, "created") for r in found if len(r) > 3), found
    # the duplicate lead id names the duplicate's row
    assert any(r[1:3] == ("Leads", header_row + 3) for r in found if len(r) > 3), found
    # text that looks like a formula was written as text wherever it appears
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "=1+1":
                    assert cell.data_type == "s"


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_demo_writes_and_rebuilds_the_sample(tmp_path, capsys, lang):
    assert main(["demo", str(tmp_path), "--lang", lang, "-q"]) == 0
    books = list(Path(tmp_path).glob("*.xlsx"))
    assert len(books) == 1
    assert len(openpyxl.load_workbook(books[0], read_only=True).sheetnames) > 15


def test_addin_install_is_idempotent_and_uninstall_removes_it(tmp_path, capsys):
    folder = tmp_path / "XLSTART"
    assert main(["addin", "install", "--folder", str(folder)]) == 0
    assert main(["addin", "install", "--folder", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == ["xlreview.xlam"]
    assert main(["addin", "uninstall", "--folder", str(folder)]) == 0
    assert list(folder.iterdir()) == []
    assert main(["addin", "uninstall", "--folder", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["add-in removed", "add-in was not installed"]


def test_the_command_exits_with_main_s_code_and_flushed_output(tmp_path):
    # The installed command (and python -m xlreview) ends with a fast exit: its code and
    # every line printed must still come through.
    import subprocess
    import sys

    path = tmp_path / "empty.xlsx"
    done = subprocess.run([sys.executable, "-m", "xlreview", "template", str(path)],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"template written: {path}\n")
    done = subprocess.run([sys.executable, "-m", "xlreview", "rebuild", "-q",
                           str(tmp_path / "nope.xlsx")], capture_output=True, text=True)
    assert done.returncode == 1 and "nope.xlsx" in done.stderr


def test_the_progress_bar_appears_after_a_second_even_while_a_step_waits(monkeypatch):
    # A big Leads sheet keeps the rebuild in one step for seconds: the bar must still show
    # up after one second (tqdm alone draws only when a step ends), on a terminal only.
    import io
    import sys
    import time

    from xlreview.cli import _progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    step, close = _progress_bar(quiet=False)
    step("read")
    time.sleep(1.3)  # one long step, no update
    shown = screen.getvalue()
    close()
    assert "rebuild:" in shown and "1/6" in shown and "read" in shown

    monkeypatch.setattr(sys, "stderr", Terminal())
    step, close = _progress_bar(quiet=True)
    step("read")
    close()
    assert sys.stderr.getvalue() == ""
