"""The xlreview Excel add-in: build it from xlwings' ribbon template, install, uninstall.

The add-in is xlwings' own ``quickstart_addin_ribbon.xlam`` from the installed xlwings
package (its VBA declares the DLL of that exact xlwings version, so it is never stored in
this repository), with only its ribbon XML (``customUI/customUI.xml``) replaced: a tab
"Review & Plan / 复盘规划" (``復盤規劃`` when built for Traditional Chinese) with a
"Rebuild plan" button. The button calls the template's
own VBA callback (``RibbonMyAddin.RunMain``), which runs ``import xlreview;
xlreview.main()`` because the file is named ``xlreview.xlam``.

Installing copies the file into Excel's user startup folder (``XLSTART``), as
``xlwings addin install`` does; uninstalling removes it. Both are idempotent.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeET

from .errors import XlreviewError
from .labels import label, message

ADDIN_NAME = "xlreview.xlam"
TEMPLATE = "quickstart_addin_ribbon.xlam"
CUSTOM_UI_PART = "customUI/customUI.xml"
CUSTOM_UI_NS = "http://schemas.microsoft.com/office/2006/01/customui"

def ribbon_text(key: str, chinese: str = "zh-CN") -> str:
    """``English / 中文`` text of the ribbon (``tab``, ``button``, ``tip``); the Chinese in
    ``chinese`` (``zh-CN`` or ``zh-TW``): an add-in serves every workbook, whatever its
    language."""
    return f"{label(f'ribbon.{key}', 'en')} / {label(f'ribbon.{key}', chinese)}"


TAB_LABEL = ribbon_text("tab")
BUTTON_LABEL = ribbon_text("button")
BUTTON_TIP = ribbon_text("tip")
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAC_STARTUP = Path("Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel")
"""Excel 2016+ for Mac user startup folder, below the home folder."""


class AddinError(XlreviewError, OSError):
    """The add-in cannot be built, installed or removed (file locked, no template …)."""


def xlwings_folder() -> Path:
    """Folder of the installed xlwings package (found without importing it)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise AddinError(message("msg.addin_no_xlwings"))
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_version() -> str:
    """Version of the installed xlwings package."""
    return importlib.metadata.version("xlwings")


def template_path() -> Path:
    """xlwings' ribbon add-in template, ``quickstart_addin_ribbon.xlam``."""
    path = xlwings_folder() / TEMPLATE
    if not path.is_file():
        raise AddinError(message("msg.addin_no_template", template=TEMPLATE, folder=path.parent))
    return path


def template_button(custom_ui: bytes) -> tuple[str, str]:
    """``(onAction, imageMso)`` of the template's button: its VBA callback and icon."""
    root = SafeET.fromstring(custom_ui)
    button = root.find(f".//{{{CUSTOM_UI_NS}}}button")
    if button is None or not button.get("onAction"):
        raise AddinError(message("msg.addin_no_callback", part=CUSTOM_UI_PART))
    return str(button.get("onAction")), str(button.get("imageMso") or "MacroPlay")


def ribbon_xml(callback: str, image: str = "MacroPlay", *, chinese: str = "zh-CN") -> bytes:
    """Our ribbon: tab Review & Plan / 复盘规划, group xlreview, button Rebuild plan (the
    Chinese in ``chinese``: ``zh-CN`` or ``zh-TW``)."""
    ElementTree.register_namespace("", CUSTOM_UI_NS)
    ns = f"{{{CUSTOM_UI_NS}}}"
    root = ElementTree.Element(f"{ns}customUI")
    tabs = ElementTree.SubElement(ElementTree.SubElement(root, f"{ns}ribbon"), f"{ns}tabs")
    tab = ElementTree.SubElement(tabs, f"{ns}tab", id="xlreviewTab",
                                 label=ribbon_text("tab", chinese))
    group = ElementTree.SubElement(tab, f"{ns}group", id="xlreviewGroup", label="xlreview")
    ElementTree.SubElement(
        group, f"{ns}button", id="xlreviewRebuild", label=ribbon_text("button", chinese),
        size="large", onAction=callback, imageMso=image, screentip=ribbon_text("tip", chinese),
    )
    ElementTree.indent(root)
    return XML_DECLARATION + ElementTree.tostring(root, encoding="unicode").encode("utf-8")


def build_addin(out: Path, *, chinese: str = "zh-CN") -> Path:
    """Write ``xlreview.xlam`` into folder ``out`` (created if needed); returns its path.

    Every part of the xlwings template is copied unchanged except the ribbon XML, whose
    Chinese is in ``chinese`` (``zh-CN`` or ``zh-TW``).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / ADDIN_NAME
    with zipfile.ZipFile(template_path()) as source:
        callback, image = template_button(source.read(CUSTOM_UI_PART))
        fd, tmp = tempfile.mkstemp(suffix=".xlam", dir=out)
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w") as dest:
                for info in source.infolist():
                    data = source.read(info)
                    if info.filename == CUSTOM_UI_PART:
                        data = ribbon_xml(callback, image, chinese=chinese)
                    dest.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the add-in from other users
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return target


def startup_folder() -> Path:
    """Excel's user startup folder (XLSTART) on Windows and macOS.

    Raises:
        AddinError: on other systems (pass a folder explicitly there).
    """
    if sys.platform.startswith("win"):
        appdata = os.environ.get("APPDATA")
        if not appdata:
            raise AddinError(message("msg.addin_no_appdata"))
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if sys.platform == "darwin":
        return Path.home() / MAC_STARTUP
    raise AddinError(message("msg.addin_platform"))


def install_addin(addin: Path, folder: Path | None = None) -> Path:
    """Copy the add-in into ``folder`` (default: Excel's XLSTART); returns the copy's path.

    Installing again replaces the file, so there is always exactly one copy.

    Raises:
        AddinError: the file is in use (quit Excel and try again) or cannot be written.
    """
    folder = Path(folder) if folder is not None else startup_folder()
    target = folder / Path(addin).name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists() and target.samefile(addin):
            return target
        shutil.copyfile(addin, target)
    except PermissionError as error:
        raise AddinError(message("msg.addin_locked", path=target)) from error
    return target


def uninstall_addin(folder: Path | None = None, name: str = ADDIN_NAME) -> bool:
    """Remove the add-in from ``folder`` (default: Excel's XLSTART).

    Returns:
        True if a file was removed, False if it was not installed.

    Raises:
        AddinError: the file is in use (quit Excel and try again).
    """
    folder = Path(folder) if folder is not None else startup_folder()
    target = folder / name
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except PermissionError as error:
        raise AddinError(message("msg.addin_locked", path=target)) from error
    return True


__all__ = [
    "ADDIN_NAME",
    "AddinError",
    "build_addin",
    "install_addin",
    "startup_folder",
    "uninstall_addin",
]
