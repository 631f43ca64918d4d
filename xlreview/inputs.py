"""Input sheets (cell grids) into clean DataFrames, with a data check of every problem.

Each sheet becomes one DataFrame built from its grid in one go; columns are then parsed
with pandas (no Python loop over rows), so that a million leads read in seconds. Every
problem is a finding naming the sheet, Excel row and column as they appear in the workbook.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

import numpy as np
import pandas as pd

from .cells import Grid, column_letter
from .checks import Findings, Severity
from .labels import CATALOGUES, label
from .mapping import ColumnMapping, HeaderMatch, locate_header, read_mapping, sheet_renames
from .model import (
    DEALS,
    INPUT_SHEETS,
    LEADS,
    MAPPING,
    SETTINGS,
    STAGE_DATE,
    STAGES,
    SheetSpec,
    normalise_header,
    sheet_lookup,
)
from .overrides import HISTORY
from .parsing import (
    EXCEL_ERRORS,
    Cells,
    DateOrder,
    filled_rows,
    grid_cells,
    is_blank,
    months_of,
    normalise_text,
    numbers_of,
    parse_bool,
    parse_date_column,
    parse_number_column,
    text_cells,
    text_column,
)
from .scenarios import read_scenarios
from .scopes import channel_scopes
from .settings import Settings, parse_settings, setting_field
from .stages import day_numbers
from .whatif import read_linked_inputs

DETAIL_ROWS = 5
"""Up to this many rows of one problem in one column get a finding each; more get one."""

STAGE_COLUMNS: tuple[str, ...] = tuple(STAGE_DATE[s] for s in STAGES)
NON_NEGATIVE: dict[str, tuple[str, ...]] = {
    "leads": ("amount",), "deals": ("amount",), "spend": ("cost", "visits", "impressions"),
    "headcount": ("annual_cost",), "modules": ("budget",),
}
_LEAD_TYPES: dict[str, str] = {
    **dict.fromkeys(["new", "newcustomer", "newbusiness", "newlogo", "acquisition", "新客户",
                     "新客", "新", "新签", "新购", "新客戶", "新簽", "新購"], "new"),
    **dict.fromkeys(["existing", "existingcustomer", "renewal", "upsell", "crosssell",
                     "expansion", "repeat", "returning", "老客户", "老客", "老", "续费", "续约",
                     "增购", "复购", "老客戶", "續費", "續約", "增購", "復購"], "existing"),
}
TYPED_COLUMNS: tuple[str, ...] = (*HISTORY, *HISTORY.values())
"""Targets' share and rate cells and their hidden history values (:mod:`xlreview.overrides`)."""
PREVIOUS_COLUMNS: dict[str, tuple[str, ...]] = {
    "targets": ("channel", "share_override", "bottom_up_leads", "pick", *TYPED_COLUMNS),
    "budget": ("channel", "type", "min", "max", "locked"),
}


@dataclass
class Inputs:
    """Everything the core needs, parsed and checked. See docs/DESIGN.md for the columns."""

    leads: pd.DataFrame
    spend: pd.DataFrame
    headcount: pd.DataFrame
    goals: pd.DataFrame
    settings: Settings
    findings: Findings = field(default_factory=Findings)
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    initiatives: pd.DataFrame = field(default_factory=pd.DataFrame)
    message_house: pd.DataFrame = field(default_factory=pd.DataFrame)
    improvements: pd.DataFrame = field(default_factory=pd.DataFrame)
    team: pd.DataFrame = field(default_factory=pd.DataFrame)
    modules: pd.DataFrame = field(default_factory=pd.DataFrame)
    quarters: pd.DataFrame = field(default_factory=pd.DataFrame)
    okr: pd.DataFrame = field(default_factory=pd.DataFrame)
    lessons: pd.DataFrame = field(default_factory=pd.DataFrame)
    names: dict[str, str] = field(default_factory=dict)
    previous: dict[str, pd.DataFrame] = field(default_factory=dict)
    setting_keys: dict[str, str] = field(default_factory=dict)
    """Setting → its key as typed in the Settings sheet (``明年营收目标``), for formulas that
    look the value up by key."""
    channels: pd.DataFrame = field(default_factory=lambda: channel_scopes(pd.DataFrame()))
    """Each channel's ``group`` and ``sourced_by`` (:func:`scopes.channel_scopes`)."""
    untracked: tuple[str, ...] = ()
    """Stages the Leads export does not have (no column, or blank for every lead)."""
    baseline: pd.DataFrame = field(default_factory=pd.DataFrame)


@dataclass
class _Sheet:
    """One input sheet while it is read: cells by key, and where each key came from."""

    spec: SheetSpec
    name: str
    frame: pd.DataFrame
    headers: dict[str, str] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    bad: dict[str, pd.Series] = field(default_factory=dict)
    """Key → rows whose value was unreadable (already reported, so not reported again)."""
    cells: dict[str, Cells] = field(default_factory=dict)
    """Key → the column's cells as typed. The frame's index is the position of its row
    here (rows are dropped, never renumbered, until the sheet is finished)."""
    text: dict[str, Cells] = field(default_factory=dict)
    """Key → the distinct texts of a text or ID column, and their codes."""

    def raw(self, key: str) -> pd.Series:
        """The cells of column ``key`` as typed (for messages), indexed like the frame."""
        if key in self.cells:
            return self.cells[key].raw()
        return self.frame[key]


@dataclass
class _Context:
    """Shared state of one read: the findings, the message language, the column mapping."""

    findings: Findings
    lang: str = "en"
    mapping: ColumnMapping = field(default_factory=ColumnMapping)

    def say(self, severity: Severity, sheet: str, row: int | None, column: str | None,
            key: str, /, **params: object) -> None:
        self.findings.add(severity, sheet, row, column, label(f"msg.{key}", self.lang, **params))

    def report(self, severity: Severity, sheet: _Sheet, key: str, column: str,
               mask: pd.Series, /, values: pd.Series | None = None, **params: object) -> None:
        """One finding per flagged row, or one summary finding if there are many."""
        rows = sheet.frame.loc[mask[mask].index, "_row"]
        if rows.empty:
            return
        shown = (values if values is not None else sheet.frame[column])[rows.index]
        header = sheet.headers.get(column, column)
        if len(rows) <= DETAIL_ROWS:
            for row, value in zip(rows.tolist(), shown.tolist(), strict=True):
                self.say(severity, sheet.name, int(row), header, key,
                         value=_show(value), **params)
            return
        examples = ", ".join(dict.fromkeys(_show(v) for v in shown.head(50).tolist()).keys())
        first = ", ".join(str(r) for r in rows.head(DETAIL_ROWS).tolist())
        self.say(severity, sheet.name, int(rows.iloc[0]), header, f"{key}_many",
                 count=len(rows), rows=first, examples=_shorten(examples), **params)


def _show(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M") if value != value.normalize() else \
            value.strftime("%Y-%m-%d")
    return str(value)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Grids into frames ------------------------------------------------------------------


def _column_cells(grid: Grid, header: HeaderMatch) -> tuple[dict[str, Cells], np.ndarray]:
    """The cells below the header row of every located column, and their Excel rows."""
    rows = grid[header.row + 1 :]
    excel_rows = np.arange(len(rows), dtype="int64") + header.row + 2
    return grid_cells(rows, header.columns), excel_rows


def _frame_from_grid(grid: Grid, header: HeaderMatch) -> pd.DataFrame:
    """The cells below the header row, one object column per key, plus ``_row``."""
    cells, excel_rows = _column_cells(grid, header)
    frame = pd.DataFrame({key: c.raw() for key, c in cells.items()}, index=range(len(excel_rows)))
    frame["_row"] = excel_rows
    return frame


_EMPTY_DTYPES = {"id": "str", "text": "str", "date": "datetime64[ns]",
                 "month": "datetime64[ns]", "number": "float64", "share": "float64",
                 "bool": "object"}


def _empty(spec: SheetSpec) -> pd.DataFrame:
    """No rows, the sheet's columns with the dtypes a filled sheet would have."""
    return pd.DataFrame({c.key: pd.Series(dtype=_EMPTY_DTYPES[c.kind]) for c in spec.columns}
                        | {"_row": pd.Series(dtype="int64")})


def _locate(grid: Grid | None, spec: SheetSpec, name: str, ctx: _Context) -> _Sheet | None:
    """The sheet's header and raw cells; None (reported) if required columns are missing."""
    if grid is None:
        if spec.key == "leads":
            ctx.say("error", name, None, None, "sheet_missing", sheet=name)
        return None
    header = locate_header(grid, spec, ctx.mapping)
    if header is None:
        if any(not is_blank(c) for row in grid for c in row):
            columns = ", ".join(c.en for c in spec.columns if c.required)
            ctx.say("error", name, None, None, "header_missing", columns=columns)
        return None
    missing = header.missing(spec)
    found = ", ".join(f'"{str(c).strip()}"' for c in grid[header.row] if not is_blank(c))
    for key in missing:
        column = spec.column(key)
        shown = column.header(ctx.lang)
        mapped = ctx.mapping.rows.get((spec.key, key))
        if mapped is not None:  # the user named a header: point at that Mapping row
            source = MAPPING.column("source")
            ctx.say("error", ctx.mapping.sheet_name, mapped[0], source.header(ctx.lang),
                    "mapping_source_missing", row=mapped[0], source=mapped[1], column=shown,
                    sheet=name, found=found)
        else:
            ctx.say("error", name, header.row + 1, shown, "column_missing", column=shown,
                    sheet=name)
    if missing:
        return None
    cells, excel_rows = _column_cells(grid, header)
    letters = {k: column_letter(j) for k, j in header.columns.items()}
    frame = pd.DataFrame({"_row": excel_rows})
    return _Sheet(spec, name, frame, dict(header.headers), letters, cells=cells)


_ERROR_TEXT = sorted(EXCEL_ERRORS | {e.lower() for e in EXCEL_ERRORS})


def _clear_errors_and_blanks(sheet: _Sheet, ctx: _Context) -> None:
    """Excel error values become blank (reported); blank rows go."""
    for key, cells in sheet.cells.items():
        errors = cells.values.isin(_ERROR_TEXT).to_numpy()  # distinct values only: fast
        if errors.any():
            mask = pd.Series(cells.rows(errors), index=sheet.frame.index)
            where = sheet.letters[key] + sheet.frame.loc[mask, "_row"].astype(str)
            _report_cells(sheet, ctx, key, mask, where, sheet.raw(key).astype(str).str.strip())
            sheet.cells[key] = cells.without(errors)
    if not sheet.cells:
        sheet.frame = sheet.frame.iloc[0:0]
        return
    filled = filled_rows(sheet.cells.values(), len(sheet.frame))
    if not filled.all():
        sheet.cells = {key: cells.take(filled) for key, cells in sheet.cells.items()}
        sheet.frame = sheet.frame[filled].reset_index(drop=True)


def _report_cells(sheet: _Sheet, ctx: _Context, key: str, mask: pd.Series,
                  cells: pd.Series, values: pd.Series) -> None:
    header = sheet.headers[key]
    rows = sheet.frame.loc[mask, "_row"]
    if len(rows) <= DETAIL_ROWS:
        for idx, row in rows.items():
            ctx.say("error", sheet.name, int(row), header, "excel_error",
                    cell=cells[idx], value=values[idx])
        return
    examples = ", ".join(dict.fromkeys(values[rows.index].tolist()))
    ctx.say("error", sheet.name, int(rows.iloc[0]), header, "excel_error_many",
            count=len(rows), rows=", ".join(cells[rows.index[:DETAIL_ROWS]]),
            examples=_shorten(examples))


# --- Parsing columns by kind ----------------------------------------------------------------


def _report_unreadable(sheet: _Sheet, ctx: _Context, message: str, key: str,
                       bad: pd.Series) -> None:
    """Report cells that could not be parsed, showing them as typed."""
    if bad.any():
        ctx.report("error", sheet, message, key, bad, sheet.raw(key))


def _parse_dates(sheet: _Sheet, ctx: _Context, keys: list[str]) -> None:
    """Parse date columns; an ambiguous column follows a decided column of the same sheet."""
    parsed = {k: parse_date_column(sheet.cells[k], ctx.mapping.date_format(sheet.spec.key, k))
              for k in keys}
    decided: list[DateOrder] = [p.order for p in parsed.values()
                                if p.order in ("dmy", "mdy") and not p.ambiguous]
    for key in keys:
        result = parsed[key]
        if result.ambiguous:
            if decided and decided[0] != result.order:
                result = parse_date_column(sheet.cells[key], fallback=decided[0])
            ctx.say("warning", sheet.name, None, sheet.headers[key], "ambiguous_dates",
                    order=label(f"value.{result.order}", ctx.lang))
        bad = result.bad.set_axis(sheet.frame.index)
        _report_unreadable(sheet, ctx, "not_a_date", key, bad)
        sheet.bad[key] = bad
        sheet.frame[key] = result.values.to_numpy()


def _parse_columns(sheet: _Sheet, ctx: _Context) -> None:
    """Every column to its kind's dtype, reporting unreadable values."""
    frame = sheet.frame
    blank = Cells(np.full(len(frame), -1, dtype=np.intp), pd.Series([], dtype=object))
    for column in sheet.spec.columns:
        key = column.key
        cells = sheet.cells.setdefault(key, blank)
        if column.kind in ("id", "text"):
            text = sheet.text[key] = text_cells(cells)
            frame[key] = pd.Series(text.spread(text.values.to_numpy(), None), dtype="str",
                                   index=frame.index)
        elif column.kind in ("number", "share"):
            numbers, bad = (pd.Series(a, index=frame.index) for a in numbers_of(cells))
            _report_unreadable(sheet, ctx, "not_a_number", key, bad)
            sheet.bad[key] = bad
            if column.kind == "share":  # 80 typed for 80%
                numbers = numbers.where(~((numbers > 1) & (numbers <= 100)), numbers / 100)
            frame[key] = numbers
        elif column.kind == "month":
            months, bad = (pd.Series(a, index=frame.index) for a in months_of(cells))
            _report_unreadable(sheet, ctx, "not_a_month", key, bad)
            sheet.bad[key] = bad
            frame[key] = months
        elif column.kind == "bool":
            frame[key] = cells.raw().map(parse_bool).astype(object).to_numpy()
    _parse_dates(sheet, ctx, [c.key for c in sheet.spec.columns if c.kind == "date"])
    for key in NON_NEGATIVE.get(sheet.spec.key, ()):
        negative = frame[key] < 0
        ctx.report("error", sheet, "negative", key, negative)
        frame.loc[negative, key] = np.nan
        sheet.bad[key] = sheet.bad.get(key, negative) | negative


def _drop_required_blanks(sheet: _Sheet, ctx: _Context, keys: list[str]) -> None:
    for key in keys:
        blank = sheet.frame[key].isna()
        known = sheet.bad.get(key, pd.Series(False, index=blank.index)).reindex(blank.index)
        ctx.report("error", sheet, "required_blank", key, blank & ~known.fillna(False),
                   values=sheet.frame["_row"])
        if blank.any():  # filtering copies every column: only when a row goes
            sheet.frame = sheet.frame[~blank]


def _drop_duplicates(sheet: _Sheet, ctx: _Context, key: str) -> None:
    """Keep the first row of each ID; report the others with the first one's row."""
    frame = sheet.frame
    ids = frame[key]
    codes = sheet.text[key].codes[frame.index.to_numpy()]  # equal IDs share a code
    dup = pd.Series(pd.Series(codes).duplicated(keep="first").to_numpy() & (codes >= 0),
                    index=frame.index)
    if dup.any():
        first_row = frame.drop_duplicates(key).set_index(key)["_row"]
        firsts = ids[dup].map(first_row)
        rows = frame.loc[dup, "_row"]
        if dup.sum() <= DETAIL_ROWS:
            for idx in rows.index:
                ctx.say("error", sheet.name, int(rows[idx]), sheet.headers[key], "duplicate_id",
                        value=ids[idx], first=int(firsts[idx]))
        else:
            ctx.report("error", sheet, "duplicate_id", key, dup)
        sheet.frame = frame[~dup]


def _read_sheet(grids: Mapping[str, Grid], names: dict[str, str], spec: SheetSpec,
                ctx: _Context) -> _Sheet | None:
    name = names.get(spec.key) or spec.name(ctx.lang)
    sheet = _locate(grids.get(names[spec.key]) if spec.key in names else None, spec, name, ctx)
    if sheet is None:
        return None
    _clear_errors_and_blanks(sheet, ctx)
    _parse_columns(sheet, ctx)
    return sheet


def _finish(sheet: _Sheet | None, spec: SheetSpec) -> pd.DataFrame:
    """The sheet's DataFrame: columns exactly the spec's keys + ``_row``, fresh index."""
    if sheet is None:
        return _empty(spec)
    return sheet.frame[[*spec.keys, "_row"]].reset_index(drop=True)


# --- Leads ------------------------------------------------------------------------------------


def _join_deals(leads: _Sheet, deals: _Sheet, ctx: _Context) -> dict[str, pd.Series]:
    """Fill the Leads' blank columns from the Deals sheet, matched on lead_id.

    Returns:
        column key → the Deals ``_row`` of each lead whose value came from Deals (NaN else).
    """
    _drop_required_blanks(deals, ctx, ["lead_id"])
    _drop_duplicates(deals, ctx, "lead_id")
    for key in deals.headers:
        leads.headers.setdefault(key, deals.headers[key])
    if deals.frame.empty:  # a template's Deals sheet: headers only
        return {}
    ids = leads.frame["lead_id"]
    # Each lead's position in Deals (-1: none), found once for every column.
    position = pd.Index(deals.frame["lead_id"]).get_indexer(ids)
    found = np.zeros(len(deals.frame), dtype=bool)
    found[position[position >= 0]] = True
    ctx.report("warning", deals, "deal_not_found", "lead_id",
               pd.Series(~found, index=deals.frame.index), leads=leads.name)
    matched = position >= 0
    take = position[matched]
    deal_rows = deals.frame["_row"].to_numpy()
    sources: dict[str, pd.Series] = {}
    for key in deals.headers:
        if key == "lead_id":
            continue
        incoming = deals.frame[key].to_numpy()[take]
        current = leads.frame[key]
        filled = np.zeros(len(ids), dtype=bool)
        filled[matched] = current.isna().to_numpy()[matched] & pd.notna(incoming)
        if filled.any():
            values = current.to_numpy(copy=True)
            values[filled] = incoming[filled[matched]]
            leads.frame[key] = pd.Series(values, index=current.index).astype(current.dtype)
        origin = np.full(len(ids), np.nan)
        origin[filled] = deal_rows[take][filled[matched]]
        sources[key] = pd.Series(origin, index=ids.index)
    return sources


def _lead_types(sheet: _Sheet, ctx: _Context) -> None:
    """Lead types as ``new`` / ``existing`` (新客户, renewal …); others reported, blank."""
    if "lead_type" not in sheet.text:  # the sheet has no lead_type column
        return
    text = sheet.text["lead_type"]
    words = normalise_text(text.values).str.lower().str.replace(r"[\s_\-]", "", regex=True)
    mapped = words.map(_LEAD_TYPES).to_numpy(dtype=object)
    rows = sheet.frame.index.to_numpy()
    unknown = text.rows(pd.isna(mapped))[rows]
    ctx.report("info", sheet, "lead_type_unknown", "lead_type",
               pd.Series(unknown, index=sheet.frame.index))
    sheet.frame["lead_type"] = pd.Series(text.spread(mapped, None)[rows], dtype="str",
                                         index=sheet.frame.index)


def _untracked_stages(sheet: _Sheet, ctx: _Context) -> tuple[str, ...]:
    """Stages between lead and customer whose date column is missing or blank for every
    lead: the export does not track them (reported once, never back-filled)."""
    frame = sheet.frame
    if frame.empty:
        return ()
    untracked = tuple(stage for stage in STAGES[1:-1]
                      if STAGE_DATE[stage] not in frame or frame[STAGE_DATE[stage]].isna().all())
    if untracked:
        names = ", ".join(label(f"value.{stage}", ctx.lang) for stage in untracked)
        ctx.say("warning", sheet.name, None, None, "stages_not_tracked", stages=names)
    return untracked


def _backfill_stages(sheet: _Sheet, ctx: _Context, untracked: tuple[str, ...] = ()) -> None:
    """A later stage dated but an earlier one blank: the earlier takes the later's date.

    Only stages the export tracks take part: a stage it does not have stays blank."""
    frame = sheet.frame
    skip = {STAGE_DATE[stage] for stage in untracked}
    tracked = [column for column in STAGE_COLUMNS if column not in skip]
    for earlier, later in reversed(list(pairwise(tracked))):
        filled = frame[earlier].isna() & frame[later].notna()
        if not filled.any():
            continue
        frame[earlier] = frame[earlier].fillna(frame[later])
        later_name = sheet.headers.get(later, later)
        ctx.report("info", sheet, "backfilled", earlier, filled, later=later_name)


def _nearest_earlier(days: dict[str, np.ndarray]) -> Iterator[tuple[str, np.ndarray,
                                                                      np.ndarray]]:
    """For each stage after the first: its key, and per row the day of the latest dated
    stage before it and that stage's position (-1: none dated). One pass over the stages."""
    first = days[STAGE_COLUMNS[0]]
    nearest = np.full(len(first), np.nan)
    which = np.full(len(first), -1)
    for k, key in enumerate(STAGE_COLUMNS[1:], start=1):
        dated = ~np.isnan(days[STAGE_COLUMNS[k - 1]])
        nearest = np.where(dated, days[STAGE_COLUMNS[k - 1]], nearest)
        which = np.where(dated, k - 1, which)
        yield key, nearest, which


def _check_stage_order(sheet: _Sheet, ctx: _Context, deals: _Sheet | None,
                       sources: dict[str, pd.Series]) -> None:
    """Warn where a stage is dated (by day) before the latest dated stage before it."""
    frame = sheet.frame
    days = {key: day_numbers(frame[key]) for key in (*STAGE_COLUMNS, "lost_date")}
    checks = list(_nearest_earlier(days))
    checks.append(("lost_date", days["created"], np.zeros(len(frame), dtype=int)))
    for later, earlier, which in checks:
        wrong = pd.Series(days[later] < earlier, index=frame.index)  # undated (NaN) compares False
        if not wrong.any():
            continue
        rows = frame.loc[wrong]
        position = which[wrong.to_numpy()]
        earlier_value = rows["created"].copy()
        for k in np.unique(position):
            earlier_value[position == k] = rows[STAGE_COLUMNS[k]][position == k]
        detail = rows.assign(_earlier=earlier_value,
                             _earlier_key=np.asarray(STAGE_COLUMNS, dtype=object)[position])
        from_deal = sources.get(later, pd.Series(np.nan, index=frame.index))[wrong].notna()
        if deals is not None and from_deal.any():
            # The date came from the Deals sheet: point at the deal's row there.
            moved = detail.assign(_row=sources[later][wrong]).loc[from_deal]
            _report_order(_Sheet(deals.spec, deals.name, moved, deals.headers), sheet, ctx,
                          later)
        own = _Sheet(sheet.spec, sheet.name, detail.loc[~from_deal], sheet.headers)
        _report_order(own, sheet, ctx, later)


def _report_order(rows: _Sheet, leads: _Sheet, ctx: _Context, later: str) -> None:
    """Stage-order warnings for ``rows`` (a view on Leads or Deals), earlier stage named as
    in the Leads sheet."""
    frame = rows.frame
    if frame.empty:
        return
    earlier = frame["_earlier_key"].map(lambda k: leads.headers.get(k, k))
    if len(frame) <= DETAIL_ROWS:
        for idx in frame.index:
            ctx.say("warning", rows.name, int(frame.at[idx, "_row"]),
                    rows.headers.get(later, later), "stage_order",
                    value=_show(frame.at[idx, later]), earlier=earlier[idx],
                    earlier_value=_show(frame.at[idx, "_earlier"]))
        return
    ctx.report("warning", rows, "stage_order", later, pd.Series(True, index=frame.index),
               earlier=earlier.mode().iloc[0])


def _clean_leads(leads: _Sheet, deals: _Sheet | None, ctx: _Context
                 ) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Leads with Deals joined, IDs unique, stages back-filled and checked, and the stages
    the export does not track."""
    _drop_required_blanks(leads, ctx, ["lead_id"])
    _drop_duplicates(leads, ctx, "lead_id")
    for sheet in (leads, deals):
        if sheet is not None:
            _lead_types(sheet, ctx)
    sources = _join_deals(leads, deals, ctx) if deals is not None else {}
    frame = leads.frame
    blank_channel = frame["channel"].isna()
    ctx.report("info", leads, "channel_blank", "channel", blank_channel,
               unassigned=label("value.unassigned", ctx.lang))
    frame["channel"] = frame["channel"].fillna("unassigned").astype("str")
    frame["amount"] = frame["amount"].astype("float64")
    _check_stage_order(leads, ctx, deals, sources)
    untracked = _untracked_stages(leads, ctx)
    _backfill_stages(leads, ctx, untracked)
    _drop_required_blanks(leads, ctx, ["created"])
    frame = _finish(leads, LEADS)
    for stage in STAGES[1:]:
        frame[f"reached_{stage}"] = frame[STAGE_DATE[stage]].notna()
    return frame, untracked


def _empty_leads() -> pd.DataFrame:
    frame = _empty(LEADS)
    for stage in STAGES[1:]:
        frame[f"reached_{stage}"] = pd.Series(dtype=bool)
    return frame


# --- Settings and previously generated sheets ------------------------------------------------


def _read_settings(grid: Grid | None, name: str,
                   findings: Findings) -> tuple[Settings, dict[str, str]]:
    """Key/value rows from the first two columns (or the key and value columns if headed),
    and each setting's key as typed in the sheet."""
    if grid is None:
        return Settings(), {}
    header = locate_header(grid, SETTINGS, ColumnMapping())
    key_col, value_col, start = 0, 1, 0
    if header is not None and not header.missing(SETTINGS):
        key_col, value_col, start = header.columns["key"], header.columns["value"], header.row + 1
    rows = [
        (i + 1, row[key_col] if key_col < len(row) else None,
         row[value_col] if value_col < len(row) else None)
        for i, row in enumerate(grid[start:], start=start)
    ]
    typed = {setting_field(key): str(key).strip() for _, key, _ in rows
             if isinstance(key, str) and key.strip()}
    return parse_settings(rows, sheet=name, findings=findings), typed


def settings_sheet(sheet_names: Iterable[str]) -> str | None:
    """The workbook's Settings sheet (any language), or None."""
    names, _ = _sheet_names(sheet_names)
    return names.get("settings")


def settings_language(grid: Grid) -> str:
    """The language a Settings sheet asks for (English when it names none)."""
    settings, _ = _read_settings(grid, "Settings", Findings())
    return settings.language


def _sheet_names(sheet_names: Iterable[str],
                 renames: Mapping[str, str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Sheet key → the workbook's name for it (the first sheet whose name matches, or the
    sheet the Mapping sheet names), and the renames naming no sheet of the workbook."""
    lookup = sheet_lookup()
    names: dict[str, str] = {}
    workbook: dict[str, str] = {}
    for name in sheet_names:
        workbook.setdefault(normalise_header(name), name)
        key = lookup.get(normalise_header(name))
        if key is not None:
            names.setdefault(key, name)
    unknown: dict[str, str] = {}
    for key, wanted in (renames or {}).items():
        if normalise_header(wanted) in workbook:
            names[key] = workbook[normalise_header(wanted)]
        else:
            unknown[key] = wanted
    return names, unknown


def mapping_sheets(sheet_names: Iterable[str]) -> list[str]:
    """The workbook's Mapping sheet, if it has one (a list of at most one name)."""
    names, _ = _sheet_names(sheet_names)
    return [names["mapping"]] if "mapping" in names else []


def mapped_sheet_names(grids: Mapping[str, Grid]) -> dict[str, str]:
    """Sheet key → sheet name given by the ``sheet`` rows of the workbook's Mapping sheet."""
    names, _ = _sheet_names(grids)
    return sheet_renames(grids.get(names["mapping"])) if "mapping" in names else {}


PREVIOUS_CODES: dict[str, tuple[str, ...]] = {
    "channel": ("unassigned", "total", "headcount", "reserve"),
    "type": ("proven", "experiment", "headcount", "reserve"),
    "pick": ("top_down", "bottom_up"),
}
"""Coded values shown translated in generated sheets and read back as keys (others are
channel names and stay as typed)."""


def _label_lookup(prefix: str, keys: tuple[str, ...]) -> dict[str, str]:
    """Normalised text of the labels ``<prefix><key>`` in every language → key."""
    return {
        normalise_header(catalogue[f"{prefix}{key}"]): key
        for catalogue in CATALOGUES.values()
        for key in keys
        if f"{prefix}{key}" in catalogue
    }


def read_previous(grids: Mapping[str, Grid]) -> dict[str, pd.DataFrame]:
    """User-editable columns of the generated ``targets``, ``budget`` and ``scenarios``
    sheets, if present.

    Headers and coded values (``(no channel)``, ``Proven`` …) are read in either language and
    returned as keys; Total rows are dropped, but the Targets one (channel ``total``).
    """
    sheets = _label_lookup("sheet.", tuple(PREVIOUS_COLUMNS))
    found: dict[str, pd.DataFrame] = {}
    for name, grid in grids.items():
        table = sheets.get(normalise_header(name))
        if table is None or table in found:
            continue
        wanted = PREVIOUS_COLUMNS[table]
        columns = _label_lookup("col.", wanted)
        for i, row in enumerate(grid[:10]):
            keys = {columns.get(normalise_header(c)): j for j, c in enumerate(row) if c}
            if "channel" in keys:
                found[table] = _previous_frame(grid, i, keys, wanted,
                                               keep_total=table == "targets")
                break
    for key, read in (("scenarios", read_scenarios), ("targets_linked", read_linked_inputs)):
        frame = read(grids)
        if frame is not None:
            found[key] = frame
    return found


def _previous_frame(grid: Grid, header_row: int, keys: dict[str | None, int],
                    wanted: tuple[str, ...], *, keep_total: bool = False) -> pd.DataFrame:
    header = HeaderMatch(header_row, {k: j for k, j in keys.items() if k in wanted}, {})
    # The table ends at its first row without a channel: what lies below (the budget's
    # cost by category, a user's notes) is not part of it.
    col = keys["channel"]
    end = next((r for r in range(header_row + 1, len(grid))
                if is_blank(grid[r][col] if col < len(grid[r]) else None)), len(grid))
    frame = _frame_from_grid(grid[:end], header)
    out = pd.DataFrame({"_row": frame["_row"]})
    for key in wanted:
        cells = frame[key] if key in frame else pd.Series(None, index=frame.index, dtype=object)
        if key in ("share_override", "bottom_up_leads", "min", "max"):
            out[key] = parse_number_column(cells)[0]
        elif key in TYPED_COLUMNS:  # a number, or the text that is not one (reported)
            numbers, bad = parse_number_column(cells)
            out[key] = numbers.astype(object).where(~bad, cells)
        elif key == "locked":
            out[key] = cells.map(parse_bool).astype(object)
        else:
            codes = _label_lookup("value.", PREVIOUS_CODES.get(key, ()))
            text = text_column(cells)
            out[key] = text.map(lambda v, c=codes: c.get(normalise_header(v), v)
                                if isinstance(v, str) else v)
    # Total and reserve lines are computed, never input (a rate typed over the Targets
    # Total row is read to be reported: ``keep_total``).
    dropped = ["reserve"] if keep_total else ["total", "reserve"]
    out = out[out["channel"].notna() & ~out["channel"].isin(dropped)]
    return out[[*wanted, "_row"]].reset_index(drop=True)


# --- Entry point -------------------------------------------------------------------------------


def read_inputs(grids: Mapping[str, Grid]) -> Inputs:
    """Parse the input sheets of a workbook given as ``{sheet name: grid}``.

    Never raises on bad data: every problem is a finding in ``Inputs.findings`` and the
    value or row concerned is left out, so that the rebuild always runs.
    """
    reader = InputReader(grids, renames=mapped_sheet_names(grids))
    reader.read_sheets(grids)
    return reader.read_leads(grids)


class InputReader:
    """:func:`read_inputs` in two steps: every sheet but Leads and Deals, then those two.

    A file rebuild parses the small sheets (settings, mapping, spend, goals …) while a big
    Leads sheet is still being read in the background.
    """

    def __init__(self, sheet_names: Iterable[str],
                 renames: Mapping[str, str] | None = None) -> None:
        """Args:
            sheet_names: the workbook's sheets.
            renames: sheet key → the workbook's name of it, from the Mapping sheet
                (:func:`mapped_sheet_names`); read before the other sheets so that a file
                read knows which sheets to read.
        """
        self.names, self._unknown = _sheet_names(sheet_names, renames)
        """Sheet key → the workbook's name of it."""
        self._ctx: _Context | None = None
        self._settings = Settings()
        self._frames: dict[str, pd.DataFrame] = {}
        self._previous: dict[str, pd.DataFrame] = {}
        self._setting_keys: dict[str, str] = {}

    @property
    def lead_sheets(self) -> list[str]:
        """The workbook's names of its Leads and Deals sheets (for :meth:`read_leads`)."""
        return [self.names[key] for key in ("leads", "deals") if key in self.names]

    def read_sheets(self, grids: Mapping[str, Grid]) -> None:
        """Settings, Mapping, the other input sheets and the user input of generated sheets
        (``grids`` may leave out Leads and Deals)."""
        findings, names = Findings(), self.names
        settings_name = names.get("settings", SETTINGS.en)
        settings, self._setting_keys = _read_settings(grids.get(settings_name), settings_name,
                                                      findings)
        ctx = _Context(findings, settings.language)
        if "settings" not in names:
            shown = SETTINGS.name(ctx.lang)
            ctx.say("info", shown, None, None, "settings_missing", sheet=shown)
        ctx.mapping = read_mapping(
            grids.get(names["mapping"]) if "mapping" in names else None,
            sheet_name=names.get("mapping", MAPPING.en),
            workbook_sheets={normalise_header(n): k for k, n in names.items()},
            findings=findings, lang=ctx.lang,
        )
        for key, wanted in self._unknown.items():
            ctx.say("warning", names.get("mapping", MAPPING.en), None, None,
                    "mapping_sheet_not_found", value=wanted, sheet=names.get(key, key))
        frames: dict[str, pd.DataFrame] = {}
        for spec in INPUT_SHEETS:
            if spec.key in ("settings", "mapping", "leads", "deals"):
                continue
            sheet = _read_sheet(grids, names, spec, ctx)
            if sheet is not None:
                _drop_required_blanks(sheet, ctx, [c.key for c in spec.columns if c.required])
            frames[spec.key] = _finish(sheet, spec)
        if len(frames["headcount"]):
            share = frames["headcount"]["marketing_share"]
            frames["headcount"]["marketing_share"] = share.fillna(1.0)
        self._ctx, self._settings, self._frames = ctx, settings, frames
        self._previous = read_previous(grids)

    def read_leads(self, grids: Mapping[str, Grid]) -> Inputs:
        """The Leads (with Deals joined) and everything :meth:`read_sheets` read."""
        if self._ctx is None:
            raise RuntimeError("read_sheets must come before read_leads")
        ctx, settings, frames, names = self._ctx, self._settings, self._frames, self.names
        leads_sheet = _read_sheet(grids, names, LEADS, ctx)
        deals_sheet = _read_sheet(grids, names, DEALS, ctx) if "deals" in names else None
        leads, untracked = (_clean_leads(leads_sheet, deals_sheet, ctx) if leads_sheet
                            else (_empty_leads(), ()))
        if settings.fiscal_year is None and leads["created"].notna().any():
            settings = replace(settings, fiscal_year=int(leads["created"].max().year))
        return Inputs(
            leads=leads, spend=frames["spend"], headcount=frames["headcount"],
            goals=frames["goals"], settings=settings, findings=ctx.findings,
            mentions=frames["mentions"], initiatives=frames["initiatives"],
            message_house=frames["message_house"], improvements=frames["improvements"],
            team=frames["team"], modules=frames["modules"], quarters=frames["quarters"],
            okr=frames["okr"], lessons=frames["lessons"], names=names,
            previous=self._previous,
            channels=channel_scopes(frames["channels"], ctx.findings,
                                    sheet=names.get("channels", "Channels"), lang=ctx.lang),
            untracked=untracked, setting_keys=self._setting_keys,
            baseline=frames["baseline"],
        )
