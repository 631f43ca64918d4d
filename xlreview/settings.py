"""The ``Settings`` sheet as one frozen value object.

The sheet holds ``key`` / ``value`` rows. Unknown keys and bad values are reported with
the row they are on; a blank value means the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from .checks import Findings
from .parsing import parse_bool, parse_number

Language = Literal["en", "zh-CN"]
Seasonality = Literal["history", "flat"]
BudgetMethod = Literal["implied", "roi", "curve", "target"]


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Workbook-wide settings; every field has the default used when the cell is blank."""

    fiscal_year: int | None = None
    """The year under review; blank = the year of the latest lead."""
    currency: str = "CNY"
    """ISO code or symbol shown in money formats (CNY, USD, EUR, ¥, $ ...)."""
    revenue_target: float | None = None
    """Next year's company revenue target."""
    new_customer_share: float = 1.0
    """Share of the revenue target expected from new customers."""
    marketing_share: float = 1.0
    """Share of new-customer revenue sourced by marketing."""
    avg_deal_size: float | None = None
    """Average deal size; blank = the median won amount of the history."""
    budget_total: float | None = None
    """Next year's total marketing budget, headcount included."""
    experiment_share: float = 0.2
    """Share of the programme budget kept for experimental channels."""
    seasonality: Seasonality = "history"
    """Monthly weights: ``history`` (share of past won revenue) or ``flat``."""
    language: Language = "en"
    """Language of generated sheets: ``en`` or ``zh-CN``."""
    brand: str | None = None
    """Own brand name in the ``Mentions`` sheet (share of voice)."""
    budget_method: BudgetMethod = "implied"
    """How the proven budget is allocated: ``implied``, ``roi``, ``curve`` or ``target``
    (the budget follows the goal; ``budget_total`` is a cap)."""
    min_conversions: int = 20
    """Fewer conversions than this at a stage: the channel uses the overall rate."""
    goal_cap: float = 1.0
    """Each goal counts at most this completion in the weighted goal score (100%)."""
    share_copy: bool = False
    """Also write a shareable values-only copy beside the workbook on rebuild."""
    scenario_spread: float = 0.2
    """Stretch and Cautious scenarios: the revenue target ± this share (default 20%)."""
    reserve_share: float = 0.0
    """Share of the programme budget held back as a contingency reserve (机动预算); last on the
    sheet, so that the rows above keep their places."""

    @property
    def plan_year(self) -> int | None:
        return None if self.fiscal_year is None else self.fiscal_year + 1


_CHOICES: dict[str, tuple[str, ...]] = {
    "seasonality": ("history", "flat"),
    "language": ("en", "zh-CN"),
    "budget_method": ("implied", "roi", "curve", "target"),
}
_LANGUAGE_ALIASES = {"zh": "zh-CN", "zh-cn": "zh-CN", "zh_cn": "zh-CN", "中文": "zh-CN",
                     "cn": "zh-CN", "english": "en", "英文": "en", "en": "en"}
_SHARES = ("new_customer_share", "marketing_share", "experiment_share", "scenario_spread",
           "reserve_share")


@dataclass
class _Parsed:
    values: dict[str, Any] = field(default_factory=dict)


def settings_fields() -> list[str]:
    """Keys the Settings sheet accepts, in template order."""
    return [f.name for f in fields(Settings)]


def parse_settings(
    rows: list[tuple[int, object, object]],
    *,
    sheet: str = "Settings",
    findings: Findings | None = None,
) -> Settings:
    """Parse ``(excel_row, key, value)`` rows into :class:`Settings`.

    Unknown keys, bad numbers and unknown choices are reported in ``findings`` and the
    default is kept, so that one typo never stops the rebuild.
    """
    findings = findings if findings is not None else Findings()
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for row, raw_key, raw_value in rows:
        key = str(raw_key or "").strip().lower().replace(" ", "_")
        if not key:
            continue
        if key not in known:
            findings.add("warning", sheet, row, "key", f"unknown setting {raw_key!r} ignored")
            continue
        if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
            continue
        try:
            values[key] = _convert(key, raw_value)
        except ValueError as exc:
            findings.add("error", sheet, row, "value", f"{key}: {exc}; default used")
    return replace(Settings(), **values)


def _convert(key: str, value: object) -> Any:
    if key in ("fiscal_year", "min_conversions"):
        number = parse_number(value)
        if number is None or number != int(number):
            raise ValueError(f"{value!r} is not a whole number")
        return int(number)
    if key in ("revenue_target", "avg_deal_size", "budget_total") or key in _SHARES:
        number = parse_number(value)
        if number is None:
            raise ValueError(f"{value!r} is not a number")
        if number < 0:
            raise ValueError(f"{value!r} is negative")
        if key in _SHARES and number > 1:
            if number <= 100:  # typed as a percentage number, e.g. 50 for 50%
                number = number / 100
            else:
                raise ValueError(f"{value!r} is not a share between 0 and 1")
        return number
    if key == "goal_cap":
        number = parse_number(value)
        if number is None or number <= 0:
            raise ValueError(f"{value!r} is not a completion above 0 (e.g. 100%)")
        return number / 100 if number > 10 else number  # 120 typed for 120%
    if key == "share_copy":
        flag = parse_bool(value)
        if flag is None:
            raise ValueError(f"{value!r} is not yes/no")
        return flag
    text = str(value).strip()
    if key == "language":
        text = _LANGUAGE_ALIASES.get(text.lower(), text)
    if key in ("seasonality", "budget_method"):
        text = text.lower()
    if key in _CHOICES and text not in _CHOICES[key]:
        raise ValueError(f"{value!r} is not one of {', '.join(_CHOICES[key])}")
    return text
