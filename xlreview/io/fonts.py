"""The East Asian font of Chinese workbooks, in chart parts and in the theme's font scheme.

Cells name their font in their styles (``io/writer.py``, ``io/template.py``); chart text and
text in the workbook's default font take it from the chart's own text properties and the
theme's East Asian slot, which the default theme leaves blank (Excel then picks a glyph set by
the system's language, often the Japanese one the theme lists first).
"""

from __future__ import annotations

import re


def _attribute(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def chart_font(xml: str, font: str) -> str:
    """A chart part whose text defaults to ``font`` in both the Latin and the East Asian slot
    (a chart-wide ``<c:txPr>``; CT_ChartSpace puts it after ``spPr``, before
    ``externalData`` / ``printSettings``)."""
    face = _attribute(font)
    tx = ('<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr>'
          f'<a:latin typeface="{face}"/><a:ea typeface="{face}"/>'
          '</a:defRPr></a:pPr><a:endParaRPr/></a:p></c:txPr>')
    for follower in ("<c:externalData", "<c:printSettings", "<c:userShapes", "</c:chartSpace>"):
        at = xml.rfind(follower)
        if at >= 0:
            return xml[:at] + tx + xml[at:]
    raise ValueError("not a chart part")


SCRIPT_FONTS: dict[str, str] = {"Hans": "Microsoft YaHei", "Hant": "Microsoft JhengHei"}
"""The theme's fonts of the two Chinese scripts (the default theme names 宋体 / 新細明體)."""


def east_asian_theme(theme_xml: str, font: str) -> str:
    """A theme whose font scheme names ``font`` in its East Asian slot (``<a:ea>``), and
    :data:`SCRIPT_FONTS` for the Chinese scripts, so that East Asian text is not drawn with
    the Japanese font the default theme lists first."""
    theme_xml = re.sub(r'<a:ea typeface="[^"]*"/>', f'<a:ea typeface="{_attribute(font)}"/>',
                       theme_xml)
    for script, face in SCRIPT_FONTS.items():
        theme_xml = re.sub(rf'<a:font script="{script}" typeface="[^"]*"/>',
                           f'<a:font script="{script}" typeface="{face}"/>', theme_xml)
    return theme_xml


__all__ = ["SCRIPT_FONTS", "chart_font", "east_asian_theme"]
