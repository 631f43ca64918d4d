"""Installation: the UDF module is importable by the name the workbook's xlwings.conf gives."""

import importlib.util
from pathlib import Path

import openpyxl


def test_udf_module_installs_as_a_top_level_module():
    spec = importlib.util.find_spec("xlreview_udfs")
    assert spec is not None and spec.origin is not None
    assert Path(spec.origin).resolve() == (
        Path(__file__).parents[1] / "udfs" / "xlreview_udfs.py"
    ).resolve()


def test_template_names_the_installed_udf_module(tmp_path):
    from xlreview.io.template import write_input_book

    path = tmp_path / "t.xlsx"
    write_input_book(path)
    conf = openpyxl.load_workbook(path)["xlwings.conf"]
    settings = {row[0]: row[1] for row in conf.iter_rows(values_only=True) if row[0]}
    assert importlib.util.find_spec(settings["UDF Modules"]) is not None
