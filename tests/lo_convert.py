"""LibreOffice headless conversion for tests: recalculate every formula, render to PDF.

A private user profile sets ``OOXMLRecalcMode`` to 0 (always recalculate on load), so that
``--convert-to`` computes every formula instead of trusting the cached values.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice")


def convert(src: Path, fmt: str, outdir: Path, *, timeout: int = 180) -> Path:
    """``src`` converted to ``fmt`` (``xlsx`` or ``pdf``) in ``outdir``, formulas recalculated."""
    profile = outdir / "lo-profile"
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_XCU, encoding="utf-8")
    result_dir = outdir / fmt
    result_dir.mkdir(exist_ok=True)
    cmd = [
        str(soffice()),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        fmt,
        "--outdir",
        str(result_dir),
        str(src),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
    out = result_dir / (src.stem + "." + fmt)
    if not out.exists():
        raise FileNotFoundError(f"LibreOffice wrote no {out}")
    return out
