"""The workbooks bundled in workbooks/ are what the generators make today."""

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from xlreview.cli import write_demo
from xlreview.io.template import write_input_book
from xlreview.model import INPUT_SHEETS

BUNDLED = Path(__file__).parents[1] / "workbooks"


def _input_values(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    names = {spec.name(lang) for spec in INPUT_SHEETS for lang in ("en", "zh-CN", "zh-TW")}
    return {
        n: book.get_sheet_by_name(n).to_python() for n in book.sheet_names if n in names
    }


@pytest.mark.parametrize(("lang", "name"), [
    ("en", "xlreview_template.xlsx"),
    ("zh-CN", "xlreview_template_zh-CN.xlsx"),
    ("zh-TW", "xlreview_template_zh-TW.xlsx"),
])
def test_bundled_template_is_current(tmp_path, lang, name):
    fresh = write_input_book(tmp_path / name, lang=lang)
    assert _input_values(BUNDLED / name) == _input_values(fresh)


@pytest.mark.parametrize("lang", ["en", "zh-CN", "zh-TW"])
def test_bundled_sample_inputs_are_current(tmp_path, lang):
    fresh = write_demo(tmp_path, lang=lang)
    assert _input_values(BUNDLED / fresh.name) == _input_values(fresh)
