"""Parts that only list what the workbook holds: the calculation chain and app.xml.

Both are rebuilt by Excel on its next save; xlreview keeps them consistent with the
sheets it removes and adds so that Excel never needs to repair the file.
"""

from __future__ import annotations

import html
import re

from .opc import SheetEntry, attrs, set_attr


def filter_calc_chain(xml: str, sheet_ids: set[str]) -> str | None:
    """calcChain.xml without the cells of sheets ``sheet_ids``; None if none remain.

    An entry without ``i`` belongs to the sheet of the entry before it, so the first
    entry kept after a dropped run gets its ``i`` written out. The text between entries
    (line breaks of a pretty-printed chain) stays; with nothing dropped, ``xml`` itself
    comes back, to the byte.
    """
    entries = list(re.finditer(r"<(?:\w+:)?c\b[^>]*/>", xml))
    if not entries:
        return xml
    pieces, current, last, dropped, kept = [xml[: entries[0].start()]], None, None, False, 0
    for n, match in enumerate(entries):
        tag = match.group(0)
        after = xml[match.end() : entries[n + 1].start()] if n + 1 < len(entries) else ""
        current = attrs(tag).get("i", current)
        if current in sheet_ids:
            dropped = True
            continue
        if "i" not in attrs(tag) and last != current and current is not None:
            tag = set_attr(tag, "i", current)
        pieces += [tag, after]
        kept += 1
        last = current
    if not dropped:
        return xml
    if not kept:
        return None
    if pieces[-1] != "" and not pieces[-1].strip():
        pieces.pop()  # the separator after the last kept entry, when later ones went
    return "".join(pieces) + xml[entries[-1].end() :]


_HEADING_PAIRS = re.compile(r"(<HeadingPairs>\s*<vt:vector\b[^>]*>)(.*?)(</vt:vector>)", re.DOTALL)
_TITLES = re.compile(r"(<TitlesOfParts>\s*<vt:vector\b[^>]*>)(.*?)(</vt:vector>)", re.DOTALL)


def _title_groups(xml: str) -> tuple[list[str], list[str], list[int]] | None:
    """app.xml's heading variants, title elements, and each group's title count."""
    pairs, titles = _HEADING_PAIRS.search(xml), _TITLES.search(xml)
    if not pairs or not titles:
        return None
    variants = re.findall(r"<vt:variant>.*?</vt:variant>", pairs.group(2), re.DOTALL)
    counts = [re.search(r"<vt:i4>(\d+)</vt:i4>", v) for v in variants[1::2]]
    items = re.findall(r"<vt:lpstr>.*?</vt:lpstr>|<vt:lpstr/>", titles.group(2), re.DOTALL)
    if any(c is None for c in counts):
        return None
    sizes = [int(c.group(1)) for c in counts if c]
    return (variants, items, sizes) if sum(sizes) == len(items) else None


def sheet_titles(
    xml: str, sheets: list[SheetEntry], removed: list[SheetEntry], new_order: list[str]
) -> str:
    """docProps/app.xml with its worksheet titles and count following the new tab order.

    app.xml lists titles in groups (HeadingPairs: a heading and a count; TitlesOfParts:
    the titles one after another). The worksheet group is the one made of sheet names
    holding a removed sheet (or, on a first rebuild, the most sheet names). Anything
    unexpected leaves app.xml as it is: Excel rewrites it on its next save anyway.

    Args:
        xml: docProps/app.xml.
        sheets: the book's sheets before the merge; removed: those removed.
        new_order: the sheet names after the merge, in tab order (added ones included).
    """
    parsed = _title_groups(xml)
    if parsed is None:
        return xml
    variants, items, sizes = parsed
    names, gone = {s.name for s in sheets}, {s.name for s in removed}
    text = [html.unescape(re.sub(r"</?vt:lpstr/?>", "", i)) for i in items]
    starts = [sum(sizes[:g]) for g in range(len(sizes))]
    members = [set(text[start : start + size]) for start, size in zip(starts, sizes, strict=True)]
    groups = [g for g, titles in enumerate(members) if titles and titles <= names]
    if not groups:
        return xml
    group = max(groups, key=lambda g: (bool(gone & members[g]), sizes[g]))
    listed = members[group]
    new = [n for n in new_order if n in listed or n not in names or n in gone]
    items[starts[group] : starts[group] + sizes[group]] = [
        f"<vt:lpstr>{html.escape(n, quote=False)}</vt:lpstr>" for n in new
    ]
    variants[2 * group + 1] = f"<vt:variant><vt:i4>{len(new)}</vt:i4></vt:variant>"
    xml = _HEADING_PAIRS.sub(lambda m: m.group(1) + "".join(variants) + m.group(3), xml, 1)
    return _TITLES.sub(
        lambda m: set_attr(m.group(1), "size", str(len(items))) + "".join(items) + m.group(3),
        xml,
        1,
    )
