"""Data-check findings: problems found in the input that do not stop the rebuild.

Every finding names the sheet, the Excel row and the column, so that a marketer can
go straight to the cell. Findings become the ``data_check`` sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Issue:
    """One data-check row.

    Attributes:
        severity: ``error`` (the value was ignored), ``warning`` (used, but check it) or
            ``info`` (for the record).
        sheet: input sheet name as it appears in the workbook.
        row: Excel row number (1-based), or None for a whole column or sheet.
        column: column header as it appears in the workbook, or None.
        message: text shown to the user (already in the workbook's language).
    """

    severity: Severity
    sheet: str
    row: int | None
    column: str | None
    message: str


@dataclass
class Findings:
    """A list of issues collected while reading and computing."""

    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        severity: Severity,
        sheet: str,
        row: int | None,
        column: str | None,
        message: str,
    ) -> None:
        self.issues.append(Issue(severity, sheet, row, column, message))

    def extend(self, other: Findings | list[Issue]) -> None:
        self.issues.extend(other.issues if isinstance(other, Findings) else other)

    def __len__(self) -> int:
        return len(self.issues)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.issues)

    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    def to_frame(self) -> pd.DataFrame:
        """The ``data_check`` table: severity, sheet, row, column, message (errors first)."""
        frame = pd.DataFrame(
            [(i.severity, i.sheet, i.row, i.column, i.message) for i in self.issues],
            columns=["severity", "sheet", "row", "column", "message"],
        )
        order = {s: n for n, s in enumerate(SEVERITIES)}
        frame["row"] = frame["row"].astype("Int64")
        return (
            frame.assign(_o=frame["severity"].map(order))
            .sort_values(["_o", "sheet", "row"], kind="stable", na_position="first")
            .drop(columns="_o")
            .reset_index(drop=True)
        )
