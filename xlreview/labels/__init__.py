"""Every user-visible text, by stable key, in English, Simplified and Traditional Chinese.

Core code uses keys (``col.cost``, ``sheet.roi_matrix``, ``value.achieved``); adapters turn
them into text with :func:`label`. All catalogues hold exactly the same keys (a test checks).
The Traditional catalogue keeps the mainland marketing vocabulary of the seeds (營銷, 數據,
信息屋) in Traditional script; it is a checked-in file, not converted at run time.

Key families:
    ``sheet.<key>``   generated sheet names (≤ 31 characters, no ``[]:*?/\\``)
    ``col.<key>``     column headers of generated tables
    ``value.<key>``   coded cell values shown to users (quadrants, statuses, stages ...)
    ``title.<key>``   sheet titles, chart titles, axis titles, notes
    ``msg.<key>``     data-check and error messages, ``str.format`` placeholders allowed
    ``cli.<key>``     command-line output
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from . import en, zh_CN, zh_TW

LANGUAGES: tuple[str, ...] = ("en", "zh-CN", "zh-TW")
CATALOGUES: dict[str, dict[str, str]] = {
    "en": en.LABELS, "zh-CN": zh_CN.LABELS, "zh-TW": zh_TW.LABELS,
}
_LANGUAGE_NAMES: dict[str, str] = {
    **dict.fromkeys(["en", "english", "英文", "英語", "英语"], "en"),
    **dict.fromkeys(["zh", "zhcn", "zhhans", "zhsg", "cn", "chinese", "中文", "简体", "简体中文",
                     "簡體", "簡體中文", "简中"], "zh-CN"),
    **dict.fromkeys(["zhtw", "zhhk", "zhmo", "zhhant", "tw", "hk", "繁體", "繁体", "繁體中文",
                     "繁体中文", "正體", "正体", "正體中文", "繁中"], "zh-TW"),
}


def language(text: object, default: str | None = "en") -> str | None:
    """The catalogue a user's spelling of a language names: ``zh_tw``, ``zh-Hant``, ``繁體``
    → ``zh-TW``; ``zh``, ``简体`` → ``zh-CN``; ``English`` → ``en``; else ``default``."""
    word = "".join(ch for ch in str(text).strip().lower() if ch not in " _-\u3000")
    return _LANGUAGE_NAMES.get(word, default)


def is_chinese(lang: str) -> bool:
    """Whether ``lang`` is one of the Chinese catalogues (``zh-CN`` or ``zh-TW``)."""
    return lang in ("zh-CN", "zh-TW")


def label(key: str, lang: str = "en", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (``en``, ``zh-CN`` or ``zh-TW``), formatted with
    ``params``.

    Raises:
        KeyError: the key is in no catalogue (a programming error, caught by the tests).
    """
    catalogue = CATALOGUES.get(lang, en.LABELS)
    text = catalogue[key]
    return text.format(**params) if params else text


_MESSAGES: ContextVar[str | Callable[[], str]] = ContextVar("xlreview_messages", default="en")


@contextlib.contextmanager
def messages_in(lang: str | Callable[[], str]) -> Iterator[None]:
    """Within the block, :func:`message` speaks ``lang`` (a command speaks the language of
    the workbook it works on, or the one asked for).

    ``lang`` may be a function that finds it, called when the first message is needed:
    finding a workbook's language reads its Settings sheet with pandas, and a rebuild
    that needs no message starts reading the workbook while pandas is still imported.
    """
    token = _MESSAGES.set(lang if callable(lang) or lang in CATALOGUES else "en")
    try:
        yield
    finally:
        _MESSAGES.reset(token)


def message(key: str, /, **params: Any) -> str:
    """A message to the person running a command (a refusal, a file problem), in the
    language of :func:`messages_in` (English outside one)."""
    return label(key, message_language(), **params)


def message_language() -> str:
    """The language :func:`message` speaks here (found now if :func:`messages_in` was
    given a function, once)."""
    lang = _MESSAGES.get()
    if callable(lang):
        # English while it is looked for: finding it may fail with a message of its own
        # (an unreadable workbook), which must not look for the language again.
        _MESSAGES.set("en")
        found = lang()
        lang = found if found in CATALOGUES else "en"
        _MESSAGES.set(lang)
    return lang


def has_label(key: str) -> bool:
    return key in en.LABELS


def value_label(value: object, lang: str = "en") -> object:
    """A coded cell value shown to the user: ``achieved`` → ``Achieved`` / ``达成``.

    Values without a ``value.<v>`` entry (channel names, free text) pass through unchanged.
    """
    if isinstance(value, str) and f"value.{value}" in en.LABELS:
        return label(f"value.{value}", lang)
    return value


__all__ = ["CATALOGUES", "LANGUAGES", "has_label", "is_chinese", "label", "language", "message",
           "message_language", "messages_in", "value_label"]
