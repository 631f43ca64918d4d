"""Benchmark: xlreview on big workbooks against the formula-only alternative (issue 6).

For each size (default 200k and 1M leads) this script

1. writes the sample company's input workbook (``make_workbook.py``);
2. times python-calamine reading every input sheet: inside a process (the read alone) and
   as a whole command (interpreter start and import included), peak memory measured;
3. times the rebuild the same two ways: ``xlreview.rebuild.rebuild(path)`` called in a
   process that has already imported xlreview, and the ``xlreview rebuild`` command;
4. writes the "equivalent formula-only workbook": the same Leads and Spend tables and a
   Review sheet of COUNTIFS/SUMIFS per channel and metric (leads, MQL, SQL, opportunities,
   customers, revenue, cost, visits) plus CPL and ROI, with no cached values;
5. times LibreOffice headless loading it, recalculating everything (UNO ``calculateAll``,
   run with the system ``/usr/bin/python3``) and saving it as xlsx, and checks the
   recalculated values against pandas.

Each timing is the median of ``--repeat`` rounds; a round runs the read, the rebuild and
the command one after the other (each rebuild on a fresh copy), so that drifts in machine
speed hit them alike. The ratios are medians of the rounds' ratios and compare like with
like: rebuild / read inside a process (imports done before the clock starts), command /
command as a user waits for them (interpreter start and imports included), LibreOffice /
the rebuild command.

Peak memory is the maximum resident set size of the measured process tree (``wait4``).

Usage::

    python bench/bench_rebuild.py [--sizes 200000 1000000] [--repeat 3] [--dir OUT]
                                  [--skip-libreoffice]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter
from python_calamine import CalamineWorkbook

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]  # run from a checkout without installing

from make_workbook import as_text_export, sample_frames  # noqa: E402

from xlreview import model  # noqa: E402
from xlreview.io.template import BOOK_OPTIONS, add_input_sheet, write_input_book  # noqa: E402

FISCAL_YEAR = 2025
SYSTEM_PYTHON = "/usr/bin/python3"
REVIEW_SHEET = "Review"
METRICS = (  # (header, function, value column key or None, date column key)
    ("leads", "COUNTIFS", None, "created"),
    ("mql", "COUNTIFS", None, "mql_date"),
    ("sql", "COUNTIFS", None, "sql_date"),
    ("opp", "COUNTIFS", None, "opp_date"),
    ("won", "COUNTIFS", None, "won_date"),
    ("revenue", "SUMIFS", "amount", "won_date"),
)
SPEND_METRICS = (("cost", "cost"), ("visits", "visits"))

READ_SCRIPT = """
import sys, time
from python_calamine import CalamineWorkbook
from xlreview import model
start = time.perf_counter()
book = CalamineWorkbook.from_path(sys.argv[1])
names = {s.en for s in model.INPUT_SHEETS} | {s.zh for s in model.INPUT_SHEETS}
cells = 0
for name in book.sheet_names:
    if name in names:
        cells += sum(len(row) for row in book.get_sheet_by_name(name).to_python())
print(time.perf_counter() - start, cells)
"""

REBUILD_SCRIPT = """
import sys, time
from xlreview.rebuild import rebuild, warm_up
warm_up()  # imports are not timed here, as for the read: the command's figure has them
start = time.perf_counter()
rebuild(sys.argv[1])
print(time.perf_counter() - start)
"""

UNO_SCRIPT = r"""
import json, os, resource, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

src, dst, profile = sys.argv[1:4]
pipe = "xlreview_bench_%d" % os.getpid()
connect = "pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
start = time.perf_counter()
office = subprocess.Popen([
    "soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
    "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--accept=" + connect,
])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(1200):
    try:
        ctx = resolver.resolve("uno:" + connect)
        break
    except Exception:
        time.sleep(0.1)
else:
    raise SystemExit("LibreOffice did not start")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


started = time.perf_counter()
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                   (prop("Hidden", True),))
loaded = time.perf_counter()
doc.calculateAll()
calculated = time.perf_counter()
doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
saved = time.perf_counter()
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
office.wait(timeout=120)
print(json.dumps({
    "start_s": started - start, "load_s": loaded - started, "recalc_s": calculated - loaded,
    "save_s": saved - calculated,
    "peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


@dataclass
class Run:
    """One measured subprocess."""

    wall_s: float
    peak_mib: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def failure(self) -> str:
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1][:80] if lines else f"exit code {self.returncode}"


LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
sys.stderr.write(f"\\n@@measured {wall} {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs the measured command as its own child. On Linux a child's peak RSS starts from its
parent's at fork time, and this script holds the sample data (hundreds of MiB): measured
from here, every command would seem to use at least that much."""


def run_measured(cmd: list[str], workdir: Path) -> Run:
    """Run ``cmd``; wall time and the peak RSS of it and its waited-for children."""
    out, err = workdir / "stdout.txt", workdir / "stderr.txt"
    with out.open("w") as fo, err.open("w") as fe:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        code = subprocess.call([sys.executable, "-c", LAUNCHER, *cmd], stdout=fo, stderr=fe,
                               env=env)
    stderr = err.read_text()
    lines = stderr.rstrip().splitlines()
    _, wall, peak_kib = lines.pop().split()
    return Run(float(wall), int(peak_kib) / 1024, code, out.read_text(), "\n".join(lines))


def _range(sheet: str, column: int, last_row: int) -> str:
    letter = xlsxwriter.utility.xl_col_to_name(column)
    return f"'{sheet}'!${letter}$4:${letter}${last_row}"


def write_formula_book(frames: dict[str, pd.DataFrame], path: Path) -> int:
    """The formula-only workbook; returns the number of COUNTIFS/SUMIFS formulas."""
    leads, spend = frames["leads"], frames["spend"]
    channels = sorted(set(leads["channel"].dropna()) | set(spend["channel"].dropna()))
    book = xlsxwriter.Workbook(str(path), BOOK_OPTIONS)
    ws = book.add_worksheet(REVIEW_SHEET)
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_string(0, 0, "from")
    ws.write_datetime(0, 1, pd.Timestamp(FISCAL_YEAR, 1, 1).to_pydatetime(), date)
    ws.write_string(1, 0, "to (excl.)")
    ws.write_datetime(1, 1, pd.Timestamp(FISCAL_YEAR + 1, 1, 1).to_pydatetime(), date)
    headers = ["channel", *(m[0] for m in METRICS), *(m[0] for m in SPEND_METRICS), "cpl",
               "roi"]
    for col, header in enumerate(headers):
        ws.write_string(3, col, header)
    leads_name, spend_name = model.LEADS.en, model.SPEND.en
    last_lead, last_spend = 3 + len(leads), 3 + len(spend)
    lead_col = {k: i for i, k in enumerate(model.LEADS.keys)}
    spend_col = {k: i for i, k in enumerate(model.SPEND.keys)}
    count = 0
    for row, channel in enumerate(channels, start=4):
        ws.write_string(row, 0, channel)
        cells = []
        for metric, function, value_key, date_key in METRICS:
            dates = _range(leads_name, lead_col[date_key], last_lead)
            criteria = (f"{_range(leads_name, lead_col['channel'], last_lead)},$A{row + 1},"
                        f'{dates},">="&$B$1,{dates},"<"&$B$2')
            value = "" if value_key is None else _range(leads_name, lead_col[value_key],
                                                        last_lead) + ","
            cells.append((metric, f"={function}({value}{criteria})"))
        for metric, key in SPEND_METRICS:
            months = _range(spend_name, spend_col["month"], last_spend)
            cells.append((metric, f"=SUMIFS({_range(spend_name, spend_col[key], last_spend)},"
                                  f"{_range(spend_name, spend_col['channel'], last_spend)},"
                                  f'$A{row + 1},{months},">="&$B$1,{months},"<"&$B$2)'))
        for col, (_, formula) in enumerate(cells, start=1):
            ws.write_formula(row, col, formula, None, "")  # "" = no cached value
            count += 1
        r = row + 1
        ws.write_formula(row, len(cells) + 1, f'=IFERROR(H{r}/B{r},"")', None, "")
        ws.write_formula(row, len(cells) + 2, f'=IFERROR((G{r}-H{r})/H{r},"")', None, "")
    add_input_sheet(book, model.LEADS, frame=leads)
    add_input_sheet(book, model.SPEND, frame=spend)
    book.close()
    return count


def expected_review(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """What the Review sheet must show, computed with pandas."""
    leads, spend = frames["leads"], frames["spend"]
    start, end = pd.Timestamp(FISCAL_YEAR, 1, 1), pd.Timestamp(FISCAL_YEAR + 1, 1, 1)
    table = {}
    for metric, _function, value_key, date_key in METRICS:
        inside = (leads[date_key] >= start) & (leads[date_key] < end)
        if value_key is None:
            table[metric] = leads[inside].groupby("channel").size()
        else:
            table[metric] = leads[inside].groupby("channel")[value_key].sum()
    inside = (spend["month"] >= start) & (spend["month"] < end)
    for metric, key in SPEND_METRICS:
        table[metric] = spend[inside].groupby("channel")[key].sum()
    return pd.DataFrame(table).fillna(0.0).astype(float)


def check_recalculated(path: Path, expected: pd.DataFrame) -> bool:
    """The Review sheet as LibreOffice saved it equals the pandas figures."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(REVIEW_SHEET).to_python()
    header = rows[3]
    got = pd.DataFrame(rows[4:], columns=header).set_index("channel")
    got = got[list(expected.columns)].apply(pd.to_numeric, errors="coerce")
    got = got.reindex(expected.index)
    return bool(np.allclose(got.to_numpy(float), expected.to_numpy(float), rtol=1e-9))


def libreoffice_recalc(src: Path, workdir: Path) -> tuple[Run, dict[str, float], Path]:
    script = workdir / "lo_recalc.py"
    script.write_text(UNO_SCRIPT)
    dst = workdir / "recalculated.xlsx"
    profile = workdir / "lo_profile"
    run = run_measured([SYSTEM_PYTHON, str(script), str(src), str(dst), str(profile)], workdir)
    detail = json.loads(run.stdout.strip().splitlines()[-1]) if run.ok else {}
    return run, detail, dst


def bench_size(n: int, workdir: Path, *, libreoffice: bool, rebuild: bool, repeat: int,
               text: bool = False) -> dict[str, object]:
    result: dict[str, object] = {"leads": n}
    book = workdir / f"inputs_{n}.xlsx"
    frames = sample_frames(n)
    if text:
        frames = as_text_export(frames)
    start = time.perf_counter()
    write_input_book(book, data=frames)
    result["write_inputs_s"] = time.perf_counter() - start
    result["inputs_mib"] = book.stat().st_size / 2**20

    copy = workdir / f"rebuild_{n}.xlsx"
    commands = {
        "read": [sys.executable, "-c", READ_SCRIPT, str(book)],
        "rebuild": [sys.executable, "-c", REBUILD_SCRIPT, str(copy)],
        "rebuild_cmd": [sys.executable, "-m", "xlreview", "rebuild", "-q", str(copy)],
    }
    if not rebuild:
        del commands["rebuild"], commands["rebuild_cmd"]
    # Interleaved rounds: on a shared machine speed drifts, and each ratio should compare
    # runs made under the same conditions.
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            if name != "read":
                shutil.copy(book, copy)
            runs[name].append(run_measured(cmd, workdir))
    failed = {name: next(r for r in rs if not r.ok) for name, rs in runs.items()
              if not all(r.ok for r in rs)}
    for name, run in failed.items():
        result[f"{name}_s"] = f"failed: {run.failure()}"
    inside = {name: [float(r.stdout.split()[0]) for r in rs] for name, rs in runs.items()
              if name in ("read", "rebuild") and name not in failed}  # timed in the process
    walls = {name: [r.wall_s for r in rs] for name, rs in runs.items() if name not in failed}
    if "read" in inside:
        result["read_s"] = statistics.median(inside["read"])
        result["read_cmd_s"] = statistics.median(walls["read"])
        result["read_peak_mib"] = max(r.peak_mib for r in runs["read"])
    if "rebuild" in inside:
        result["rebuild_s"] = statistics.median(inside["rebuild"])
        result["rebuild_peak_mib"] = max(r.peak_mib for r in runs["rebuild"])
    if "rebuild_cmd" in walls:
        result["rebuild_cmd_s"] = statistics.median(walls["rebuild_cmd"])
        result["rebuild_cmd_peak_mib"] = max(r.peak_mib for r in runs["rebuild_cmd"])
    if "read" in inside and "rebuild" in inside:
        result["rebuild / read"] = statistics.median(
            b / a for a, b in zip(inside["read"], inside["rebuild"], strict=True))
    if "read" in walls and "rebuild_cmd" in walls:
        result["rebuild_cmd / read_cmd"] = statistics.median(
            b / a for a, b in zip(walls["read"], walls["rebuild_cmd"], strict=True))

    formulas = workdir / f"formulas_{n}.xlsx"
    start = time.perf_counter()
    result["formulas"] = write_formula_book(frames, formulas)
    result["write_formulas_s"] = time.perf_counter() - start
    if libreoffice and shutil.which("soffice") and Path(SYSTEM_PYTHON).exists():
        runs = []
        for _ in range(repeat):
            run, detail, saved = libreoffice_recalc(formulas, workdir)
            if not run.ok:
                result["lo_s"] = f"failed: {run.failure()}"
                break
            runs.append((run.wall_s, max(run.peak_mib, detail.get("peak_mib", 0.0)), detail))
        if runs:
            runs.sort(key=lambda r: r[0])
            wall, _, detail = runs[len(runs) // 2]
            result["lo_s"] = wall
            result["lo_detail"] = ", ".join(f"{k[:-2]} {v:.1f}" for k, v in detail.items()
                                            if k.endswith("_s"))
            result["lo_peak_mib"] = max(r[1] for r in runs)
            result["lo_values_match_pandas"] = check_recalculated(saved,
                                                                  expected_review(frames))
            if isinstance(result.get("rebuild_cmd_s"), float):
                result["lo / rebuild_cmd"] = wall / result["rebuild_cmd_s"]
    return result


def print_table(results: list[dict[str, object]]) -> None:
    keys = list(dict.fromkeys(k for r in results for k in r))
    width = max(len(k) for k in keys)
    print()
    print(" " * width + "".join(f"  {r['leads']:>14,}" for r in results))
    for key in keys[1:]:
        cells = []
        for r in results:
            value = r.get(key, "")
            cells.append(f"{value:.2f}" if isinstance(value, float) else str(value))
        if any(len(c) > 14 for c in cells):
            print(f"{key:<{width}}" + "".join(f"  {c}" for c in cells))
        else:
            print(f"{key:<{width}}" + "".join(f"  {c:>14}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="xlreview vs formula-only workbook")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--dir", type=Path, help="keep the workbooks here (default: temp)")
    parser.add_argument("--skip-libreoffice", action="store_true")
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--text-export", action="store_true",
                        help="stage dates and amounts as text, as a CRM exports them "
                        "(use with --skip-libreoffice: COUNTIFS cannot date text)")
    args = parser.parse_args(argv)
    # An installed package has its bytecode compiled (pip does it); an editable checkout
    # under PYTHONDONTWRITEBYTECODE=1 would compile every module on every run instead.
    compileall.compile_dir(ROOT / "xlreview", quiet=1)
    with tempfile.TemporaryDirectory(prefix="xlreview_bench_") as tmp:
        workdir = args.dir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = []
        for n in args.sizes:
            print(f"benchmarking {n:,} leads in {workdir} …", file=sys.stderr, flush=True)
            results.append(bench_size(n, workdir, libreoffice=not args.skip_libreoffice,
                                      rebuild=not args.skip_rebuild, repeat=args.repeat,
                                      text=args.text_export))
        print_table(results)
    print(f"\n(medians of {args.repeat} runs on {os.cpu_count()} CPUs; seconds of wall time,"
          " peak = max RSS in MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
