"""xlreview: the marketing year-end review and next year's plan, in Excel.

The pure core (pandas in, DataFrames out) is importable without Excel; adapters live in
:mod:`xlreview.io` (files, live Excel) and ``udfs/`` (cell functions).
``main()`` is what the ribbon add-in's button runs (``import xlreview; xlreview.main()``).

The names below are imported on first use (PEP 562), so that ``import xlreview`` costs
nothing: the command line starts parsing the workbook before pandas is even imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checks import Findings, Issue
    from .errors import (
        InputError,
        MissingSheetError,
        PackageError,
        WorkbookLockedError,
        XlreviewError,
    )
    from .funnel import conversion_rates, sales_cycle_days
    from .inputs import Inputs, read_inputs
    from .labels import label
    from .phasing import split_whole
    from .pipeline import pipeline_value
    from .plan import build_plan
    from .rebuild import Result, compute
    from .review import build_review
    from .ribbon import main
    from .settings import Settings, parse_settings
    from .targets import funnel_target

__version__ = "0.1.0"

_HOMES: dict[str, str] = {
    "Findings": "checks",
    "InputError": "errors",
    "Inputs": "inputs",
    "Issue": "checks",
    "MissingSheetError": "errors",
    "PackageError": "errors",
    "Result": "rebuild",
    "Settings": "settings",
    "WorkbookLockedError": "errors",
    "XlreviewError": "errors",
    "build_plan": "plan",
    "build_review": "review",
    "compute": "rebuild",
    "conversion_rates": "funnel",
    "funnel_target": "targets",
    "label": "labels",
    "main": "ribbon",
    "parse_settings": "settings",
    "pipeline_value": "pipeline",
    "read_inputs": "inputs",
    "sales_cycle_days": "funnel",
    "split_whole": "phasing",
}
"""Each public name → the module that defines it."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'xlreview' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "Findings",
    "InputError",
    "Inputs",
    "Issue",
    "MissingSheetError",
    "PackageError",
    "Result",
    "Settings",
    "WorkbookLockedError",
    "XlreviewError",
    "__version__",
    "build_plan",
    "build_review",
    "compute",
    "conversion_rates",
    "funnel_target",
    "label",
    "main",
    "parse_settings",
    "pipeline_value",
    "read_inputs",
    "sales_cycle_days",
    "split_whole",
]
