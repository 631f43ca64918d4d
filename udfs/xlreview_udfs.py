"""xlreview cell functions for Excel (xlwings UDFs), e.g. ``=FUNNEL_TARGET(B1, B2, B3:B6)``.

Each function is one line calling :mod:`xlreview.cellfuncs`, which holds the logic and
can be tested without Excel. Ranges arrive as 2D lists (``ndim=2``); results are plain
values or 2D lists that spill in dynamic-array Excel (no legacy ``expand``, nothing
volatile). Name this module in the ``UDF Modules`` setting of the add-in or workbook.
"""

from __future__ import annotations

import xlwings as xw

from xlreview import cellfuncs

CATEGORY = "xlreview"
CELL = {"err_to_str": True}
"""Error cells arrive as text (``#N/A``), so the reason in the cell can name them."""
RANGE = {"ndim": 2, **CELL}
"""Ranges always as 2D lists, even a single cell or a single row."""


@xw.func(category=CATEGORY)
@xw.arg("target", doc="Revenue target, or customers when deal_size is blank / 收入目标", **CELL)
@xw.arg("deal_size", doc="Average deal size; blank = target counts customers / 平均客单价", **CELL)
@xw.arg("rates", doc="4 cells: lead→MQL, MQL→SQL, SQL→opp, opp→won as fractions / 4个转化率",
        **RANGE)
@xw.arg("stage", doc="Optional: leads, mql, sql, opp, customers (线索/商机/成交客户)", **CELL)
def FUNNEL_TARGET(target, deal_size, rates, stage=None):
    """Reverse funnel: leads, MQL, SQL, opportunities and customers needed to reach the target, rounding up each stage (one number with stage). 倒推漏斗目标。"""  # noqa: E501
    return cellfuncs.funnel_target(target, deal_size, rates, stage)


@xw.func(category=CATEGORY)
@xw.arg("leads_range", doc="Leads with a header row (channel, MQL date … won date) / 线索表",
        **RANGE)
@xw.arg("channel", doc="Optional channel name: only its leads / 可选：渠道", **CELL)
def CONVERSION_RATES(leads_range, channel=None):
    """Stage conversion rates (lead→MQL … opp→won, lead→won) of the leads in a range with headers. 各阶段转化率。"""  # noqa: E501
    return cellfuncs.conversion_rates(leads_range, channel)


@xw.func(category=CATEGORY)
@xw.arg("total", doc="The amount to split / 要拆分的总数", **CELL)
@xw.arg("weights", doc="One row or column of weights (blank = 0) / 权重", **RANGE)
@xw.arg("whole", doc="TRUE (default): whole numbers; FALSE: money to the cent / 是否取整", **CELL)
def SPLIT_TARGET(total, weights, whole=True):
    """Split a total in proportion to weights so that the parts add up exactly (largest remainder). 按权重拆分目标。"""  # noqa: E501
    return cellfuncs.split_target(total, weights, whole)


@xw.func(category=CATEGORY)
@xw.arg("total", doc="Total programme budget / 总预算", **CELL)
@xw.arg("channels", doc="Channel names, one row or column / 渠道", **RANGE)
@xw.arg("roi", doc="Last year's ROI per channel as fractions / 各渠道ROI", **RANGE)
@xw.arg("experiment_share", doc="Share for experiments, default 0.2 / 实验预算比例", **CELL)
def BUDGET_ALLOCATE(total, channels, roi, experiment_share=None):
    """Budget by channel: the experiment share (default 20%) apart, the rest in proportion to 1 + ROI; adds up to the total. 按ROI分配预算。"""  # noqa: E501
    return cellfuncs.budget_allocate(total, channels, roi, experiment_share)


@xw.func(category=CATEGORY)
@xw.arg("created", doc="Created dates of won deals / 创建日期", **RANGE)
@xw.arg("won", doc="Won dates, same length / 成交日期", **RANGE)
def SALES_CYCLE(created, won):
    """Sales cycle in days from created to won: deals, median and 80th percentile. 成交周期（天）。"""  # noqa: E501
    return cellfuncs.sales_cycle(created, won)


@xw.func(category=CATEGORY)
@xw.arg("revenue", doc="Revenue / 收入", **CELL)
@xw.arg("cost", doc="Programme cost / 费用", **CELL)
@xw.arg("headcount", doc="Optional headcount cost (fully loaded ROI) / 人力成本", **CELL)
def ROI(revenue, cost, headcount=None):
    """ROI = (revenue − cost − headcount) / (cost + headcount); blank when there is no cost. 投资回报率。"""  # noqa: E501
    return cellfuncs.roi(revenue, cost, headcount)


@xw.func(category=CATEGORY)
@xw.arg("amounts", doc="Open deal values / 商机金额", **RANGE)
@xw.arg("win_rate", doc="Chance a deal is won, 0–1 / 赢单率", **CELL)
@xw.arg("close_months", doc="Optional close month per deal (1 = next month) / 预计成交月",
        **RANGE)
def PIPELINE_VALUE(amounts, win_rate, close_months=None):
    """Expected revenue of open deals (amount × win rate), by month when close months are given. 商机预期价值。"""  # noqa: E501
    return cellfuncs.pipeline_value(amounts, win_rate, close_months)
