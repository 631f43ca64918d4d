"""Input sheets (cell grids) into clean DataFrames, with a data check of every problem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from .cells import Grid
from .checks import Findings
from .settings import Settings


@dataclass
class Inputs:
    """Everything the core needs, parsed and checked. See docs/DESIGN.md for the columns."""

    leads: pd.DataFrame
    spend: pd.DataFrame
    headcount: pd.DataFrame
    goals: pd.DataFrame
    settings: Settings
    findings: Findings = field(default_factory=Findings)
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    initiatives: pd.DataFrame = field(default_factory=pd.DataFrame)
    message_house: pd.DataFrame = field(default_factory=pd.DataFrame)
    improvements: pd.DataFrame = field(default_factory=pd.DataFrame)
    team: pd.DataFrame = field(default_factory=pd.DataFrame)
    names: dict[str, str] = field(default_factory=dict)
    previous: dict[str, pd.DataFrame] = field(default_factory=dict)


def read_inputs(grids: Mapping[str, Grid]) -> Inputs:
    """Parse the input sheets of a workbook given as ``{sheet name: grid}``."""
    raise NotImplementedError
