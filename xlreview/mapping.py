"""Which column of an input sheet holds which key: the header row and the ``Mapping`` sheet.

A real export keeps its own headers (``mql_id``, ``first_contact_date``, ``origin``). The
user lists them once in the workbook's ``Mapping`` sheet (sheet, column, source,
date_format); one source may feed several keys (``first_contact_date`` → ``created`` and
``mql_date``). Headers not in the Mapping sheet are matched by their English or Chinese
name or an alias (:func:`xlreview.model.header_lookup`). A row whose column is ``sheet``
names the sheet itself: sheet ``leads``, column ``sheet``, source ``CRM export`` reads the
workbook's ``CRM export`` sheet as the Leads (:func:`sheet_renames`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .cells import Grid
from .checks import Findings
from .labels import label
from .model import (
    MAPPING,
    SHEET_WORDS,
    SHEETS,
    SheetSpec,
    header_lookup,
    normalise_header,
    sheet_lookup,
)
from .parsing import DateOrder, is_blank

HEADER_SEARCH_ROWS = 10
"""The header row is searched in this many rows from the top (a title line may come first)."""

_ORDER_WORDS: dict[str, DateOrder] = {
    "dmy": "dmy", "daymonthyear": "dmy", "dayfirst": "dmy", "日月年": "dmy",
    "mdy": "mdy", "monthdayyear": "mdy", "monthfirst": "mdy", "月日年": "mdy",
    "ymd": "ymd", "yearmonthday": "ymd", "iso": "ymd", "年月日": "ymd",
}


@dataclass(frozen=True)
class ColumnMapping:
    """The workbook's Mapping sheet, by sheet key.

    Attributes:
        sources: sheet key → normalised source header → the column keys it feeds.
        date_formats: ``(sheet key, column key)`` → date order given by the user.
        sheets: sheet key → the workbook's own name of that sheet, as typed.
        rows: ``(sheet key, column key)`` → the Mapping sheet's row (1-based) and the source
            header it names, so that a source the sheet lacks is reported at that row.
        sheet_name: the Mapping sheet's name in the workbook.
    """

    sources: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    date_formats: dict[tuple[str, str], DateOrder] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)
    rows: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    sheet_name: str = MAPPING.en

    def keys_for(self, sheet: str, header: object) -> tuple[str, ...]:
        """The keys a header of ``sheet`` is mapped to (empty if the sheet does not map it)."""
        return self.sources.get(sheet, {}).get(normalise_header(header), ())

    def mapped_keys(self, sheet: str) -> set[str]:
        """Every key of ``sheet`` that the Mapping sheet assigns to some source."""
        return {k for keys in self.sources.get(sheet, {}).values() for k in keys}

    def date_format(self, sheet: str, key: str) -> DateOrder | None:
        return self.date_formats.get((sheet, key))


@dataclass(frozen=True)
class HeaderMatch:
    """Where a sheet's header row is and which grid column holds each key.

    Attributes:
        row: 0-based grid index of the header row (Excel row ``row + 1``).
        columns: column key → 0-based grid column index.
        headers: column key → header text as typed in the workbook.
    """

    row: int
    columns: dict[str, int]
    headers: dict[str, str]

    def missing(self, spec: SheetSpec) -> list[str]:
        """Required keys of ``spec`` that no column provides."""
        return [c.key for c in spec.columns if c.required and c.key not in self.columns]


def parse_date_format(text: object) -> DateOrder | None:
    """``dmy`` / ``mdy`` / ``ymd`` from what a user typed (``dd-mm-yyyy``, ``日月年`` ...).

    Raises:
        ValueError: text that names no order.
    """
    if is_blank(text):
        return None
    word = normalise_header(text).replace("/", "").replace(".", "")
    if word in _ORDER_WORDS:
        return _ORDER_WORDS[word]
    letters = "".join(dict.fromkeys(ch for ch in word if ch in "dmy"))
    if len(letters) == 3 and set(word) <= set("dmy"):
        return letters  # type: ignore[return-value]
    raise ValueError(str(text))


def match_header_row(
    row: Sequence[object], spec: SheetSpec, mapping: ColumnMapping
) -> HeaderMatch:
    """Assign the cells of one row to keys: Mapping sources first, then names and aliases."""
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for j, cell in enumerate(row):
        if is_blank(cell):
            continue
        for key in mapping.keys_for(spec.key, cell):
            if key not in columns:
                columns[key], headers[key] = j, str(cell).strip()
    claimed = mapping.mapped_keys(spec.key)
    lookup = header_lookup(spec)
    for j, cell in enumerate(row):
        if is_blank(cell) or j in columns.values():
            continue
        key = lookup.get(normalise_header(cell))
        if key and key not in columns and key not in claimed:
            columns[key], headers[key] = j, str(cell).strip()
    return HeaderMatch(0, columns, headers)


def locate_header(grid: Grid, spec: SheetSpec, mapping: ColumnMapping) -> HeaderMatch | None:
    """The first of the top rows that holds a required column (else the best partial match).

    Returns None if no row in the first :data:`HEADER_SEARCH_ROWS` names any column.
    """
    required = {c.key for c in spec.columns if c.required}
    best: HeaderMatch | None = None
    for i, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found = match_header_row(row, spec, mapping)
        match = HeaderMatch(i, found.columns, found.headers)
        if required & match.columns.keys():
            return match
        if match.columns and (best is None or len(match.columns) > len(best.columns)):
            best = match
    return best


def read_mapping(
    grid: Grid | None,
    *,
    sheet_name: str,
    workbook_sheets: Mapping[str, str],
    findings: Findings,
    lang: str = "en",
) -> ColumnMapping:
    """The Mapping sheet's rows (sheet, column, source, date_format) as a ColumnMapping.

    Args:
        grid: the Mapping sheet's cells, or None if the workbook has none.
        sheet_name: its name in the workbook (for messages).
        workbook_sheets: normalised workbook sheet name → sheet key, so that the ``sheet``
            cell may also hold the workbook's own name of the sheet.
        findings: rows naming an unknown sheet, column or date format are reported here.
        lang: language of the messages.
    """
    if not grid:
        return ColumnMapping()
    header = locate_header(grid, MAPPING, ColumnMapping())
    if header is None or header.missing(MAPPING):
        findings.add("error", sheet_name, None, None, label("msg.mapping_unreadable", lang))
        return ColumnMapping()
    names = {**sheet_lookup(), **workbook_sheets}
    sources: dict[str, dict[str, tuple[str, ...]]] = {}
    formats: dict[tuple[str, str], DateOrder] = {}
    renamed: dict[str, str] = {}
    rows: dict[tuple[str, str], tuple[int, str]] = {}
    cols, heads = header.columns, header.headers
    for i, row in enumerate(grid[header.row + 1 :], start=header.row + 2):
        cell = dict.fromkeys(cols)
        for key, j in cols.items():
            cell[key] = row[j] if j < len(row) else None
        if all(is_blank(v) for v in cell.values()):
            continue
        sheet = names.get(normalise_header(cell["sheet"] or ""))
        if sheet is None or sheet not in SHEETS:
            findings.add("warning", sheet_name, i, heads["sheet"],
                         label("msg.mapping_unknown_sheet", lang, value=cell["sheet"]))
            continue
        if normalise_header(cell["column"] or "") in SHEET_WORDS and not is_blank(cell["source"]):
            renamed[sheet] = str(cell["source"]).strip()
            continue
        key = header_lookup(SHEETS[sheet]).get(normalise_header(cell["column"] or ""))
        if key is None or is_blank(cell["source"]):
            bad = "column" if key is None else "source"
            findings.add("warning", sheet_name, i, heads[bad],
                         label("msg.mapping_unknown_column", lang, value=cell[bad], sheet=sheet))
            continue
        source = normalise_header(cell["source"])
        sheet_sources = sources.setdefault(sheet, {})
        sheet_sources[source] = (*sheet_sources.get(source, ()), key)
        rows.setdefault((sheet, key), (i, str(cell["source"]).strip()))
        try:
            order = parse_date_format(cell.get("date_format"))
        except ValueError:
            findings.add("warning", sheet_name, i, heads["date_format"],
                         label("msg.mapping_bad_date_format", lang,
                               value=cell["date_format"]))
            continue
        if order is not None:
            formats[(sheet, key)] = order
    return ColumnMapping(sources, formats, renamed, rows, sheet_name)


def sheet_renames(grid: Grid | None) -> dict[str, str]:
    """Sheet key → the workbook's own name of it, from the Mapping sheet's ``sheet`` rows
    (nothing reported: :func:`read_mapping` reports the Mapping sheet's problems)."""
    if not grid:
        return {}
    return read_mapping(grid, sheet_name="", workbook_sheets={}, findings=Findings()).sheets
