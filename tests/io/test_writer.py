"""xlsxwriter output read back with openpyxl and as raw XML: tables, text, formulas, print."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from tests import tables_fixture as fx
from xlreview.io.fonts import chart_font, east_asian_theme
from xlreview.io.writer import scatter_to_bubble, straight_lines, write_sheets
from xlreview.labels import label
from xlreview.layout import build_sheets


@pytest.fixture(scope="module", params=["en", "zh-CN", "zh-TW"])
def book(request, tmp_path_factory) -> tuple[str, Path]:
    lang = request.param
    path = tmp_path_factory.mktemp("writer") / f"generated_{lang}.xlsx"
    sheets = build_sheets(fx.tables(with_share_of_voice=True), settings=fx.settings(lang),
                          extra=fx.extra())
    write_sheets(sheets, path)
    return lang, path


def _sheet(wb: openpyxl.Workbook, key: str, lang: str):
    return wb[label(f"sheet.{key}", lang)]


def test_only_generated_sheets_dashboard_first(book):
    lang, path = book
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == label("sheet.dashboard", lang)
    assert label("sheet.share_of_voice", lang) in wb.sheetnames
    assert all(ws.sheet_properties.tabColor.rgb.endswith("2E7D32") for ws in wb.worksheets)


def test_tables_named_by_key_with_label_headers(book):
    lang, path = book
    wb = openpyxl.load_workbook(path)
    ws = _sheet(wb, "roi_matrix", lang)
    table = ws.tables["roi_matrix"]
    # Header row 4, three channels and the total: A4:P8.
    assert table.ref == "A4:P8"
    headers = [c.value for c in ws[4][:16]]
    assert headers == [label(f"col.{k}", lang) for k in fx.tables()["roi_matrix"].columns]
    assert "roi_summary" in ws.tables
    names = {t for s in wb.worksheets for t in s.tables}
    assert {"funnel", "events", "monthly", "targets", "budget", "workplan", "data_check",
            "goal_review", "plan_weekly"} <= names


def test_blank_ratios_are_empty_cells_not_errors(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "roi_matrix", lang)
    organic = 7  # header row 4 + Trade shows, Search, Organic
    assert ws.cell(organic, 1).value == "Organic"
    assert ws.cell(organic, 2).value is None  # cost
    assert ws.cell(organic, 15).value is None  # ROI
    for row in ws.iter_rows():
        for cell in row:
            assert not (isinstance(cell.value, str) and cell.value.startswith("#DIV"))


def test_formula_like_text_is_written_as_text(book):
    lang, path = book
    wb = openpyxl.load_workbook(path)
    ws = _sheet(wb, "events", lang)
    cells = [ws.cell(6 + i, 1) for i in range(4)]
    assert [c.value for c in cells] == fx.FORMULA_LIKE
    assert all(c.data_type == "s" for c in cells)
    check = _sheet(wb, "data_check", lang)
    assert check.cell(6, 5).value == "=blank channel set to (no channel)"
    assert check.cell(6, 5).data_type == "s"


def test_targets_formulas_and_cached_values(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "targets", lang)
    cached = _sheet(openpyxl.load_workbook(path, data_only=True), "targets", lang)
    # Table header on row 10, Trade shows on row 11; customers in column G, leads in K.
    assert ws["G11"].data_type == "f"
    assert ws["G11"].value.startswith("=IFERROR(INT(ROUND($B$8*(B11/")
    assert ws["K11"].value == '=IFERROR(ROUNDUP(J11/C11,0),"")'
    assert cached["G11"].value == 8
    assert cached["K11"].value == 540
    assert cached["K14"].value == 1_880
    assert cached["B8"].value == 15
    assert cached["B6"].value == 3_000_000


def test_number_formats_follow_the_currency(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "roi_matrix", lang)
    assert ws["B5"].number_format == '"¥"#,##0'
    assert ws["O5"].number_format == "0.0%"
    assert ws["C5"].number_format == "#,##0"


def test_freeze_print_titles_and_page_setup(book):
    lang, path = book
    wb = openpyxl.load_workbook(path)
    ws = _sheet(wb, "funnel", lang)
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"
    # Fit to 1 page wide (fitToWidth defaults to 1), any number of pages tall.
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    dash = _sheet(wb, "dashboard", lang)
    assert dash.page_setup.fitToHeight in (None, 1)  # 1 page tall (1 is the default)
    assert dash.sheet_properties.pageSetUpPr.fitToPage


def test_charts_are_native_and_reference_sheet_ranges(book):
    lang, path = book
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n)]
        xml = "".join(z.read(n).decode() for n in charts)
    # Dashboard 4, ROI 2, funnel, monthly, goal review (by module), targets, quarterly,
    # budget.
    assert len(charts) == 12
    # Straight lines: no smoothed series (LibreOffice smooths unless told otherwise).
    assert "<c:lineChart>" in xml and '<c:smooth val="1"/>' not in xml
    funnel = label("sheet.funnel", lang)
    assert re.search(rf"<c:f>'?{re.escape(funnel)}'?!\$B\$5:\$B\$9</c:f>", xml)


def test_gantt_conditional_format(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "workplan", lang)
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert len(rules) == 1
    assert rules[0].formula[0].startswith("AND(")


def test_message_house_merged_roof_and_foundation(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "message_house", lang)
    merged = sorted(str(r) for r in ws.merged_cells.ranges)
    assert merged == ["A3:C4", "A8:C9"]
    assert ws["A3"].value == "Grow with confidence"


def test_empty_table_is_still_a_valid_table(tmp_path):
    tables = fx.tables()
    tables["data_check"] = tables["data_check"].iloc[0:0]
    path = tmp_path / "empty.xlsx"
    write_sheets(build_sheets(tables, settings=fx.settings()), path)
    ws = openpyxl.load_workbook(path)[label("sheet.data_check")]
    assert ws.tables["data_check"].ref == "A4:E5"


def _bubble_part(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode() for n in z.namelist()
                 if re.match(r"xl/charts/chart\d+\.xml", n)]
    (xml,) = [x for x in parts if "<c:bubbleChart>" in x]
    return xml


def test_quadrant_is_a_native_bubble_chart_on_the_table_ranges(book):
    lang, path = book
    xml = _bubble_part(path)
    assert "<c:scatterChart>" not in xml
    sheet = re.escape(label("sheet.roi_matrix", lang))
    # One series per channel. Table header on row 4, channels on rows 5-7: Leads column D.
    # Sizes: the helper below the charts (its ratios in column B, sizes in column C, rows
    # 41-43).
    series = re.findall(r"<c:ser>.*?</c:ser>", xml, flags=re.S)
    assert len(series) == 3
    for i, ser in enumerate(series):
        assert re.search(rf"<c:bubbleSize><c:numRef><c:f>'?{sheet}'?!\$C\${41 + i}</c:f>", ser)
        assert re.search(rf"<c:xVal><c:numRef><c:f>'?{sheet}'?!\$D\${5 + i}</c:f>", ser)
    # Cached sizes: 400,000 and 100,000; Organic, without spend, 400,000 / 20 = 20,000.
    sizes = [re.findall(r"<c:v>([^<]+)</c:v>", ser.split("<c:bubbleSize>")[1])[0]
             for ser in series]
    assert sizes == ["400000.0", "100000.0", "20000.0"]
    # ECMA-376 CT_BubbleSer order, then the chart group's bubble settings before the axes.
    order = ["<c:tx>", "<c:spPr>", "<c:invertIfNegative", "<c:dLbls>", "<c:dLblPos",
             "<c:showSerName", "</c:dLbls>", "<c:xVal>", "<c:yVal>", "<c:bubbleSize>",
             "<c:bubble3D", "</c:ser>"]
    for ser in series:
        at = 0
        for tag in order:  # each tag found after the previous one (ValueError if not)
            at = ser.index(tag, at)
    tail = xml[xml.rindex("</c:ser>"):]
    assert tail.index("<c:bubbleScale") < tail.index("<c:showNegBubbles") < tail.index(
        "<c:axId")
    # A colour per channel; quadrant lines: the axes cross at the medians
    # (leads 100, 500, 1000 → 500; opportunities per lead 0.08, 0.02, 0.05 → 0.05).
    colours = [re.search(r'<a:srgbClr val="(\w+)">', ser).group(1) for ser in series]
    assert len(set(colours)) == 3
    assert sorted(re.findall(r'<c:crossesAt val="([^"]+)"/>', xml)) == ["0.05", "500.0"]
    # The legend names each channel (series names); each bubble carries its name on a side.
    assert '<c:legendPos val="r"/>' in xml and "<c:legendEntry>" not in xml
    for ser, name in zip(series, ("Trade shows", "Search", "Organic"), strict=True):
        assert f"<c:v>{name}</c:v>" in ser.split("</c:tx>")[0]
    assert re.findall(r'<c:dLblPos val="(\w)"/>', xml) == ["r", "l", "r"]


def test_close_channels_get_their_names_on_different_sides(tmp_path):
    # Search moved onto Trade shows: 510 leads and 41 opportunities (0.0804 per lead) beside
    # 500 and 40 (0.08). The old chart wrote every name centred on its bubble, one on top
    # of the other; now they take different sides (or one is left to the legend).
    tables = fx.tables()
    roi = tables["roi_matrix"]
    roi.loc[1, ["leads", "opp"]] = [510, 41]
    path = tmp_path / "close.xlsx"
    write_sheets(build_sheets(tables, settings=fx.settings()), path)
    series = re.findall(r"<c:ser>.*?</c:ser>", _bubble_part(path), flags=re.S)
    sides = [m.group(1) if (m := re.search(r'<c:dLblPos val="(\w)"/>', s)) else None
             for s in series]
    assert len(series) == 3 and sides[0] != sides[1]
    assert all(side in ("r", "l", "t", "b", None) for side in sides)


def test_a_quadrant_without_channels_is_an_empty_frame(tmp_path):
    # Only the Total row: one blank series (a cell right of the content), no legend entry,
    # both axes hidden, rather than a made-up scale or a plotted Total.
    tables = fx.tables()
    tables["roi_matrix"] = tables["roi_matrix"].iloc[-1:].reset_index(drop=True)
    path = tmp_path / "empty.xlsx"
    write_sheets(build_sheets(tables, settings=fx.settings()), path)
    xml = _bubble_part(path)
    refs = set(re.findall(r"<c:f>([^<]*)</c:f>", xml))
    assert xml.count("<c:ser>") == 1 and len(refs) == 1 and ":" not in refs.pop()
    assert "<c:legend>" not in xml and xml.count('<c:delete val="1"/>') == 2


def test_bubble_chart_loads_in_openpyxl(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "roi_matrix", lang)
    bubble = next(c for c in ws._charts if type(c).__name__ == "BubbleChart")
    assert len(bubble.ser) == 3
    assert [s.bubbleSize.numRef.f.split("!")[1] for s in bubble.ser] == ["$C$41", "$C$42", "$C$43"]


def test_scatter_to_bubble_refuses_other_charts():
    with pytest.raises(ValueError):
        scatter_to_bubble("<c:lineChart><c:ser></c:ser></c:lineChart>", [("", "")])
    with pytest.raises(ValueError):  # a fill and a size for each series
        scatter_to_bubble("<c:scatterChart><c:ser></c:ser><c:ser></c:ser></c:scatterChart>",
                          [("", "")])


def test_long_title_over_a_narrow_table_keeps_its_print_room(book):
    lang, path = book
    if lang != "en":
        pytest.skip("the English title is the long one")
    ws = _sheet(openpyxl.load_workbook(path), "sales_cycle", lang)
    # "Sales cycle (days from lead to customer)", 40 characters in bold 16 pt (~67 width
    # units), over a four-column table (A:D): a space right of where the title ends keeps
    # those columns in the printed range.
    last = max(c.column for c in ws[1] if c.value is not None)
    assert last > 4 and ws.cell(1, last).value == " "


_FONTS = {"en": None, "zh-CN": ("Microsoft YaHei", "134"), "zh-TW": ("Microsoft JhengHei", "136")}


def _styles(path: Path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/styles.xml").decode()
    fonts = re.findall(r"<font>.*?</font>", re.search(r"<fonts.*?</fonts>", xml, re.S).group(0),
                       re.S)
    xfs = re.findall(r"<xf [^>]*>", re.search(r"<cellXfs.*?</cellXfs>", xml, re.S).group(0))
    return fonts, xfs


def test_every_cell_format_of_a_chinese_sheet_names_the_east_asian_font(book):
    lang, path = book
    fonts, xfs = _styles(path)
    used = [fonts[int(re.search(r'fontId="(\d+)"', xf).group(1))] for xf in xfs[1:]]
    if _FONTS[lang] is None:
        assert not any("YaHei" in f or "JhengHei" in f for f in fonts)
        return
    name, charset = _FONTS[lang]
    assert used and all(f'<name val="{name}"/>' in f and f'<charset val="{charset}"/>' in f
                        for f in used)


def test_unstyled_cells_of_a_chinese_sheet_carry_the_font_too(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "roi_matrix", lang)
    expected = _FONTS[lang][0] if _FONTS[lang] else "Calibri"
    # A1 is the title (styled), A5 a channel name (a table cell with no style of its own).
    assert {ws["A1"].font.name, ws["A5"].font.name} == {expected}


def test_chart_text_defaults_to_the_east_asian_font(book):
    lang, path = book
    with zipfile.ZipFile(path) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist()
                  if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    assert charts
    for xml in charts:
        ElementTree.fromstring(xml)  # still well-formed
        if _FONTS[lang] is None:
            assert "<a:ea typeface=" not in xml
        else:
            assert f'<a:ea typeface="{_FONTS[lang][0]}"/>' in xml


def test_chart_font_goes_after_the_chart_and_before_print_settings():
    xml = ('<c:chartSpace xmlns:c="c" xmlns:a="a"><c:chart/><c:spPr/>'
           "<c:printSettings/></c:chartSpace>")
    out = chart_font(xml, "Microsoft YaHei")
    assert out.index("<c:spPr/>") < out.index("<c:txPr>")
    assert out.index("</c:txPr>") < out.index("<c:printSettings/>")


def test_theme_names_the_font_in_its_east_asian_slot_and_for_both_chinese_scripts():
    from xlsxwriter.theme import THEME_XML_2007

    theme = east_asian_theme(THEME_XML_2007, "Microsoft JhengHei")
    assert theme.count('<a:ea typeface="Microsoft JhengHei"/>') == 2  # major and minor fonts
    assert theme.count('<a:font script="Hans" typeface="Microsoft YaHei"/>') == 2
    assert theme.count('<a:font script="Hant" typeface="Microsoft JhengHei"/>') == 2
    assert '<a:font script="Jpan" typeface="ＭＳ Ｐゴシック"/>' in theme  # left as it was
def test_every_line_series_says_it_is_straight(book):
    """Without ``<c:smooth val="0"/>`` LibreOffice smooths a line once another tool saved
    the file; every series of every line chart carries it, and only line charts."""
    _, path = book
    with zipfile.ZipFile(path) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/chart")]
    line_charts = [re.search(r"<c:lineChart>.*?</c:lineChart>", x, re.S) for x in charts]
    line_charts = [m.group(0) for m in line_charts if m]
    assert line_charts, "the fixture draws line charts"
    for xml in line_charts:
        series = re.findall(r"<c:ser>.*?</c:ser>", xml, re.S)
        assert series and all(s.endswith('<c:smooth val="0"/></c:ser>') for s in series)


@pytest.mark.parametrize(("xml", "expected"), [
    # a plain series gets the element last
    ("<c:lineChart><c:ser><c:val/></c:ser></c:lineChart>",
     '<c:lineChart><c:ser><c:val/><c:smooth val="0"/></c:ser></c:lineChart>'),
    # an explicit choice stays
    ('<c:lineChart><c:ser><c:smooth val="1"/></c:ser></c:lineChart>',
     '<c:lineChart><c:ser><c:smooth val="1"/></c:ser></c:lineChart>'),
    # before extLst, which must stay last
    ("<c:lineChart><c:ser><c:val/><c:extLst></c:extLst></c:ser></c:lineChart>",
     '<c:lineChart><c:ser><c:val/><c:smooth val="0"/><c:extLst></c:extLst></c:ser>'
     "</c:lineChart>"),
    # a bar chart's series are left alone
    ("<c:barChart><c:ser><c:val/></c:ser></c:barChart>",
     "<c:barChart><c:ser><c:val/></c:ser></c:barChart>"),
])
def test_straight_lines(xml, expected):
    assert straight_lines(xml) == expected


def test_headers_of_number_columns_sit_right_above_their_numbers(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "sales_cycle", lang)
    header = next(r for r in ws.iter_rows() if r[1].value is not None and r[2].value)
    first = header[0].row + 1
    for cell in header[:4]:
        value = ws.cell(first, cell.column).value
        numeric = isinstance(value, int | float)
        # Lead type is text (left, Excel's default); Deals, Median days, P80 days numbers.
        assert (cell.alignment.horizontal == "right") == numeric, cell.value


def _channel_chart_book(tmp_path: Path, channels: list[str], costs: list[float]) -> str:
    """A table of channels with a Total row and a column chart of their cost; the chart XML."""
    from xlreview.layout import Block, Chart, Column, Series, Sheet, Style
    from xlreview.sheetmodel import column_ref

    block = Block("tbl_cost", 0, 0, [
        Column("channel", "Channel", [*channels, "Total"], Style()),
        Column("cost", "Cost", [*costs, sum(costs)], Style()),
    ], has_total=True)
    sheet = Sheet(key="roi_matrix", name="ROI", blocks=[block])
    sheet.charts.append(Chart("column", "Cost by channel", [Series(
        "Cost", column_ref(sheet, block, "cost"), column_ref(sheet, block, "channel"))], 5, 0))
    path = tmp_path / "chart.xlsx"
    write_sheets([sheet], path)
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/charts/chart1.xml").decode()


def test_a_chart_over_a_table_with_only_its_total_row_is_empty(tmp_path):
    xml = _channel_chart_book(tmp_path, [], [])
    # The data rows are none: not the Total row (row 2), not the header (row 1), but one
    # blank cell right of the table (column D: last used column B, one apart).
    assert "$A$2" not in xml and "$B$2" not in xml and "$B$1" not in xml
    assert "<c:f>ROI!$D$1</c:f>" in xml
    # No made-up scale: both axes hidden, no gridlines.
    assert xml.count('<c:delete val="1"/>') == 2 and "<c:majorGridlines" not in xml


def test_a_chart_with_data_keeps_its_axes_and_leaves_the_total_out(tmp_path):
    # Two channels: data rows 2-3, Total on row 4.
    xml = _channel_chart_book(tmp_path, ["Web", "Events"], [100.0, 0.0])
    assert "<c:f>ROI!$B$2:$B$3</c:f>" in xml and "<c:f>ROI!$A$2:$A$3</c:f>" in xml
    assert '<c:delete val="1"/>' not in xml and "<c:majorGridlines" in xml


def test_a_text_column_after_numbers_starts_one_indent_in(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "roi_matrix", lang)
    header = next(r for r in ws.iter_rows() if r[0].value == label("col.channel", lang))
    cols = {c.value: c.column for c in header}
    roi, quadrant = cols[label("col.roi", lang)], cols[label("col.quadrant", lang)]
    assert quadrant == roi + 1
    first = header[0].row + 1
    # ROI (a number) right-aligned, the Quadrant text beside it one indent in.
    assert ws.cell(header[0].row, roi).alignment.horizontal == "right"
    assert ws.cell(header[0].row, quadrant).alignment.indent == 1
    assert ws.cell(first, quadrant).alignment.indent == 1
    assert ws.cell(first, cols[label("col.channel", lang)]).alignment.indent == 0


def test_budget_dropdowns_are_written(book):
    lang, path = book
    ws = _sheet(openpyxl.load_workbook(path), "budget", lang)
    lists = sorted(v.formula1 for v in ws.data_validations.dataValidation)
    assert '"TRUE,FALSE"' in lists
    words = ",".join(label(f"value.{t}", lang) for t in ("proven", "experiment", "reserve",
                                                               "headcount"))
    assert f'"{words}"' in lists


def test_dashboard_charts_over_other_sheets_keep_their_axes(book):
    """The dashboard's charts read the review sheets: with data there, axes stay."""
    lang, path = book
    wb = openpyxl.load_workbook(path)
    dashboard = _sheet(wb, "dashboard", lang)
    assert dashboard._charts
    with zipfile.ZipFile(path) as zf:
        rels = zf.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        drawing = re.search(r'Target="\.\./drawings/(drawing\d+\.xml)"', rels).group(1)
        charts = re.findall(r'Target="\.\./charts/(chart\d+\.xml)"',
                            zf.read(f"xl/drawings/_rels/{drawing}.rels").decode())
        for chart in charts:
            assert '<c:delete val="1"/>' not in zf.read(f"xl/charts/{chart}").decode(), chart


@pytest.mark.parametrize("formula", [
    '=IFERROR(B5/C5,"")',  # a plain formula: its "=" goes
    "{=SUM(A1:A3*B1:B3)}",  # array braces go too
    "=SORT(A1:A3)",  # a dynamic-array function: _xlfn._xlws.SORT
    "=XLOOKUP(A1,B1:B3,C1:C3)",
    "=SINGLE(A1:A3)",  # xlsxwriter's SINGLE rule is written \SINGLE\(
    "=XSINGLE(A1)",  # ... so it rewrites this one too: left to xlsxwriter
    "=_xlfn.CONCAT(A1,B1)",  # already prefixed
    "=CONCAT(A1,B1)",  # a future function: prefixed only when asked for
    '=SUMIFS(Leads!$H:$H,Leads!$C:$C,"Search")',
])
@pytest.mark.parametrize("expand", [False, True])
def test_quick_formula_preparation_is_xlsxwriters(formula, expand, tmp_path):
    from xlsxwriter import Workbook
    from xlsxwriter.worksheet import Worksheet

    from xlreview.io.writer import _Worksheet

    book = Workbook(str(tmp_path / "x.xlsx"))
    quick = book.add_worksheet("quick", worksheet_class=_Worksheet)
    plain = book.add_worksheet("plain")
    assert isinstance(quick, Worksheet)
    assert quick._prepare_formula(formula, expand) == plain._prepare_formula(formula, expand)
    book.close()


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_every_generated_formula_is_prepared_as_xlsxwriter_would(lang, tmp_path):
    from xlsxwriter import Workbook

    from xlreview.io.writer import _Worksheet
    from xlreview.sheetmodel import Formula

    sheets = build_sheets(fx.tables(with_share_of_voice=True), settings=fx.settings(lang),
                          extra=fx.extra())
    values = [v for s in sheets for b in s.blocks for c in b.columns for v in c.values]
    values += [c.value for s in sheets for c in s.cells]
    formulas = [v.text for v in values if isinstance(v, Formula)]
    assert len(formulas) > 100
    scratch = Workbook(str(tmp_path / "scratch.xlsx"))
    quick = scratch.add_worksheet("quick", worksheet_class=_Worksheet)
    plain = scratch.add_worksheet("plain")
    for formula in formulas:
        assert quick._prepare_formula(formula) == plain._prepare_formula(formula), formula
    scratch.close()
