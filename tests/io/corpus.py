"""Adding an input sheet to a workbook someone else made, so that it can be rebuilt.

The corpus test grafts a ``Settings`` sheet (plain inline strings, no styles) into each
public workbook, the way Excel adds a sheet: a ``<sheet>`` in workbook.xml, a relationship
and a content type. Everything else in the package stays as the producer wrote it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from xlreview.io.opc import CONTENT_TYPES, Package, attrs, free_name, relative, rels_part

_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
    "http://purl.oclc.org/ooxml/officeDocument/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
}
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
SETTINGS_ROWS = (("key", "value"), ("fiscal_year", "2026"), ("currency", "CNY"))


def graft_settings_sheet(path: Path) -> None:
    """Add a ``Settings`` input sheet to the package at ``path`` (rewritten in place)."""
    with zipfile.ZipFile(path) as z:
        package = Package(z)
        workbook = package.workbook_part()
        xml = package.text(workbook)
        rels_name = rels_part(workbook)
        rels = package.text(rels_name) if package.has(rels_name) else (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"></Relationships>')
        types = package.text(CONTENT_TYPES)
        entries = [(info, z.read(info)) for info in z.infolist()]
        used = {n.lower() for n in package.names}
    root = re.search(r"<(\w+:)?workbook\b[^>]*>", xml)
    prefix = root.group(1) or ""
    namespaces = {k: v for k, v in attrs(root.group(0)).items() if k.startswith("xmlns")}
    main = namespaces.get("xmlns:" + prefix[:-1] if prefix else "xmlns", _MAIN)
    r_prefix, rel_type = next(((k[6:], _REL_NS[v]) for k, v in namespaces.items()
                               if v in _REL_NS), ("", ""))
    declare = ""
    if not r_prefix:
        r_prefix, rel_type = "xr_graft", next(iter(_REL_NS.values()))
        declare = f' xmlns:xr_graft="{next(iter(_REL_NS))}"'
    folder = posixpath.dirname(workbook)
    part = free_name(posixpath.join(folder, "worksheets", "graft.xml"), used)
    ids = set(re.findall(r'\bId="([^"]+)"', rels))
    rid = next(f"rIdGraft{n}" for n in range(1, 99) if f"rIdGraft{n}" not in ids)
    sheet_ids = [int(i) for i in re.findall(r'\bsheetId="(\d+)"', xml)] or [0]
    sheet = (f'<{prefix}sheet name="Settings" sheetId="{max(sheet_ids) + 1}"{declare} '
             f'{r_prefix}:id="{rid}"/>')
    xml = re.sub(rf"</{re.escape(prefix)}sheets>", lambda m: sheet + m.group(0), xml, count=1)
    rels = rels.replace("</Relationships>", f'<Relationship Id="{rid}" Type="{rel_type}" '
                        f'Target="{relative(workbook, part)}"/></Relationships>')
    types = re.sub(r"</(\w+:)?Types>", lambda m: f'<Override PartName="/{part}" '
                   f'ContentType="{_SHEET_TYPE}"/>' + m.group(0), types, count=1)
    cells = "".join(
        f'<row r="{r}">' + "".join(
            f'<c r="{col}{r}" t="inlineStr"><is><t>{text}</t></is></c>'
            for col, text in zip("AB", row, strict=True)) + "</row>"
        for r, row in enumerate(SETTINGS_ROWS, start=1))
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}">'
            f"<sheetData>{cells}</sheetData></worksheet>")
    edits = {workbook: xml.encode(), rels_name: rels.encode(), CONTENT_TYPES: types.encode()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, edits.pop(info.filename, data))
        for name, data in {**edits, part: body.encode()}.items():
            z.writestr(name, data)
