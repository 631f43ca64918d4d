"""Never lose the user's workbook: refuse while it is open, replace it atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import WorkbookLockedError


def lock_files(path: Path) -> list[Path]:
    """The lock files Office or LibreOffice keep beside ``path`` while it is open.

    Excel writes ``~$`` + the file name. Office's older owner-file rule (still used by
    Word, and by Excel on some versions) keeps the name within 8.3-like lengths: a stem of
    7 characters loses its first character, a stem of 8 or more its first two
    (``Document.docx`` -> ``~$cument.docx``). LibreOffice writes ``.~lock.<name>#``.
    """
    path = Path(path)
    name, stem = path.name, path.stem
    candidates = ["~$" + name, ".~lock." + name + "#"]
    if len(stem) == 7:
        candidates.append("~$" + name[1:])
    elif len(stem) >= 8:
        candidates.append("~$" + name[2:])
    return [path.with_name(candidate) for candidate in candidates]


def check_not_open(path: str | Path) -> None:
    """Raise if the workbook at ``path`` is open in Excel (or LibreOffice).

    Raises:
        WorkbookLockedError: a lock file exists beside the workbook.
    """
    for lock in lock_files(Path(path)):
        if lock.exists():
            raise WorkbookLockedError(
                f"{str(path)!r} is open ({lock.name!r} exists): close it and try again"
            )


def write_atomically(target: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` for a temporary file beside ``target``, then replace ``target``.

    The temporary file lives in the same folder so that :func:`os.replace` is atomic; if
    ``write`` raises, the temporary file is removed and ``target`` is left as it was.

    Args:
        target: the file to create or replace.
        write: writes the complete new content to the path it is given.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=".xlreview-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        if target.exists():
            # Keep the original's permission bits (mkstemp creates 0600).
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
