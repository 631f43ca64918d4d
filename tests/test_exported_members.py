"""The public API: everything in ``__all__`` exists, is sorted, and is all there is."""

import xlreview


def test_all_is_sorted_and_resolves():
    assert xlreview.__all__ == sorted(xlreview.__all__, key=str.casefold) or (
        xlreview.__all__ == sorted(xlreview.__all__)
    )
    for name in xlreview.__all__:
        assert hasattr(xlreview, name), name


def test_public_members_are_exported():
    public = {
        name
        for name, member in vars(xlreview).items()
        if not name.startswith("_") and getattr(member, "__module__", "").startswith("xlreview")
    }
    assert public <= set(xlreview.__all__)


def test_the_ribbon_entry_point_is_main():
    # The add-in's VBA runs `import xlreview; xlreview.main()`.
    assert callable(xlreview.main)


def test_no_export_shadows_a_module_of_the_package():
    # `from .roi import roi` would make `xlreview.roi` the function, not the module.
    import pkgutil

    modules = {m.name for m in pkgutil.iter_modules(xlreview.__path__)}
    assert modules & set(xlreview.__all__) == set()


def test_every_export_has_a_home_and_loads_lazily():
    # `import xlreview` (and the command line) must not import pandas: the command line
    # starts parsing the workbook in background threads while pandas is imported.
    import subprocess
    import sys

    assert set(xlreview._HOMES) == set(xlreview.__all__) - {"__version__"}
    code = ("import sys, xlreview, xlreview.cli, xlreview.io.files; "
            "print(sorted(m for m in ('pandas', 'numpy', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    assert "read_inputs" in dir(xlreview)
