"""A rebuilt workbook opens on the answer: the Dashboard active, alone selected (issue 13)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from xlreview.cli import main
from xlreview.io.opc import Package

from .workbooks import _edit_zip, selected_tabs, unselected


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("opening") / "template.xlsx"
    assert main(["template", str(path)]) == 0
    return path


def _workbook_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(Package(z).workbook_part()).decode()


def _sheet_index(path: Path, name: str) -> int:
    with zipfile.ZipFile(path) as z:
        return [s.name for s in Package(z).sheets()].index(name)


def _view(path: Path) -> dict[str, str]:
    tag = re.search(r"<workbookView\b[^>]*>", _workbook_xml(path)).group(0)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def _book(template: Path, tmp_path: Path) -> Path:
    book = tmp_path / "book.xlsx"
    shutil.copy(template, book)
    return book


def test_the_rebuilt_book_opens_on_the_dashboard_and_only_it_is_selected(template, tmp_path):
    book = _book(template, tmp_path)
    assert selected_tabs(book) == ["Settings"]  # the template opens on its first sheet
    with zipfile.ZipFile(book) as z:
        settings_before = z.read("xl/worksheets/sheet1.xml")

    assert main(["rebuild", "-q", str(book)]) == 0

    dashboard = _sheet_index(book, "Dashboard")
    assert dashboard > 0  # after the input sheets: the tab bar starts on the report
    assert _view(book)["activeTab"] == _view(book)["firstSheet"] == str(dashboard)
    assert selected_tabs(book) == ["Dashboard"]  # not grouped with Settings
    with zipfile.ZipFile(book) as z:
        settings_after = z.read("xl/worksheets/sheet1.xml")
    assert b'tabSelected="1"' in settings_before
    assert settings_after == unselected(settings_before) != settings_before


def test_a_dashboard_the_user_hid_stays_hidden_and_the_users_tab_stays_active(template,
                                                                             tmp_path):
    book = _book(template, tmp_path)
    assert main(["rebuild", "-q", str(book)]) == 0
    xml = _workbook_xml(book)
    xml = xml.replace('<sheet name="Dashboard"', '<sheet name="Dashboard" state="hidden"')
    xml = re.sub(r'activeTab="\d+" firstSheet="\d+"', 'activeTab="1" firstSheet="0"', xml)
    _edit_zip(book, {"xl/workbook.xml": xml.encode()}, {})

    assert main(["rebuild", "-q", str(book)]) == 0

    assert re.search(r'<sheet name="Dashboard"[^>]*state="hidden"', _workbook_xml(book))
    assert _view(book)["activeTab"] == "1"  # Leads, as the user left it


def test_a_book_without_window_settings_gets_one_that_opens_on_the_dashboard(template,
                                                                             tmp_path):
    book = _book(template, tmp_path)
    xml = re.sub(r"<bookViews>.*?</bookViews>", "", _workbook_xml(book))
    _edit_zip(book, {"xl/workbook.xml": xml.encode()}, {})

    assert main(["rebuild", "-q", str(book)]) == 0

    xml = _workbook_xml(book)
    assert xml.index("<bookViews>") < xml.index("<sheets>")  # the schema's order
    assert _view(book)["activeTab"] == str(_sheet_index(book, "Dashboard"))


def test_writing_the_plan_baseline_leaves_the_users_tab(template, tmp_path):
    book = _book(template, tmp_path)
    assert main(["rebuild", "-q", str(book)]) == 0
    xml = re.sub(r'activeTab="\d+" firstSheet="\d+"', 'activeTab="2" firstSheet="0"',
                 _workbook_xml(book))
    _edit_zip(book, {"xl/workbook.xml": xml.encode()}, {})

    main(["baseline", str(book)])

    assert _view(book)["activeTab"] == "2"
