"""Never lose the user's workbook: refuse while it is open, read-only or signed; replace
it atomically; turn the system's errors into one plain sentence; clean up our own
temporary files that a killed run left behind."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..errors import FileProblemError, RefusedError, WorkbookLockedError
from ..labels import message

TEMP_PREFIX = ".xlreview-"
"""Temporary files beside the workbook: ``.xlreview-<pid>-<random><suffix>``."""
STALE_AFTER = 3600.0
"""Seconds after which a leftover whose process is gone is removed."""
_OURS = re.compile(r"^\.xlreview-(?:(\d+)-)?[A-Za-z0-9_]+\.(?:xlsx|xlsm|xltx|xltm|tmp)$")
# Folders in TMPDIR that older versions' rebuilds and the add-in build made (mkdtemp), and
# the only files they held: a folder holding anything else is not ours.
_OUR_FOLDER = re.compile(r"^xlreview-(?:addin-)?(?:(\d+)-)?[a-z0-9_]{8}$")
_OUR_FOLDER_FILES = frozenset({"generated.xlsx", "xlreview.xlam"})


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
            raise WorkbookLockedError(message("msg.workbook_open", path=path, lock=lock.name))


def write_atomically(target: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` for a temporary file beside ``target``, then replace ``target``.

    The temporary file lives in the same folder so that :func:`os.replace` is atomic; if
    ``write`` raises (or Ctrl-C), the temporary file is removed and ``target`` is left as
    it was. A kill leaves it behind under a name :func:`remove_stale_leftovers` knows.

    Args:
        target: the file to create or replace.
        write: writes the complete new content to the path it is given.
    """
    target = Path(target)
    tmp = temp_path(target)
    try:
        _create(tmp)
        write(tmp)
        if target.exists():
            # Keep the original's permission bits (the temporary file is 0600).
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True


def _is_stale(entry: Path, match: re.Match[str], now: float) -> bool:
    """Older than :data:`STALE_AFTER` and its process (if named) is gone."""
    try:
        age = now - entry.lstat().st_mtime
    except OSError:
        return False
    pid = match.group(1)
    return age > STALE_AFTER and (pid is None or not _pid_alive(int(pid)))


def remove_stale_leftovers(folder: str | Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files a killed run left in ``folder`` (the workbook's folder)
    and in TMPDIR: only names xlreview makes, older than an hour, whose process is gone.

    Returns:
        the paths removed (best effort: what cannot be removed is left alone).
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    places = [(Path(folder), _OURS, False), (Path(tempfile.gettempdir()), _OUR_FOLDER, True)]
    for place, pattern, folders in places:
        with contextlib.suppress(OSError):
            for entry in place.iterdir():
                match = pattern.match(entry.name)
                if match is None or not _is_stale(entry, match, now):
                    continue
                if folders and entry.is_dir() and not entry.is_symlink():
                    if not {p.name for p in entry.iterdir()} <= _OUR_FOLDER_FILES:
                        continue
                    shutil.rmtree(entry, ignore_errors=True)
                elif not folders and entry.is_file():
                    with contextlib.suppress(OSError):
                        entry.unlink()
                else:
                    continue
                removed.append(entry)
    return removed


def real_workbook(path: str | Path) -> Path:
    """The file to rebuild: a symbolic link's target (so that the link stays a link and
    its target is the file updated), checked to exist and be a file.

    Raises:
        FileProblemError: no such file, or a folder.
    """
    path = Path(path)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise FileProblemError(message("msg.file_missing", path=path)) from exc
    if real.is_dir():
        raise FileProblemError(message("msg.file_is_folder", path=path))
    return real


def check_replaceable(path: str | Path) -> None:
    """Refuse a workbook that must not be replaced: open in Excel, or read-only.

    A read-only file is refused even where the system would let us replace it (the
    folder is writable, or we are root): Excel refuses to save over it too.

    Raises:
        WorkbookLockedError: a lock file exists beside the workbook.
        RefusedError: the file is read-only.
    """
    path = Path(path)
    check_not_open(path)
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise RefusedError(message("msg.file_read_only", path=path))


def is_signed(path: str | Path) -> bool:
    """Whether the package holds a digital signature (``_xmlsignatures/``)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(n.lower().startswith("_xmlsignatures/") for n in zf.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def describe_os_error(exc: OSError, path: str | Path, *, writing: bool) -> str:
    """One plain sentence (what happened, what to do) for a system error on ``path``."""
    path = Path(path)
    code = exc.errno
    if code == errno.ENOENT and not writing:
        return message("msg.file_missing", path=path)
    if code == errno.ENOENT:
        return message("msg.folder_missing", folder=path.parent)
    if code == errno.EISDIR:
        return message("msg.file_is_folder", path=path)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return message("msg.disk_full", path=path)
    if code == errno.EFBIG:
        return message("msg.file_too_big")
    if code == errno.EPERM and writing:
        return message("msg.file_protected", path=path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return message("msg.folder_read_only" if writing else "msg.file_unreadable", path=path)
    return message("msg.write_failed" if writing else "msg.read_failed", path=path)


def failure_sentence(exc: BaseException, path: str | Path) -> str | None:
    """The one plain sentence the command line prints for a failure of a command on
    ``path`` (the ribbon shows the same in its message box); None for a programming error.
    """
    if isinstance(exc, FileProblemError | RefusedError | WorkbookLockedError):
        return str(exc)
    from ..errors import XlreviewError

    if isinstance(exc, XlreviewError):
        return str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return message("msg.interrupted")
    if isinstance(exc, OSError):
        return describe_os_error(exc, Path(str(exc.filename or path)), writing=False)
    if isinstance(exc, MemoryError):
        return message("msg.out_of_memory")
    return None


def _create(path: Path) -> None:
    """Create ``path`` empty, readable by its owner only; fail if it exists."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def temp_path(target: Path) -> Path:
    """A fresh temporary file name beside ``target`` that names this process, so that a
    later run can tell a leftover of a killed run from a file being written now."""
    name = f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{target.suffix or '.tmp'}"
    return target.with_name(name)
