"""LibreOffice headless conversion for tests: recalculate every formula, render to PDF.

The package's own converter (:mod:`xlreview.io.report`, behind ``xlreview pdf``): a private
user profile sets ``OOXMLRecalcMode`` to 0 (always recalculate on load), so that
``--convert-to`` computes every formula instead of trusting the cached values.
"""

from __future__ import annotations

from xlreview.io.report import convert, office

soffice = office

__all__ = ["convert", "soffice"]
