"""Cell values as adapters hand them to the core."""

from __future__ import annotations


class ExcelError(str):
    """An Excel error value read from a cell, such as ``#N/A`` or ``#DIV/0!``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"ExcelError({str(self)!r})"


Grid = list[list[object]]
"""A sheet's cells from A1: row 0 is Excel row 1. Blank cells are None."""


def column_letter(index: int) -> str:
    """Excel column letters for a 0-based column index: 0 → ``A``, 27 → ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
