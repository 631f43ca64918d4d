"""Refuse to write a workbook open in Excel; replace it atomically or not at all."""

import os
from pathlib import Path

import pytest

from xlreview.errors import WorkbookLockedError, XlreviewError
from xlreview.io.safety import check_not_open, lock_files, write_atomically


@pytest.mark.parametrize(
    ("name", "lock"),
    [
        ("plan.xlsx", "~$plan.xlsx"),  # Excel: ~$ before the whole name
        ("marketing_review.xlsm", "~$marketing_review.xlsm"),
        # Office's owner-file rule: a stem of 8+ characters loses its first two.
        ("marketing_review.xlsm", "~$rketing_review.xlsm"),
        ("年度营销复盘与计划.xlsx", "~$营销复盘与计划.xlsx"),  # 9 characters
        ("review1.xlsx", "~$eview1.xlsx"),  # a 7-character stem loses one
        ("plan.xlsx", ".~lock.plan.xlsx#"),  # LibreOffice
    ],
)
def test_lock_file_beside_the_workbook_refuses(tmp_path, name, lock):
    book = tmp_path / name
    book.write_bytes(b"PK")
    check_not_open(book)  # no lock yet: fine
    (tmp_path / lock).write_bytes(b"\x05Alice")
    with pytest.raises(WorkbookLockedError, match="close it") as caught:
        check_not_open(book)
    assert isinstance(caught.value, OSError) and isinstance(caught.value, XlreviewError)


def test_short_names_do_not_match_other_books_locks(tmp_path):
    # "~$an.xlsx" would be plan.xlsx's lock only under the long-name rule, which a
    # 4-character stem does not follow: it belongs to a workbook called "an.xlsx".
    (tmp_path / "~$an.xlsx").write_bytes(b"x")
    check_not_open(tmp_path / "plan.xlsx")
    assert tmp_path / "~$an.xlsx" not in lock_files(tmp_path / "plan.xlsx")


def test_write_atomically_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomically(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]


def test_failure_half_way_leaves_the_original_untouched(tmp_path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"the user's work")

    def crash(tmp: Path) -> None:
        tmp.write_bytes(b"half a zip")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_atomically(target, crash)
    assert target.read_bytes() == b"the user's work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]


def test_write_atomically_creates_a_new_file(tmp_path):
    target = tmp_path / "new.xlsx"
    write_atomically(target, lambda tmp: tmp.write_bytes(b"data"))
    assert target.read_bytes() == b"data"
