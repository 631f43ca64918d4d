"""Put freshly generated sheets into the user's workbook without touching anything else.

:func:`merge_generated` works on the zip package directly. The user's workbook may hold
VBA, a ribbon (customUI), pivot tables, slicers, images, custom XML and a 200k-row input
sheet: all of it is copied as stored (unchanged entries are copied as raw compressed
bytes, never parsed). Only the parts that list sheets, names and formats are edited, as
text: ``workbook.xml``, its relationships, ``[Content_Types].xml``, ``styles.xml``,
``docProps/app.xml`` (sheet titles) and, when a removed sheet had formulas,
``calcChain.xml`` (the removed sheets' entries are dropped; the part itself only if
nothing remains).

Added sheets get the first free part names, relationship ids and table ids, so that a
second rebuild with the same generated book writes exactly the same parts as the first.
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import posixpath
import re
import zipfile
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from ..errors import PackageError, RefusedError
from ..labels import message
from .listings import filter_calc_chain, sheet_titles
from .opc import (
    CONTENT_TYPES,
    REL_NS,
    MalformedPackage,
    Package,
    SheetEntry,
    attrs,
    copy_entry,
    drop_attr,
    free_name,
    like,
    parse_rels,
    relative,
    rels_part,
    resolve,
    set_attr,
)
from .references import Rewrite, rewrite_part
from .stylesheet import StyleMerge, merge_styles, prefix_of, with_prefix

MARK = "_xlreview_sheet"
"""A hidden defined name, local to each generated sheet, holding its key (``"funnel"``).

Excel keeps a sheet's local names when the sheet is renamed or moved, so the rebuild
recognises its own sheets by this mark, never by their names alone."""
_MARKED_TYPES = (
    "spreadsheetml.worksheet+xml",
    "spreadsheetml.chartsheet+xml",
    "drawingml.chart+xml",
    "spreadsheetml.pivotCacheDefinition+xml",
    "ms-excel.macrosheet+xml",
)

_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
_NEW_ENTRY_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so that rebuilds give identical zips
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
#: A sheet view's start tag, and its selected-tab flag set (with the space before it).
_SHEET_VIEW = re.compile(rb"<(?:\w+:)?sheetView\b[^>]*>")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_HEAD = 1 << 16  # a sheet's views lie in its first bytes (after sheetPr and dimension)
_TAB_SELECTED = re.compile(rb"""\s+tabSelected\s*=\s*(?:"(?:1|true)"|'(?:1|true)')""")
_SHARED_TYPE = re.compile(r"""\st\s*=\s*["']s["']""")
_SHARED_STRING = re.compile(r"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.DOTALL)
# workbook.xml elements that come before <definedNames> (and <calcPr>).
_BEFORE_NAMES = ("sheets", "functionGroups", "externalReferences")
_DEFINED_NAME = re.compile(
    r"<((?:\w+:)?)definedName\b[^>]*?(?:/>|>(.*?)</\1definedName>)", re.DOTALL
)


Generated = str | Path | io.BytesIO


def merge_generated(
    book: str | Path, generated: Generated, out: str | Path, *,
    generated_names: Collection[str] | Mapping[str, str], input_sheet: bool = False,
    open_on: str | None = None,
) -> None:
    """Write ``out``: ``book`` with its generated sheets replaced by those of ``generated``.

    The generated sheets of ``book`` are those carrying the :data:`MARK` of an earlier
    rebuild, whatever the user renamed them to (:func:`generated_sheets`); they are
    removed with the parts only they use. Every sheet of ``generated`` is added with its
    tables, drawings and charts, and marked: at the tab position of the removed sheet of
    the same key, or after the existing sheets in ``generated``'s order. The user's
    references to removed sheets follow their successors (:mod:`.references`). Every
    other zip entry of ``book`` keeps its content and its place in the zip.

    Args:
        book: the user's .xlsx/.xlsm.
        generated: a workbook (xlsxwriter) holding only the generated sheets, or its bytes.
        out: the file to write; must not be ``book`` itself.
        generated_names: names of the sheets xlreview generates (any language), or a
            mapping of each such name to its sheet key (so that a sheet keeps its place
            and references when its name changes with the language).

        input_sheet: ``generated`` holds an input sheet written for the user (the Plan
            baseline): the book's sheets named in ``generated_names`` are replaced, the
            added sheet is not marked, and the marks of the generated sheets are kept.
        open_on: the key of the generated sheet the workbook opens on (the Dashboard): it
            becomes the active and only selected tab, the first one the tab bar shows. The
            sheets the user had selected lose their ``tabSelected`` flag (the one change in
            their parts: two selected tabs would open grouped). None: the user's tab stays.

    Raises:
        RefusedError: a sheet of the user's has the name of a generated sheet.
        PackageError: a file is not a readable workbook package, or an added table's
            name is already used in the user's workbook.
    """
    book, out = Path(book), Path(out)
    if isinstance(generated, str):
        generated = Path(generated)
    if out.resolve() == book.resolve():
        raise PackageError("merge_generated must write a new file, not the workbook itself")
    with _readable(book), zipfile.ZipFile(book) as bz, zipfile.ZipFile(generated) as gz:
        merge = _Merge(Package(bz), Package(gz), generated_names, input_sheet=input_sheet,
                       open_on=open_on)
        merge.prepare()
        try:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                merge.write(target)
        except BaseException:
            out.unlink(missing_ok=True)
            raise


def reference_changes(
    book: str | Path, generated: Generated, *, generated_names: Collection[str] | Mapping[str, str]
) -> list[tuple[str, str, str]]:
    """What :func:`merge_generated` will do to the user's references, for the data check:
    ``(where, old, new)`` per defined name or formula cell, ``new`` empty where the
    reference breaks (its generated sheet is no longer written).

    Raises:
        RefusedError, PackageError: as :func:`merge_generated`.
    """
    with _readable(book), zipfile.ZipFile(book) as bz, zipfile.ZipFile(generated) as gz:
        return _Merge(Package(bz), Package(gz), generated_names).reference_changes()


@contextlib.contextmanager
def _readable(book: str | Path) -> Iterator[None]:
    """Turn what a broken package raises while it is read into one plain PackageError
    (a PackageError of ours passes through, but for a malformed package)."""
    try:
        yield
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError, IndexError,
            AttributeError) as exc:
        if isinstance(exc, PackageError) and not isinstance(exc, MalformedPackage):
            raise
        raise PackageError(message("msg.not_a_workbook", path=book)) from exc


def check_sheet_names(
    book: str | Path, generated_names: Collection[str] | Mapping[str, str]
) -> None:
    """Refuse, before anything is computed, a workbook where a sheet of the user's has a
    generated sheet's name (:func:`merge_generated` checks again, with the real tables).

    Raises:
        RefusedError: names the first such sheet.
    """
    keys = name_keys(generated_names)
    with zipfile.ZipFile(book) as zf:
        _, collisions = generated_sheets(Package(zf), keys, set(keys.values()))
    if collisions:
        taken = collisions[0]
        key = keys[taken.name.lower()]
        names = sorted({str(n) for n in generated_names if keys[str(n).lower()] == key})
        raise RefusedError(message("msg.sheet_name_taken", sheet=taken.name,
                                 generated=" / ".join(names) or taken.name))


def name_keys(generated_names: Collection[str] | Mapping[str, str]) -> dict[str, str]:
    """Lower-case generated sheet name → its key (the name itself without a mapping)."""
    if isinstance(generated_names, Mapping):
        return {str(n).lower(): str(k) for n, k in generated_names.items()}
    return {n.lower(): n.lower() for n in generated_names}


def _sheet_tables(package: Package, part: str) -> set[str]:
    """Lower-case names of the tables on the sheet stored in ``part``."""
    names = set()
    for target in package.targets(part):
        if package.content_type(target) == _TABLE_TYPE:
            start = re.search(r"<(?:\w+:)?table\b[^>]*>", package.text(target))
            a = attrs(start.group(0)) if start else {}
            names.update(a.get(k, "").lower() for k in ("name", "displayName"))
    return names - {""}


def marks(package: Package) -> dict[int, str]:
    """Sheet index → key, for the sheets an earlier rebuild marked as generated."""
    found = {}
    for item in _Merge.defined_names(package.text(package.workbook_part())):
        a = attrs(item[: item.index(">") + 1])
        if a.get("name", "").lower() == MARK.lower() and a.get("localSheetId", "").isdigit():
            value = html.unescape(_DEFINED_NAME.match(item).group(2) or "").strip('"')
            found[int(a["localSheetId"])] = value
    return found


def generated_sheets(
    package: Package, keys: Mapping[str, str], table_names: Collection[str]
) -> tuple[dict[str, str], list[SheetEntry]]:
    """The book's generated sheets (part → key) and the user's sheets whose names collide.

    A sheet is generated when an earlier rebuild marked it (:data:`MARK`), whatever its
    name now; of a sheet and its copies (which carry the mark too) only the one named like
    a generated sheet, or else the first. A workbook without any mark was rebuilt by a
    version before marks, or never: there a sheet is generated when its name is a
    generated sheet's name (either language, any case) *and* it holds one of our tables
    (``table_names``); a sheet so named without any table (Dashboard, How to use) counts
    as generated only beside such a sheet. Any other sheet with a generated sheet's name
    is the user's: a collision.
    """
    sheets = package.sheets()
    marked = marks(package)
    generated: dict[str, str] = {}
    if marked:
        by_key: dict[str, list[SheetEntry]] = {}
        for index, key in sorted(marked.items()):
            if index < len(sheets):
                by_key.setdefault(key, []).append(sheets[index])
        for key, found in by_key.items():
            # A copy of a generated sheet (Excel's Move or Copy keeps the mark) is the
            # user's snapshot: only the one still named like a generated sheet is ours.
            sheet = next((s for s in found if s.name.lower() in keys), found[0])
            generated[sheet.part or sheet.name] = key
    else:
        named = [s for s in sheets if s.name.lower() in keys]
        tables = {s.name: _sheet_tables(package, s.part) if s.part else set() for s in named}
        wanted = {t.lower() for t in table_names}
        ours = [s for s in named if tables[s.name] & wanted]
        if ours:
            ours += [s for s in named if not tables[s.name] and s not in ours]
        generated = {s.part or s.name: keys[s.name.lower()] for s in ours}
    collisions = [s for s in sheets
                  if (s.part or s.name) not in generated and s.name.lower() in keys]
    return generated, collisions


def _rel_of(package: Package, source: str, rel_type: str) -> str | None:
    """The part ``source`` points to with a relationship of ``rel_type`` (suffix)."""
    for rel in package.rels(source):
        if rel.type.endswith("/" + rel_type) and not rel.external:
            return resolve(source, rel.target)
    return None


def _free_id(used: set[str], prefix: str = "rId") -> str:
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    used.add(f"{prefix}{number}")
    return f"{prefix}{number}"


class _Merge:
    """The merge of one generated workbook into one user workbook (see the module)."""

    def __init__(self, book: Package, gen: Package, generated_names: Collection[str], *,
                 input_sheet: bool = False, open_on: str | None = None) -> None:
        self.book, self.gen = book, gen
        self.workbook = book.workbook_part()
        self.gen_workbook = gen.workbook_part()
        self.prefix = prefix_of(book.text(self.workbook), "workbook")
        self.book_sheets, self.gen_sheets = book.sheets(), gen.sheets()
        keys = name_keys(generated_names)
        self.gen_key = {s.name.lower(): keys.get(s.name.lower(), s.name.lower())
                        for s in self.gen_sheets}
        keys = {**keys, **self.gen_key}
        gen_tables = set().union(*(_sheet_tables(gen, s.part) for s in self.gen_sheets))
        self.input_sheet = input_sheet
        if input_sheet:  # replaced by name: an input sheet carries no mark
            generated = {s.part or s.name: keys[s.name.lower()] for s in self.book_sheets
                         if s.name.lower() in keys}
            collisions: list[SheetEntry] = []
        else:
            generated, collisions = generated_sheets(book, keys, gen_tables)
        if collisions:
            taken = collisions[0]
            new = next((s.name for s in self.gen_sheets
                        if self.gen_key[s.name.lower()] == keys[taken.name.lower()]), taken.name)
            raise RefusedError(message("msg.sheet_name_taken", sheet=taken.name, generated=new))
        self.removed = [s for s in self.book_sheets if (s.part or s.name) in generated]
        self.removed_key = {s.name.lower(): generated[s.part or s.name] for s in self.removed}
        self.successor = {}
        for sheet in self.removed:
            new = next((g for g in self.gen_sheets
                        if self.gen_key[g.name.lower()] == self.removed_key[sheet.name.lower()]),
                       None)
            if new is not None and new.name.lower() not in (
                    n.name.lower() for n in self.successor.values()):
                self.successor[sheet.name.lower()] = new
        self.deleted = self._deleted_parts()
        self.rewrite = self._rewrite()
        self.opens_on = self._opening_sheet(open_on)
        self.styles_part = ""
        self.new_styles = ""
        self.used = {n.lower() for n in book.names if n not in self.deleted}
        self.renamed: dict[str, str] = {}
        self.styles = StyleMerge(None, {}, {})
        self.added: dict[str, bytes] = {}
        self.changed: dict[str, bytes] = {}

    def _opening_sheet(self, key: str | None) -> SheetEntry | None:
        """The generated sheet of ``key`` the book opens on; None if absent or hidden (a
        generated sheet the user hid stays hidden, and a hidden tab cannot be active)."""
        if key is None or self.input_sheet:
            return None
        sheet = next((s for s in self.gen_sheets if self.gen_key[s.name.lower()] == key), None)
        if sheet is None or attrs(sheet.tag).get("state"):
            return None
        namesake = next((s for s in self.removed if self.removed_key[s.name.lower()] == key),
                        None)
        return None if namesake is not None and attrs(namesake.tag).get("state") else sheet

    # -- what goes -----------------------------------------------------------------------

    def _rewrite(self) -> Rewrite:
        """How the user's references change: removed sheets renamed to their successors
        (or gone), our tables' headers renamed (a language change)."""
        rewrite = Rewrite()
        for sheet in self.removed:
            new = self.successor.get(sheet.name.lower())
            if new is None:
                rewrite.gone.add(sheet.name.lower())
            elif new.name != sheet.name:
                rewrite.sheets[sheet.name.lower()] = new.name
        old = self._table_columns(self.book, [s.part for s in self.removed if s.part])
        new_columns = self._table_columns(self.gen, [s.part for s in self.gen_sheets])
        for table, columns in old.items():
            fresh = new_columns.get(table)
            if fresh and len(fresh) == len(columns) and fresh != columns:
                rewrite.headers[table] = {
                    o.lower(): n for o, n in zip(columns, fresh, strict=True) if o != n
                }
        return rewrite

    @staticmethod
    def _table_columns(package: Package, parts: list[str]) -> dict[str, list[str]]:
        """Lower-case table name → its column headers, for the tables on these sheets."""
        found = {}
        for part in parts:
            for target in package.targets(part):
                if package.content_type(target) != _TABLE_TYPE:
                    continue
                xml = package.text(target)
                start = re.search(r"<(?:\w+:)?table\b[^>]*>", xml)
                name = attrs(start.group(0)).get("displayName", "") if start else ""
                columns = re.findall(r'<(?:\w+:)?tableColumn\b[^>]*?\sname="([^"]*)"', xml)
                found[name.lower()] = [html.unescape(c) for c in columns]
        return found

    def _rewritten_parts(self) -> dict[str, bytes]:
        """The user's parts whose formulas point at renamed or removed generated sheets."""
        changed: dict[str, bytes] = {}
        if not self.rewrite:
            return changed
        needles = [n.lower() for n in self.rewrite.needles()]
        for part in self.book.names:
            kind = self.book.content_type(part) or ""
            if part in self.deleted or not kind.endswith(_MARKED_TYPES):
                continue
            data = self.book.read(part)
            lowered = data.lower()
            if not any(n in lowered for n in needles):
                continue
            new = rewrite_part(data.decode("utf-8"), self.rewrite).encode("utf-8")
            if new != data:
                changed[part] = new
        return changed

    def reference_changes(self) -> list[tuple[str, str, str]]:
        """``(where, old, new)`` for each of the user's references this merge rewrites
        (``new`` empty: the reference breaks); see :func:`reference_changes`."""
        if not self.rewrite:
            return []
        found = []
        for item in self.defined_names(self.book.text(self.workbook)):
            a = attrs(item[: item.index(">") + 1])
            name = a.get("name", "")
            if name.lower() == MARK.lower() or name.startswith("_xlnm."):
                continue
            formula = html.unescape(_DEFINED_NAME.match(item).group(2) or "")
            sheet = self._book_sheet(a.get("localSheetId", "x"))
            if sheet in self.removed and sheet.name.lower() not in self.successor:
                found.append((name, formula, ""))
                continue
            new = self.rewrite.formula(formula)
            if new != formula:
                found.append((name, formula, "" if "#REF!" in new else new))
        by_part = {s.part: s.name for s in self.book_sheets if s not in self.removed}
        for part in self._rewritten_parts():
            if part not in by_part:
                continue
            for cell, formula in _cell_formulas(self.book.text(part)):
                new = self.rewrite.formula(formula)
                if new != formula:
                    found.append((f"{by_part[part]}!{cell}", formula,
                                  "" if "#REF!" in new else new))
        return found

    def _deleted_parts(self) -> set[str]:
        """Parts reachable from removed sheets and from nothing else, with their rels."""
        removed = frozenset(s.part for s in self.removed if s.part)
        kept = set(self.book.closure([""], skip=removed))
        gone = [p for p in self.book.closure(sorted(removed)) if p not in kept]
        rels = [rels_part(p) for p in gone]
        return set(gone) | {r for r in rels if r in self.book.names}

    # -- what comes ----------------------------------------------------------------------

    def _allocate_parts(self) -> dict[str, str]:
        """New names in the book for every part the generated sheets use."""
        renamed: dict[str, str] = {}
        for sheet in self.gen_sheets:
            for part in self.gen.closure([sheet.part]):
                if part not in renamed:
                    renamed[part] = self._reserve(part)
        return renamed

    def _reserve(self, part: str) -> str:
        # Beside the book's workbook part, wherever that is (not always xl/).
        gen_dir, book_dir = posixpath.dirname(self.gen_workbook), posixpath.dirname(self.workbook)
        if gen_dir != book_dir and part.startswith(gen_dir + "/"):
            part = posixpath.join(book_dir, part[len(gen_dir) + 1 :])
        name = free_name(part, self.used)
        self.used.update({name.lower(), rels_part(name).lower()})
        return name

    def _merge_styles(self) -> StyleMerge:
        book_styles = _rel_of(self.book, self.workbook, "styles")
        gen_styles = _rel_of(self.gen, self.gen_workbook, "styles")
        if gen_styles is None:
            return StyleMerge(None, {}, {})
        if book_styles is None or not self.book.has(book_styles):
            # No styles part at all (valid, if rare): the generated one comes in as it is.
            self.new_styles = self._reserve(posixpath.join(posixpath.dirname(self.workbook),
                                                           "styles.xml"))
            itself = merge_styles(self.gen.text(gen_styles), self.gen.text(gen_styles))
            self.new_styles_xml = itself.xml or self.gen.text(gen_styles)
            return StyleMerge(None, itself.xf, itself.dxf)
        merged = merge_styles(self.book.text(book_styles), self.gen.text(gen_styles))
        if merged.xml is not None:
            self.styles_part = book_styles
        return merged

    def _shared_strings(self) -> list[str]:
        part = _rel_of(self.gen, self.gen_workbook, "sharedStrings")
        if part is None or not self.gen.has(part):
            return []
        return [m.group(1) or "" for m in _SHARED_STRING.finditer(self.gen.text(part))]

    def _sheet_xml(self, xml: str, strings: list[str], selected: bool = False) -> str:
        """A generated sheet's XML with book style indices and inline strings; only the
        sheet the book opens on (``selected``) is a selected tab."""

        def cell(match: re.Match[str]) -> str:
            tag = "<c" + match.group(1) + ">"
            tag = _map_attr(tag, "s", self.styles.xf)
            body = match.group(2)
            if body is None:
                return tag[:-1] + "/>"
            if _SHARED_TYPE.search(tag):
                index = re.search(r"<v>\s*(\d+)\s*</v>", body)
                if index:
                    tag = set_attr(tag, "t", "inlineStr")
                    body = "<is>" + strings[int(index.group(1))] + "</is>"
            return tag + body + "</c>"

        xml = _CELL.sub(cell, xml)
        xml = re.sub(r"<row\b[^>]*>", lambda m: _map_attr(m.group(0), "s", self.styles.xf), xml)
        xml = re.sub(
            r"<col\b[^>]*>", lambda m: _map_attr(m.group(0), "style", self.styles.xf), xml
        )
        xml = re.sub(
            r"<cfRule\b[^>]*>", lambda m: _map_attr(m.group(0), "dxfId", self.styles.dxf), xml
        )
        xml = re.sub(r"<sheetView\b[^>]*>", lambda m: drop_attr(m.group(0), "tabSelected"), xml)
        if selected:
            xml = re.sub(r"<sheetView\b[^>]*>",
                         lambda m: set_attr(m.group(0), "tabSelected", "1"), xml, count=1)
        return xml

    def _table_xml(self, xml: str, table_id: int) -> str:
        start = re.search(r"<table\b[^>]*>", xml)
        if start is None:
            return xml
        xml = xml[: start.start()] + set_attr(start.group(0), "id", str(table_id)) + xml[
            start.end() :
        ]
        return re.sub(
            r'\b(\w*[dD]xfId)="(\d+)"',
            lambda m: f'{m.group(1)}="{self.styles.dxf.get(int(m.group(2)), int(m.group(2)))}"',
            xml,
        )

    def _book_tables(self) -> tuple[set[int], set[str]]:
        """Ids and lower-case names of the tables that stay in the book."""
        ids, names = set(), set()
        for part in self.book.names:
            if part in self.deleted or self.book.content_type(part) != _TABLE_TYPE:
                continue
            start = re.search(r"<table\b[^>]*>", self.book.text(part))
            a = attrs(start.group(0)) if start else {}
            ids.add(int(a.get("id", "0")))
            names.update(a.get(k, "").lower() for k in ("name", "displayName"))
        return ids, names

    def _added_parts(self) -> None:
        """Fill ``self.added`` with every new part and its rels."""
        strings = self._shared_strings()
        table_ids, table_names = self._book_tables()
        book_names = {n.lower() for n in self._book_defined_names()}
        for source, target in self.renamed.items():
            data = self.gen.read(source)
            if source in (s.part for s in self.gen_sheets):
                selected = self.opens_on is not None and source == self.opens_on.part
                data = self._sheet_xml(data.decode("utf-8"), strings, selected).encode("utf-8")
            elif self.gen.content_type(source) == _TABLE_TYPE:
                xml = data.decode("utf-8")
                name = attrs(re.search(r"<table\b[^>]*>", xml).group(0)).get("displayName", "")
                if name.lower() in table_names or name.lower() in book_names:
                    raise PackageError(message("msg.table_name_taken", name=name))
                table_id = 1
                while table_id in table_ids:
                    table_id += 1
                table_ids.add(table_id)
                data = self._table_xml(xml, table_id).encode("utf-8")
            self.added[target] = data
            self._add_rels(source, target)

    def _add_rels(self, source: str, target: str) -> None:
        path = rels_part(source)
        if not self.gen.has(path):
            return
        xml = self.gen.text(path)
        for rel in parse_rels(xml):
            if rel.external:
                continue
            new = relative(target, self.renamed[resolve(source, rel.target)])
            xml = xml.replace(rel.tag, set_attr(rel.tag, "Target", new), 1)
        self.added[rels_part(target)] = xml.encode("utf-8")

    # -- the parts that list sheets --------------------------------------------------------

    def _final_order(self) -> list[tuple[str, SheetEntry]]:
        """``("book" | "gen", sheet)`` in the new tab order."""
        order, placed = [], set()
        for sheet in self.book_sheets:
            if sheet not in self.removed:
                order.append(("book", sheet))
            elif sheet.name.lower() in self.successor:
                new = self.successor[sheet.name.lower()]
                order.append(("gen", new))
                placed.add(new.name.lower())
        order += [("gen", s) for s in self.gen_sheets if s.name.lower() not in placed]
        return order

    def _book_defined_names(self) -> list[str]:
        """Names of the book's defined names that survive (used to check clashes)."""
        kept = []
        for item in self.defined_names(self.book.text(self.workbook)):
            a = attrs(item[: item.index(">") + 1])
            local = a.get("localSheetId")
            if local is None or self._book_sheet(local) not in self.removed:
                kept.append(a.get("name", ""))
        return kept

    def _book_sheet_named(self, name: str) -> SheetEntry | None:
        return next((s for s in self.book_sheets if s.name.lower() == name), None)

    def _book_sheet(self, index: str) -> SheetEntry | None:
        i = int(index) if index.isdigit() else -1
        return self.book_sheets[i] if 0 <= i < len(self.book_sheets) else None

    @staticmethod
    def defined_names(xml: str) -> list[str]:
        block = re.search(r"<((?:\w+:)?)definedNames\b[^>]*>(.*?)</\1definedNames>", xml,
                          re.DOTALL)
        return [m.group(0) for m in _DEFINED_NAME.finditer(block.group(2))] if block else []

    def _workbook_xml(self, order: list[tuple[str, SheetEntry]], rids: dict[str, str]) -> str:
        xml = self.book.text(self.workbook)
        position = {(kind, s.name.lower()): i for i, (kind, s) in enumerate(order)}
        xml = self._sheets_list(xml, order, rids)
        xml = self._names_list(xml, position)
        xml = self._book_views(xml, position)
        if any(b"<f>" in d or b"<f " in d for p, d in self.added.items() if p in rids):
            xml = self._full_calc_on_load(xml)
        return xml

    def _sheets_list(
        self, xml: str, order: list[tuple[str, SheetEntry]], rids: dict[str, str]
    ) -> str:
        root = re.search(r"<(?:\w+:)?workbook\b[^>]*>", xml).group(0)
        namespaces = {v: k[6:] for k, v in attrs(root).items() if k.startswith("xmlns:")}
        prefix = namespaces.get(REL_NS)
        declare = "" if prefix else f' xmlns:r="{REL_NS}"'
        next_id = max((s.sheet_id for s in self.book_sheets if s not in self.removed), default=0)
        old = {new.name.lower(): self._book_sheet_named(name)
               for name, new in self.successor.items()}
        tags = []
        for kind, sheet in order:
            if kind == "book":
                tags.append(sheet.tag)
                continue
            next_id += 1
            namesake = old.get(sheet.name.lower())
            # A generated sheet the user hid stays hidden.
            state = attrs(sheet.tag).get("state") or attrs(namesake.tag if namesake else "").get(
                "state"
            )
            tags.append(
                f'<{self.prefix}sheet name="{html.escape(sheet.name, quote=True)}"'
                f' sheetId="{next_id}"'
                + (f' state="{state}"' if state else "")
                + f'{declare} {prefix or "r"}:id="{rids[self.renamed[sheet.part]]}"/>'
            )
        match = re.search(r"(<(?:\w+:)?sheets\b[^>]*>)(.*?)(</(?:\w+:)?sheets>)", xml, re.DOTALL)
        return xml[: match.start(2)] + "".join(tags) + xml[match.end(2) :]

    def _names_list(self, xml: str, position: dict[tuple[str, str], int]) -> str:
        """The defined names: the user's kept (their references following renamed
        generated sheets, ``#REF!`` for removed ones, local names of a generated sheet
        moved to its successor), the generated book's added, and our marks."""
        gen_names = self.defined_names(self.gen.text(self.gen_workbook))
        gen_global = {
            attrs(n).get("name", "").lower() for n in gen_names if "localSheetId" not in attrs(n)
        }
        items = []
        for item in self.defined_names(xml):
            start = item[: item.index(">") + 1]
            a = attrs(start)
            if a.get("name", "").lower() == MARK.lower() and not self.input_sheet:
                continue
            if "localSheetId" in a:
                sheet = self._book_sheet(a["localSheetId"])
                if sheet is None:
                    continue
                if sheet in self.removed:
                    new_sheet = self.successor.get(sheet.name.lower())
                    if new_sheet is None or a.get("name", "").startswith("_xlnm."):
                        continue  # the sheet's print settings: the new sheet brings its own
                    new = str(position[("gen", new_sheet.name.lower())])
                else:
                    new = str(position[("book", sheet.name.lower())])
                if new != a["localSheetId"]:
                    item = set_attr(start, "localSheetId", new) + item[len(start) :]
            elif a.get("name", "").lower() in gen_global:
                continue
            items.append(self._rewritten_name(item))
        for item in gen_names:
            start = item[: item.index(">") + 1]
            local = attrs(start).get("localSheetId")
            if local is not None:
                sheet = self.gen_sheets[int(local)]
                new = str(position[("gen", sheet.name.lower())])
                item = set_attr(start, "localSheetId", new) + item[len(start) :]
            items.append(item)
        for sheet in self.gen_sheets if not self.input_sheet else ():
            key = html.escape(self.gen_key[sheet.name.lower()], quote=False)
            index = position[("gen", sheet.name.lower())]
            items.append(f'<definedName name="{MARK}" localSheetId="{index}" hidden="1">'
                         f'"{key}"</definedName>')
        return _replace_names_block(xml, items, self.prefix)

    def _rewritten_name(self, item: str) -> str:
        match = _DEFINED_NAME.match(item)
        if not self.rewrite or match is None or match.group(2) is None:
            return item
        formula = html.unescape(match.group(2))
        new = self.rewrite.formula(formula)
        if new == formula:
            return item
        return item[: match.start(2)] + html.escape(new, quote=False) + item[match.end(2) :]

    def _book_views(self, xml: str, position: dict[tuple[str, str], int]) -> str:
        if self.opens_on is not None:
            return self._opening_views(xml, position[("gen", self.opens_on.name.lower())])

        def view(match: re.Match[str]) -> str:
            tag = match.group(0)
            for key in ("activeTab", "firstSheet"):
                sheet = self._book_sheet(attrs(tag).get(key, "x"))
                if sheet is None:
                    continue
                kind = "gen" if sheet in self.removed else "book"
                new = str(position.get((kind, sheet.name.lower()), 0))
                if new != attrs(tag)[key]:
                    tag = set_attr(tag, key, new)
            return tag

        return re.sub(r"<(?:\w+:)?workbookView\b[^>]*>", view, xml)

    def _opening_views(self, xml: str, index: int) -> str:
        """Every window of the book opens on sheet ``index``, its tab first in the tab bar."""
        def view(match: re.Match[str]) -> str:
            tag = set_attr(match.group(0), "activeTab", str(index))
            return set_attr(tag, "firstSheet", str(index))

        if re.search(r"<(?:\w+:)?workbookView\b", xml):
            return re.sub(r"<(?:\w+:)?workbookView\b[^>]*>", view, xml)
        sheets = re.search(r"<(?:\w+:)?sheets\b", xml)
        tag = f'<{self.prefix}workbookView activeTab="{index}" firstSheet="{index}"/>'
        return xml[: sheets.start()] + f"<{self.prefix}bookViews>{tag}</{self.prefix}bookViews>" + (
            xml[sheets.start() :])

    def _unselected_parts(self) -> dict[str, bytes]:
        """The user's sheets that were selected tabs, without ``tabSelected`` (the book opens
        on a generated sheet; a second selected tab would open the two grouped): that one
        attribute removed, every other byte of the part kept."""
        changed = {}
        for sheet in self.book_sheets:
            if sheet in self.removed or not sheet.part or not self.book.has(sheet.part):
                continue
            if sheet.part not in self.changed and not self._selected(sheet.part):
                continue  # the usual case: a 50 MB sheet of leads is never read
            data = self.changed.get(sheet.part) or self.book.read(sheet.part)
            views = _views_end(data)
            head = _SHEET_VIEW.sub(lambda m: _TAB_SELECTED.sub(b"", m.group(0)), data[:views])
            if head != data[:views]:
                changed[sheet.part] = head + data[views:]
        return changed

    def _selected(self, part: str) -> bool:
        """Whether the sheet in ``part`` is a selected tab, from the start of its XML (its
        views come before its cells), reading it whole only when they are not there."""
        with self.book.open(part) as stream:
            start = stream.read(_HEAD)
        if _views_end(start) == len(start) and len(start) == _HEAD:
            start = self.book.read(part)
        views = _views_end(start)
        return any(_TAB_SELECTED.search(m.group(0))
                   for m in _SHEET_VIEW.finditer(start, 0, views))

    def _full_calc_on_load(self, xml: str) -> str:
        """Ask Excel to recalculate on open: added formulas carry no computed values."""
        calc = re.search(r"<(?:\w+:)?calcPr\b[^>]*>", xml)
        if calc:
            return xml[: calc.start()] + set_attr(calc.group(0), "fullCalcOnLoad", "1") + xml[
                calc.end() :
            ]
        at = _after_last(xml, (*_BEFORE_NAMES, "definedNames"), self.prefix)
        return xml[:at] + f'<{self.prefix}calcPr fullCalcOnLoad="1"/>' + xml[at:]

    def _workbook_rels(self, order: list[tuple[str, SheetEntry]]) -> tuple[str, dict[str, str]]:
        """The workbook's rels without removed sheets, plus one per added sheet."""
        path = rels_part(self.workbook)
        xml = self.book.text(path)
        rels = parse_rels(xml)
        removed_ids = {s.rid for s in self.removed}
        kept = []
        for rel in rels:
            part = None if rel.external else resolve(self.workbook, rel.target)
            if rel.id in removed_ids or part in self.deleted:
                xml = xml.replace(rel.tag, "", 1)
            else:
                kept.append(rel.id)
        used, rids, tags = set(kept), {}, []
        gen_types = {r.id: r.type for r in self.gen.rels(self.gen_workbook)}
        if self.new_styles:  # first, where the next rebuild finds it among the book's
            target = relative(self.workbook, self.new_styles)
            tags.append(f'<Relationship Id="{_free_id(used)}" Type="{_TYPE}styles" '
                        f'Target="{target}"/>')
        for kind, sheet in order:
            if kind != "gen":
                continue
            part = self.renamed[sheet.part]
            rids[part] = _free_id(used)
            target = relative(self.workbook, part)
            kind_type = gen_types.get(sheet.rid, _TYPE + "worksheet")  # or a chartsheet
            tags.append(f'<Relationship Id="{rids[part]}" Type="{kind_type}" Target="{target}"/>')
        end = xml.rindex("</Relationships>")
        return xml[:end] + "".join(tags) + xml[end:], rids

    def _content_types(self) -> str:
        xml = self.book.text(CONTENT_TYPES)
        for part in self.deleted:
            xml = re.sub(
                r'<Override\b[^>]*PartName="/' + re.escape(part) + r'"[^>]*/>',
                "",
                xml,
                flags=re.IGNORECASE,
            )
        defaults = self.book.types.defaults
        overrides = []
        if self.new_styles:  # first, where the next rebuild finds it among the book's
            overrides.append(
                f'<Override PartName="/{self.new_styles}" ContentType="{_STYLES_TYPE}"/>'
            )
        for source, target in self.renamed.items():
            gen_type = self.gen.types.overrides.get("/" + source.lower())
            ext = target.rsplit(".", 1)[-1].lower()
            if gen_type is None:
                gen_type = self.gen.types.defaults.get(ext, "application/octet-stream")
                if ext not in defaults:
                    defaults = {**defaults, ext: gen_type}
                    at = xml.index("<Override") if "<Override" in xml else xml.rindex("</Types>")
                    default = f'<Default Extension="{ext}" ContentType="{gen_type}"/>'
                    xml = xml[:at] + default + xml[at:]
                    continue
                if defaults[ext] == gen_type:
                    continue
            overrides.append(f'<Override PartName="/{target}" ContentType="{gen_type}"/>')
        if "rels" not in defaults and any(p.endswith(".rels") for p in self.added):
            # A package that types its .rels one by one: the added ones need a type too.
            overrides += [f'<Override PartName="/{p}" ContentType="{_RELS_TYPE}"/>'
                          for p in self.added if p.endswith(".rels")]
        end = xml.rindex("</")
        return xml[:end] + "".join(overrides) + xml[end:]

    def _calc_chain(self) -> None:
        """Drop the removed sheets' entries from calcChain.xml (or the part if empty)."""
        part = _rel_of(self.book, self.workbook, "calcChain")
        ids = {str(s.sheet_id) for s in self.removed}
        if part is None or not self.book.has(part) or not ids:
            return
        xml = self.book.text(part)
        filtered = filter_calc_chain(xml, ids)
        if filtered is None:
            self.deleted.add(part)
        elif filtered != xml:
            self.changed[part] = filtered.encode("utf-8")

    def _app_xml(self, order: list[tuple[str, SheetEntry]]) -> None:
        """Update the worksheet titles docProps/app.xml lists (Excel's file properties)."""
        part = next((p for p in self.book.closure([""]) if p.lower() == "docprops/app.xml"), None)
        if part is None:
            return
        xml = self.book.text(part)
        new = sheet_titles(xml, self.book_sheets, self.removed, [s.name for _, s in order])
        if new != xml:
            self.changed[part] = new.encode("utf-8")

    # -- writing ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Work out every added and changed part (nothing is written yet)."""
        self.renamed = self._allocate_parts()
        self.styles = self._merge_styles()
        self._calc_chain()
        if self.new_styles:  # first: the next rebuild finds it before the generated parts
            self.added[self.new_styles] = self.new_styles_xml.encode("utf-8")
        self._added_parts()
        order = self._final_order()
        rels_xml, rids = self._workbook_rels(order)
        self.changed[rels_part(self.workbook)] = rels_xml.encode("utf-8")
        self.changed[self.workbook] = self._workbook_xml(order, rids).encode("utf-8")
        self.changed[CONTENT_TYPES] = self._content_types().encode("utf-8")
        self._app_xml(order)
        self.changed.update(self._rewritten_parts())
        if self.opens_on is not None:
            self.changed.update(self._unselected_parts())
        if self.styles.xml is not None:
            self.changed[self.styles_part] = self.styles.xml.encode("utf-8")

    def write(self, target: zipfile.ZipFile) -> None:
        """Write the prepared package into the open (empty) zip ``target``."""
        for info in self.book.zip.infolist():
            if info.filename in self.deleted:
                continue
            if info.filename in self.changed:
                target.writestr(like(info), self.changed[info.filename])
            else:
                copy_entry(self.book.zip, target, info)
        for name, data in self.added.items():
            target.writestr(zipfile.ZipInfo(name, _NEW_ENTRY_TIME), data, zipfile.ZIP_DEFLATED)


@functools.cache
def _number_attr(name: str) -> re.Pattern[str]:
    return re.compile(r'(\s' + re.escape(name) + r'\s*=\s*)(["\'])(\d+)\2')


def _views_end(xml: bytes) -> int:
    """Where a worksheet's views end: at its cells (``sheetData``), else the whole part."""
    found = _SHEET_DATA.search(xml)
    return found.start() if found else len(xml)


def _map_attr(tag: str, name: str, mapping: dict[int, int]) -> str:
    """``tag`` with the number in attribute ``name`` mapped (left as is if not mapped)."""
    found = _number_attr(name).search(tag)
    if found is None or int(found.group(3)) not in mapping:
        return tag
    new = f"{found.group(1)}{found.group(2)}{mapping[int(found.group(3))]}{found.group(2)}"
    return tag[: found.start()] + new + tag[found.end():]


def _cell_formulas(xml: str) -> list[tuple[str, str]]:
    """``(cell, formula)`` of each formula cell in a worksheet's XML."""
    found = []
    for match in re.finditer(r"<(?:\w+:)?c\b([^>]*?)>(.*?)</(?:\w+:)?c>", xml, re.DOTALL):
        ref = re.search(r'\sr="([A-Z]+\d+)"', match.group(1))
        formula = re.search(r"<(?:\w+:)?f\b[^>]*(?<!/)>(.*?)</(?:\w+:)?f>", match.group(2),
                            re.DOTALL)
        if ref and formula:
            found.append((ref.group(1), html.unescape(formula.group(1))))
    return found


def _after_last(xml: str, names: tuple[str, ...], prefix: str = "") -> int:
    """Just after the last of the elements ``names`` in workbook.xml (or before its end)."""
    ends = [f"</{prefix}{n}>" for n in names]
    found = [xml.rfind(e) + len(e) for e in ends if e in xml]
    return max(found) if found else xml.rindex(f"</{prefix}workbook>")


def _replace_names_block(xml: str, items: list[str], prefix: str = "") -> str:
    block = re.search(r"<((?:\w+:)?)definedNames\b[^>]*?(?:/>|>.*?</\1definedNames>)", xml,
                      re.DOTALL)
    body = "".join(with_prefix(i, prefix) if not i.startswith(f"<{prefix}") else i
                   for i in items)
    tag = prefix + "definedNames"
    new = f"<{tag}>{body}</{tag}>" if items else ""
    if block:
        return xml[: block.start()] + new + xml[block.end() :]
    at = _after_last(xml, _BEFORE_NAMES, prefix)
    return xml[:at] + new + xml[at:]
