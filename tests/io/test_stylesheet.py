"""Merging styles.xml: index remapping, reuse of identical entries, list counts."""

from xlreview.io.stylesheet import entries, merge_styles, unescaped_format_codes

FONT = '<font><sz val="11"/><name val="Calibri"/></font>'
BOLD = '<font><b/><sz val="11"/><name val="Calibri"/></font>'
NO_FILL = '<fill><patternFill patternType="none"/></fill>'
BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>"


def _styles(numfmts: str, fonts: list[str], xfs: list[str], dxfs: str = '<dxfs count="0"/>'):
    return (
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + numfmts
        + f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
        + f'<fills count="1">{NO_FILL}</fills><borders count="1">{BORDER}</borders>'
        + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        + f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        + dxfs
        + '<tableStyles count="0"/></styleSheet>'
    )


def _xf(fmt: int, font: int) -> str:
    return f'<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="0" xfId="0"/>'


# The user's book: fonts [plain, bold]; format 164 = "0.0%"; xfs [plain, bold, 0.0%].
BOOK = _styles(
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>',
    [FONT, BOLD],
    [_xf(0, 0), _xf(0, 1), _xf(164, 0)],
)
# The generated book: fonts [plain, italic, bold]; 164 = "#,##0 元", 165 = "0.0%".
ITALIC = '<font><i/><sz val="11"/><name val="Calibri"/></font>'
GENERATED = _styles(
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0 元"/>'
    '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>',
    [FONT, ITALIC, BOLD],
    [_xf(0, 0), _xf(164, 1), _xf(165, 2), _xf(0, 2)],
    '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="#,##0 元"/></dxf></dxfs>',
)


def test_generated_formats_are_appended_and_remapped():
    merged = merge_styles(BOOK, GENERATED)
    xml = merged.xml
    # Fonts: plain and bold exist (0, 1); italic is new -> 2.
    assert entries(xml, "fonts") == [FONT, BOLD, ITALIC]
    # Formats: "0.0%" exists as 164; "#,##0 元" is new -> 165.
    assert unescaped_format_codes(xml) == ["0.0%", "#,##0 元"]
    # Generated xf 0 (0, plain) = book xf 0. xf 1 ("#,##0 元" -> 165, italic -> 2) is
    # new -> 3. xf 2 ("0.0%" -> 164, bold -> 1): book xf 2 is (164, plain), so new -> 4.
    # xf 3 (0, bold -> 1) = book xf 1.
    assert merged.xf == {0: 0, 1: 3, 2: 4, 3: 1}
    assert entries(xml, "cellXfs")[3:] == [_xf(165, 2), _xf(164, 1)]
    assert merged.dxf == {0: 0}
    assert entries(xml, "dxfs") == ['<dxf><numFmt numFmtId="165" formatCode="#,##0 元"/></dxf>']
    for name, count in (("numFmts", 2), ("fonts", 3), ("cellXfs", 5), ("dxfs", 1)):
        assert f'<{name} count="{count}">' in xml


def test_merging_again_adds_nothing():
    once = merge_styles(BOOK, GENERATED)
    twice = merge_styles(once.xml, GENERATED)
    assert twice.xml is None  # unchanged
    assert twice.xf == once.xf and twice.dxf == once.dxf


def test_missing_number_format_list_is_created_before_fonts():
    book = _styles("", [FONT], [_xf(0, 0)])
    xml = merge_styles(book, GENERATED).xml
    assert xml.index("<numFmts") < xml.index("<fonts")
    assert unescaped_format_codes(xml) == ["#,##0 元", "0.0%"]
    assert '<numFmt numFmtId="164" formatCode="#,##0 元"/>' in xml
