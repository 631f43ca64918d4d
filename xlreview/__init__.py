"""xlreview: the marketing year-end review and next year's plan, in Excel.

The pure core (pandas in, DataFrames out) is importable without Excel; adapters live in
:mod:`xlreview.io` (files, live Excel) and ``udfs/`` (cell functions).
``main()`` is what the ribbon add-in's button runs (``import xlreview; xlreview.main()``).
"""

from __future__ import annotations

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
