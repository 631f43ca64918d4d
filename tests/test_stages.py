"""The shared per-lead facts: day numbers, groups and their counts and sums.

Every fact must equal what pandas computes the slow way (normalize, groupby), to the last
bit, since the review and plan tables are built from them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from xlreview.stages import Groups, StageView, day_numbers, group_sum, year_of

STAMPS = st.one_of(
    st.none(),
    st.datetimes(min_value=pd.Timestamp("1900-01-01").to_pydatetime(),
                 max_value=pd.Timestamp("2100-12-31").to_pydatetime()),
)
LABELS = st.one_of(st.none(), st.sampled_from(["b", "a", "c", "Ä", "a b"]))


def _days_the_slow_way(values: pd.Series) -> np.ndarray:
    normal = pd.to_datetime(values, errors="coerce").dt.normalize()
    return ((normal - pd.Timestamp("1970-01-01")).dt.days).to_numpy(float)


@settings(max_examples=100, deadline=None)
@given(st.lists(STAMPS, max_size=30), st.sampled_from(["ns", "us", "s"]))
def test_day_numbers_are_the_normalized_days(stamps, unit):
    """Time of day is dropped (also before 1970, where flooring matters); NaT is NaN."""
    values = pd.Series(pd.to_datetime(stamps), dtype=f"datetime64[{unit}]")
    np.testing.assert_array_equal(day_numbers(values), _days_the_slow_way(values))


def test_day_numbers_of_text_and_local_times():
    # 1969-12-31 23:59 is day -1; text that is no date is NaN; a time zone keeps its own day.
    text = pd.Series(["1969-12-31 23:59", "2024-03-01 08:00", "soon", None], dtype=object)
    np.testing.assert_array_equal(day_numbers(text), [-1.0, 19783.0, np.nan, np.nan])
    local = pd.Series(pd.to_datetime(["2024-03-01 23:30"]).tz_localize("Asia/Shanghai"))
    assert day_numbers(local).tolist() == [19783.0]
    assert year_of(19783.0) == 2024 and year_of(-1.0) == 1969


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LABELS, st.booleans(), st.booleans(), st.booleans()), max_size=40),
       st.booleans())
def test_group_counts_are_groupby_sums(rows, dropna):
    """counts() = groupby(column, dropna=…).sum() of the flags over the selected rows."""
    labels = pd.Series([r[0] for r in rows], dtype="str")
    flags = {"x": np.array([r[1] for r in rows], dtype=bool),
             "y": np.array([r[2] for r in rows], dtype=bool)}
    chosen = np.array([r[3] for r in rows], dtype=bool)
    groups = Groups.of(labels, "label", len(rows))
    got = groups.counts(flags, chosen, dropna=dropna)
    frame = pd.DataFrame(flags).astype("int64")[chosen]
    expected = frame.groupby(labels[chosen].astype(object), sort=True, dropna=dropna).sum()
    assert [str(x) for x in got.index] == [str(x) for x in expected.index]  # NaN: blank
    assert got.to_numpy().tolist() == expected.to_numpy().tolist()
    sizes = groups.size(chosen, dropna=dropna)
    assert groups.series(sizes, sizes).tolist() == labels[chosen].value_counts(
        dropna=dropna).sort_index().tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]),
                          st.one_of(st.floats(-1e6, 1e6), st.integers(-10**6, 10**6),
                                    st.just(float("nan")))), min_size=1, max_size=60))
def test_group_sums_agree_with_pandas_to_the_last_bit(rows):
    """Whole numbers take the bincount path, fractions pandas' compensated sum; either way
    the result is the one of groupby(...).sum()."""
    labels = pd.Series([r[0] for r in rows], dtype="str")
    values = np.array([r[1] for r in rows], dtype=float)
    groups = Groups.of(labels, "label", len(rows))
    expected = pd.Series(values).groupby(labels).sum()
    sums = groups.sum(values)
    assert sums.tolist() == expected.reindex(groups.labels).tolist()
    whole = np.round(np.nan_to_num(values))
    assert groups.sum(whole).tolist() == pd.Series(whole).groupby(labels).sum().tolist()


def test_group_sum_of_fractions_is_compensated_like_pandas():
    # 0.1 added a million times: a plain running sum drifts, pandas' (Kahan) does not.
    values = np.full(1_000_000, 0.1)
    codes = np.zeros(len(values), dtype=np.int64)
    compensated = pd.Series(values).groupby(codes).sum().iloc[0]
    assert np.bincount(codes, weights=values)[0] != compensated
    assert group_sum(values, codes, 1)[0] == compensated


def test_groups_of_a_missing_column_are_empty():
    groups = Groups.of(None, "campaign", 3)
    assert len(groups.labels) == 0 and groups.size().tolist() == []
    assert groups.counts({"x": np.ones(3, dtype=bool)}).empty
    assert not groups.rows().any()


def test_reached_falls_back_to_later_stage_dates():
    """Without reached_* flags, a won date implies the opportunity (the CRM skipped it)."""
    leads = pd.DataFrame({
        "created": pd.to_datetime(["2024-01-01", "2024-01-01"]),
        "opp_date": pd.to_datetime([None, None]),
        "won_date": pd.to_datetime(["2024-02-01", None]),
    })
    view = StageView(leads)
    assert view.reached("opp").tolist() == [True, False]
    assert view.reached("lead").tolist() == [True, True]
    assert np.isnan(view.stage_days("mql")).all()  # no mql_date column at all
    assert view.in_year("won", 2024).tolist() == [True, False]
    assert StageView.of(view) is view
    assert view.groups("channel").size().tolist() == []


def test_group_counts_with_a_label_per_lead():
    """A campaign per lead (UTM strings): counted flag by flag, not by bit pattern, so that
    the table stays small; the counts are the same."""
    rng = np.random.default_rng(3)
    labels = pd.Series([f"utm-{i}" for i in rng.integers(0, 5_000, 6_000)], dtype="str")
    flags = {"x": rng.random(6_000) < 0.5, "y": rng.random(6_000) < 0.2}
    chosen = rng.random(6_000) < 0.7
    got = Groups.of(labels, "campaign", len(labels)).counts(flags, chosen)
    expected = pd.DataFrame(flags).astype("int64")[chosen].groupby(labels[chosen]).sum()
    assert got.index.tolist() == expected.index.tolist()
    assert got.to_numpy().tolist() == expected.to_numpy().tolist()
