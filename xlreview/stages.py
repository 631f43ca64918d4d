"""Facts about a leads frame, computed once and shared by every review and plan table.

The review and the plan ask the same questions of the leads dozens of times: the day each
lead reached a stage, whether that day falls in the fiscal year, which channel or campaign a
lead belongs to. Parsing a million dates or hashing a million channel names takes tens of
milliseconds each time, so a :class:`StageView` does each once, when first asked, and
answers with numpy arrays (one value per lead, in the frame's row order).

Build one view per leads frame with :meth:`StageView.of` and pass it down: every function
that takes ``leads`` also accepts a view (:data:`Leads`). The view does not copy the frame;
do not change the frame while a view of it is in use.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from .model import STAGE_DATE, STAGES

T = TypeVar("T")
Rows = np.ndarray | None
"""A bool mask of the leads to use (one value per lead), or None for all of them."""


def day_number(when: pd.Timestamp) -> float:
    """Days from 1970-01-01 to the day of ``when`` (its time of day dropped)."""
    return float(np.datetime64(pd.Timestamp(when).date(), "D").astype("int64"))


def day_numbers(values: pd.Series) -> np.ndarray:
    """Days from 1970-01-01 of each date, to the day (float; NaN where blank or no date).

    Same day as ``pd.to_datetime(values, errors="coerce").dt.normalize()``.
    """
    dates = pd.to_datetime(values, errors="coerce")
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)  # the local calendar day, as normalize() keeps
    stamps = dates.to_numpy()
    unit, count = np.datetime_data(stamps.dtype)
    per_day = int(np.timedelta64(1, "D") // np.timedelta64(count, unit))
    # Whole-number floor division straight into the float result (one array, not three).
    out = np.empty(len(stamps))
    np.floor_divide(stamps.view(np.int64), per_day, out=out, casting="unsafe")
    out[np.isnat(stamps)] = np.nan
    return out


def year_of(day: float) -> int:
    """The calendar year of a day number."""
    return int(np.datetime64(int(day), "D").astype("datetime64[Y]").astype("int64")) + 1970


def year_days(year: int) -> tuple[float, float]:
    """Day numbers of 1 January of ``year`` and of ``year + 1``."""
    return day_number(pd.Timestamp(year, 1, 1)), day_number(pd.Timestamp(year + 1, 1, 1))


def days_in_year(days: np.ndarray, year: int) -> np.ndarray:
    """Whether each day number falls in calendar ``year`` (NaN is False)."""
    start, end = year_days(year)
    return (days >= start) & (days < end)


def restrict(mask: np.ndarray, rows: Rows) -> np.ndarray:
    """``mask`` among ``rows`` only (``mask & rows``; ``mask`` when ``rows`` is None)."""
    return mask if rows is None else mask & rows


def aggregate(values: np.ndarray, codes: np.ndarray, size: int, how: str) -> np.ndarray:
    """``how`` (``sum``, ``median`` …) of ``values`` per code ``0 .. size - 1``; values with
    code -1 are left out.

    Computed by pandas' grouped aggregation over the same values in the same order as a
    ``groupby`` on the column the codes stand for, so that sums agree with it to the last
    bit (pandas adds with compensated summation). A code without values gives pandas' result
    for an empty group (0 for a sum, NaN for a median).
    """
    keys = pd.Categorical.from_codes(codes, categories=pd.RangeIndex(size))
    return getattr(pd.Series(values).groupby(keys, observed=False), how)().to_numpy()


def group_sum(values: np.ndarray, codes: np.ndarray, size: int, rows: Rows = None
              ) -> np.ndarray:
    """Σ ``values`` per code ``0 .. size - 1`` among ``rows``, NaN skipped, to the last bit
    as pandas' ``groupby(...).sum()``.

    Whole numbers sum exactly in any order while n × the largest magnitude < 2**53, so then
    numpy's ``bincount`` gives the same result, several times faster; other values go
    through pandas (:func:`aggregate`).
    """
    values = np.asarray(values, dtype=float)
    weights = np.where(restrict(~np.isnan(values), rows), values, 0.0)
    if _adds_exactly(weights):
        return np.bincount(codes, weights=weights, minlength=size).astype(float, copy=False)
    if rows is not None:
        values, codes = values[rows], codes[rows]
    return aggregate(values, codes, size, "sum")


def _adds_exactly(values: np.ndarray) -> bool:
    """Whether ``values`` (no NaN) are whole numbers with n × max |value| < 2**53: then
    every partial sum of them is exact."""
    if not len(values):
        return True
    largest = max(-float(values.min()), float(values.max()))
    return largest * len(values) < 2.0**53 and bool((np.rint(values) == values).all())


@dataclass(frozen=True)
class Groups:
    """A column of the leads as group codes, as pandas' ``groupby(column, sort=True)`` sees it.

    Attributes:
        codes: per lead, the position of its value in ``labels``.
        labels: the distinct values, sorted, named after the column; a blank value is one
            more label at the end (``NaN``).
        blank: the code of the blank label, or None when no value is blank.
    """

    codes: np.ndarray
    labels: pd.Index
    blank: int | None

    @classmethod
    def of(cls, values: pd.Series | None, name: str | None, length: int) -> Groups:
        """Groups of ``values`` (None: a missing column, no groups at all)."""
        if values is None:
            return cls(np.full(length, -1, dtype=np.int64), pd.Index([], dtype=object, name=name),
                       None)
        codes, uniques = pd.factorize(values, sort=True, use_na_sentinel=False)
        # Built like groupby's own result index (object values infer the str dtype).
        labels = pd.Index(np.asarray(uniques, dtype=object), name=name)
        blank = len(labels) - 1 if len(labels) and pd.isna(labels[-1]) else None
        return cls(codes.astype(np.int64, copy=False), labels, blank)

    def rows(self, rows: Rows = None, dropna: bool = True) -> np.ndarray:
        """``rows`` as a bool mask, without blank values when ``dropna``."""
        mask = self.mask(rows, dropna)
        return np.ones(len(self.codes), dtype=bool) if mask is None else mask

    def mask(self, rows: Rows = None, dropna: bool = True) -> Rows:
        """:meth:`rows`, or None when that is every lead."""
        if len(self.labels) == 0:
            return np.zeros(len(self.codes), dtype=bool)
        if dropna and self.blank is not None:
            return restrict(self.codes != self.blank, rows)
        return rows

    def size(self, rows: Rows = None, dropna: bool = True) -> np.ndarray:
        """Leads per label (int64) among ``rows``."""
        return self._size(self.mask(rows, dropna))

    def _size(self, mask: Rows) -> np.ndarray:
        if len(self.labels) == 0:
            return np.zeros(0, dtype=np.int64)
        if mask is None:
            return np.bincount(self.codes, minlength=len(self.labels))
        # Weights instead of self.codes[mask]: the same whole counts, without the compaction.
        return np.bincount(self.codes, weights=mask, minlength=len(self.labels)).astype(np.int64)

    def sum(self, values: np.ndarray, rows: Rows = None, dropna: bool = True) -> np.ndarray:
        """Σ ``values`` per label among ``rows``, NaN skipped (:func:`group_sum`)."""
        if len(self.labels) == 0:
            return np.zeros(0)
        return group_sum(values, self.codes, len(self.labels), self.mask(rows, dropna))

    def median(self, values: np.ndarray, rows: Rows = None, dropna: bool = True) -> np.ndarray:
        """Median of ``values`` per label among ``rows`` (NaN for a label without values)."""
        mask = self.rows(rows, dropna)
        return aggregate(np.asarray(values)[mask], self.codes[mask], len(self.labels), "median")

    def counts(self, flags: Mapping[str, np.ndarray], rows: Rows = None, dropna: bool = True
               ) -> pd.DataFrame:
        """How many leads of each label among ``rows`` have each flag set (int64 columns
        named as ``flags``), for the labels with leads among ``rows``."""
        names = list(flags)
        mask = self.mask(rows, dropna)
        masks = [np.asarray(flags[name], dtype=bool) for name in names]
        size = len(self.labels)
        if size > 0 and len(masks) < 8 and size << (len(masks) + 1) <= 4 * len(self.codes) + 4096:
            counts, sizes = self._count_patterns(masks, mask)
        else:  # no labels, or many (or many flags): a count per flag keeps the table small
            counts, sizes = [self._size(restrict(m, mask)) for m in masks], self._size(mask)
        return pd.DataFrame(dict(zip(names, counts, strict=True)), index=self.labels)[sizes > 0]

    def _count_patterns(self, masks: list[np.ndarray], rows: Rows
                        ) -> tuple[list[np.ndarray], np.ndarray]:
        """Per label, how many leads among ``rows`` have each mask set, and how many leads
        there are: one ``bincount`` of (code, bit pattern of the masks and ``rows``)."""
        bits = [*masks, *([] if rows is None else [rows])]
        width, size = 1 << len(bits), len(self.labels)
        pattern = np.zeros(len(self.codes), dtype=np.uint8)
        for bit, mask in enumerate(bits):
            pattern |= np.asarray(mask, dtype=bool).view(np.uint8) << bit
        key = self.codes * width
        key += pattern
        table = np.bincount(key, minlength=size * width).reshape(size, width)
        if rows is not None:
            width //= 2
            table = table[:, width:]  # the patterns with the ``rows`` bit set
        patterns = np.arange(width)
        counts = [table[:, (patterns >> bit) & 1 == 1].sum(axis=1) for bit in range(len(masks))]
        return counts, table.sum(axis=1)

    def series(self, values: np.ndarray, sizes: np.ndarray) -> pd.Series:
        """``values`` (one per label) for the labels with leads, by their :meth:`size`."""
        return pd.Series(values, index=self.labels)[sizes > 0]


class StageView:
    """Lazily computed, cached per-lead facts of one leads frame (see the module docstring).

    Attributes:
        leads: the frame viewed.
    """

    def __init__(self, leads: pd.DataFrame) -> None:
        self.leads = leads
        self._memo: dict[Hashable, object] = {}

    @classmethod
    def of(cls, leads: Leads) -> StageView:
        """``leads`` itself when it is a view, else a new view of the frame."""
        return leads if isinstance(leads, StageView) else cls(leads)

    def __len__(self) -> int:
        return len(self.leads)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per view and ``key``."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def column(self, name: str) -> pd.Series | None:
        """The column ``name`` of the leads, or None when there is no such column."""
        return self.leads.get(name)

    def days(self, column: str) -> np.ndarray:
        """Day numbers (:func:`day_numbers`) of a date column; all NaN when it is missing."""
        def compute() -> np.ndarray:
            values = self.column(column)
            return np.full(len(self), np.nan) if values is None else day_numbers(values)
        return self.memo(("days", column), compute)

    def stage_days(self, stage: str) -> np.ndarray:
        """Day numbers of the date each lead reached ``stage`` (NaN = not reached)."""
        return self.days(STAGE_DATE[stage])

    def in_year(self, stage: str, year: int) -> np.ndarray:
        """Whether each lead reached ``stage`` on a day of calendar ``year``."""
        return self.memo(("in_year", stage, year),
                         lambda: days_in_year(self.stage_days(stage), year))

    def reached(self, stage: str) -> np.ndarray:
        """Whether each lead reached ``stage`` by now: ``reached_<stage>``, else its date or a
        later stage's date (the CRM skipped it)."""
        def compute() -> np.ndarray:
            if stage == "lead":
                return np.ones(len(self), dtype=bool)
            flag = self.column(f"reached_{stage}")
            if flag is not None:
                return flag.fillna(False).astype(bool).to_numpy()
            hit = np.zeros(len(self), dtype=bool)
            for later in STAGES[STAGES.index(stage):]:
                hit |= ~np.isnan(self.stage_days(later))
            return hit
        return self.memo(("reached", stage), compute)

    def tracked(self, stage: str) -> bool:
        """Whether the export tracks ``stage``: leads and customers always; MQL, SQL and
        opportunity when some lead has its date (a column missing or blank for every lead
        is a stage the export does not have)."""
        if stage in (STAGES[0], STAGES[-1]) or not len(self):
            return True
        return self.memo(("tracked", stage),
                         lambda: bool((~np.isnan(self.stage_days(stage))).any()))

    def tracked_stages(self) -> tuple[str, ...]:
        """The stages the export tracks, in funnel order."""
        return tuple(stage for stage in STAGES if self.tracked(stage))

    def amount(self) -> np.ndarray:
        """Deal amount of each lead (float; NaN where blank or without an amount column)."""
        def compute() -> np.ndarray:
            values = self.column("amount")
            if values is None:
                return np.full(len(self), np.nan)
            return pd.to_numeric(values, errors="coerce").to_numpy(float)
        return self.memo("amount", compute)

    def groups(self, column: str) -> Groups:
        """The leads grouped by ``column`` (:class:`Groups`)."""
        return self.memo(("groups", column),
                         lambda: Groups.of(self.column(column), column, len(self)))


Leads = pd.DataFrame | StageView
"""The leads frame, or a :class:`StageView` of it."""


def conversion_cohort(leads: Leads) -> np.ndarray:
    """Leads old enough to have converted (bool mask): created at least one median sales
    cycle (created → won) before the last date in the data; all leads when none are."""
    view = StageView.of(leads)
    return view.memo("conversion_cohort", lambda: _conversion_cohort(view.leads))


def _conversion_cohort(leads: pd.DataFrame) -> np.ndarray:
    everyone = np.ones(len(leads), dtype=bool)
    won = leads["won_date"].notna() if len(leads) else None
    if won is None or not won.any():
        return everyone
    cycle = (leads["won_date"][won] - leads["created"][won]).dt.days.median()
    if pd.isna(cycle):
        return everyone
    columns = ("created", "mql_date", "sql_date", "opp_date", "won_date", "lost_date")
    last = pd.Series([leads[c].max() for c in columns if c in leads]).max()
    cohort = (leads["created"] <= last - pd.Timedelta(days=float(cycle))).to_numpy()
    return cohort if cohort.any() else everyone

