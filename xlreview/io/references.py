"""Formulas that point at generated sheets, kept pointing at them across rebuilds.

A rebuild replaces generated sheets; when their names change (``language`` switched, or
the user renamed a generated sheet) or their table headers change language, the user's
references are rewritten the way Excel rewrites them when a sheet is renamed:
``'ROI matrix'!$I$5`` becomes ``'渠道ROI矩阵'!$I$5`` and ``roi_matrix[Revenue]`` becomes
``roi_matrix[收入]``. A reference to a generated sheet that is no longer written becomes
``#REF!``, as Excel does when a sheet is deleted. Text inside string literals is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_STRING = re.compile(r'"(?:[^"]|"")*"')
_SHEET_REF = re.compile(r"'((?:[^']|'')+)'!|(?<![\w.'\]!])([^\W\d][\w.]*)!")
_BARE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_CELL_LIKE = re.compile(r"^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|TRUE|FALSE)$")


def sheet_prefix(name: str) -> str:
    """``name!`` as a formula writes it: quoted unless it is a plain word."""
    if _BARE_NAME.match(name) and not _CELL_LIKE.match(name):
        return name + "!"
    return "'" + name.replace("'", "''") + "'!"


@dataclass
class Rewrite:
    """How references change in one rebuild.

    Attributes:
        sheets: old sheet name (lower case) → new sheet name.
        gone: lower-case names of generated sheets that are no longer written.
        headers: lower-case table name → {old header (lower case) → new header}.
    """

    sheets: dict[str, str] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.sheets or self.gone or self.headers)

    def needles(self) -> list[bytes]:
        """Byte strings one of which a part must hold for a rewrite to touch it."""
        names = [*self.sheets, *self.gone, *self.headers]
        return [n.encode("utf-8") for n in names] + [
            n.replace("'", "''").encode("utf-8") for n in names if "'" in n
        ]

    def formula(self, text: str) -> str:
        """``text`` (a formula without its ``=``) with its references rewritten."""
        out, at = [], 0
        for match in _STRING.finditer(text):
            out += [self._outside(text[at : match.start()]), match.group(0)]
            at = match.end()
        out.append(self._outside(text[at:]))
        return "".join(out)

    def _outside(self, text: str) -> str:
        def sheet(match: re.Match[str]) -> str:
            name = (match.group(1) or "").replace("''", "'") or match.group(2)
            key = name.lower()
            if key in self.sheets:
                return sheet_prefix(self.sheets[key])
            if key in self.gone:
                return "#REF!"
            return match.group(0)

        text = _SHEET_REF.sub(sheet, text) if self.sheets or self.gone else text
        for table, mapping in self.headers.items():
            text = _rewrite_structured(text, table, mapping)
        return text


def _rewrite_structured(text: str, table: str, mapping: Mapping[str, str]) -> str:
    """``table[...]`` references in ``text`` with their column headers mapped."""
    pattern = re.compile(r"(?<![\w.])" + re.escape(table) + r"\[", re.IGNORECASE)
    out, at = [], 0
    for match in pattern.finditer(text):
        if match.start() < at:
            continue
        end = _closing_bracket(text, match.end() - 1)
        if end is None:
            continue
        spec = text[match.end() - 1 : end + 1]
        out += [text[at : match.end() - 1], _map_spec(spec, mapping)]
        at = end + 1
    out.append(text[at:])
    return "".join(out)


def _closing_bracket(text: str, start: int) -> int | None:
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char == "'":  # escapes the next character in a structured reference
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _escape(header: str) -> str:
    return re.sub(r"([\[\]#'])", r"'\1", header)


def _unescape(header: str) -> str:
    return re.sub(r"'(.)", r"\1", header)


def _map_spec(spec: str, mapping: Mapping[str, str]) -> str:
    """``[Header]`` or ``[[#This Row],[Header]]`` with each header mapped."""

    def column(match: re.Match[str]) -> str:
        header = _unescape(match.group(1)).strip()
        new = mapping.get(header.lower())
        return f"[{_escape(new)}]" if new is not None else match.group(0)

    inner = re.compile(r"\[((?:[^\[\]']|'.)+)\]")
    if spec.count("[") == 1:
        return inner.sub(column, spec)
    return "[" + inner.sub(column, spec[1:-1]) + "]"


_FORMULA_ELEMENT = re.compile(
    r"(<(?:\w+:)?(f|formula|formula1|formula2)\b[^>]*(?<!/)>)(.*?)(</(?:\w+:)?\2>)", re.DOTALL
)
_SOURCE_SHEET = re.compile(r'(<(?:\w+:)?worksheetSource\b[^>]*\bsheet=")([^"]*)(")')


def rewrite_part(xml: str, rewrite: Rewrite) -> str:
    """A worksheet, chart or pivot cache part with its formulas' references rewritten."""
    import html

    def element(match: re.Match[str]) -> str:
        text = html.unescape(match.group(3))
        new = rewrite.formula(text)
        if new == text:
            return match.group(0)
        return match.group(1) + html.escape(new, quote=False) + match.group(4)

    xml = _FORMULA_ELEMENT.sub(element, xml)

    def source(match: re.Match[str]) -> str:
        name = html.unescape(match.group(2))
        new = rewrite.sheets.get(name.lower())
        return match.group(0) if new is None else match.group(1) + html.escape(new) + match.group(3)

    return _SOURCE_SHEET.sub(source, xml)
