"""Exceptions raised by xlreview.

Hierarchy::

    XlreviewError
    ├── InputError (ValueError)        bad input that stops a rebuild; names sheet, row, column
    │   └── MissingSheetError (KeyError)
    ├── WorkbookLockedError (OSError)  the workbook is open in Excel (its ~$ lock file exists)
    ├── PackageError (ValueError)      the .xlsx package cannot be read or written safely
    ├── RefusedError                   the file is not one to touch (read-only, signed, ...)
    └── FileProblemError (OSError)     the system could not read or write (disk full, ...)

Every message is one plain sentence saying what happened and what to do (no class names,
no system error numbers): the command line prints it as it is.

Problems that do not stop a rebuild are not exceptions: they are
:class:`xlreview.checks.Issue` rows in the ``data_check`` sheet.
"""

from __future__ import annotations


class XlreviewError(Exception):
    """Base class of every error xlreview raises on purpose."""


class InputError(XlreviewError, ValueError):
    """Input that cannot be used, with where it was found.

    Args:
        message: what is wrong, in the user's terms.
        sheet: the sheet name, if known.
        row: the Excel row number (1-based), if known.
        column: the column header as the user sees it, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.sheet = sheet
        self.row = row
        self.column = column
        where = ", ".join(
            part
            for part in (
                f"sheet {sheet!r}" if sheet else "",
                f"row {row}" if row else "",
                f"column {column!r}" if column else "",
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class MissingSheetError(InputError, KeyError):
    """A required input sheet is not in the workbook."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class WorkbookLockedError(XlreviewError, OSError):
    """The workbook is open in Excel; saving over it would lose the user's edits."""


class PackageError(XlreviewError, ValueError):
    """The workbook file is not a readable or writable .xlsx package."""


class RefusedError(XlreviewError):
    """The command will not touch this file (read-only, signed, not an xlreview workbook,
    a user's sheet holding a generated sheet's name, an existing file): nothing was
    written, and the message says what to do."""


class FileProblemError(XlreviewError, OSError):
    """The system could not read or write a file (disk full, no permission, size limit):
    nothing was written, and the message says what to do."""
