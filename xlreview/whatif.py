"""What-if cells that read Settings: a number typed over one is reported, never lost silently.

On Targets, the company target, the two shares and the average deal are formulas reading
Settings (Settings is the one source). A user may type a number over one of them for a quick
what-if; the next rebuild writes the formula again, so it reads the previous Targets sheet
back and says which typed value Settings replaced, and where to type it to keep it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from .cells import Grid
from .labels import CATALOGUES
from .model import normalise_header
from .parsing import parse_number

LINKED: dict[str, str] = {
    "title.company_target": "revenue_target",
    "title.new_share": "new_customer_share",
    "title.marketing_share": "marketing_share",
    "title.avg_deal": "avg_deal_size",
}
"""Label of a Targets input row → the Settings key its cell reads."""


def read_linked_inputs(grids: Mapping[str, Grid]) -> pd.DataFrame | None:
    """The previous Targets sheet's linked cells: setting, cell (``B3``), value (as read)."""
    sheets = {normalise_header(c["sheet.targets"]) for c in CATALOGUES.values()}
    rows = {normalise_header(c[k]): key for c in CATALOGUES.values()
            for k, key in LINKED.items()}
    for name, grid in grids.items():
        if normalise_header(name) not in sheets:
            continue
        found = []
        for i, row in enumerate(grid[:9]):
            cells = [*list(row), None, None]
            key = rows.get(normalise_header(cells[0])) if cells[0] else None
            if key is not None:
                found.append((key, f"B{i + 1}", _number(cells[1])))
        return pd.DataFrame(found, columns=["setting", "cell", "value"])
    return None


def _number(value: object) -> float:
    number = parse_number(value) if isinstance(value, str) else value
    try:
        result = float(number)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return result if math.isfinite(result) else math.nan


def typed_over_settings(previous: pd.DataFrame | None, current: Mapping[str, float]
                        ) -> list[tuple[str, str, float, float]]:
    """(setting, cell, typed value, Settings' value) of each linked cell whose previous value
    differs from what its formula gives now (a number typed over it)."""
    if previous is None:
        return []
    out = []
    for setting, cell, value in previous.itertuples(index=False):
        now = current.get(setting, math.nan)
        if math.isnan(value) or math.isnan(now):
            continue
        if not math.isclose(value, now, rel_tol=1e-9, abs_tol=1e-9):
            out.append((setting, cell, value, now))
    return out
