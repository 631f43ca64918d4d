"""Write the sample company's input workbook with N leads.

Usage::

    python bench/make_workbook.py 200000 /tmp/leads_200k.xlsx [--lang zh-CN|zh-TW] [--seed 7]

The leads are spread over three years (N/3 a year, the last few of December dropped so
that there are exactly N); spend and budgets scale with N.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run without installing

from xlreview.io.template import write_input_book
from xlreview.sample import sample_company

YEARS = 3


def sample_frames(n_leads: int, *, seed: int = 7, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The sample company with exactly ``n_leads`` leads over three years."""
    frames = sample_company(seed, leads_per_year=math.ceil(n_leads / YEARS), years=YEARS,
                            lang=lang)
    frames["leads"] = frames["leads"].iloc[:n_leads].reset_index(drop=True)
    return frames


def as_text_export(frames: dict[str, pd.DataFrame], *, seed: int = 7) -> dict[str, pd.DataFrame]:
    """The frames as a CRM exports them as text: stage dates ``31-12-2017 08:15`` (day-first,
    a random minute of the day) and amounts ``¥1,200``."""
    import numpy as np

    rng = np.random.default_rng(seed)
    leads = frames["leads"].copy()
    for column in ("created", "mql_date", "sql_date", "opp_date", "won_date", "lost_date"):
        minutes = pd.to_timedelta(rng.integers(0, 24 * 60, len(leads)), unit="min")
        stamps = pd.to_datetime(leads[column]) + minutes
        leads[column] = stamps.dt.strftime("%d-%m-%Y %H:%M").where(leads[column].notna(), None)
    leads["amount"] = [None if pd.isna(v) else f"¥{v:,.0f}" for v in leads["amount"]]
    return {**frames, "leads": leads}


def make_workbook(n_leads: int, out: Path, *, seed: int = 7, lang: str = "en") -> dict[str, float]:
    """Write the workbook; returns the seconds spent generating and writing."""
    start = time.perf_counter()
    frames = sample_frames(n_leads, seed=seed, lang=lang)
    generated = time.perf_counter()
    write_input_book(out, lang=lang, data=frames)
    written = time.perf_counter()
    return {"generate_s": generated - start, "write_s": written - generated}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of leads")
    parser.add_argument("out", type=Path, help="workbook to write (.xlsx)")
    parser.add_argument("--lang", choices=("en", "zh-CN", "zh-TW"), default="en")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    times = make_workbook(args.n, args.out, seed=args.seed, lang=args.lang)
    size = args.out.stat().st_size / 2**20
    print(f"{args.out}: {args.n:,} leads, {size:.1f} MiB; generated in {times['generate_s']:.1f} s,"
          f" written in {times['write_s']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
