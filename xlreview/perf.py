"""Speed helpers shared by the adapters and the cell functions."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while millions of cells are built.

    Cell values and row lists hold no reference cycles, yet each allocation burst makes the
    collector walk every live object again: about 30% of the time to read 200k leads, and
    most of the time to transpose a 100k-row range. Reference counting still frees
    everything; the collector runs again (as usual) once the last pause ends.

    Pauses nest and may overlap across threads (a background read and the rebuild that
    waits for it): the collector is off while any of them lasts.
    """
    pause_gc()
    try:
        yield
    finally:
        resume_gc()


def pause_gc() -> None:
    """Start a pause of the collector (end it with :func:`resume_gc`)."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume_gc() -> None:
    """End a pause started by :func:`pause_gc`."""
    global _pauses
    with _lock:
        _pauses -= 1
        if _pauses == 0 and _was_enabled:
            gc.enable()
