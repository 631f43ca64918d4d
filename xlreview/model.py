"""The raw-data contract: input sheets, their columns, types and header aliases.

Every input sheet is an Excel Table whose header row holds column names in English or
Chinese. The core works with the *keys* below (``lead_id``, ``created`` ...); the header a
user typed is mapped to a key through :data:`ALIASES` or the workbook's ``Mapping`` sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["id", "text", "date", "month", "number", "share", "bool"]

STAGES: tuple[str, ...] = ("lead", "mql", "sql", "opp", "won")
"""Funnel stages in order. ``lead`` is reached on ``created``, the others on ``<stage>_date``."""

STAGE_DATE: dict[str, str] = {
    "lead": "created",
    "mql": "mql_date",
    "sql": "sql_date",
    "opp": "opp_date",
    "won": "won_date",
}


@dataclass(frozen=True)
class Column:
    """One column of an input sheet.

    Attributes:
        key: stable key used by the core.
        kind: how cells are parsed.
        required: a missing required column stops the sheet from being used.
        en: English header written by the template.
        zh: Chinese header written by the template (also accepted when reading).
        aliases: other headers accepted when reading (lower-cased, spaces and ``_`` ignored).
    """

    key: str
    kind: Kind
    required: bool
    en: str
    zh: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    """An input sheet: its key, names in both languages and its columns."""

    key: str
    en: str
    zh: str
    columns: tuple[Column, ...]
    required: bool = False
    aliases: tuple[str, ...] = ()
    """Other names of the sheet accepted when reading (e.g. Traditional Chinese)."""

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def table(self) -> str:
        """Name of the sheet's Excel Table, e.g. ``input_leads``.

        Prefixed so that it never clashes with a generated table (``team``) in the
        workbook-wide, case-insensitive namespace of table names."""
        return f"input_{self.key}"

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


def _c(key: str, kind: Kind, en: str, zh: str, *aliases: str, required: bool = False) -> Column:
    return Column(key, kind, required, en, zh, aliases)


LEADS = SheetSpec(
    "leads",
    "Leads",
    "线索",
    (
        _c("lead_id", "id", "lead_id", "线索ID", "id", "leadid", "线索编号", "编号", required=True),
        _c("created", "date", "created", "创建日期", "createddate", "留资日期", "创建时间",
           required=True),
        _c("channel", "text", "channel", "渠道", "source", "来源", "来源渠道"),
        _c("campaign", "text", "campaign", "活动", "event", "市场活动", "活动名称"),
        _c("mql_date", "date", "mql_date", "MQL日期", "mql", "mql时间"),
        _c("sql_date", "date", "sql_date", "SQL日期", "sql", "sql时间"),
        _c("opp_date", "date", "opp_date", "商机日期", "opportunity_date", "商机", "商机时间"),
        _c("won_date", "date", "won_date", "成交日期", "closed_won_date", "赢单日期", "成交时间"),
        _c("lost_date", "date", "lost_date", "输单日期", "closed_lost_date", "丢单日期"),
        _c("amount", "number", "amount", "成交金额", "revenue", "deal_amount", "金额", "合同金额"),
        _c("lead_type", "text", "lead_type", "客户类型", "type", "新老客户"),
        _c("handoff", "text", "handoff", "交接结果", "sal", "sales_accepted", "销售接受",
           "handoff_outcome", "线索交接"),
    ),
    required=True,
)

SPEND = SheetSpec(
    "spend",
    "Spend",
    "费用",
    (
        _c("month", "month", "month", "月份", "date", "月", required=True),
        _c("channel", "text", "channel", "渠道", "source", "来源", required=True),
        _c("campaign", "text", "campaign", "活动", "event", "活动名称"),
        _c("cost", "number", "cost", "费用", "spend", "花费", "成本", "金额", required=True),
        _c("visits", "number", "visits", "访问量", "sessions", "clicks", "访问", "点击"),
        _c("impressions", "number", "impressions", "曝光量", "曝光", "展示"),
        _c("category", "text", "category", "费用类别", "类别", "費用類別", "類別", "费用类型",
           "cost_type"),
    ),
)

HEADCOUNT = SheetSpec(
    "headcount",
    "Headcount",
    "人员成本",
    (
        _c("role", "text", "role", "岗位", "职位", "角色", required=True),
        _c("annual_cost", "number", "annual_cost", "年度成本", "cost", "年薪", "成本",
           required=True),
        _c("marketing_share", "share", "marketing_share", "市场占比", "share", "投入比例"),
    ),
)

GOALS = SheetSpec(
    "goals",
    "Goals",
    "目标",
    (
        _c("module", "text", "module", "模块", required=True),
        _c("layer", "text", "layer", "层级", "结果层级"),
        _c("goal", "text", "goal", "目标", "目标名称", required=True),
        _c("metric", "text", "metric", "指标", "指标键"),
        _c("direction", "text", "direction", "方向", "越高越好"),
        _c("target", "number", "target", "目标值", required=True),
        _c("actual", "number", "actual", "实际值", "实际"),
        _c("weight", "number", "weight", "权重"),
        _c("owner", "text", "owner", "负责人"),
        _c("comment", "text", "comment", "备注", "说明"),
    ),
)

SETTINGS = SheetSpec(
    "settings",
    "Settings",
    "设置",
    (
        _c("key", "text", "key", "键", "参数", "setting", required=True),
        _c("value", "text", "value", "值", "数值", required=True),
    ),
    required=True,
)

INITIATIVES = SheetSpec(
    "initiatives",
    "Initiatives",
    "年度项目",
    (
        _c("name", "text", "name", "项目", "项目名称", "initiative", required=True),
        _c("module", "text", "module", "模块"),
        _c("owner", "text", "owner", "负责人"),
        _c("start", "date", "start", "开始日期", "开始", required=True),
        _c("end", "date", "end", "结束日期", "结束", required=True),
        _c("budget", "number", "budget", "预算"),
        _c("kpi", "text", "kpi", "KPI", "指标"),
    ),
)

MESSAGE_HOUSE = SheetSpec(
    "message_house",
    "Message house",
    "信息屋输入",
    (
        _c("part", "text", "part", "部分", required=True),
        _c("pillar", "text", "pillar", "支柱"),
        _c("text", "text", "text", "内容", required=True),
    ),
)

MENTIONS = SheetSpec(
    "mentions",
    "Mentions",
    "声量",
    (
        _c("month", "month", "month", "月份", required=True),
        _c("platform", "text", "platform", "平台", required=True),
        _c("brand", "text", "brand", "品牌", required=True),
        _c("mentions", "number", "mentions", "提及量", "声量", required=True),
    ),
)

IMPROVEMENTS = SheetSpec(
    "improvements",
    "Improvements",
    "改进清单",
    (
        _c("module", "text", "module", "模块"),
        _c("problem", "text", "problem", "问题", required=True),
        _c("root_cause", "text", "root_cause", "根因", "原因"),
        _c("action", "text", "action", "改进措施", "措施"),
        _c("owner", "text", "owner", "负责人"),
        _c("due", "date", "due", "截止日期", "截止"),
    ),
)

TEAM = SheetSpec(
    "team",
    "Team",
    "团队",
    (
        _c("role", "text", "role", "岗位", required=True),
        _c("headcount", "number", "headcount", "人数"),
        _c("cost", "number", "cost", "成本", "年度成本", "总成本", "total_cost"),
        _c("cost_per_person", "number", "cost_per_person", "人均成本", "单人成本",
           "per_person", "每人成本"),
        _c("okr", "text", "okr", "OKR"),
    ),
)

CHANNELS = SheetSpec(
    "channels",
    "Channels",
    "渠道",
    (
        _c("channel", "text", "channel", "渠道", "渠道名称", "source", "来源", required=True),
        _c("group", "text", "group", "渠道分组", "分组", "自有/新拓"),
        _c("sourced_by", "text", "sourced_by", "来源归属", "sourced", "线索来源方", "归属"),
    ),
)
"""Optional: each channel's group (own / new, seed 002 figure 3) and who sources its leads
(marketing / partner / sales; blank = marketing)."""
MODULES = SheetSpec(
    "modules",
    "Modules",
    "模块计划",
    (
        _c("module", "text", "module", "模块", "模組", "渠道模块", required=True),
        _c("focus", "text", "focus", "营销重点", "重点", "營銷重點", "重點"),
        _c("strategy", "text", "strategy", "市场策略", "策略", "市場策略", "打法"),
        _c("kpi", "text", "kpi", "考核指标", "KPI", "指标", "考核指標", "指標"),
        _c("target", "number", "target", "目标值", "目標值", "目标", "目標"),
        _c("owner", "text", "owner", "负责人", "負責人"),
        _c("budget", "number", "budget", "预算", "預算"),
        _c("risk", "text", "risk", "风险点", "风险", "風險點", "風險"),
        _c("response", "text", "response", "应对措施", "应对", "應對措施", "應對", "mitigation"),
    ),
    aliases=("模組計劃", "modules plan"),
)
"""Next year's plan per module (seed 002 figure 14): focus, strategy, KPI, risk, response."""

QUARTERS = SheetSpec(
    "quarters",
    "Quarters",
    "季度主题",
    (
        _c("quarter", "text", "quarter", "季度", required=True),
        _c("theme", "text", "theme", "主题", "主題", "季度主题", required=True),
        _c("key_campaigns", "text", "key_campaigns", "重点活动", "重點活動", "campaigns",
           "关键动作", "關鍵動作"),
    ),
    aliases=("季度主題", "quarter themes"),
)
"""One theme per quarter (seed 000 planning point 3; seed 002 figure 18)."""

OKR = SheetSpec(
    "okr",
    "OKR",
    "OKR",
    (
        _c("objective", "text", "objective", "目标", "目標", "O", required=True),
        _c("key_result", "text", "key_result", "关键结果", "關鍵結果", "KR"),
        _c("owner", "text", "owner", "负责人", "負責人"),
        _c("parent", "text", "parent", "上级", "上級", "对齐", "對齊", "rolls_up_to"),
        _c("target", "number", "target", "目标值", "目標值"),
        _c("actual", "number", "actual", "实际值", "實際值", "实际", "實際"),
        _c("weight", "number", "weight", "权重", "權重"),
    ),
    aliases=("OKRs", "团队OKR", "團隊OKR"),
)
"""Objectives and key results: a row with a key result belongs to its objective; ``parent``
names the objective or key result a row rolls up to (seed 002 figure 19)."""

LESSONS = SheetSpec(
    "lessons",
    "Lessons",
    "经验沉淀",
    (
        _c("module", "text", "module", "模块", "模組", required=True),
        _c("what_worked", "text", "what_worked", "成功经验", "做对了什么", "成功經驗",
           required=True),
        _c("method", "text", "method", "可复用方法", "方法论", "可復用方法", "方法論"),
        _c("evidence", "text", "evidence", "数据依据", "依据", "數據依據", "依據", "证据"),
    ),
    aliases=("經驗沉澱", "lessons learned"),
)
"""What worked this year and the reusable method behind it (seed 000, review step 3)."""

MAPPING = SheetSpec(
    "mapping",
    "Mapping",
    "字段映射",
    (
        _c("sheet", "text", "sheet", "工作表", required=True),
        _c("column", "text", "column", "字段", "key", required=True),
        _c("source", "text", "source", "源列名", "源字段", required=True),
        _c("date_format", "text", "date_format", "日期格式", "format"),
    ),
)

DEALS = SheetSpec(
    "deals",
    "Deals",
    "成交",
    (
        _c("lead_id", "id", "lead_id", "线索ID", required=True),
        _c("won_date", "date", "won_date", "成交日期"),
        _c("amount", "number", "amount", "成交金额"),
        _c("lead_type", "text", "lead_type", "客户类型"),
        _c("opp_date", "date", "opp_date", "商机日期"),
        _c("sql_date", "date", "sql_date", "SQL日期"),
        _c("lost_date", "date", "lost_date", "输单日期"),
    ),
)
"""Optional second export (e.g. closed deals) joined onto ``Leads`` on ``lead_id``."""

BASELINE = SheetSpec(
    "baseline",
    "Plan baseline",
    "计划基线",
    (
        _c("period", "text", "period", "期间", "月份", "季度", required=True),
        _c("channel", "text", "channel", "渠道", "来源"),
        _c("metric", "text", "metric", "指标", required=True),
        _c("plan", "number", "plan", "计划值", "计划", "目标", "target", required=True),
    ),
)
"""The plan frozen by ``xlreview baseline`` (or typed): tracked by ``plan_vs_actual``."""

INPUT_SHEETS: tuple[SheetSpec, ...] = (
    SETTINGS,
    LEADS,
    DEALS,
    SPEND,
    CHANNELS,
    HEADCOUNT,
    GOALS,
    MENTIONS,
    INITIATIVES,
    MESSAGE_HOUSE,
    IMPROVEMENTS,
    TEAM,
    MODULES,
    QUARTERS,
    OKR,
    LESSONS,
    BASELINE,
    MAPPING,
)
SHEETS: dict[str, SheetSpec] = {s.key: s for s in INPUT_SHEETS}


def normalise_header(text: object) -> str:
    """Header text as compared with aliases: lower case, no spaces, ``_`` or ``-``."""
    return "".join(ch for ch in str(text).strip().lower() if ch not in " _-\u3000\t\n")


def header_lookup(spec: SheetSpec) -> dict[str, str]:
    """Normalised header → column key, for every accepted header of ``spec``."""
    lookup: dict[str, str] = {}
    for col in spec.columns:
        for name in (col.key, col.en, col.zh, *col.aliases):
            lookup.setdefault(normalise_header(name), col.key)
    return lookup


def sheet_lookup() -> dict[str, str]:
    """Normalised sheet name (English or Chinese) → sheet key."""
    lookup: dict[str, str] = {}
    for spec in INPUT_SHEETS:
        for name in (spec.key, spec.en, spec.zh, *spec.aliases):
            lookup.setdefault(normalise_header(name), spec.key)
    return lookup


def sheets_to_read(names: list[str]) -> list[str]:
    """The workbook's sheets a rebuild reads: input sheets and the generated sheets that
    hold user input (targets, budget, scenarios). Other generated sheets are never read."""
    from .labels import CATALOGUES

    inputs = sheet_lookup()
    editable = {
        normalise_header(cat[f"sheet.{key}"])
        for cat in CATALOGUES.values()
        for key in ("targets", "budget", "scenarios")
    }
    return [n for n in names if normalise_header(n) in inputs or normalise_header(n) in editable]
