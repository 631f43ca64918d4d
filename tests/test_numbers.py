"""Excel-exact rounding."""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from xlreview.numbers import ceil_excel, ceil_excel_array


def test_roundup_ignores_binary_noise_like_excel():
    # 0.07 * 100 is 7.000000000000001 in binary; Excel's ROUNDUP(0.07*100, 0) is 7.
    assert 0.07 * 100 > 7
    assert ceil_excel(0.07 * 100) == 7
    # A real fraction still rounds up.
    assert ceil_excel(100.2) == 101
    assert ceil_excel(0) == 0


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_array_version_agrees_with_scalar(x):
    assert ceil_excel_array(np.array([x]))[0] == ceil_excel(x)


@given(st.integers(min_value=0, max_value=10**9))
def test_whole_numbers_stay(n):
    assert ceil_excel(float(n)) == n
    assert math.isnan(ceil_excel_array(np.array([np.nan]))[0])
