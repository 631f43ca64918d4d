"""The raw-data contract: input sheets, their columns, types and header aliases.

Every input sheet is an Excel Table whose header row holds column names in English or
Chinese. The core works with the *keys* below (``lead_id``, ``created`` ...); the header a
user typed is mapped to a key through the names and aliases below or the workbook's
``Mapping`` sheet. Chinese names are written here in Simplified script; :data:`TRADITIONAL`
holds the Traditional spelling of each, so that ``線索`` / ``線索ID`` are accepted as well as
``线索`` / ``线索ID`` whatever the workbook's language.
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

    def header(self, lang: str) -> str:
        """The header the template writes in ``lang`` (``en``, ``zh-CN`` or ``zh-TW``)."""
        return in_language(self.en, self.zh, lang)


@dataclass(frozen=True)
class SheetSpec:
    """An input sheet: its key, names in English and Chinese, its columns and other names
    accepted when reading (``aliases``, e.g. an earlier name of the sheet)."""

    key: str
    en: str
    zh: str
    columns: tuple[Column, ...]
    required: bool = False
    aliases: tuple[str, ...] = ()
    """Other names of the sheet accepted when reading (e.g. Traditional Chinese)."""

    def name(self, lang: str) -> str:
        """The sheet name the template writes in ``lang`` (``en``, ``zh-CN`` or ``zh-TW``)."""
        return in_language(self.en, self.zh, lang)

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
           "建立日期", "建立時間", required=True),
        _c("channel", "text", "channel", "渠道", "source", "来源", "来源渠道", "通路"),
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
    aliases=("名單", "潛在客戶"),
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
    "人员费用",
    (
        _c("role", "text", "role", "岗位", "职位", "角色", required=True),
        _c("annual_cost", "number", "annual_cost", "年度费用", "cost", "年薪", "年度成本",
           "成本", "费用", required=True),
        _c("marketing_share", "share", "marketing_share", "市场占比", "share", "投入比例"),
    ),
    aliases=("人员成本", "人力成本"),
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
        _c("key", "text", "key", "设置项", "键", "参数", "setting", required=True),
        _c("value", "text", "value", "数值", "值", required=True),
    ),
    required=True,
    aliases=("設定",),
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
        _c("cost", "number", "cost", "费用", "成本", "年度费用", "年度成本", "总成本",
           "总费用", "total_cost"),
        _c("cost_per_person", "number", "cost_per_person", "人均费用", "人均成本", "单人成本",
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
        _c("response", "text", "response", "应对措施", "应对", "應對措施", "應對", "因應措施",
           "mitigation"),
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
        _c("key_result", "text", "key_result", "关键结果", "關鍵結果", "关键成果", "KR"),
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
        _c("evidence", "text", "evidence", "数据依据", "依据", "數據依據", "依據", "证据",
           "資料依據"),
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
        _c("column", "text", "column", "字段", "key", "欄位", required=True),
        _c("source", "text", "source", "源列名", "源字段", "來源欄位", required=True),
        _c("date_format", "text", "date_format", "日期格式", "format"),
    ),
    aliases=("欄位對應",),
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

TRADITIONAL: dict[str, str] = {
    "设置": "設置", "設定": "設定", "键": "鍵", "参数": "參數", "设置项": "設置項", "值": "值",
    "数值": "數值", "线索": "線索", "名單": "名單", "潛在客戶": "潛在客戶", "线索ID": "線索ID",
    "线索编号": "線索編號", "编号": "編號", "创建日期": "創建日期", "留资日期": "留資日期",
    "创建时间": "創建時間", "建立日期": "建立日期", "建立時間": "建立時間", "渠道": "渠道",
    "来源": "來源", "来源渠道": "來源渠道", "通路": "通路", "活动": "活動", "市场活动": "市場活動",
    "活动名称": "活動名稱", "MQL日期": "MQL日期", "mql时间": "mql時間", "SQL日期": "SQL日期",
    "sql时间": "sql時間", "商机日期": "商機日期", "商机": "商機", "商机时间": "商機時間",
    "成交日期": "成交日期", "赢单日期": "贏單日期", "成交时间": "成交時間", "输单日期": "輸單日期",
    "丢单日期": "丟單日期", "成交金额": "成交金額", "金额": "金額", "合同金额": "合同金額",
    "客户类型": "客戶類型", "新老客户": "新老客戶", "成交": "成交", "费用": "費用", "月份": "月份",
    "月": "月", "花费": "花費", "成本": "成本", "访问量": "訪問量", "访问": "訪問", "点击": "點擊",
    "曝光量": "曝光量", "曝光": "曝光", "展示": "展示", "人员费用": "人員費用",
    "人员成本": "人員成本", "人力成本": "人力成本", "岗位": "崗位", "职位": "職位", "角色": "角色",
    "年度费用": "年度費用", "年薪": "年薪", "年度成本": "年度成本", "市场占比": "市場占比",
    "投入比例": "投入比例", "目标": "目標", "模块": "模塊", "层级": "層級", "结果层级": "結果層級",
    "目标名称": "目標名稱", "指标": "指標", "指标键": "指標鍵", "方向": "方向",
    "越高越好": "越高越好", "目标值": "目標值", "实际值": "實際值", "实际": "實際", "权重": "權重",
    "负责人": "負責人", "备注": "備註", "说明": "說明", "声量": "聲量", "平台": "平臺",
    "品牌": "品牌", "提及量": "提及量", "年度项目": "年度項目", "项目": "項目",
    "项目名称": "項目名稱", "开始日期": "開始日期", "开始": "開始", "结束日期": "結束日期",
    "结束": "結束", "预算": "預算", "信息屋输入": "信息屋輸入", "部分": "部分", "支柱": "支柱",
    "内容": "內容", "改进清单": "改進清單", "问题": "問題", "根因": "根因", "原因": "原因",
    "改进措施": "改進措施", "措施": "措施", "截止日期": "截止日期", "截止": "截止", "团队": "團隊",
    "人数": "人數", "字段映射": "字段映射", "欄位對應": "欄位對應", "工作表": "工作表",
    "字段": "字段", "欄位": "欄位", "源列名": "源列名", "源字段": "源字段", "來源欄位": "來源欄位",
    "日期格式": "日期格式", "渠道名称": "渠道名稱", "渠道分组": "渠道分組", "分组": "分組",
    "自有/新拓": "自有/新拓", "来源归属": "來源歸屬", "线索来源方": "線索來源方", "归属": "歸屬",
    "总成本": "總成本", "总费用": "總費用", "人均费用": "人均費用", "人均成本": "人均成本",
    "单人成本": "單人成本", "每人成本": "每人成本", "交接结果": "交接結果", "销售接受": "銷售接受",
    "线索交接": "線索交接", "计划基线": "計劃基線", "期间": "期間", "季度": "季度",
    "计划值": "計劃值", "计划": "計劃",
    # issues 14 and 16 (Spend category, Modules, Quarters, OKR, Lessons): drafted with OpenCC
    # s2tw, reviewed by hand; names already Traditional (Taiwan / Hong Kong words a user of a
    # Traditional template types: 模組, 因應措施, 關鍵成果, 資料依據) map to themselves.
    "费用类别": "費用類別", "類別": "類別", "类别": "類別", "費用類別": "費用類別",
    "费用类型": "費用類型",
    "模块计划": "模塊計劃", "模組計劃": "模組計劃", "模組": "模組", "渠道模块": "渠道模塊",
    "营销重点": "營銷重點", "營銷重點": "營銷重點", "重点": "重點", "重點": "重點",
    "市场策略": "市場策略", "市場策略": "市場策略", "策略": "策略", "打法": "打法",
    "考核指标": "考核指標", "考核指標": "考核指標", "指標": "指標", "目標": "目標",
    "目標值": "目標值", "負責人": "負責人", "預算": "預算", "风险点": "風險點", "風險點": "風險點",
    "风险": "風險", "風險": "風險", "应对措施": "應對措施", "應對措施": "應對措施", "应对": "應對",
    "應對": "應對", "因應措施": "因應措施",
    "季度主题": "季度主題", "季度主題": "季度主題", "主题": "主題", "主題": "主題",
    "重点活动": "重點活動", "重點活動": "重點活動", "关键动作": "關鍵動作", "關鍵動作": "關鍵動作",
    "团队OKR": "團隊OKR", "團隊OKR": "團隊OKR", "关键结果": "關鍵結果", "關鍵結果": "關鍵結果",
    "关键成果": "關鍵成果", "關鍵成果": "關鍵成果", "上级": "上級", "上級": "上級", "对齐": "對齊",
    "對齊": "對齊", "實際值": "實際值", "實際": "實際", "權重": "權重",
    "经验沉淀": "經驗沉澱", "經驗沉澱": "經驗沉澱", "成功经验": "成功經驗", "成功經驗": "成功經驗",
    "做对了什么": "做對了什麼", "可复用方法": "可複用方法", "可復用方法": "可復用方法",
    "方法论": "方法論", "方法論": "方法論", "数据依据": "數據依據", "數據依據": "數據依據",
    "依据": "依據", "依據": "依據", "证据": "證據", "資料依據": "資料依據",
}
"""Simplified → Traditional spelling of every Chinese sheet name, header and alias above
(mainland words in Traditional script, as seed 000 writes them: 線索, 商機, 數據). Drafted
with OpenCC ``s2tw`` and checked by hand; a name already Traditional maps to itself. A test
checks that every Chinese name of the specs has its entry here."""

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


def traditional(text: str) -> str:
    """The Traditional spelling of a Simplified name of this module (``线索`` → ``線索``)."""
    return TRADITIONAL.get(text, text)


def in_language(en: str, zh: str, lang: str) -> str:
    """``en``, ``zh`` or the Traditional spelling of ``zh``, as ``lang`` asks."""
    if lang == "zh-TW":
        return traditional(zh)
    return zh if lang == "zh-CN" else en


def _both_scripts(names: tuple[str, ...]) -> tuple[str, ...]:
    return (*names, *(traditional(n) for n in names))


def header_lookup(spec: SheetSpec) -> dict[str, str]:
    """Normalised header → column key, for every accepted header of ``spec`` (Chinese in
    either script)."""
    lookup: dict[str, str] = {}
    for col in spec.columns:
        for name in _both_scripts((col.key, col.en, col.zh, *col.aliases)):
            lookup.setdefault(normalise_header(name), col.key)
    return lookup


def sheet_lookup() -> dict[str, str]:
    """Normalised sheet name (English or Chinese in either script) → sheet key."""
    lookup: dict[str, str] = {}
    for spec in INPUT_SHEETS:
        for name in _both_scripts((spec.key, spec.en, spec.zh, *spec.aliases)):
            lookup.setdefault(normalise_header(name), spec.key)
    return lookup


SHEET_WORDS: frozenset[str] = frozenset(
    normalise_header(w)
    for word in ("sheet", "sheet name", "工作表", "工作表名", "工作表名称", "表名")
    for w in (word, traditional(word))
)
"""What the ``column`` cell of a Mapping row says when the row names a sheet itself (sheet
``leads``, column ``sheet``, source ``CRM export``: the Leads are the sheet CRM export)."""


def mentioned_sheets(mapping: list[list[object]], names: list[str]) -> list[str]:
    """The sheets of ``names`` that the Mapping sheet's cells ``mapping`` may name as an
    input sheet (any text on a row that holds a :data:`SHEET_WORDS` cell): a cheap look, made
    before the workbook is read, that may name a sheet too many but never one too few."""
    wanted: set[str] = set()
    for row in mapping:
        texts = {normalise_header(c) for c in row if isinstance(c, str) and c.strip()}
        if texts & SHEET_WORDS:
            wanted |= texts
    return [n for n in names if normalise_header(n) in wanted]


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
