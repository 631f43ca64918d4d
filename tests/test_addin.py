"""The add-in built from xlwings' template: valid package, our ribbon, the template's VBA."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest
import xlwings

from xlreview import addin

oletools_olevba = pytest.importorskip("oletools.olevba")
NS = {"ui": addin.CUSTOM_UI_NS}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return addin.build_addin(tmp_path_factory.mktemp("build") / "out")


@pytest.fixture(scope="module")
def vba_modules(built: Path) -> dict[str, str]:
    parser = oletools_olevba.VBA_Parser(str(built))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def test_named_for_the_python_package(built: Path) -> None:
    # RunMain imports the module named like the add-in file: xlreview.
    assert built.name == "xlreview.xlam"


def test_valid_zip_with_every_template_part(built: Path) -> None:
    with zipfile.ZipFile(built) as z, zipfile.ZipFile(addin.template_path()) as t:
        assert z.testzip() is None
        assert sorted(z.namelist()) == sorted(t.namelist())
        # Only the ribbon XML differs from the template.
        changed = [n for n in t.namelist() if z.read(n) != t.read(n)]
        assert changed == [addin.CUSTOM_UI_PART]


def test_ribbon_tab_and_button(built: Path) -> None:
    with zipfile.ZipFile(built) as z:
        root = SafeET.fromstring(z.read(addin.CUSTOM_UI_PART))
    tabs = root.findall(".//ui:tab", NS)
    assert [t.get("label") for t in tabs] == ["Review & Plan / 复盘规划"]
    buttons = root.findall(".//ui:button", NS)
    assert len(buttons) == 1
    assert buttons[0].get("label").startswith("Rebuild plan")


def test_ribbon_part_is_still_linked(built: Path) -> None:
    # Excel shows a ribbon only if the package relationships point at it.
    with zipfile.ZipFile(built) as z:
        rels = z.read("_rels/.rels").decode()
    assert 'Target="customUI/customUI.xml"' in rels
    assert "ui/extensibility" in rels


def test_button_calls_a_vba_callback_that_exists(built: Path,
                                                 vba_modules: dict[str, str]) -> None:
    with zipfile.ZipFile(built) as z:
        root = SafeET.fromstring(z.read(addin.CUSTOM_UI_PART))
    module, _, sub = root.find(".//ui:button", NS).get("onAction").partition(".")
    code = vba_modules[f"{module}.bas"]
    assert re.search(rf"^Sub {sub}\(control As IRibbonControl\)", code, re.MULTILINE)
    # The callback imports the module named like the add-in and runs its main().
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in code


def test_vba_matches_installed_xlwings(vba_modules: dict[str, str]) -> None:
    found = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', vba_modules["xlwings.bas"])
    assert found and found.group(1) == xlwings.__version__


def test_build_twice_replaces(built: Path) -> None:
    again = addin.build_addin(built.parent)
    assert again == built
    assert sorted(p.name for p in built.parent.iterdir()) == ["xlreview.xlam"]


def test_install_twice_is_one_file_and_uninstall_removes(built: Path, tmp_path: Path) -> None:
    xlstart = tmp_path / "XLSTART"
    first = addin.install_addin(built, xlstart)
    second = addin.install_addin(built, xlstart)
    assert first == second == xlstart / "xlreview.xlam"
    assert [p.name for p in xlstart.iterdir()] == ["xlreview.xlam"]
    assert first.read_bytes() == built.read_bytes()
    assert addin.uninstall_addin(xlstart) is True
    assert list(xlstart.iterdir()) == []
    assert addin.uninstall_addin(xlstart) is False  # idempotent


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("win32", {"APPDATA": "/users/a/AppData/Roaming"},
     Path("/users/a/AppData/Roaming/Microsoft/Excel/XLSTART")),
    ("darwin", {}, Path.home() / addin.MAC_STARTUP),
])
def test_startup_folder(monkeypatch: pytest.MonkeyPatch, platform: str,
                        env: dict[str, str], expected: Path) -> None:
    monkeypatch.setattr(addin.sys, "platform", platform)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert addin.startup_folder() == expected


def test_linux_needs_a_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addin.sys, "platform", "linux")
    with pytest.raises(addin.AddinError, match="Windows or macOS"):
        addin.install_addin(Path("xlreview.xlam"))


def test_ribbon_in_traditional_chinese() -> None:
    xml = addin.ribbon_xml("RibbonMyAddin.RunMain", chinese="zh-TW")
    root = SafeET.fromstring(xml)
    [tab] = root.findall(".//ui:tab", NS)
    [button] = root.findall(".//ui:button", NS)
    assert tab.get("label") == "Review & Plan / 復盤規劃"
    assert button.get("label") == "Rebuild plan / 重建計劃"
    assert button.get("onAction") == "RibbonMyAddin.RunMain"
