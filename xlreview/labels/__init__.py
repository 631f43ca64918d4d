"""Every user-visible text, by stable key, in English and Simplified Chinese.

Core code uses keys (``col.cost``, ``sheet.roi_matrix``, ``value.achieved``); adapters turn
them into text with :func:`label`. Both catalogues hold exactly the same keys (a test checks).

Key families:
    ``sheet.<key>``   generated sheet names (≤ 31 characters, no ``[]:*?/\\``)
    ``col.<key>``     column headers of generated tables
    ``value.<key>``   coded cell values shown to users (quadrants, statuses, stages ...)
    ``title.<key>``   sheet titles, chart titles, axis titles, notes
    ``msg.<key>``     data-check and error messages, ``str.format`` placeholders allowed
    ``cli.<key>``     command-line output
"""

from __future__ import annotations

from typing import Any

from . import en, zh_CN

LANGUAGES: tuple[str, ...] = ("en", "zh-CN")
CATALOGUES: dict[str, dict[str, str]] = {"en": en.LABELS, "zh-CN": zh_CN.LABELS}


def label(key: str, lang: str = "en", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (``en`` or ``zh-CN``), formatted with ``params``.

    Raises:
        KeyError: the key is in no catalogue (a programming error, caught by the tests).
    """
    catalogue = CATALOGUES.get(lang, en.LABELS)
    text = catalogue[key]
    return text.format(**params) if params else text


def has_label(key: str) -> bool:
    return key in en.LABELS


def value_label(value: object, lang: str = "en") -> object:
    """A coded cell value shown to the user: ``achieved`` → ``Achieved`` / ``达成``.

    Values without a ``value.<v>`` entry (channel names, free text) pass through unchanged.
    """
    if isinstance(value, str) and f"value.{value}" in en.LABELS:
        return label(f"value.{value}", lang)
    return value


__all__ = ["CATALOGUES", "LANGUAGES", "has_label", "label", "value_label"]
