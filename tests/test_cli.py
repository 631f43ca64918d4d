"""The command line: exit codes and what it prints."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xlreview.cli import main
from xlreview.labels import label


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


@pytest.mark.parametrize("lang", ["en", "zh-CN", "zh-TW"])
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
    assert out[-2:] == [f"Add-in removed: {folder / 'xlreview.xlam'}",
                        f"The add-in was not installed in {folder}: nothing to remove."]


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


# -- Issue 12: every failure is one plain sentence, the workbook unchanged ------------------


@pytest.fixture(scope="module")
def template_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    assert main(["template", str(path)]) == 0
    return path


@pytest.fixture
def book(template_book, tmp_path) -> Path:
    import shutil

    path = tmp_path / "book.xlsx"
    shutil.copy(template_book, path)
    return path


def _plain(err: str) -> None:
    """One line, no traceback, no class name, no system error number."""
    assert err.count("\n") == 1, err
    for word in ("Traceback", "Error:", "Errno", "os error", "Exception"):
        assert word not in err, err


def _fail_writing(code: int):  # type: ignore[no-untyped-def]
    """A stand-in for the merge that writes half a file, then fails as the system would."""
    import os

    def merge(book, generated, out, **_):  # type: ignore[no-untyped-def]
        Path(out).write_bytes(b"PK half a zip")
        raise OSError(code, os.strerror(code), str(out))

    return merge


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (28, "is full, so the workbook was left unchanged: free some space"),  # ENOSPC
        (27, "file size limit (ulimit -f)"),  # EFBIG
        (13, "(no permission), so nothing was written: move the workbook"),  # EACCES
        (30, "(no permission), so nothing was written"),  # EROFS: a read-only disk
    ],
)
def test_a_write_that_fails_leaves_the_workbook_and_no_temporary_file(
    book, monkeypatch, capsys, code, expected
):
    before = book.read_bytes()
    monkeypatch.setattr("xlreview.io.package.merge_generated", _fail_writing(code))
    assert main(["rebuild", "-q", str(book)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert expected in err
    assert book.read_bytes() == before
    assert [p.name for p in book.parent.iterdir()] == ["book.xlsx"]


def test_a_read_only_folder(book, monkeypatch, capsys):
    # The temporary file beside the workbook cannot be created (we run as root here, for
    # whom a 0555 folder is writable: the system's refusal is simulated).
    import errno

    def refuse(path):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    before = book.read_bytes()
    monkeypatch.setattr("xlreview.io.safety._create", refuse)
    assert main(["rebuild", "-q", str(book)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert f"Cannot write in the folder of {book} (no permission)" in err
    assert book.read_bytes() == before


def test_an_immutable_file(book, monkeypatch, capsys):
    # chattr +i: the folder is writable, the file cannot be replaced (EPERM).
    import errno

    def refuse(src, dst):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EPERM, "Operation not permitted", str(src), None, str(dst))

    before = book.read_bytes()
    monkeypatch.setattr("os.replace", refuse)
    assert main(["rebuild", "-q", str(book)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert "cannot be replaced: the system protects it" in err
    assert book.read_bytes() == before
    assert [p.name for p in book.parent.iterdir()] == ["book.xlsx"]


def test_ctrl_c_while_writing(book, monkeypatch, capsys):
    def interrupt(book, generated, out, **_):  # type: ignore[no-untyped-def]
        Path(out).write_bytes(b"PK half")
        raise KeyboardInterrupt

    before = book.read_bytes()
    monkeypatch.setattr("xlreview.io.package.merge_generated", interrupt)
    assert main(["rebuild", "-q", str(book)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert "Stopped before anything was written: the workbook is unchanged." in err
    assert book.read_bytes() == before
    assert [p.name for p in book.parent.iterdir()] == ["book.xlsx"]


def _run(*args: str, env: dict | None = None, limit: int | None = None):  # type: ignore[no-untyped-def]
    import os
    import resource
    import subprocess
    import sys

    def preexec() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    root = Path(__file__).resolve().parents[1]
    environment = {**os.environ, "PYTHONPATH": f"{root}:{root / 'udfs'}", **(env or {})}
    return subprocess.run([sys.executable, "-m", "xlreview", *args], capture_output=True,
                          text=True, env=environment, preexec_fn=preexec, cwd=root)


def test_a_file_size_limit_in_a_real_process(book):
    # ulimit -f: the process is not killed (SIGXFSZ), the write fails plainly.
    before = book.read_bytes()
    done = _run("rebuild", "-q", str(book), limit=len(before) + 4096)
    assert done.returncode == 1, done.stderr
    _plain(done.stderr)
    assert "file size limit" in done.stderr
    assert book.read_bytes() == before
    assert [p.name for p in book.parent.iterdir()] == ["book.xlsx"]


def test_a_full_or_missing_tmpdir_is_not_needed(book, tmp_path):
    # The generated sheets are built in memory: TMPDIR pointing at a file (as unusable as a
    # full one) does not matter.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    done = _run("rebuild", "-q", str(book), env={"TMPDIR": str(blocker)})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_broken_pipe_when_the_output_is_cut_short(book):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    command = (f"PYTHONPATH={root} {sys.executable} -m xlreview rebuild -q {book} | head -1;"
               " echo ${PIPESTATUS[0]}")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=root)
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"Rebuilt {book}")
    assert lines[-1] == "0"  # rebuilt, data check without errors
    assert done.stderr == ""


def test_an_xlsb_workbook_is_refused(tmp_path, capsys):
    import zipfile

    path = tmp_path / "plan.xlsb"
    with zipfile.ZipFile(path, "w") as z:  # the parts that make a package an .xlsb
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", '<Relationships><Relationship Id="rId1" Type="http://schemas'
                   '.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.bin"/></Relationships>')
        z.writestr("xl/workbook.bin", b"\x83\x01\x00\xff\xfe")
    before = path.read_bytes()
    assert main(["rebuild", str(path)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert "is a binary workbook (.xlsb)" in err and "save it as .xlsx" in err
    assert path.read_bytes() == before


def test_share_into_a_missing_folder(book, tmp_path, capsys):
    assert main(["share", str(book), "-o", str(tmp_path / "nope" / "copy.xlsx")]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert f"The folder {tmp_path / 'nope'} does not exist" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["rebuild"])
    assert stopped.value.code == 2


# -- Issue 12, point 2: the template never overwrites a workbook --------------------------


def test_template_refuses_an_existing_file_and_force_keeps_a_backup(book, capsys):
    before = book.read_bytes()
    assert main(["template", str(book)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert "already exists, so nothing was written" in err and "--force" in err
    assert book.read_bytes() == before
    # Open in Excel: even --force refuses.
    lock = book.with_name("~$" + book.name)
    lock.write_bytes(b"\x05Alice")
    assert main(["template", "--force", str(book)]) == 1
    assert "is open" in capsys.readouterr().err
    lock.unlink()
    assert main(["template", "--force", str(book)]) == 0
    out = capsys.readouterr().out
    backup = book.with_name("book.backup.xlsx")
    assert out.endswith(f"The previous file was kept as {backup}.\n")
    assert backup.read_bytes() == before


def test_demo_never_overwrites_a_sample_the_user_worked_in(tmp_path, capsys):
    sample = tmp_path / "xlreview_sample.xlsx"
    sample.write_bytes(b"PK the user's edits")
    assert main(["demo", str(tmp_path), "-q"]) == 1
    assert "already exists, so nothing was written" in capsys.readouterr().err
    assert sample.read_bytes() == b"PK the user's edits"
    assert main(["demo", str(tmp_path), "-q", "--force"]) == 0
    backup = tmp_path / "xlreview_sample.backup.xlsx"
    assert capsys.readouterr().out.startswith(f"The previous file was kept as {backup}.\n")
    assert backup.read_bytes() == b"PK the user's edits"


def test_share_never_overwrites_an_existing_file_unless_forced(book, tmp_path, capsys):
    other = tmp_path / "budget 2027.xlsx"
    other.write_bytes(b"PK someone's workbook")
    assert main(["share", str(book), "-o", str(other)]) == 1
    assert "already exists, so nothing was written" in capsys.readouterr().err
    assert other.read_bytes() == b"PK someone's workbook"
    assert main(["share", str(book), "-o", str(other), "--force"]) == 0
    assert (tmp_path / "budget 2027.backup.xlsx").read_bytes() == b"PK someone's workbook"
    assert other.read_bytes()[:2] == b"PK" and other.stat().st_size > 1000


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "does not exist: check the file name and folder."),
        (lambda p: p.mkdir(), "is a folder, not a workbook"),
    ],
)
def test_no_workbook_at_the_path(tmp_path, capsys, make, expected):
    path = tmp_path / "plan.xlsx"
    make(path)
    assert main(["rebuild", str(path)]) == 1
    err = capsys.readouterr().err
    _plain(err)
    assert err.startswith(f"{path} {expected}")


def test_bare_command_prints_the_help(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: xlreview")
    for command in ("demo", "template", "rebuild", "share", "addin"):
        assert f"    {command} " in out


def test_version(capsys):
    from xlreview import __version__

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"xlreview {__version__}"


def test_every_argument_is_described():
    import argparse

    from xlreview.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        assert sub.description, name
        for action in sub._actions:
            assert action.help, (name, action.dest)


def test_addin_build_says_where_and_what_next(tmp_path, capsys):
    assert main(["addin", "build", "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    built = tmp_path / "xlreview.xlam"
    assert f"Add-in written: {built}" in out and "xlreview addin install" in out
    assert (built.stat().st_mode & 0o777) == 0o644   # readable by Excel for every user


@pytest.mark.parametrize(("lang", "words"), [("zh-CN", "已存在"), ("zh-TW", "已存在")])
def test_a_refusal_speaks_the_language_asked_for(tmp_path, capsys, lang, words):
    book = tmp_path / "t.xlsx"
    assert main(["template", "--lang", lang, str(book)]) == 0

    assert main(["template", "--lang", lang, str(book)]) == 1

    err = capsys.readouterr().err
    assert words in err and "already exists" not in err


def test_a_refusal_about_a_workbook_speaks_its_language(tmp_path, capsys):
    # A Traditional workbook made read-only: the refusal is in Traditional Chinese.
    book = tmp_path / "t.xlsx"
    assert main(["template", "--lang", "zh-TW", str(book)]) == 0
    book.chmod(0o444)
    capsys.readouterr()

    assert main(["rebuild", "-q", str(book)]) == 1

    err = capsys.readouterr().err
    assert err == label("msg.file_read_only", "zh-TW", path=book) + "\n"
    assert "只讀" in err


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "zh_TW.UTF-8"}, "zh-TW"),
    ({"LANG": "zh_HK.UTF-8"}, "zh-TW"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh-CN"),  # LC_ALL wins
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANGUAGE": "zh_CN:en"}, "zh-CN"),
    ({"LANG": "de_DE.UTF-8"}, "en"),  # no German catalogue
])
def test_the_system_language_picks_a_catalogue(environ, expected):
    from xlreview.cli import system_language

    assert system_language(environ) == expected


def test_rebuild_starts_reading_the_workbook_before_pandas_is_imported(tmp_path):
    """The read of a big Leads sheet runs while pandas is imported: finding the message
    language (the Settings sheet, read with pandas) must not come first (it did: 0.3 s)."""
    import os
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    book = tmp_path / "book.xlsx"
    shutil.copy(root / "workbooks" / "xlreview_sample.xlsx", book)
    script = (
        "import sys\n"
        "import xlreview.io.files as files\n"
        "start = files.start_reading\n"
        "def watched(*args, **kwargs):\n"
        "    print('pandas' in sys.modules, flush=True)\n"
        "    return start(*args, **kwargs)\n"
        "files.start_reading = watched\n"
        "from xlreview.cli import main\n"
        "sys.exit(main(['rebuild', '-q', sys.argv[1]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(book)], capture_output=True,
                          text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode in (0, 3), done.stderr
    assert done.stdout.splitlines()[0] == "False"
