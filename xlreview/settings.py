"""The ``Settings`` sheet as one frozen value object.

The sheet holds ``key`` / ``value`` rows. Unknown keys and bad values are reported with
the row they are on; a blank value means the default. Keys and coded values may be typed as
the template shows them in any language (``月度权重`` … ``按历史``; labels ``setting_key.*`` and
``setting_value.*``) or as the English keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from .checks import Findings
from .labels import CATALOGUES, has_label, label, language
from .parsing import parse_bool, parse_number

Language = Literal["en", "zh-CN", "zh-TW"]
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
    """Language of generated sheets: ``en``, ``zh-CN`` or ``zh-TW`` (Traditional)."""
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
    "language": ("en", "zh-CN", "zh-TW"),
    "budget_method": ("implied", "roi", "curve", "target"),
}
_SHARES = ("new_customer_share", "marketing_share", "experiment_share", "scenario_spread",
           "reserve_share")

def _shown(prefix: str) -> dict[str, str]:
    """Normalised text of every label ``<prefix><key>`` in every language → key."""
    return {
        _normalise(text): key.removeprefix(prefix)
        for catalogue in CATALOGUES.values()
        for key, text in catalogue.items()
        if key.startswith(prefix)
    }


def _normalise(text: object) -> str:
    return "".join(str(text).strip().lower().replace("_", " ").split())


_KEYS = _shown("setting_key.")
_VALUES = _shown("setting_value.")


@dataclass
class _Parsed:
    values: dict[str, Any] = field(default_factory=dict)


def settings_fields() -> list[str]:
    """Keys the Settings sheet accepts, in template order."""
    return [f.name for f in fields(Settings)]


def setting_field(raw_key: object) -> str:
    """The field a typed Settings key names (``月度權重``, ``Budget Method`` → ``seasonality``,
    ``budget_method``); unknown keys come back normalised, blank ones as ``""``."""
    key = str(raw_key or "").strip().lower().replace(" ", "_")
    return _KEYS.get(_normalise(key), key) if key else ""


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
    problems: list[tuple[int, str, str, dict[str, object]]] = []
    for row, raw_key, raw_value in rows:
        key = setting_field(raw_key)
        if not key:
            continue
        if key not in known:
            problems.append((row, "key", "setting_unknown", {"value": raw_key}))
            continue
        if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
            continue
        try:
            values[key] = _convert(key, raw_value)
        except _BadValue as bad:
            problems.append((row, "value", f"setting_{bad.problem}",
                             {"key": key, "value": raw_value, **bad.params}))
        except ValueError:  # a check without its own message: still a finding, never a crash
            problems.append((row, "value", "setting_unusable", {"key": key, "value": raw_value}))
    settings = replace(Settings(), **values)
    _report(problems, settings.language, sheet, findings)
    return settings


def _report(problems: list[tuple[int, str, str, dict[str, object]]], lang: str, sheet: str,
            findings: Findings) -> None:
    """The Settings sheet's problems, in the language the sheet itself asks for."""
    from .model import SETTINGS

    for row, column, problem, params in problems:
        if "key" in params:
            key = str(params["key"])
            shown = f"setting_key.{key}"
            params = {**params, "key": label(shown, lang) if has_label(shown) else key}
        if "choices" in params:  # codes, shown as the template's list shows them
            codes = [str(c) for c in params["choices"]]  # type: ignore[attr-defined]
            shown_codes = [label(f"setting_value.{c}", lang) if has_label(f"setting_value.{c}")
                           else c for c in codes]
            params = {**params, "choices": ("、" if lang != "en" else ", ").join(shown_codes)}
        severity = "warning" if problem == "setting_unknown" else "error"
        findings.add(severity, sheet, row, SETTINGS.column(column).header(lang),
                     label(f"msg.{problem}", lang, **params))


class _BadValue(ValueError):
    """A setting's value that cannot be used: the problem's label key and its parameters."""

    def __init__(self, problem: str, **params: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.params = params


def _number(value: object) -> float | None:
    """A number from what was typed, or None (``parse_number`` refuses some text outright)."""
    try:
        return parse_number(value)
    except ValueError:
        return None


def _convert(key: str, value: object) -> Any:
    if key in ("fiscal_year", "min_conversions"):
        number = _number(value)
        if number is None or number != int(number):
            raise _BadValue("not_whole")
        return int(number)
    if key in ("revenue_target", "avg_deal_size", "budget_total") or key in _SHARES:
        number = _number(value)
        if number is None:
            raise _BadValue("not_number")
        if number < 0:
            raise _BadValue("negative")
        if key in _SHARES and number > 1:
            if number <= 100:  # typed as a percentage number, e.g. 50 for 50%
                number = number / 100
            else:
                raise _BadValue("not_share")
        return number
    if key == "goal_cap":
        number = _number(value)
        if number is None or number <= 0:
            raise _BadValue("not_cap")
        return number / 100 if number > 10 else number  # 120 typed for 120%
    if key == "share_copy":
        flag = parse_bool(_VALUES.get(_normalise(value), value))
        if flag is None:
            raise _BadValue("not_yes_no")
        return flag
    text = str(value).strip()
    if key == "language":
        text = language(text, None) or text
    if key in ("seasonality", "budget_method"):
        text = _VALUES.get(_normalise(text), text.lower())
    if key in _CHOICES and text not in _CHOICES[key]:
        raise _BadValue("not_choice", choices=_CHOICES[key])
    return text
