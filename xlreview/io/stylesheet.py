"""Append a generated workbook's cell formats to the user's styles.xml.

Cells refer to formats by index (``s="3"`` into ``cellXfs``; ``dxfId="1"`` into ``dxfs``),
and formats refer to fonts, fills, borders and number formats by index too. Merging the
generated book's styles means appending its entries to the user's lists, remapping every
index, and reusing an entry that is already there (same XML), so that rebuilding again
finds everything in place and styles.xml stops growing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .opc import attrs, set_attr

_CHILD = {
    "numFmts": "numFmt",
    "fonts": "font",
    "fills": "fill",
    "borders": "border",
    "cellXfs": "xf",
    "dxfs": "dxf",
}
# Element order in <styleSheet>: a missing list goes before the first of these present.
_ORDER = (
    *("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"),
    *("dxfs", "tableStyles", "colors", "extLst"),
)
_FIRST_CUSTOM_FORMAT = 164


def _section(xml: str, name: str) -> re.Match[str] | None:
    """List ``name`` of a styles.xml, with or without a namespace prefix (``x:fonts``):
    group 1 is the prefix, group 2 the body (None for an empty ``<fonts/>``)."""
    return re.search(rf"<((?:\w+:)?){name}\b[^>]*?(?:/>|>(.*?)</\1{name}>)", xml, re.DOTALL)


def entries(xml: str, name: str) -> list[str]:
    """The child elements of list ``name`` (``fonts``, ``cellXfs``, …) of a styles.xml."""
    match = _section(xml, name)
    if not match or match.group(2) is None:
        return []
    child = _CHILD[name]
    pattern = rf"<((?:\w+:)?){child}\b[^>]*?(?:/>|>.*?</\1{child}>)"
    return [m.group(0) for m in re.finditer(pattern, match.group(2), re.DOTALL)]


def prefix_of(xml: str, root: str) -> str:
    """The namespace prefix of the root element ``root`` (``"x:"``, or ``""``)."""
    match = re.search(rf"<(\w+:)?{root}\b", xml)
    return (match.group(1) or "") if match else ""


def with_prefix(fragment: str, prefix: str) -> str:
    """``fragment`` (unprefixed elements) with ``prefix`` on every element name."""
    if not prefix:
        return fragment
    return re.sub(r"<(/?)(?=[A-Za-z_])(?![\w.-]+:)", rf"<\1{prefix}", fragment)


def _canonical(entry: str) -> str:
    return re.sub(r"<(/?)\w+:", r"<\1", re.sub(r">\s+<", "><", entry.strip()))


@dataclass
class _List:
    """One list of styles.xml: the user's entries plus the ones appended."""

    existing: list[str]
    added: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, entry in enumerate(self.existing):
            self.index.setdefault(_canonical(entry), i)

    def add(self, entry: str) -> int:
        """The index of ``entry``, appending it if no identical entry exists."""
        key = _canonical(entry)
        if key not in self.index:
            self.index[key] = len(self.existing) + len(self.added)
            self.added.append(entry)
        return self.index[key]


class _NumberFormats:
    """Custom number formats matched by format code; new ones get fresh ids."""

    def __init__(self, book_entries: list[str]) -> None:
        self.added: list[str] = []
        self.existing = len(book_entries)
        self.by_code: dict[str, int] = {}
        ids = [_FIRST_CUSTOM_FORMAT - 1]
        for entry in book_entries:
            a = attrs(entry)
            ids.append(int(a.get("numFmtId", "0")))
            self.by_code.setdefault(a.get("formatCode", ""), ids[-1])
        self.next_id = max(ids) + 1

    def add(self, entry: str) -> int:
        code = attrs(entry).get("formatCode", "")
        if code not in self.by_code:
            self.by_code[code] = self.next_id
            self.added.append(set_attr(entry, "numFmtId", str(self.next_id)))
            self.next_id += 1
        return self.by_code[code]


@dataclass(frozen=True)
class StyleMerge:
    """The merged styles.xml (None when nothing had to be added) and the index maps."""

    xml: str | None
    xf: dict[int, int]
    dxf: dict[int, int]


def _remap(tag: str, name: str, mapping: dict[int, int]) -> str:
    value = attrs(tag).get(name)
    if value is None or not value.isdigit():
        return tag
    return set_attr(tag, name, str(mapping.get(int(value), int(value))))


def _start_tag(entry: str) -> tuple[str, str]:
    end = entry.index(">") + 1
    return entry[:end], entry[end:]


def merge_styles(book_xml: str, generated_xml: str) -> StyleMerge:
    """Append the generated styles to the book's styles.xml (see the module docstring).

    Args:
        book_xml: the user's ``xl/styles.xml``.
        generated_xml: the generated workbook's ``xl/styles.xml``.

    Returns:
        The new styles.xml text (None if unchanged) and the generated-to-book index maps
        of cell formats (``s=``) and differential formats (``dxfId=``).
    """
    if _section(book_xml, "cellXfs") is None:
        # An empty styles part (some producers write <styleSheet/>): every cell of the book
        # uses the default format, which the generated styles' first entries are.
        # Merged into themselves, so that the next rebuild maps them the same way.
        itself = merge_styles(generated_xml, generated_xml)
        return StyleMerge(itself.xml or generated_xml, itself.xf, itself.dxf)
    formats = _NumberFormats(entries(book_xml, "numFmts"))
    fmt_map = {
        int(attrs(e).get("numFmtId", "0")): formats.add(e)
        for e in entries(generated_xml, "numFmts")
    }
    lists = {name: _List(entries(book_xml, name)) for name in ("fonts", "fills", "borders")}
    maps = {
        name: {i: lists[name].add(e) for i, e in enumerate(entries(generated_xml, name))}
        for name in lists
    }
    xfs, dxfs = _List(entries(book_xml, "cellXfs")), _List(entries(book_xml, "dxfs"))
    xf_map = {}
    for i, entry in enumerate(entries(generated_xml, "cellXfs")):
        tag, rest = _start_tag(entry)
        tag = _remap(tag, "numFmtId", fmt_map)
        for key, name in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            tag = _remap(tag, key, maps[name])
        xf_map[i] = xfs.add(set_attr(tag, "xfId", "0") + rest)
    dxf_map = {}
    for i, entry in enumerate(entries(generated_xml, "dxfs")):
        remapped = re.sub(
            r"<numFmt\b[^>]*?/>",
            lambda m: set_attr(m.group(0), "numFmtId", str(formats.add(m.group(0)))),
            entry,
        )
        dxf_map[i] = dxfs.add(remapped)
    additions = {"numFmts": (formats.added, formats.existing)}
    for name, lst in (*lists.items(), ("cellXfs", xfs), ("dxfs", dxfs)):
        additions[name] = (lst.added, len(lst.existing))
    xml = book_xml
    prefix = prefix_of(book_xml, "styleSheet")
    for name, (added, before) in additions.items():
        if added:
            entries_ = [with_prefix(e, prefix) for e in added]
            xml = _append(xml, name, entries_, before + len(added), prefix)
    return StyleMerge(None if xml == book_xml else xml, xf_map, dxf_map)


def _append(xml: str, name: str, added: list[str], count: int, prefix: str = "") -> str:
    """``xml`` with ``added`` entries at the end of list ``name`` and its count updated."""
    match = _section(xml, name)
    body = "".join(added)
    if match is None:
        later = (re.search(rf"<(?:\w+:)?{n}\b", xml) for n in _ORDER[_ORDER.index(name) + 1 :])
        following = [m.start() for m in later if m]
        at = min(following, default=xml.rindex(f"</{prefix}styleSheet>"))
        tag = prefix + name
        return f'{xml[:at]}<{tag} count="{count}">{body}</{tag}>{xml[at:]}'
    start, _ = _start_tag(match.group(0))
    if start.endswith("/>"):
        start = start[:-2] + ">"
    start = set_attr(start, "count", str(count))
    inner = match.group(2) or ""
    end = match.group(1) + name
    return f"{xml[: match.start()]}{start}{inner}{body}</{end}>{xml[match.end() :]}"


def unescaped_format_codes(xml: str) -> list[str]:
    """The custom number format codes of a styles.xml (for tests and diagnostics)."""
    return [html.unescape(attrs(e).get("formatCode", "")) for e in entries(xml, "numFmts")]
