"""The UDF module registers with xlwings' real decorators (no Excel needed).

On Linux ``xw.func`` and friends pass functions through unchanged. With the pywin32
modules stubbed, ``xlwings.udfs`` imports, its real decorators attach ``__xlfunc__``, and
``generate_vba_wrapper`` writes the VBA that Excel would import.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import types
from pathlib import Path

import pytest

UDF_FILE = Path(__file__).resolve().parents[1] / "udfs" / "xlreview_udfs.py"
STUBS = ("pythoncom", "pywintypes", "win32com", "win32com.client")

# name -> [(argument, optional?)] as the issue specifies them.
EXPECTED: dict[str, list[tuple[str, bool]]] = {
    "FUNNEL_TARGET": [("target", False), ("deal_size", False), ("rates", False),
                      ("stage", True)],
    "CONVERSION_RATES": [("leads_range", False), ("channel", True)],
    "SPLIT_TARGET": [("total", False), ("weights", False), ("whole", True)],
    "BUDGET_ALLOCATE": [("total", False), ("channels", False), ("roi", False),
                        ("experiment_share", True)],
    "SALES_CYCLE": [("created", False), ("won", False)],
    "ROI": [("revenue", False), ("cost", False), ("headcount", True)],
    "PIPELINE_VALUE": [("amounts", False), ("win_rate", False), ("close_months", True)],
}
RANGE_ARGS = {"rates", "leads_range", "weights", "channels", "roi", "created", "won",
              "amounts", "close_months"}


def _stub_pywin32() -> dict[str, types.ModuleType]:
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.CoInitialize = lambda: None
    win32com = types.ModuleType("win32com")
    client = types.ModuleType("win32com.client")
    client.Dispatch = lambda *a, **k: None
    win32com.client = client
    return {"pythoncom": pythoncom, "pywintypes": types.ModuleType("pywintypes"),
            "win32com": win32com, "win32com.client": client}


@pytest.fixture
def udf_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The UDF module imported under xlwings' real (Windows) decorators."""
    saved = {name: sys.modules.get(name) for name in (*STUBS, "xlwings.udfs")}
    try:
        sys.modules.pop("xlwings.udfs", None)
        sys.modules.update(_stub_pywin32())
        import xlwings
        import xlwings.udfs as udfs

        monkeypatch.setattr(xlwings, "func", udfs.xlfunc)
        monkeypatch.setattr(xlwings, "arg", udfs.xlarg)
        monkeypatch.setattr(xlwings, "ret", udfs.xlret)
        spec = importlib.util.spec_from_file_location("xlreview_udfs_registered", UDF_FILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module._udfs = udfs
        yield module
    finally:
        xlwings_module = sys.modules.get("xlwings")
        if saved["xlwings.udfs"] is None and hasattr(xlwings_module, "udfs"):
            delattr(xlwings_module, "udfs")
        for name, old in saved.items():
            if old is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = old


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(udf_module: types.ModuleType, name: str) -> None:
    info = getattr(udf_module, name).__xlfunc__
    assert info["name"] == name
    assert info["category"] == "xlreview"
    assert info["volatile"] is False
    assert info["sub"] is False
    args = [(a["name"], "optional" in a) for a in info["args"]]
    assert args == EXPECTED[name]
    for arg in info["args"]:
        assert not arg["doc"].startswith("Positional argument"), arg["name"]
        assert len(arg["doc"]) <= 255
        # Ranges come as 2D lists; no legacy expand anywhere.
        assert arg["options"].get("ndim") == (2 if arg["name"] in RANGE_ARGS else None)
        assert "expand" not in arg["options"]
        assert arg["options"].get("err_to_str") is True  # "#N/A" reaches us as text
    assert "expand" not in info["ret"]["options"]
    doc = info["ret"]["doc"]
    assert 0 < len(doc) <= 255
    assert "\n" not in doc.strip()


def test_only_the_seven_functions_register(udf_module: types.ModuleType) -> None:
    found = {n for n in dir(udf_module) if hasattr(getattr(udf_module, n), "__xlfunc__")}
    assert found == set(EXPECTED)


def test_vba_wrapper_for_the_whole_module(udf_module: types.ModuleType) -> None:
    book = types.SimpleNamespace(Name="xlreview.xlam")
    out = io.StringIO()
    udf_module._udfs.generate_vba_wrapper("xlreview_udfs", udf_module, out, book)
    vba = out.getvalue()
    assert "Function FUNNEL_TARGET(target, deal_size, rates, Optional stage)" in vba
    assert "Function ROI(revenue, cost, Optional headcount)" in vba
    for name in EXPECTED:
        assert f'XLPy.CallUDF("xlreview_udfs", "{name}"' in vba
    # An add-in works on the active workbook; nothing volatile.
    assert "ActiveWorkbook" in vba
    assert "Application.Volatile" not in vba
    assert vba.count("End Function") == len(EXPECTED)


def test_plain_import_leaves_functions_callable() -> None:
    """Without the stubs (Linux), the decorators pass through and the UDFs are plain."""
    spec = importlib.util.spec_from_file_location("xlreview_udfs_plain", UDF_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # 60M target, 500k deal: 120 customers; 120/0.25 = 480 opps (worked example, DOMAIN.md).
    assert module.FUNNEL_TARGET(60e6, 500e3, [[0.2, 0.3, 0.4, 0.25]], "opp") == 480
