"""Vectorised parsers of cell columns: numbers as text, dates day- or month-first, months."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from xlreview.cells import ExcelError
from xlreview.parsing import (
    Cells,
    cell_text,
    decide_order,
    is_blank,
    parse_date_column,
    parse_month_column,
    parse_number,
    parse_number_column,
    text_column,
)


def col(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype=object)


# --- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,200", 1200.0),  # thousands separator
        ("¥3,000", 3000.0),  # currency sign
        ("１２００", 1200.0),  # full-width digits
        ("30%", 0.3),  # percent → share
        ("(5)", -5.0),  # accounting negative
        (" 12.5 元", 12.5),  # trailing Chinese currency word and spaces
        (7, 7.0),  # already a number
        (2.5, 2.5),
    ],
)
def test_number_text_is_read(cell: object, expected: float) -> None:
    numbers, bad = parse_number_column(col(cell))
    assert numbers.iloc[0] == pytest.approx(expected)
    assert not bad.iloc[0]


def test_times_and_durations_are_fractions_of_a_day() -> None:
    # calamine hands over hh:mm cells as times and [h]:mm cells as durations; Excel
    # stores both as days: 18:00 is 0.75, 36 hours is 1.5.
    numbers, bad = parse_number_column(col(time(18, 0), timedelta(hours=36), time(0, 0, 36)))
    assert numbers.tolist() == [0.75, 1.5, pytest.approx(36 / 86400)]
    assert not bad.any()


@pytest.mark.parametrize("blank", [None, "", " ", "\u3000", "\u00a0", float("nan")])
def test_every_kind_of_blank_is_blank_not_bad(blank: object) -> None:
    numbers, bad = parse_number_column(col(blank, "5"))
    assert np.isnan(numbers.iloc[0]) and numbers.iloc[1] == 5.0
    assert not bad.any()
    assert parse_date_column(col(blank)).values.isna().all()
    assert text_column(col(blank, "x")).isna().tolist() == [True, False]


def test_non_numbers_are_bad_and_blank_is_not() -> None:
    numbers, bad = parse_number_column(col("abc", None, "", date(2024, 1, 1), "1,200"))
    assert bad.tolist() == [True, False, False, True, False]
    assert np.isnan(numbers.iloc[:4].to_numpy(dtype=float)).all()
    assert numbers.iloc[4] == 1200.0


def test_repeated_values_each_row_gets_its_value() -> None:
    # Parsing works per distinct value and spreads back: order and index must survive.
    values = pd.Series(["2", None, "1", "2", "x", "1"], index=[10, 11, 12, 13, 14, 15],
                       dtype=object)
    numbers, bad = parse_number_column(values)
    assert numbers.index.tolist() == [10, 11, 12, 13, 14, 15]
    assert numbers.fillna(-1).tolist() == [2.0, -1, 1.0, 2.0, -1, 1.0]
    assert bad.tolist() == [False, False, False, False, True, False]


@given(st.integers(min_value=-10**9, max_value=10**9))
@settings(max_examples=60, deadline=None)
def test_thousands_separated_text_round_trips(n: int) -> None:
    numbers, bad = parse_number_column(col(f"{n:,}", f"¥{n:,}"))
    assert numbers.tolist() == [float(n), float(n)]
    assert not bad.any()


# --- dates ------------------------------------------------------------------------------


def test_first_part_above_12_proves_day_first() -> None:
    # 20-10-2017 can only be 20 October: the whole column is day-first, so 01-02-2018 is
    # 1 February (not 2 January).
    found = parse_date_column(col("20-10-2017", "01-02-2018", "26-02-2018 19:58"))
    assert found.order == "dmy" and not found.ambiguous
    assert found.values.tolist() == [
        pd.Timestamp("2017-10-20"), pd.Timestamp("2018-02-01"), pd.Timestamp("2018-02-26 19:58")
    ]
    assert str(found.values.dtype) == "datetime64[ns]"


def test_second_part_above_12_proves_month_first() -> None:
    found = parse_date_column(col("10/20/2017", "02/01/2018"))
    assert found.order == "mdy" and not found.ambiguous
    assert found.values.tolist() == [pd.Timestamp("2017-10-20"), pd.Timestamp("2018-02-01")]


def test_all_ambiguous_is_flagged_and_read_day_first() -> None:
    found = parse_date_column(col("01-02-2018", "03-04-2018"))
    assert found.ambiguous and found.order == "dmy"
    assert found.values.tolist() == [pd.Timestamp("2018-02-01"), pd.Timestamp("2018-04-03")]


def test_given_order_wins_and_is_not_ambiguous() -> None:
    found = parse_date_column(col("01-02-2018", "03-04-2018"), "mdy")
    assert not found.ambiguous
    assert found.values.tolist() == [pd.Timestamp("2018-01-02"), pd.Timestamp("2018-03-04")]


def test_iso_text_is_never_ambiguous() -> None:
    found = parse_date_column(col("2018-02-01", "2018/03/04 10:30"))
    assert not found.ambiguous and found.order is None
    assert found.values.tolist() == [pd.Timestamp("2018-02-01"),
                                     pd.Timestamp("2018-03-04 10:30")]


def test_dates_of_every_cell_type() -> None:
    found = parse_date_column(col(
        datetime(2024, 3, 5, 9, 30),  # typed by Excel
        date(2024, 3, 6),
        45000,  # Excel serial: 44927 is 2023-01-01, +73 days = 2023-03-15
        45000.5,  # noon of the same day
        "2024年3月5日",  # Chinese date
        "２０２４－０３－０７",  # full-width ISO
        None,
    ))
    assert found.values.tolist()[:6] == [
        pd.Timestamp("2024-03-05 09:30"), pd.Timestamp("2024-03-06"),
        pd.Timestamp("2023-03-15"), pd.Timestamp("2023-03-15 12:00"),
        pd.Timestamp("2024-03-05"), pd.Timestamp("2024-03-07"),
    ]
    assert pd.isna(found.values.iloc[6])
    assert not found.bad.any()


def test_unparseable_dates_are_bad_and_blank() -> None:
    found = parse_date_column(col("31-02-2018", "soon", True, "20-10-2017"))
    assert found.bad.tolist() == [True, True, True, False]
    assert found.values.isna().tolist() == [True, True, True, False]


def test_all_datetimes_fast_path() -> None:
    found = parse_date_column(col(datetime(2024, 1, 1), None, datetime(2024, 1, 2)))
    assert found.values.tolist()[0] == pd.Timestamp("2024-01-01")
    assert pd.isna(found.values.iloc[1])
    assert str(found.values.dtype) == "datetime64[ns]"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [([13, 1], [1, 2], "dmy"), ([1, 2], [13, 1], "mdy"), ([1, 2], [3, 4], None)],
)
def test_decide_order(first: list[int], second: list[int], expected: str | None) -> None:
    assert decide_order(pd.Series(first), pd.Series(second)) == expected


@given(st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31)),
                min_size=1, max_size=20))
@settings(max_examples=60, deadline=None)
def test_day_first_text_round_trips_with_order(days: list[date]) -> None:
    found = parse_date_column(col(*(d.strftime("%d-%m-%Y") for d in days)), "dmy")
    assert found.values.dt.date.tolist() == days


@given(st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31)),
                min_size=1, max_size=20))
@settings(max_examples=60, deadline=None)
def test_detected_order_never_contradicts_evidence(days: list[date]) -> None:
    # Written month-first: whenever a day > 12 exists the detection must say mdy and the
    # dates must round-trip; otherwise the column is ambiguous.
    found = parse_date_column(col(*(d.strftime("%m/%d/%Y") for d in days)))
    if any(d.day > 12 and d.day != d.month for d in days):
        assert found.order == "mdy"
        assert found.values.dt.date.tolist() == days
    elif all(d.day <= 12 for d in days):
        assert found.ambiguous


# --- months and text --------------------------------------------------------------------


def test_months_from_every_form() -> None:
    months, bad = parse_month_column(col(
        "2025-03", "2025/3", "2025年3月", date(2025, 3, 15), datetime(2025, 3, 31, 8),
        45735,  # serial: 45658 is 2025-01-01, +77 days = 2025-03-19
        "2025-03-20", "x", None,
    ))
    assert months.iloc[:7].tolist() == [pd.Timestamp("2025-03-01")] * 7
    assert bad.tolist() == [False] * 7 + [True, False]
    assert pd.isna(months.iloc[7]) and pd.isna(months.iloc[8])


def test_text_column() -> None:
    text = text_column(col(101.0, " a ", "", None, 3.5, ExcelError("#N/A")))
    assert text.iloc[:2].tolist() == ["101", "a"]
    assert text.iloc[2:4].isna().all()
    assert text.iloc[4] == "3.5"


# --- the column parsers agree with the one-cell parsers -----------------------------------

_NUMBER_TEXT = st.text(alphabet="0123456789,.%¥$()- 元e１２_na\u3000", max_size=12)
_CELL = st.one_of(
    st.none(), st.just(""), _NUMBER_TEXT, st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.integers(-10**12, 10**12), st.dates(min_value=date(1990, 1, 1)),
)


def _scalar_number(cell: object) -> tuple[float, bool]:
    try:
        number = parse_number(cell)
    except ValueError:
        return math.nan, True
    return (math.nan if number is None else number), False


@given(st.lists(_CELL, max_size=30))
@example(["nan", "1_000", "inf", "-inf", "1e3", "1,2,3", "(1,200)", "50%%", ".", "-"])
@settings(max_examples=300, deadline=None)
def test_number_column_equals_parse_number_on_each_cell(cells: list[object]) -> None:
    # The column parser works on distinct values and spreads them back; the result must
    # be what the one-cell parser (used for Settings) says of every cell.
    numbers, bad = parse_number_column(col(*cells))
    expected = [_scalar_number(c) for c in cells]
    assert bad.tolist() == [b for _, b in expected]
    assert numbers.tolist() == pytest.approx([n for n, _ in expected], nan_ok=True)


@given(st.lists(st.one_of(_CELL, st.text(max_size=5)), max_size=30))
@settings(max_examples=200, deadline=None)
def test_text_column_equals_cell_text_and_cells_round_trip(cells: list[object]) -> None:
    text = text_column(col(*cells))
    assert [None if pd.isna(t) else t for t in text] == [cell_text(c) for c in cells]
    column = Cells.of(cells)
    raw = [None if is_blank(c) or c in ("\u3000", "\u00a0") else c for c in cells]
    assert column.raw().tolist() == raw
    # One distinct value per distinct cell; TRUE is not 1 (though True == 1 in Python).
    assert len(column.values) == len({(type(v) is bool, v) for v in raw if v is not None})


@pytest.mark.parametrize("blanks", [0, 3, 9, 10])  # of 10 cells: dense and sparse columns
def test_cells_of_a_mostly_blank_column_keep_every_value_in_its_row(blanks: int) -> None:
    # A mostly blank column (stage dates, amounts) is factorized without its "" cells;
    # the result must be the same as for a dense one: codes per row, -1 for blank.
    values = [date(2024, 1, 1 + i % 3) for i in range(10 - blanks)] + [""] * blanks
    order = [7, 2, 9, 0, 5, 1, 8, 3, 6, 4]
    column = [values[i] for i in order]
    cells = Cells.of(column)
    assert cells.raw().tolist() == [None if v == "" else v for v in column]
    assert (cells.codes == -1).sum() == blanks
    assert len(cells.values) == len({v for v in column if v != ""})


# --- date text read with numpy equals the regex -----------------------------------------

_DATE_FORMATS = st.sampled_from([
    "%d-%m-%Y", "%m/%d/%Y", "%Y-%m-%d", "%d.%m.%y", "%d-%m-%Y %H:%M", "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y  %H:%M", "%Y-%m-%d %H:%M:%S.%f", "%d-%m-%Y-%H",
])
_DATE_TEXTS = st.lists(
    st.one_of(
        st.builds(lambda d, f, pad: d.strftime(f) if pad else d.strftime(f).lstrip("0"),
                  st.datetimes(min_value=datetime(1990, 1, 1)), _DATE_FORMATS, st.booleans()),
        st.text(alphabet="0123456789-/.: T", min_size=1, max_size=19),  # near misses
    ),
    min_size=1, max_size=40,
)


@given(_DATE_TEXTS)
@example(["31-12-2017 08:15", "01-02-2018 23:59", "2017-12-31", "1-2-2024", "99-99-9999"])
@example(["2024-01-05T10:00:00", "2024-01-05 10:00:00", "05.01.24", "12/31/2024 1:5"])
@example(["12-34-5678-9", "1234-5678-12", "12:12-12-12", "2024-1-1 ", "2024--1-1"])
@settings(max_examples=300, deadline=None)
def test_date_text_read_with_numpy_equals_the_regex(texts: list[str]) -> None:
    # Same-length texts with one layout are read as bytes with numpy; the numbers must be
    # exactly those the date regex finds, and texts the regex rejects must stay unread.
    from xlreview.parsing import _DATE_TEXT, _PARTS, _date_parts

    text = pd.Series(texts, dtype=object)
    got = _date_parts(text)
    found = text.str.extract(_DATE_TEXT)
    expected = pd.DataFrame({name: pd.to_numeric(found[k], errors="coerce").astype(float)
                             for k, name in enumerate(_PARTS)})
    expected["width1"] = found[0].str.len().astype(float)
    pd.testing.assert_frame_equal(got, expected, check_names=False)


def test_a_crm_export_s_date_text_is_read_with_numpy() -> None:
    # The fast path must really serve the usual export: one layout, one length.
    from xlreview.parsing import _fixed_width_parts

    text = pd.Series(["31-12-2017 08:15", "01-02-2018 23:59", "5-3-2018", "15-03-2018"],
                     dtype=object)
    groups = _fixed_width_parts(text)
    assert [rows.tolist() for rows, _ in groups] == [[2], [3], [0, 1]]  # by length
    numbers = dict((tuple(rows), n) for rows, n in groups)[(0, 1)]
    assert numbers[0, :5].tolist() == [31, 12, 2017, 8, 15] and numbers[0, 6] == 2


def test_grid_cells_are_the_same_whichever_way_the_grid_is_copied():
    # A grid as wide as the columns wanted is copied at once; a wide export (two of
    # seven columns wanted) or a ragged one column by column: the cells must not differ.
    from xlreview.parsing import grid_cells

    rows = [["a", 1.0, None, "x", True, 5, "z"], ["b", None, 2.0, "y", False, 6, None]]
    ragged = [rows[0], rows[1][:3]]
    for grid, columns in ((rows, {"id": 0, "n": 1, "m": 2, "t": 3}),
                          (rows, {"id": 0, "z": 6}), (ragged, {"id": 0, "m": 2, "z": 6})):
        cells = grid_cells(grid, columns)
        for key, j in columns.items():
            expected = [r[j] if j < len(r) else None for r in grid]
            assert cells[key].raw().tolist() == expected, (key, columns)
