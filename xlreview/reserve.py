"""The contingency reserve (机动预算): a share of the programme budget held back from the
channels, so that the plan keeps room to move when the market does (seed 000, planning
point 3: 预留一定的灵活空间).

Kept apart from the allocation in :mod:`xlreview.budget`: the budget table takes the reserve
off the programme budget first, allocates the rest, and shows the reserve as its own line.
"""

from __future__ import annotations

import math

import pandas as pd

from .errors import InputError

RESERVE = "reserve"
"""Channel and type key of the reserve line (shown as *Reserve* / 机动预算)."""


def split_reserve(programme: float, share: float) -> tuple[float, float]:
    """``(reserve, rest)`` of a programme budget, both to the cent, adding up to it exactly.

    The reserve is ``programme × share`` rounded to the nearest cent.

    Raises:
        InputError: ``share`` is not between 0 and 1.

    Examples:
        >>> split_reserve(4_060_000, 0.05)
        (203000.0, 3857000.0)
    """
    if not 0 <= share <= 1 or math.isnan(share):
        raise InputError(f"reserve share {share!r}: need a share from 0 to 1")
    cents = round(programme * 100)
    reserve = round(cents * share)
    return reserve / 100, (cents - reserve) / 100


def reserve_row(amount: float) -> pd.DataFrame:
    """The budget table's reserve line (no cost last year); empty when the amount is 0."""
    if amount <= 0:
        return pd.DataFrame()
    return pd.DataFrame({"channel": [RESERVE], "type": [RESERVE], "last_year_cost": [math.nan],
                         "planned_cost": [amount]})


__all__ = ["RESERVE", "reserve_row", "split_reserve"]
