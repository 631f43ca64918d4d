"""Command line: ``xlreview demo | template | rebuild | share | addin``.

Each handler unpacks ``args`` and calls the library with plain values; :func:`main`
catches :class:`XlreviewError`, prints ``TypeName: message`` and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import XlreviewError

STEPS = ("read", "inputs", "review", "plan", "layout", "write")
SAMPLE_NAME = "xlreview_sample.xlsx"


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
    return ", ".join(p for p in parts if p)


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
    print(label("cli.rebuilt", lang, path=str(path), count=len(names)), file=out)
    print("  " + ", ".join(names), file=out)
    print(
        label(
            "cli.data_check",
            lang,
            errors=int(counts.get("error", 0)),
            warnings=int(counts.get("warning", 0)),
            infos=int(counts.get("info", 0)),
        ),
        file=out,
    )
    for row in check.head(20).itertuples(index=False):
        where = _where(row.sheet, row.row, row.column, lang)
        severity = label(f"value.{row.severity}", lang)
        print(f"  [{severity}] {where}: {row.message}", file=out)
    if len(check) > 20:
        print(label("cli.more_rows", lang, count=len(check) - 20), file=out)


def _rebuild(path: Path, quiet: bool):  # type: ignore[no-untyped-def]
    """Rebuild ``path`` with a progress bar; the workbook is parsed in background threads
    while pandas and the computing modules are imported."""
    from .io.files import start_reading  # light modules only, until the read has started

    step, close = _progress_bar(quiet)  # its one second counts from the start
    try:
        reading = start_reading(path)
        from .rebuild import rebuild, warm_up

        warm_up()
        return rebuild(path, progress=step, reading=reading)
    finally:
        close()


def cmd_rebuild(args: argparse.Namespace) -> int:
    result = _rebuild(Path(args.book), args.quiet)
    _print_result(Path(args.book), result)
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from .io.template import write_input_book

    path = Path(args.path)
    write_input_book(path, lang=args.lang)
    print(f"template written: {path}")
    return 0


def write_demo(folder: Path, *, lang: str = "en") -> Path:
    """Write the sample company's workbook into ``folder`` (inputs only) and return its path."""
    from .io.template import write_input_book
    from .sample import sample_company

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (SAMPLE_NAME if lang == "en" else SAMPLE_NAME.replace(".xlsx", f"_{lang}.xlsx"))
    write_input_book(path, lang=lang, data=sample_company(lang=lang))
    return path


def cmd_demo(args: argparse.Namespace) -> int:
    path = write_demo(Path(args.dir), lang=args.lang)
    result = _rebuild(path, args.quiet)
    _print_result(path, result)
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from .io.share import write_share_copy

    out = write_share_copy(Path(args.book), Path(args.output))
    print(f"shareable copy written: {out}")
    return 0


def cmd_addin(args: argparse.Namespace) -> int:
    import tempfile

    from . import addin

    folder = Path(args.folder) if args.folder else None
    if args.action == "build":
        print(f"add-in built: {addin.build_addin(Path(args.output))}")
    elif args.action == "install":
        with tempfile.TemporaryDirectory(prefix="xlreview-addin-") as tmp:
            built = addin.build_addin(Path(tmp))
            print(f"add-in installed: {addin.install_addin(built, folder)}")
    elif addin.uninstall_addin(folder):
        print("add-in removed")
    else:
        print("add-in was not installed")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xlreview",
        description="Marketing year-end review and annual plan in Excel workbooks.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="write the sample company's workbook and rebuild it")
    p.add_argument("dir", nargs="?", default="xlreview-demo", help="folder (default: %(default)s)")
    p.add_argument("--lang", choices=("en", "zh-CN"), default="en")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("template", help="write the empty review-and-plan template")
    p.add_argument("path")
    p.add_argument("--lang", choices=("en", "zh-CN"), default="en")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("rebuild", help="rebuild the generated sheets of a workbook in place")
    p.add_argument("book")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("share", help="write a copy with values instead of cell functions")
    p.add_argument("book")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_share)

    p = sub.add_parser("addin", help="build, install or uninstall the Excel ribbon add-in")
    p.add_argument("action", choices=("build", "install", "uninstall"))
    p.add_argument("-o", "--output", default=".", help="build: output folder")
    p.add_argument("--folder", help="install/uninstall: add-in folder (default: Excel's)")
    p.set_defaults(func=cmd_addin)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except XlreviewError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"FileNotFoundError: {exc}", file=sys.stderr)
        return 1


def run() -> None:
    """The ``xlreview`` command: :func:`main`, then a fast exit with its code.

    After a rebuild the process holds pandas, numpy and a few million small objects; the
    interpreter's orderly shutdown of them takes about 0.2 s that the user waits for and
    nothing needs: by then the workbook has been replaced, every file closed and the output
    is flushed here. An exception still ends the usual way, with its traceback.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
