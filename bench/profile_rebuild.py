"""Where a rebuild's fixed cost goes: time (and profile) its three steps after the read.

Build the workbook once, then run this as often as needed::

    python bench/make_workbook.py 200000 /tmp/perf200k.xlsx
    python bench/profile_rebuild.py /tmp/perf200k.xlsx [--repeat 5] [--profile 25]
                                    [--save DIR]

The workbook is read once (as the rebuild reads it); then, ``--repeat`` times, each of

- ``compute_inputs``: review, plan, data check and the sheet model (layout);
- ``write_sheets``: the 28 generated sheets written with xlsxwriter into memory;
- ``merge_generated``: the generated sheets transplanted into the workbook (written to
  ``<workbook>_merged.xlsx`` beside it)

is timed with ``perf_counter`` (the garbage collector paused, as in the rebuild); the
medians are printed. ``--profile N`` then runs each step once under cProfile and prints
its N most expensive functions by own time and by cumulative time: the profiler makes
small calls 2-3x dearer, so trust the plain timings for sizes, the profile for shares.
``--save DIR`` writes ``generated.xlsx`` (the bytes of ``write_sheets``) and
``cells.txt`` (every generated cell's value or formula, sheet by sheet); ``--compare DIR``
checks that this run writes the same parts, byte for byte, as the ``generated.xlsx``
saved there before a change (all but ``docProps/core.xml``, which holds the time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from xlreview.checks import Findings  # noqa: E402
from xlreview.inputs import Inputs  # noqa: E402
from xlreview.io.files import start_reading  # noqa: E402
from xlreview.io.package import merge_generated  # noqa: E402
from xlreview.io.writer import write_sheets  # noqa: E402
from xlreview.perf import gc_paused  # noqa: E402
from xlreview.rebuild import Result, compute_inputs, generated_sheet_keys, read_workbook  # noqa: E402


def fresh(inputs: Inputs) -> Inputs:
    """The inputs with a copy of their findings: the computation adds findings of its own."""
    return replace(inputs, findings=Findings(list(inputs.findings.issues)))


def steps(path: Path, inputs: Inputs) -> dict[str, Callable[[], object]]:
    """The three steps, each a call without arguments; later ones use the first's result."""
    names = generated_sheet_keys()
    out = path.with_name(f"{path.stem}_merged.xlsx")  # a file, as the rebuild writes
    state: dict[str, object] = {}

    def compute() -> Result:
        state["result"] = result = compute_inputs(fresh(inputs))
        return result

    def write() -> io.BytesIO:
        state["generated"] = generated = io.BytesIO()
        write_sheets(state["result"].sheets, generated)  # type: ignore[attr-defined]
        return generated

    def merge() -> Path:
        out.unlink(missing_ok=True)
        merge_generated(path, state["generated"], out, generated_names=names,  # type: ignore[arg-type]
                        open_on="dashboard")
        return out

    return {"compute_inputs": compute, "write_sheets": write, "merge_generated": merge}


def time_steps(calls: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Seconds of each step, ``repeat`` rounds of all steps in order."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            with gc_paused():
                start = time.perf_counter()
                call()
                times[name].append(time.perf_counter() - start)
    return times


def profile_steps(calls: dict[str, Callable[[], object]], top: int) -> None:
    """Each step once under cProfile: its ``top`` functions by own and cumulative time."""
    for name, call in calls.items():
        profiler = cProfile.Profile()
        with gc_paused():
            profiler.runcall(call)
        for key in ("tottime", "cumulative"):
            print(f"\n=== {name}, by {key} ===")
            pstats.Stats(profiler).strip_dirs().sort_stats(key).print_stats(top)


def cell_listing(generated: io.BytesIO) -> str:
    """Every cell of the generated workbook, as ``sheet!A1<TAB>value or formula``."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(generated.getvalue()))
    lines = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            lines += [f"{ws.title}!{c.coordinate}\t{c.value!r}" for c in row
                      if c.value is not None]
    return "\n".join(lines) + "\n"


def changed_parts(generated: io.BytesIO, before: Path) -> list[str]:
    """The zip parts that differ between ``generated`` and the workbook saved at ``before``
    (the creation time in ``docProps/core.xml`` aside)."""
    with zipfile.ZipFile(generated) as new, zipfile.ZipFile(before) as old:
        names = set(new.namelist()) | set(old.namelist())
        return sorted(
            name for name in names - {"docProps/core.xml"}
            if name not in new.namelist() or name not in old.namelist()
            or new.read(name) != old.read(name)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", type=Path, help="an input workbook (make_workbook.py)")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (median)")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="also profile each step once; print its N dearest functions")
    parser.add_argument("--save", type=Path, metavar="DIR",
                        help="write generated.xlsx and cells.txt here")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="compare the generated parts with DIR/generated.xlsx")
    args = parser.parse_args(argv)
    with gc_paused():
        inputs = read_workbook(start_reading(args.workbook), path=args.workbook)
    calls = steps(args.workbook, inputs)
    for call in calls.values():  # warm up: imports, caches of labels and formats
        call()
    times = time_steps(calls, args.repeat)
    print(f"{args.workbook.name}: {len(inputs.leads):,} leads; medians of {args.repeat} runs")
    for name, seconds in times.items():
        print(f"  {name:<16} {statistics.median(seconds) * 1e3:7.1f} ms"
              f"  (min {min(seconds) * 1e3:.1f})")
    total = sum(statistics.median(s) for s in times.values())
    print(f"  {'total':<16} {total * 1e3:7.1f} ms")
    if args.profile:
        profile_steps(calls, args.profile)
    if not (args.save or args.compare):
        return 0
    calls["compute_inputs"]()
    generated = calls["write_sheets"]()
    assert isinstance(generated, io.BytesIO)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / "generated.xlsx").write_bytes(generated.getvalue())
        (args.save / "cells.txt").write_text(cell_listing(generated), encoding="utf-8")
        print(f"saved {args.save / 'generated.xlsx'} and cells.txt")
    if args.compare:
        changed = changed_parts(generated, args.compare / "generated.xlsx")
        print("same parts as before" if not changed else f"CHANGED: {', '.join(changed)}")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
