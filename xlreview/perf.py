"""Speed helpers shared by the adapters and the cell functions."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while millions of cells are built.

    Cell values and row lists hold no reference cycles, yet each allocation burst makes the
    collector walk every live object again: about 30% of the time to read 200k leads, and
    most of the time to transpose a 100k-row range. Reference counting still frees
    everything; the collector is restored (and runs as usual) afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
