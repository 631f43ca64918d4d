"""Command line: ``xlreview demo | template | rebuild | baseline | share | addin``.

Each handler unpacks ``args`` and calls the library with plain values. Exit codes:
0 rebuilt (or done) and the data check has no errors; 1 nothing written (the message
says why and what to do); 2 wrong usage; 3 rebuilt, but the data check reports errors.
:func:`main` turns every failure into one plain sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

STEPS = ("read", "inputs", "review", "plan", "layout", "write")
SAMPLE_NAME = "xlreview_sample.xlsx"
REBUILT, NOTHING_WRITTEN, USAGE, REBUILT_WITH_ERRORS = 0, 1, 2, 3


def say(text: str, file=None) -> None:  # type: ignore[no-untyped-def]
    """Print a line; a reader that went away (``| head -1``) silences the rest."""
    out = file or sys.stdout
    try:
        print(text, file=out)
        out.flush()
    except BrokenPipeError:
        # Later writes (and the flush at exit) go nowhere instead of failing again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, out.fileno())
        os.close(devnull)


def _progress_bar(quiet: bool):  # type: ignore[no-untyped-def]
    """A progress callback: a tqdm bar on stderr (a terminal only) that appears after one
    second and keeps its clock running while a step waits (for a big Leads sheet)."""
    if quiet:
        return lambda _step: None, lambda: None
    import threading

    from tqdm import tqdm

    bar = tqdm(total=len(STEPS), desc="rebuild", unit="step", delay=1.0, leave=False,
               file=sys.stderr, disable=not sys.stderr.isatty())
    stopped = threading.Event()

    def tick() -> None:  # tqdm draws only on updates: draw while a step is long
        if stopped.wait(1.0):
            return
        while True:
            bar.refresh()
            if stopped.wait(0.5):
                return

    if not bar.disable:
        threading.Thread(target=tick, name="xlreview-progress", daemon=True).start()

    def step(name: str) -> None:
        bar.set_postfix_str(name, refresh=False)  # shown by the update
        bar.update(1)

    def close() -> None:
        stopped.set()
        bar.close()

    return step, close


def _where(sheet: object, row: object, column: object, lang: str = "en") -> str:
    """``Leads, row 12, created`` with the blank parts left out."""
    from .labels import label

    row_text = label("cli.row", lang, row=row) if _present(row) else ""
    parts = [str(sheet) if _present(sheet) else "", row_text]
    parts.append(str(column) if _present(column) else "")
    return label("cli.where_separator", lang).join(p for p in parts if p)


def _present(value: object) -> bool:
    import pandas as pd

    return value is not None and not pd.isna(value) and str(value) != ""


def _print_result(path: Path, result, out=None) -> None:  # type: ignore[no-untyped-def]
    out = out or sys.stdout
    from .labels import label

    lang = result.inputs.settings.language
    names = [s.name for s in result.sheets]
    check = result.data_check
    counts = check["severity"].value_counts()
    say(label("cli.rebuilt", lang, path=str(path), count=len(names)), out)
    say("  " + label("cli.list_separator", lang).join(names), out)
    say(
        label(
            "cli.data_check",
            lang,
            errors=int(counts.get("error", 0)),
            warnings=int(counts.get("warning", 0)),
            infos=int(counts.get("info", 0)),
        ),
        out,
    )
    for row in check.head(20).itertuples(index=False):
        where = _where(row.sheet, row.row, row.column, lang)
        severity = label(f"value.{row.severity}", lang)
        say(label("cli.problem", lang, severity=severity, where=where, message=row.message)
            if where else f"  [{severity}] {row.message}", out)
    if len(check) > 20:
        say(label("cli.more_rows", lang, count=len(check) - 20), out)


def _exit_code(result) -> int:  # type: ignore[no-untyped-def]
    """0 when the data check has no errors, 3 when it has (the workbook was rebuilt)."""
    errors = (result.data_check["severity"] == "error").any()
    return REBUILT_WITH_ERRORS if errors else REBUILT


def _rebuild(path: Path, quiet: bool, force: bool = False):  # type: ignore[no-untyped-def]
    """Rebuild ``path`` with a progress bar; the workbook is parsed in background threads
    while pandas and the computing modules are imported."""
    from .io.files import start_reading  # light modules only, until the read has started

    step, close = _progress_bar(quiet)  # its one second counts from the start
    try:
        reading = start_reading(path, force=force)
        from .rebuild import rebuild, warm_up

        warm_up()
        return rebuild(path, progress=step, reading=reading, force=force)
    finally:
        close()


def cmd_rebuild(args: argparse.Namespace) -> int:
    from .io.safety import is_signed
    from .labels import message

    path = Path(args.book)
    signed = args.force and is_signed(path)
    result = _rebuild(path, args.quiet, args.force)
    _print_result(path, result)
    if signed:
        say(message("msg.signed_warning", path=path), sys.stderr)
    return _exit_code(result)


def _backup_path(path: Path) -> Path:
    """``book.backup.xlsx``, or ``book.backup-2.xlsx`` … when taken."""
    candidate, number = path.with_name(f"{path.stem}.backup{path.suffix}"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.backup-{number}{path.suffix}")
    return candidate


def write_new_file(path: Path, write, *, force: bool,  # type: ignore[no-untyped-def]
                   replace: bool = True) -> Path | None:
    """Write a file the command creates (template, copy): never over an existing file
    unless ``force``, and then only after keeping a backup of it, never while it is open.

    With ``replace`` False only the checks are made (the caller moves the file away).

    Returns:
        the backup's path, if one was kept.

    Raises:
        RefusedError: the file exists and ``force`` is not given.
        FileProblemError: the folder is missing or not writable, the disk is full.
    """
    import shutil

    from .errors import FileProblemError, RefusedError
    from .io.safety import check_not_open, describe_os_error, write_atomically
    from .labels import message

    backup = None
    if path.exists() or path.is_symlink():
        if not force:
            raise RefusedError(message("msg.target_exists", path=path))
        check_not_open(path)
    if not path.parent.is_dir():
        raise FileProblemError(message("msg.folder_missing", folder=path.parent))
    if not replace:
        return None
    try:
        if path.exists():
            backup = _backup_path(path)
            shutil.copy2(path, backup)
        write_atomically(path, write)
    except OSError as exc:
        if isinstance(exc, FileProblemError):
            raise
        raise FileProblemError(describe_os_error(exc, path, writing=True)) from exc
    return backup


def cmd_baseline(args: argparse.Namespace) -> int:
    from .io.baseline import write_baseline
    from .labels import label

    frozen = write_baseline(Path(args.book), force=args.force)
    print(label("cli.baseline_written", frozen.lang, year=frozen.year, path=args.book,
                rows=frozen.rows, sheet=frozen.sheet))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from .io.template import write_input_book
    from .labels import label, message

    path = Path(args.path)
    backup = write_new_file(path, lambda tmp: write_input_book(tmp, lang=args.lang),
                            force=args.force)
    say(label("cli.template_written", args.lang, path=str(path)))
    if backup is not None:
        say(message("msg.backup_kept", path=backup))
    return 0


def write_demo(folder: Path, *, lang: str = "en") -> Path:
    """Write the sample company's workbook into ``folder`` (inputs only) and return its path."""
    from .io.template import write_input_book
    from .sample import sample_company

    folder.mkdir(parents=True, exist_ok=True)
    path = demo_path(folder, lang)
    write_input_book(path, lang=lang, data=sample_company(lang=lang))
    return path


def demo_path(folder: Path, lang: str = "en") -> Path:
    """Where :func:`write_demo` writes the sample workbook."""
    return folder / (SAMPLE_NAME if lang == "en" else SAMPLE_NAME.replace(".xlsx", f"_{lang}.xlsx"))


def cmd_demo(args: argparse.Namespace) -> int:
    from .labels import message

    existing = demo_path(Path(args.dir), args.lang)
    backup = None
    if existing.exists():  # the user may have worked in it since: never lost
        write_new_file(existing, lambda tmp: None, force=args.force, replace=False)
        backup = _backup_path(existing)
        existing.replace(backup)
    path = write_demo(Path(args.dir), lang=args.lang)
    if backup is not None:
        say(message("msg.backup_kept", path=backup))
    result = _rebuild(path, args.quiet)
    _print_result(path, result)
    return _exit_code(result)


def cmd_share(args: argparse.Namespace) -> int:
    import shutil

    from .io.share import write_share_copy
    from .labels import message

    out = Path(args.output)
    out = out if out.suffix.lower() == ".xlsx" else out.with_suffix(".xlsx")
    backup = None
    if out.exists() and out.resolve() != Path(args.book).resolve():
        write_new_file(out, lambda tmp: None, force=args.force, replace=False)
        backup = _backup_path(out)
        shutil.copy2(out, backup)
    out = write_share_copy(Path(args.book), out)
    say(message("cli.share_written", path=out))
    if backup is not None:
        say(message("msg.backup_kept", path=backup))
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from .io.files import check_format
    from .io.report import export_report
    from .io.safety import real_workbook
    from .labels import message

    book = real_workbook(args.book)
    check_format(book)
    out = Path(args.output) if args.output else book.with_suffix(".pdf")
    out = out if out.suffix.lower() == ".pdf" else out.with_suffix(".pdf")
    counts: list[tuple[int, int]] = []
    backup = write_new_file(out, lambda tmp: counts.append(export_report(book, tmp)),
                            force=args.force)
    sheets, pages = counts[0]
    say(message("cli.pdf_written", path=str(out), sheets=sheets, pages=pages))
    if backup is not None:
        say(message("msg.backup_kept", path=backup))
    return 0


def cmd_addin(args: argparse.Namespace) -> int:
    import tempfile

    from . import addin
    from .labels import message

    folder = Path(args.folder) if args.folder else None
    chinese = "zh-TW" if args.lang == "zh-TW" else "zh-CN"  # the ribbon is English / 中文
    if args.action == "build":
        say(message("cli.addin_built", path=addin.build_addin(Path(args.output), chinese=chinese)))
    elif args.action == "install":
        with tempfile.TemporaryDirectory(prefix="xlreview-addin-") as tmp:
            built = addin.build_addin(Path(tmp), chinese=chinese)
            say(message("cli.addin_installed", path=addin.install_addin(built, folder)))
    else:
        removed = addin.uninstall_addin(folder)
        where = folder if folder is not None else addin.startup_folder()
        say(message("cli.addin_removed", path=where / addin.ADDIN_NAME) if removed
            else message("cli.addin_not_installed", folder=where))
    return 0


_LANG_HELP = "en, zh-CN (Simplified) or zh-TW (Traditional; also zh-HK, zh-Hant, 繁體)"


def _language(text: str) -> str:
    """``--lang`` as a catalogue name (``zh-HK`` → ``zh-TW``); unknown spellings refused."""
    from .labels import language

    found = language(text, None)
    if found is None:
        raise argparse.ArgumentTypeError(f"unknown language {text!r}: {_LANG_HELP}")
    return found


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="xlreview",
        description="Marketing year-end review and annual plan in Excel workbooks: the input "
                    "sheets hold your CRM and spend exports, the rebuild writes the review, "
                    "the plan, the budget and a dashboard.",
        epilog="Start with 'xlreview demo' (a sample company) or 'xlreview template "
               "BOOK.xlsx'. Exit codes: 0 done, 1 nothing written, 2 usage, "
               "3 rebuilt but the data check reports errors.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    lang_help = (f"language of the sheet names, headers and messages: {_LANG_HELP} "
                 "(default: %(default)s)")

    p = sub.add_parser("demo", help="write the sample company's workbook and rebuild it",
                       description="Write the sample company's workbook (three years of "
                                   "leads, spend, goals) into a folder and rebuild it.")
    p.add_argument("dir", nargs="?", default="xlreview-demo",
                   help="folder to write the sample into (default: %(default)s)")
    p.add_argument("--lang", type=_language, default="en", help=lang_help)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--force", action="store_true",
                   help="write the sample again over an existing one (a backup of it is kept)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("template", help="write the empty review-and-plan template",
                       description="Write an empty workbook with every input sheet, ready "
                                   "for your exports; then run 'xlreview rebuild' on it.")
    p.add_argument("path", help="the new workbook (.xlsx); an existing file is refused")
    p.add_argument("--lang", type=_language, default="en", help=lang_help)
    p.add_argument("--force", action="store_true",
                   help="replace an existing file (a backup of it is kept)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("rebuild", help="rebuild the generated sheets of a workbook in place",
                       description="Read the input sheets, recompute the review and the "
                                   "plan, and replace the generated sheets; your own sheets "
                                   "and everything else in the file stay as they are.")
    p.add_argument("book", help="the workbook (.xlsx or .xlsm), closed in Excel")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--force", action="store_true",
                   help="rebuild a digitally signed workbook (its signature breaks)")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("baseline", help="freeze next year's plan into the Plan baseline sheet",
                       description="Copy next year's plan into the Plan baseline input "
                                   "sheet, so that Plan vs actual tracks the year against it.")
    p.add_argument("book", help="the rebuilt workbook, closed in Excel")
    p.add_argument("--force", action="store_true", help="replace an existing baseline")
    p.set_defaults(func=cmd_baseline)

    p = sub.add_parser("pdf", help="export the report (the generated sheets) as a PDF",
                       description="Export the generated sheets, the Dashboard first, as one "
                                   "PDF (your input sheets are left out); needs LibreOffice.")
    p.add_argument("book", help="the rebuilt workbook")
    p.add_argument("-o", "--output",
                   help="the PDF to write (default: the workbook's name with .pdf)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing PDF (a backup of it is kept)")
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("share", help="write a copy with values instead of cell functions",
                       description="Write a copy anyone can open without Python: cell "
                                   "functions become their values, macros are left out.")
    p.add_argument("book", help="the rebuilt workbook")
    p.add_argument("-o", "--output", required=True, help="the copy to write (.xlsx)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file (a backup of it is kept)")
    p.set_defaults(func=cmd_share)

    p = sub.add_parser("addin", help="build, install or uninstall the Excel ribbon add-in",
                       description="The Excel add-in with the Rebuild plan button, built "
                                   "from your installed xlwings.")
    p.add_argument("action", choices=("build", "install", "uninstall"),
                   help="build: write xlreview.xlam into a folder; install: build it into "
                        "Excel's startup folder (XLSTART); uninstall: remove it from there")
    p.add_argument("-o", "--output", default=".",
                   help="build: the folder to write xlreview.xlam into (default: current)")
    p.add_argument("--folder", help="install/uninstall: add-in folder (default: Excel's)")
    p.add_argument("--lang", type=_language, default="zh-CN",
                   help="the ribbon's Chinese: zh-CN (default) or zh-TW")
    p.set_defaults(func=cmd_addin)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module).

    Every failure prints one plain sentence, what happened and what to do, with no class
    name and no system error number; ``XLREVIEW_DEBUG=1`` shows an unexpected problem's
    traceback instead.
    """
    from .labels import message, messages_in

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:  # bare ``xlreview``: what can I do?
        say(parser.format_help().rstrip())
        return REBUILT
    # The language is found when a first message needs it: not before the rebuild has
    # started reading the workbook (finding it imports pandas, 0.3 s).
    with messages_in(lambda: _message_language(args)):
        try:
            return int(args.func(args))
        except (KeyboardInterrupt, Exception) as exc:
            from .io.safety import failure_sentence

            path = getattr(args, "book", None) or getattr(args, "path", "")
            sentence = failure_sentence(exc, path)
            if sentence is None and os.environ.get("XLREVIEW_DEBUG"):
                raise
            say(sentence or message("msg.unexpected"), sys.stderr)
    return NOTHING_WRITTEN


def _message_language(args: argparse.Namespace) -> str:
    """The language a command speaks: its ``--lang`` (template, demo), else the language
    the workbook's Settings ask for, else the system's."""
    if args.command in ("template", "demo"):
        return str(args.lang)
    if getattr(args, "book", None):
        from .io.files import book_language

        found = book_language(Path(args.book))
        if found:
            return found
    return system_language()


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's system: ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` /
    ``LANGUAGE`` (``zh_TW.UTF-8``, ``zh_HK`` → zh-TW; ``zh_CN`` → zh-CN), else Windows'
    or macOS's locale name; English when none is Chinese."""
    import locale

    environ = os.environ if environ is None else environ
    names = [environ.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    if not any(names):
        with contextlib.suppress(ValueError):
            names.append(locale.getlocale()[0] or "")
    for name in names:
        text = name.split(".")[0].split(":")[0].lower().replace("-", "_")
        if text.startswith(("zh_tw", "zh_hk", "zh_mo", "zh_hant", "chinese (traditional)")):
            return "zh-TW"
        if text.startswith(("zh", "chinese")):
            return "zh-CN"
        if text and text not in ("c", "posix"):
            return "en"
    return "en"


def run() -> None:
    """The ``xlreview`` command: :func:`main`, then a fast exit with its code.

    After a rebuild the process holds pandas, numpy and a few million small objects; the
    interpreter's orderly shutdown of them takes about 0.2 s that the user waits for and
    nothing needs: by then the workbook has been replaced, every file closed and the output
    is flushed here.
    """
    import signal

    if hasattr(signal, "SIGXFSZ"):  # a file size limit: a plain error, not a killed process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
