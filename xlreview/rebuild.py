"""The rebuild: input sheets in, generated sheets out, the user's data untouched.

:func:`compute` is the pure part shared by every adapter (command line, live Excel):
grids in, tables and the sheet model out. :func:`rebuild` is the file adapter around it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .cells import Grid
from .inputs import (
    InputReader,
    Inputs,
    mapped_sheet_names,
    mapping_sheets,
    read_inputs,
    settings_sheet,
)
from .perf import gc_paused
from .plan import build_plan
from .review import build_review
from .stages import StageView

if TYPE_CHECKING:
    from .io.files import Reading
    from .sheetmodel import Sheet

Progress = Callable[[str], None]


@dataclass
class Result:
    """What one rebuild computed: the parsed inputs, every table, and the sheet model."""

    inputs: Inputs
    tables: dict[str, pd.DataFrame]
    sheets: list[Sheet]

    @property
    def data_check(self) -> pd.DataFrame:
        return self.tables["data_check"]


def _noop(_: str) -> None:
    return None


def compute(grids: Mapping[str, Grid], *, progress: Progress = _noop) -> Result:
    """Every table and generated sheet from the input sheets' cells (no I/O)."""
    progress("inputs")
    return compute_inputs(read_inputs(grids), progress=progress)


def compute_inputs(inputs: Inputs, *, progress: Progress = _noop) -> Result:
    """Every table and generated sheet from parsed inputs (no I/O)."""
    from .layout import build_sheets

    progress("review")
    view = StageView(inputs.leads)  # each lead's stage days and groups, once for all tables
    tables = dict(build_review(inputs, view=view))
    progress("plan")
    tables.update(build_plan(inputs, tables, view=view))
    # The plan adds findings of its own (edge cases), so the data check comes last.
    tables["data_check"] = data_check(inputs)
    progress("layout")
    sheets = build_sheets(tables, settings=inputs.settings, extra=inputs)
    return Result(inputs, tables, sheets)


def data_check(inputs: Inputs) -> pd.DataFrame:
    """The findings as the ``data_check`` table; generated sheets named as the user sees them.

    The core reports problems of generated sheets by key (``targets``); the user knows the
    sheet as "Targets" / "目标拆解".
    """
    from .labels import has_label, label

    frame = inputs.findings.to_frame()
    lang = inputs.settings.language
    frame["sheet"] = frame["sheet"].map(
        lambda s: label(f"sheet.{s}", lang) if has_label(f"sheet.{s}") else s
    )
    return frame


def warm_up() -> None:
    """Import every module a rebuild may need (the layout, the writer), so that a caller
    can pay for it while the workbook is still being read."""
    from . import layout  # noqa: F401
    from .io import package, writer  # noqa: F401


def generated_sheet_keys() -> dict[str, str]:
    """Every generated sheet's name, in every language, → its sheet key."""
    from .labels import LANGUAGES, label
    from .layout import GENERATED

    return {label(f"sheet.{key}", lang): key for key in GENERATED for lang in LANGUAGES}


def rebuild(path: str | Path, *, progress: Progress = _noop,
            reading: Reading | None = None, force: bool = False) -> Result:
    """Recompute and rewrite the generated sheets of the workbook at ``path`` in place.

    Only generated sheets (and the workbook parts that list sheets) are rewritten; the file
    is replaced atomically, so a failure leaves it as it was. A symbolic link stays a link:
    its target is rebuilt. The generated sheets are built in memory (no TMPDIR needed).

    Args:
        path: the workbook.
        progress: called with the name of each step as it starts.
        reading: the read of ``path`` if already started by
            :func:`xlreview.io.files.start_reading` (the command line starts it before the
            computing modules are imported).
        force: rebuild a digitally signed workbook (its signature breaks).

    Raises:
        FileProblemError: the file cannot be read, or the new one cannot be written
            (disk full, no permission, file size limit); the workbook is unchanged.
        WorkbookLockedError: the workbook is open in Excel.
        RefusedError: read-only, signed, no input sheets, or a user's sheet has the name
            of a generated sheet.
        PackageError: the file is not a readable .xlsx package.
    """
    from .io.files import start_reading
    from .io.package import check_sheet_names
    from .io.safety import real_workbook

    real = real_workbook(path)
    progress("read")
    with gc_paused():
        reading = reading or start_reading(real, force=force)
        check_sheet_names(real, generated_sheet_keys())  # before minutes of work, not after
        inputs = read_workbook(reading, path=path, progress=progress)
        share_to = _share_target(Path(path), inputs, settings_sheet(reading.names))
        _report_trimmed(inputs, reading.trimmed)
        result = compute_inputs(inputs, progress=progress)
        progress("write")
        _write_into(real, result)  # its many small objects too; their cycles go after the pause
    if share_to is not None:
        from .errors import FileProblemError
        from .io.share import write_share_copy
        from .labels import message

        progress("share")
        try:
            write_share_copy(real, share_to)
        except KeyboardInterrupt:  # the workbook is rebuilt already: say so
            raise FileProblemError(message("msg.interrupted_share")) from None
    return result


def read_workbook(reading: Reading, *, path: str | Path,
                  progress: Progress = _noop) -> Inputs:
    """The parsed inputs of a workbook being read (``reading``; ``path`` for messages).

    Raises:
        RefusedError: none of the sheets is an input sheet of ours by its content.
    """
    # The small sheets are ready first: parse them while the Leads are still read.
    # The Mapping sheet first: it may give an input sheet (the Leads) another name.
    first = reading.take(mapping_sheets(reading.names))
    reader = InputReader(reading.names, renames=mapped_sheet_names(first))
    first.update(reading.take([n for n in reading.names
                               if n not in reader.lead_sheets and n not in first]))
    ours = has_input_table(first)
    reader.read_sheets(first)
    del first
    leads = reading.take()
    if not (ours or has_input_table(leads)):
        from .errors import RefusedError
        from .labels import message

        raise RefusedError(message("msg.no_input_sheets", path=path))
    progress("inputs")
    return reader.read_leads(leads)  # the cells are freed on return


def has_input_table(grids: Mapping[str, Grid]) -> bool:
    """Whether one of these sheets is an input sheet of ours by its content too: named
    like one (``Settings``, ``线索`` …) *and* with a header row of its columns (two of
    them, or its only one) in its first 10 rows. An unrelated workbook's own "Settings"
    or "Team" sheet is not enough to add 18 sheets to it."""
    from .model import SHEETS, header_lookup, normalise_header, sheet_lookup

    names = sheet_lookup()
    for name, grid in grids.items():
        key = names.get(normalise_header(name))
        if key is None:
            continue
        spec = SHEETS[key]
        headers = header_lookup(spec)
        needed = min(2, len(spec.columns))
        for row in grid[:10]:
            found = {headers.get(normalise_header(c)) for c in row if isinstance(c, str) and c}
            if len(found - {None}) >= needed:
                return True
    return False


def _report_trimmed(inputs: Inputs, trimmed: Mapping[str, tuple[int, int]]) -> None:
    """A warning per input sheet whose stray far-away cells were not read."""
    from .cells import column_letter
    from .labels import label

    for sheet, (rows, columns) in trimmed.items():
        corner = f"{column_letter(columns - 1)}{rows}"
        inputs.findings.add("warning", sheet, None, None,
                            label("msg.cells_ignored", inputs.settings.language, cell=corner))


def _write_into(real: Path, result: Result) -> None:
    """Transplant the generated sheets into the workbook ``real`` and replace it; the
    user's references that the new sheets rename or drop are listed in the data check."""
    import io

    from .io.package import merge_generated, reference_changes
    from .io.safety import check_replaceable, describe_os_error, write_atomically
    from .io.writer import write_sheets

    names = generated_sheet_keys()
    generated = io.BytesIO()
    write_sheets(result.sheets, generated)
    changes = reference_changes(real, generated, generated_names=names)
    if changes:
        _report_references(result, changes)
        generated = io.BytesIO()
        write_sheets(result.sheets, generated)
    check_replaceable(real)  # opened in Excel or made read-only while we computed
    try:
        write_atomically(
            real, lambda out: merge_generated(real, generated, out, generated_names=names,
                                              open_on="dashboard")
        )
    except OSError as exc:
        from .errors import FileProblemError, XlreviewError

        if isinstance(exc, XlreviewError):
            raise
        raise FileProblemError(describe_os_error(exc, real, writing=True)) from exc


def _report_references(result: Result, changes: list[tuple[str, str, str]]) -> None:
    """Add one data-check row per rewritten or broken reference, and lay out again."""
    from .labels import label, message
    from .layout import build_sheets

    inputs = result.inputs
    lang = inputs.settings.language
    for where, old, new in changes:
        sheet, _, cell = where.rpartition("!")
        what = label("msg.reference_cell", lang, cell=cell) if sheet else label(
            "msg.reference_name", lang, name=where)
        if new:
            message = label("msg.reference_rewritten", lang, what=what, old=old, new=new)
        else:
            message = label("msg.reference_broken", lang, what=what, old=old)
        inputs.findings.add("info" if new else "warning", sheet, None, None, message)
    result.tables["data_check"] = data_check(inputs)
    result.sheets[:] = build_sheets(result.tables, settings=inputs.settings, extra=inputs)


def _share_target(path: Path, inputs: Inputs, sheet: str | None) -> Path | None:
    """Where ``share_copy`` writes, or None: not asked for, or a file of the user's already
    has the name (never replaced: a data-check warning says so)."""
    from .io.share import is_share_copy
    from .labels import label

    if not inputs.settings.share_copy:
        return None
    target = share_copy_path(path)
    if target.exists() and not is_share_copy(target):
        inputs.findings.add("warning", sheet or "Settings", None, "share_copy",
                            label("msg.share_copy_kept", inputs.settings.language,
                                  path=target.name))
        return None
    return target


def share_copy_path(path: Path) -> Path:
    """Where the shareable copy goes: beside the workbook, ``<name>_share.xlsx``."""
    return path.with_name(f"{path.stem}_share.xlsx")
