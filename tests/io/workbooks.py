"""Tiny workbooks for the file adapter tests, built in the test's temporary folder."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
import zlib
from pathlib import Path

import xlsxwriter

VBA_BYTES = b"\xd0\xcf\x11\xe0 fake vba project \x00\x01\x02" * 10
CUSTOM_UI = (
    b'<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui">'
    b'<ribbon><tabs><tab id="xlreview" label="xlreview"/></tabs></ribbon></customUI>'
)
CUSTOM_XML = b'<?xml version="1.0"?><root><item>keep me</item></root>'
CUSTOM_UI_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A valid red PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _edit_zip(path: Path, edits: dict[str, bytes], extra: dict[str, bytes]) -> None:
    """Rewrite the zip at ``path`` with some entries replaced and some added."""
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, edits.get(info.filename, data))
        for name, data in extra.items():
            z.writestr(name, data)


def user_book(tmp_path: Path, name: str = "review.xlsm", *, old_generated: bool = False) -> Path:
    """A user's macro workbook: input sheets with a table, formulas, formats, an image, a
    defined name, VBA, a ribbon (customUI), a custom XML part and a calcChain.

    With ``old_generated`` it also holds generated sheets of an older xlreview: "Old"
    (a sheet no longer generated, between Leads and Spend, with a local and a global
    name and a formula in the calcChain) and "ROI matrix" (last, with a table named like
    the new one and the same image as Leads), and Spend is the active tab.
    """
    path = tmp_path / name
    image = tmp_path / "logo.png"
    image.write_bytes(png_bytes())
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(VBA_BYTES)
    wb = xlsxwriter.Workbook(path)
    bold = wb.add_format({"bold": True, "font_color": "#1F4E79"})
    money = wb.add_format({"num_format": "#,##0.00 \"元\""})
    leads = wb.add_worksheet("Leads")
    leads.add_table(
        "A1:C4",
        {
            "name": "tbl_leads",
            "columns": [{"header": "lead_id"}, {"header": "created"}, {"header": "amount"}],
            "data": [
                ["L1", dt.date(2026, 1, 5), 100],
                ["L2", dt.date(2026, 2, 5), 250],
                ["L3", dt.date(2026, 3, 5), 0],
            ],
        },
    )
    leads.write_formula("E1", "=SUM(C2:C4)", money, 350)
    leads.write("E2", "线索合计", bold)
    leads.insert_image("G2", str(image))
    if old_generated:
        old = wb.add_worksheet("Old")
        old.write_formula("A1", "=Leads!E1*2", None, 700)
        wb.define_name("Old!_xlnm.Print_Area", "=Old!$A$1:$B$2")
        wb.define_name("OldTotal", "=Old!$A$1")
    spend = wb.add_worksheet("Spend")
    spend.write_row("A1", ["month", "cost"], bold)
    spend.write_row("A2", ["2026-01", 1200])
    spend.write_formula("B3", "=B2*2", money, 2400)
    if old_generated:
        spend.activate()
        roi = wb.add_worksheet("ROI matrix")
        roi.add_table("A1:B2", {"name": "tbl_roi", "data": [["x", 1]]})
        roi.insert_image("D2", str(image))
    wb.define_name("TotalCost", "=Spend!$B$2:$B$3")
    wb.define_name("Leads!LocalRange", "=Leads!$A$1:$C$4")
    wb.add_vba_project(str(vba))
    wb.set_vba_name("ThisWorkbook")
    wb.close()
    with zipfile.ZipFile(path) as z:
        root_rels = z.read("_rels/.rels").decode()
        wb_rels = z.read("xl/_rels/workbook.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    root_rels = root_rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdUI" Type="{CUSTOM_UI_TYPE}" Target="customUI/customUI14.xml"/>'
        "</Relationships>",
    )
    wb_rels = wb_rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdCX" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/customXml" Target="../customXml/item1.xml"/>'
        '<Relationship Id="rIdCC" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.calcChain+xml"/></Types>',
    )
    calc_chain = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (
            b'<c r="E1" i="1"/><c r="A1" i="2"/><c r="B3" i="3"/></calcChain>'
            if old_generated
            else b'<c r="E1" i="1"/><c r="B3" i="2"/></calcChain>'
        )
    )
    _edit_zip(
        path,
        {
            "_rels/.rels": root_rels.encode(),
            "xl/_rels/workbook.xml.rels": wb_rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
        {
            "customUI/customUI14.xml": CUSTOM_UI,
            "customXml/item1.xml": CUSTOM_XML,
            "xl/calcChain.xml": calc_chain,
        },
    )
    return path


def generated_book(tmp_path: Path, name: str = "generated.xlsx", *, total: float = 350) -> Path:
    """What the writer produces: generated sheets only, with a table, a chart, a
    conditional format, number formats, a print-titles name and formulas."""
    path = tmp_path / name
    wb = xlsxwriter.Workbook(path)
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
    pct = wb.add_format({"num_format": "0.0%"})
    money = wb.add_format({"num_format": '#,##0 "元"', "italic": True})
    red = wb.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE"})
    roi = wb.add_worksheet("ROI matrix")
    roi.add_table(
        "A1:C4",
        {
            "name": "tbl_roi",
            "columns": [
                {"header": "渠道 channel"},
                {"header": "cost", "format": money},
                {"header": "roi", "format": pct},
            ],
            "data": [["展会 Events", 1000, 0.25], ["Web", 500, 1.5], ["SEM", 300, -0.2]],
        },
    )
    roi.write("E1", "total 合计", bold)
    roi.write_formula("F1", "=SUM(B2:B4)", money, 1800)
    roi.write("E2", "leads", bold)
    roi.write_number("F2", total)
    roi.conditional_format("C2:C4", {"type": "cell", "criteria": "<", "value": 0, "format": red})
    roi.repeat_rows(0)
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "cost", "categories": "='ROI matrix'!$A$2:$A$4",
                      "values": "='ROI matrix'!$B$2:$B$4"})  # fmt: skip
    roi.insert_chart("H2", chart)
    plan = wb.add_worksheet("Plan")
    plan.write_row("A1", ["month 月份", "leads 线索"], bold)
    plan.write_column("A2", ["2027-01", "2027-02"])
    plan.write_column("B2", [10, 12])
    plan.write_formula("B4", "=ROUNDUP(SUM(B2:B3)*1.1,0)", None, 25)
    wb.define_name("PlanLeads", "=Plan!$B$2:$B$3")
    wb.close()
    return path


# Parts that openpyxl does not model and would drop: a pivot cache (with its records), a data
# connection and a slicer cache, listed in workbook.xml, its rels and the content types.
PIVOT_DEFINITION = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" '
    b'refreshOnLoad="1" recordCount="3"><cacheSource type="worksheet"><worksheetSource '
    b'ref="A1:C4" sheet="Leads"/></cacheSource><cacheFields count="1"><cacheField '
    b'name="amount" numFmtId="0"><sharedItems containsNumber="1" minValue="0" maxValue="250"/>'
    b"</cacheField></cacheFields></pivotCacheDefinition>"
)
PIVOT_RECORDS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'count="3"><r><n v="100"/></r><r><n v="250"/></r><r><n v="0"/></r></pivotCacheRecords>'
)
CONNECTIONS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<connection id="1" name="CRM export" type="5" refreshedVersion="6" background="1">'
    b'<dbPr connection="Provider=MSOLEDBSQL;Data Source=crm" command="leads"/></connection>'
    b"</connections>"
)
SLICER_CACHE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
    b' name="Slicer_channel" sourceName="channel"><pivotTables/></slicerCacheDefinition>'
)
WORKBOOK_EXTRAS = (
    '<pivotCaches><pivotCache cacheId="7" r:id="rIdPC"/></pivotCaches>'
    '<extLst><ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:slicerCaches><x14:slicerCache r:id="rIdSC"/></x14:slicerCaches></ext></extLst>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."


def rich_user_book(tmp_path: Path) -> Path:
    """:func:`user_book` plus a pivot cache, a data connection and a slicer cache."""
    path = user_book(tmp_path, "rich.xlsm")
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    workbook = workbook.replace("</workbook>", WORKBOOK_EXTRAS + "</workbook>")
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdPC" Type="{_REL}pivotCacheDefinition" '
        'Target="pivotCache/pivotCacheDefinition1.xml"/>'
        f'<Relationship Id="rIdCN" Type="{_REL}connections" Target="connections.xml"/>'
        '<Relationship Id="rIdSC" Type="http://schemas.microsoft.com/office/2007/relationships/'
        'slicerCache" Target="slicerCaches/slicerCache1.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" '
        f'ContentType="{_TYPE}pivotCacheDefinition+xml"/>'
        '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" '
        f'ContentType="{_TYPE}pivotCacheRecords+xml"/>'
        f'<Override PartName="/xl/connections.xml" ContentType="{_TYPE}connections+xml"/>'
        '<Override PartName="/xl/slicerCaches/slicerCache1.xml" '
        'ContentType="application/vnd.ms-excel.slicerCache+xml"/></Types>',
    )
    _edit_zip(
        path,
        {
            "xl/workbook.xml": workbook.encode(),
            "xl/_rels/workbook.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
        {
            "xl/pivotCache/pivotCacheDefinition1.xml": PIVOT_DEFINITION,
            "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                b'relationships"><Relationship Id="rId1" Type="' + _REL.encode()
                + b'pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>'
            ),
            "xl/pivotCache/pivotCacheRecords1.xml": PIVOT_RECORDS,
            "xl/connections.xml": CONNECTIONS,
            "xl/slicerCaches/slicerCache1.xml": SLICER_CACHE,
        },
    )
    return path


_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


def add_sheet(path: Path, name: str, cells: str = "", *, names: str = "") -> None:
    """Add a worksheet ``name`` holding ``cells`` (``<row>`` elements) to the package, as
    a user would in Excel, and the ``<definedName>`` elements ``names``."""
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        taken = set(z.namelist())
    number = 1
    while f"xl/worksheets/user{number}.xml" in taken:
        number += 1
    part = f"worksheets/user{number}.xml"
    sheet_id = max(int(i) for i in re.findall(r'sheetId="(\d+)"', workbook)) + 1
    rid = f"rIdUser{number}"
    workbook = workbook.replace(
        "</sheets>", f'<sheet name="{name}" sheetId="{sheet_id}" r:id="{rid}"/></sheets>'
    )
    if names:
        if "</definedNames>" in workbook:
            workbook = workbook.replace("</definedNames>", names + "</definedNames>")
        else:
            block = f"<definedNames>{names}</definedNames>"
            workbook = workbook.replace("</sheets>", "</sheets>" + block)
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{_WORKSHEET_REL}" Target="{part}"/></Relationships>',
    )
    types = types.replace(
        "</Types>", f'<Override PartName="/xl/{part}" ContentType="{_WORKSHEET_TYPE}"/></Types>'
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
        'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f"{cells}</sheetData></worksheet>"
    )
    _edit_zip(
        path,
        {"xl/workbook.xml": workbook.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
         "[Content_Types].xml": types.encode()},
        {f"xl/{part}": sheet.encode()},
    )


def edit_part(path: Path, part: str, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` (which must occur ``count`` times) by ``new`` in one part."""
    with zipfile.ZipFile(path) as z:
        text = z.read(part).decode()
    assert text.count(old) == count, (part, old, text.count(old))
    _edit_zip(path, {part: text.replace(old, new).encode()}, {})


def unselected(data: bytes) -> bytes:
    """A user's part as a rebuild that opens on the Dashboard leaves it: the sheet-view flag
    that made it a selected tab removed, every other byte as it was."""
    return re.sub(rb"""\stabSelected=(?:"1"|'1'|"true")""", b"", data)


def selected_tabs(path: Path) -> list[str]:
    """The names of the sheets of ``path`` that are its active tab or a selected one."""
    from xlreview.io.opc import Package

    with zipfile.ZipFile(path) as z:
        package = Package(z)
        sheets = package.sheets()
        view = re.search(rb"<(?:\w+:)?workbookView\b[^>]*>", z.read(package.workbook_part()))
        active = re.search(rb'activeTab="(\d+)"', view.group(0)) if view else None
        names = {sheets[int(active.group(1))].name} if active else set()
        names |= {s.name for s in sheets if s.part and re.search(
            rb"<(?:\w+:)?sheetView\b[^>]*tabSelected=.(?:1|true)", z.read(s.part))}
    return sorted(names)
