"""The ribbon button of the xlreview add-in.

The add-in's VBA runs ``import xlreview; xlreview.main()`` (the module is named like the
add-in file, ``xlreview.xlam``), so ``xlreview/__init__.py`` exports :func:`main`.
"""

from __future__ import annotations


def main() -> None:
    """Rebuild plan: recompute the generated sheets of the workbook that pressed the button."""
    from .io.excel import run_from_ribbon

    run_from_ribbon()


__all__ = ["main"]
