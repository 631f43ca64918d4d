"""Regenerate the bundled workbooks (run by hand after changing the template or sample).

    python workbooks/make_workbooks.py

Writes the empty templates in English, Simplified and Traditional Chinese and the rebuilt
sample company in the three languages into this folder. ``tests/test_bundled_workbooks.py`` checks they are current.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from xlreview.cli import write_demo  # noqa: E402
from xlreview.io.template import write_input_book  # noqa: E402
from xlreview.rebuild import rebuild  # noqa: E402

TEMPLATES = {"en": "xlreview_template.xlsx", "zh-CN": "xlreview_template_zh-CN.xlsx",
             "zh-TW": "xlreview_template_zh-TW.xlsx"}


def main() -> int:
    for lang, name in TEMPLATES.items():
        write_input_book(HERE / name, lang=lang)
        print(f"wrote {name}")
    for lang in TEMPLATES:
        path = write_demo(HERE, lang=lang)
        rebuild(path)
        print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
