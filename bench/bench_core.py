"""Benchmark: the pure core and the cell functions, no file I/O (issues 3, 4 and 6).

Measures, medians of a few runs on the sample company:

- ``read_inputs`` (cell grids → clean DataFrames) for 200k and 1M leads;
- ``build_review`` + ``build_plan`` (the core computation) for 200k and 1M leads;
- ``FUNNEL_TARGET`` per call (target < 50 µs) and ``CONVERSION_RATES`` over 100k rows
  (target < 100 ms), called as Excel would call them: plain Python with cell-shaped lists.

Usage::

    python bench/bench_core.py [--sizes 200000 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import timeit
from pathlib import Path

import pandas as pd

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(ROOT / "udfs"), str(BENCH)]

from make_workbook import sample_frames  # noqa: E402

from xlreview import model  # noqa: E402
from xlreview.inputs import read_inputs  # noqa: E402
from xlreview.plan import build_plan  # noqa: E402
from xlreview.review import build_review  # noqa: E402


def frame_to_grid(frame: pd.DataFrame) -> list[list[object]]:
    """A DataFrame as the cells an adapter hands over: header row, None for blanks, dates
    as ``datetime.datetime`` (what xlwings returns for date cells, and calamine too)."""
    columns = {}
    for name in frame.columns:
        values = frame[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            values = pd.Series(values.dt.to_pydatetime(), index=frame.index, dtype=object)
        columns[name] = values.astype(object).where(values.notna(), None)
    body = pd.DataFrame(columns).to_numpy().tolist()
    return [list(frame.columns), *body]


def grids_for(n_leads: int) -> dict[str, list[list[object]]]:
    frames = sample_frames(n_leads)
    names = {spec.key: spec.en for spec in model.INPUT_SHEETS}
    grids = {names[key]: frame_to_grid(frame) for key, frame in frames.items()}
    return grids


def median_time(func, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_core(n_leads: int, repeat: int) -> None:
    grids = grids_for(n_leads)
    read_s, inputs = median_time(lambda: read_inputs(grids), repeat)

    def core():  # type: ignore[no-untyped-def]
        review = build_review(inputs)
        return build_plan(inputs, review)

    core_s, _ = median_time(core, repeat)
    print(f"| {n_leads:,} leads | read_inputs {read_s:.2f} s | review + plan {core_s:.2f} s |")


def bench_cells() -> None:
    import xlreview_udfs as udfs

    rates = [[0.2, 0.3, 0.4, 0.25]]
    udfs.FUNNEL_TARGET(60e6, 500e3, rates)
    per_call = min(timeit.repeat(lambda: udfs.FUNNEL_TARGET(60e6, 500e3, rates),
                                 number=2000, repeat=5)) / 2000
    leads = sample_frames(100_000)["leads"]
    cells = frame_to_grid(leads[["lead_id", "channel", "created", "mql_date", "sql_date",
                                 "opp_date", "won_date"]])
    udfs.CONVERSION_RATES(cells[:100])
    conv_s = min(timeit.repeat(lambda: udfs.CONVERSION_RATES(cells), number=1, repeat=5))
    print(f"| FUNNEL_TARGET | {per_call * 1e6:.1f} µs per call (target < 50 µs) |")
    print(f"| CONVERSION_RATES, {len(cells) - 1:,} rows | {conv_s * 1e3:.0f} ms "
          "(target < 100 ms) |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    bench_cells()
    for n in args.sizes:
        bench_core(n, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
