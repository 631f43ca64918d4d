"""Small helpers for the parts of an .xlsx package (Open Packaging Conventions).

Parts are named without the leading slash (``xl/workbook.xml``). XML is edited as text,
one tag at a time, so that everything a helper does not touch keeps its exact bytes:
Excel's namespace prefixes and ``mc:Ignorable`` declarations survive untouched.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass
from functools import cached_property
from typing import IO

from ..errors import PackageError

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE_DOCUMENT = REL_NS + "/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
CONTENT_TYPES = "[Content_Types].xml"

class MalformedPackage(PackageError):
    """A part the package must have is missing or unreadable (callers name the file)."""


_ATTR = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_REL_TAG = re.compile(r"<(?:\w+:)?Relationship\b[^>]*?/?>")
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b[^>]*?/?>")
_NUMBERED = re.compile(r"^(.*?)(\d*)(\.[^./]+)$")


def attrs(tag: str) -> dict[str, str]:
    """The attributes of one start tag, unescaped (``<a b="1">`` -> ``{"b": "1"}``)."""
    return {
        m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTR.finditer(tag)
    }


def set_attr(tag: str, name: str, value: str) -> str:
    """``tag`` with attribute ``name`` set to ``value`` (added before the tag's end)."""
    escaped = html.escape(value, quote=True)
    pattern = re.compile(r'(\s' + re.escape(name) + r'\s*=\s*)(?:"[^"]*"|\'[^\']*\')')
    if pattern.search(tag):
        return pattern.sub(lambda m: f'{m.group(1)}"{escaped}"', tag, count=1)
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return f'{tag[:end].rstrip()} {name}="{escaped}"{tag[end:]}'


def drop_attr(tag: str, name: str) -> str:
    """``tag`` without attribute ``name``."""
    return re.sub(r'\s' + re.escape(name) + r'\s*=\s*(?:"[^"]*"|\'[^\']*\')', "", tag)


def rels_part(part: str) -> str:
    """The relationships part of ``part`` (``""`` is the package itself)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source: str, target: str) -> str:
    """The part a relationship ``target`` of part ``source`` points to."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def relative(source: str, part: str) -> str:
    """The relationship target from part ``source`` to ``part``."""
    return posixpath.relpath(part, posixpath.dirname(source) or ".")


@dataclass(frozen=True)
class Rel:
    """One relationship of a part: its id, type, target and raw tag."""

    id: str
    type: str
    target: str
    external: bool
    tag: str


def parse_rels(xml: str) -> list[Rel]:
    """The relationships listed in a ``.rels`` part."""
    rels = []
    for match in _REL_TAG.finditer(xml):
        a = attrs(match.group(0))
        rels.append(
            Rel(
                id=a.get("Id", ""),
                type=a.get("Type", ""),
                target=a.get("Target", ""),
                external=a.get("TargetMode", "") == "External",
                tag=match.group(0),
            )
        )
    return rels


class Package:
    """Read access to a zip package with cached text and relationships."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zip = zf
        self.names = zf.namelist()
        self._lower = {name.lower(): name for name in self.names}
        self._rels: dict[str, list[Rel]] = {}

    def has(self, part: str) -> bool:
        return part.lower() in self._lower

    def read(self, part: str) -> bytes:
        return self.zip.read(self._lower[part.lower()])

    def open(self, part: str) -> IO[bytes]:
        """A stream of ``part``'s bytes (for parts too big to hold in memory)."""
        return self.zip.open(self._lower[part.lower()])

    def text(self, part: str) -> str:
        return self.read(part).decode("utf-8")

    def rels(self, part: str) -> list[Rel]:
        """The relationships of ``part`` (empty when it has none)."""
        if part not in self._rels:
            path = rels_part(part)
            self._rels[part] = parse_rels(self.text(path)) if self.has(path) else []
        return self._rels[part]

    def targets(self, part: str) -> list[str]:
        """The internal parts ``part`` points to, that exist in the package."""
        found = (resolve(part, r.target) for r in self.rels(part) if not r.external)
        return [self._lower[t.lower()] for t in found if self.has(t)]

    def closure(self, roots: list[str], *, skip: frozenset[str] = frozenset()) -> list[str]:
        """Every part reachable from ``roots`` through relationships (roots included),
        in breadth-first order; parts in ``skip`` are not entered."""
        seen: dict[str, None] = {}
        queue = [r for r in roots if r not in skip]
        while queue:
            part = queue.pop(0)
            if part in seen:
                continue
            seen[part] = None
            queue.extend(t for t in self.targets(part) if t not in skip and t not in seen)
        return list(seen)

    def workbook_part(self) -> str:
        """The workbook part named by the package relationships."""
        for rel in self.rels(""):
            if rel.type in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
                return resolve("", rel.target)
        raise MalformedPackage("the package has no workbook (no officeDocument relationship)")

    def sheets(self) -> list[SheetEntry]:
        """The workbook's sheets in tab order, with the parts they are stored in."""
        workbook = self.workbook_part()
        by_id = {r.id: resolve(workbook, r.target) for r in self.rels(workbook)}
        entries = []
        for match in _SHEET_TAG.finditer(sheets_block(self.text(workbook))):
            a = attrs(match.group(0))
            rid = next((v for k, v in a.items() if k.endswith(":id") or k == "id"), "")
            entries.append(
                SheetEntry(
                    name=a.get("name", ""),
                    sheet_id=int(a.get("sheetId", "0")),
                    rid=rid,
                    part=self._lower.get(by_id.get(rid, "").lower(), by_id.get(rid, "")),
                    tag=match.group(0),
                )
            )
        return entries

    @cached_property
    def types(self) -> ContentTypes:
        """The parsed [Content_Types].xml."""
        return content_types(self.text(CONTENT_TYPES))

    def content_type(self, part: str) -> str | None:
        """The content type [Content_Types].xml gives ``part`` (Override, then Default)."""
        types = self.types
        extension = posixpath.basename(part).rsplit(".", 1)[-1]  # ".rels" -> "rels"
        return types.overrides.get("/" + part.lower()) or types.defaults.get(extension.lower())


@dataclass(frozen=True)
class SheetEntry:
    """One ``<sheet>`` of workbook.xml."""

    name: str
    sheet_id: int
    rid: str
    part: str
    tag: str


def sheets_block(workbook_xml: str) -> str:
    """The text between ``<sheets>`` and ``</sheets>`` of workbook.xml."""
    match = re.search(r"<((?:\w+:)?)sheets\b[^>]*>(.*?)</\1sheets>", workbook_xml, re.DOTALL)
    if not match:
        raise MalformedPackage("workbook.xml has no <sheets> list")
    return match.group(2)


@dataclass(frozen=True)
class ContentTypes:
    """Defaults by lower-case extension, Overrides by lower-case ``/part`` name."""

    defaults: dict[str, str]
    overrides: dict[str, str]


def content_types(xml: str) -> ContentTypes:
    """Parse [Content_Types].xml."""
    defaults, overrides = {}, {}
    for match in re.finditer(r"<(?:\w+:)?(Default|Override)\b[^>]*?/?>", xml):
        a = attrs(match.group(0))
        if match.group(1) == "Default":
            defaults[a.get("Extension", "").lower()] = a.get("ContentType", "")
        else:
            overrides[a.get("PartName", "").lower()] = a.get("ContentType", "")
    return ContentTypes(defaults, overrides)


def free_name(part: str, used: set[str]) -> str:
    """The first free part name in ``part``'s folder and numbering (``sheet1.xml``,
    ``sheet2.xml``, …) whose name and ``.rels`` are not in ``used`` (lower-case names)."""
    folder, name = posixpath.split(part)
    match = _NUMBERED.match(name)
    stem, ext = (match.group(1), match.group(3)) if match else (name, "")
    number = 1
    while True:
        candidate = posixpath.join(folder, f"{stem}{number}{ext}")
        if candidate.lower() not in used and rels_part(candidate).lower() not in used:
            return candidate
        number += 1


def like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A fresh ZipInfo with ``info``'s name, time, compression and attributes."""
    new = zipfile.ZipInfo(info.filename, info.date_time)
    new.compress_type = info.compress_type
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    return new


def copy_entry(source: zipfile.ZipFile, target: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Copy one zip entry as stored (compressed bytes, CRC), without inflating it.

    Falls back to read-and-write for entries this cannot copy raw (encrypted, Zip64).
    """
    fp = source.fp
    raw_ok = not info.flag_bits & 0x1 and max(info.file_size, info.compress_size) < 0xFFFFFFFF
    if raw_ok and fp is not None and target.fp is not None:
        fp.seek(info.header_offset)
        header = fp.read(30)
        if header[:4] == b"PK\x03\x04":
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            fp.seek(info.header_offset + 30 + name_len + extra_len)
            raw = fp.read(info.compress_size)
            new = like(info)
            new.flag_bits = info.flag_bits & 0x800  # keep the UTF-8 name flag only
            new.CRC, new.compress_size = info.CRC, info.compress_size
            new.file_size = info.file_size
            new.header_offset = target.fp.tell()
            target.fp.write(new.FileHeader(zip64=False))
            target.fp.write(raw)
            target.filelist.append(new)
            target.NameToInfo[new.filename] = new
            target.start_dir = target.fp.tell()
            target._didModify = True
            return
    target.writestr(like(info), source.read(info))
