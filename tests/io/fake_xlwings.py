"""An in-memory stand-in for the small part of xlwings that ``xlreview.io.excel`` uses.

Cells live in a dict keyed by 1-based (row, column). Like Excel, assigning a text that
starts with an apostrophe stores the text after it, and a 2D list fills from the top-left
cell. Errors read back as strings with ``err_to_str=True`` (``#N/A``), as xlwings does.
Sheet-local names read back as Excel gives them, ``'Sheet name'!name``.

A book with a file (:meth:`Book.from_file`) saves, closes and reopens as Excel does:
``book.save()`` calls the test's ``on_save`` (the user's unsaved edits reach the file),
``app.books.open(path)`` lists the file's sheets again. ``app.calls`` records every step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xlreview.cells import ExcelError

Cell = tuple[int, int]


def _address(ref: object) -> Cell:
    if isinstance(ref, tuple):
        return int(ref[0]), int(ref[1])
    match = re.fullmatch(r"([A-Z]+)(\d+)", str(ref).upper())
    if not match:
        raise ValueError(f"bad address {ref!r}")
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


class Range:
    def __init__(self, sheet: Sheet, first: Cell, last: Cell, options: dict | None = None):
        self.sheet, self.first, self.last = sheet, first, last
        self._options = options or {}

    @property
    def row(self) -> int:
        return self.first[0]

    @property
    def column(self) -> int:
        return self.first[1]

    @property
    def last_cell(self) -> Range:
        return Range(self.sheet, self.last, self.last)

    def options(self, **options: Any) -> Range:
        return Range(self.sheet, self.first, self.last, {**self._options, **options})

    @property
    def value(self) -> Any:
        self.sheet.book.app.calls.append(("read", self.sheet.name, self.first, self.last))
        rows = []
        for r in range(self.first[0], self.last[0] + 1):
            row = []
            for c in range(self.first[1], self.last[1] + 1):
                value = self.sheet.cells.get((r, c))
                if isinstance(value, ErrorValue):
                    value = str(value) if self._options.get("err_to_str") else None
                row.append(value)
            rows.append(row)
        if self._options.get("ndim") == 2:
            return rows
        if len(rows) == 1 and len(rows[0]) == 1:
            return rows[0][0]
        return rows if len(rows) > 1 and len(rows[0]) > 1 else [v for r in rows for v in r]

    @value.setter
    def value(self, data: Any) -> None:
        self.sheet.book.app.calls.append(("write", self.sheet.name, self.first))
        rows = data if isinstance(data, list) and data and isinstance(data[0], list) else [
            data if isinstance(data, list) else [data]]
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                cell = (self.first[0] + i, self.first[1] + j)
                if isinstance(value, str) and value.startswith("'"):
                    value = value[1:]
                if value is None or value == "":
                    self.sheet.cells.pop(cell, None)
                else:
                    self.sheet.cells[cell] = value

    @property
    def number_format(self) -> str | None:
        return self.sheet.formats.get(self.first)

    @number_format.setter
    def number_format(self, fmt: str) -> None:
        for r in range(self.first[0], self.last[0] + 1):
            for c in range(self.first[1], self.last[1] + 1):
                self.sheet.formats[(r, c)] = fmt

    @property
    def column_width(self) -> float | None:
        return self.sheet.widths.get(self.first[1])

    @column_width.setter
    def column_width(self, width: float) -> None:
        for c in range(self.first[1], self.last[1] + 1):
            self.sheet.widths[c] = width

    def merge(self) -> None:
        self.sheet.merged.append((self.first, self.last))

    @property
    def font(self) -> Font:
        return Font(self)


class Font:
    """``range.font``: only its name, set over the whole range."""

    def __init__(self, cells: Range):
        self._range = cells

    @property
    def name(self) -> str | None:
        return self._range.sheet.fonts.get(self._range.first)

    @name.setter
    def name(self, name: str) -> None:
        first, last = self._range.first, self._range.last
        for r in range(first[0], last[0] + 1):
            for c in range(first[1], last[1] + 1):
                self._range.sheet.fonts[(r, c)] = name


class ErrorValue(str):
    """An error value stored in a fake cell (``#N/A`` …)."""


class Tables:
    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.items: list[tuple[str, Cell, Cell]] = []

    def add(self, source: Range, name: str | None = None, **_: Any) -> tuple:
        names = {t[0] for s in self.sheet.book.sheets for t in s.tables.items}
        if name in names:
            raise ValueError(f"a table named {name!r} exists already")
        item = (name, source.first, source.last)
        self.items.append(item)
        return item


class Name:
    def __init__(self, name: str, refers_to: str) -> None:
        self.name, self.refers_to = name, refers_to


class Names:
    """``sheet.names``: sheet-local names, as Excel spells them (``'My sheet'!name``)."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._items: dict[str, str] = {}

    def __iter__(self) -> Iterator[Name]:
        prefix = self.sheet.name if re.fullmatch(r"\w+", self.sheet.name) else \
            "'" + self.sheet.name.replace("'", "''") + "'"
        return iter([Name(f"{prefix}!{n}", v) for n, v in self._items.items()])

    def add(self, name: str, refers_to: str) -> Name:
        self._items[name] = refers_to
        return Name(name, refers_to)


class Sheet:
    def __init__(self, book: Book, name: str):
        self.book, self.name = book, name
        self.cells: dict[Cell, Any] = {}
        self.formats: dict[Cell, str] = {}
        self.fonts: dict[Cell, str] = {}
        self.widths: dict[int, float] = {}
        self.merged: list[tuple[Cell, Cell]] = []
        self.tables = Tables(self)
        self.names = Names(self)

    def range(self, first: object, last: object | None = None) -> Range:
        a = _address(first)
        return Range(self, a, _address(last) if last is not None else a)

    def __getitem__(self, ref: str) -> Range:
        first, _, last = ref.partition(":")
        return self.range(first, last or None)

    @property
    def used_range(self) -> Range:
        if not self.cells:
            return Range(self, (1, 1), (1, 1))
        rows = [r for r, _ in self.cells]
        cols = [c for _, c in self.cells]
        return Range(self, (min(rows), min(cols)), (max(rows), max(cols)))

    def delete(self) -> None:
        self.book.sheets._items.remove(self)

    def activate(self) -> None:
        self.book.app.calls.append(("activate", self.book.name, self.name))
        self.book.active_sheet = self

    def grid(self) -> list[list[Any]]:
        """Every value from A1 to the last used cell (test helper, not xlwings)."""
        last = self.used_range.last_cell
        return self.range((1, 1), (last.row, last.column)).options(ndim=2).value


class Sheets:
    def __init__(self, book: Book):
        self.book = book
        self._items: list[Sheet] = []

    def __iter__(self) -> Iterator[Sheet]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self._items[key]
        for sheet in self._items:
            if sheet.name.lower() == key.lower():
                return sheet
        raise KeyError(key)

    def add(self, name: str | None = None, before: Sheet | None = None,
            after: Sheet | None = None) -> Sheet:
        name = name or f"Sheet{len(self._items) + 1}"
        if any(s.name.lower() == name.lower() for s in self._items):
            raise ValueError(f"sheet {name!r} exists already")
        sheet = Sheet(self.book, name)
        if before is not None:
            self._items.insert(self._items.index(before), sheet)
        elif after is not None:
            self._items.insert(self._items.index(after) + 1, sheet)
        else:
            self._items.insert(0, sheet)
        return sheet


class App:
    def __init__(self) -> None:
        self._status_bar: str | bool = False
        self.status_history: list[str | bool] = []
        self.screen_updating = True
        self.alerts: list[dict[str, Any]] = []
        self.calls: list[tuple] = []

    @property
    def status_bar(self) -> str | bool:
        return self._status_bar

    @status_bar.setter
    def status_bar(self, value: str | bool) -> None:
        self._status_bar = value
        self.status_history.append(value)

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok",
              mode: str | None = None, callback: str | None = None) -> str:
        self.alerts.append({"prompt": prompt, "title": title, "mode": mode})
        return "ok"


class Books:
    """``app.books``: ``.active`` and ``.open(path)``."""

    def __init__(self, active: Book) -> None:
        self.active = active

    def open(self, fullname: str) -> Book:
        app = self.active.app
        app.calls.append(("open", fullname))
        book = Book.from_file(fullname, app=app)
        self.active = book
        return book


class Book:
    _caller: Book | None = None

    def __init__(self, name: str = "Book1.xlsx", app: App | None = None):
        self.name = self.fullname = name  # never saved: no folder, as in Excel
        self.app = app or App()
        if app is None:
            self.app.books = Books(active=self)
        self.sheets = Sheets(self)
        self.active_sheet: Sheet | None = None
        self.on_save: Any = None
        self.closed = False

    def save(self) -> None:
        self.app.calls.append(("save", self.fullname))
        if self.on_save is not None:
            self.on_save(self.fullname)

    def close(self) -> None:
        self.app.calls.append(("close", self.fullname))
        self.closed = True

    @classmethod
    def from_file(cls, fullname: str, app: App | None = None) -> Book:
        """The book Excel shows for the file: its sheets by name, marks as local names,
        and the cells of its Settings sheet (the others are not loaded: tests read the
        file itself)."""
        import zipfile

        from xlreview.inputs import settings_sheet
        from xlreview.io.files import read_grids, sheet_names
        from xlreview.io.package import Package, marks

        path = Path(fullname)
        book = cls(path.name, app=app)
        book.fullname = str(path)
        with zipfile.ZipFile(path) as zf:
            marked = marks(Package(zf))
        names = sheet_names(path)
        settings = settings_sheet(names)
        grids = read_grids(path, [settings]) if settings else {}
        last = None
        for i, sheet_name in enumerate(names):
            last = book.sheets.add(sheet_name, after=last)
            if i in marked:
                last.names.add("_xlreview_sheet", f'="{marked[i]}"')
            for r, row in enumerate(grids.get(sheet_name, []), start=1):
                last.cells.update({(r, c): v for c, v in enumerate(row, start=1)
                                   if v is not None and v != ""})
        if app is not None:
            app.books.active = book
        return book

    @classmethod
    def caller(cls) -> Book:
        if cls._caller is None:
            raise RuntimeError("no calling book")
        return cls._caller

    @classmethod
    def from_grids(cls, grids: dict[str, list[list[Any]]], name: str = "Book1.xlsx") -> Book:
        """A book whose sheets hold ``grids`` from A1 (test helper, not xlwings)."""
        book = cls(name)
        last = None
        for sheet_name, grid in grids.items():
            last = book.sheets.add(sheet_name, after=last)
            for r, row in enumerate(grid, start=1):
                for c, value in enumerate(row, start=1):
                    if isinstance(value, ExcelError):
                        value = ErrorValue(value)
                    if value is not None and value != "":
                        last.cells[(r, c)] = value
        return book
