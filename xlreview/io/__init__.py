"""Adapters between workbooks and the pure core.

- :mod:`.files`: read a workbook file's cells (python-calamine).
- :mod:`.package`: put generated sheets into the user's .xlsx/.xlsm package, leaving every
  other part as it was (helpers in :mod:`.opc` and :mod:`.stylesheet`).
- :mod:`.safety`: refuse to write a workbook open in Excel; replace files atomically.

Submodules are imported where used, so that importing one backend never loads another.
"""
