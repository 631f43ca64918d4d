"""A fictional Chinese B2B SaaS company, CloudRise (云启软件), as raw input sheets.

:func:`sample_company` returns one DataFrame per input sheet (keys of :mod:`xlreview.model`,
columns = the model's column keys) for the demo workbook, the tests and the benchmark. The
data are deterministic for a seed and generated with vectorised numpy, so that a million
leads take a few seconds.

What the data hold, so that every review and plan sheet has something to show:

* three years of leads (``fiscal_year - 2`` .. ``fiscal_year``), exported on 31 December of
  the fiscal year: stages after that day are blank, so opportunities are open at year end;
* ten channels (two without spend history rows: Partners), named events and trade shows
  (every lead of those belongs to a campaign) and a few always-on programmes;
* monthly spend per channel and campaign, with leads following a concave response
  ``leads ∝ cost^0.6`` so that a diminishing-returns curve can be fitted;
* seasonality: Q4 heavier, February lighter (Chinese New Year);
* stage rates of 20–40 % per step, lags of days to months, some stages skipped by the CRM;
* deal sizes lognormal, about 50k–500k CNY; new and existing customers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import model
from .labels import language
from .sample_zh_tw import TRADITIONAL
from .settings import settings_fields

Lang = str  # "en", "zh-CN" or "zh-TW"


@dataclass(frozen=True)
class ChannelProfile:
    """How one channel behaves in the sample.

    Attributes:
        key: stable key (not shown).
        en: channel name in English data.
        zh: channel name in Chinese data.
        share: share of all leads.
        quality: multiplier of the stage conversion rates.
        deal: multiplier of the deal size.
        monthly_cost: average monthly cost (CNY, at 4,000 leads a year); 0 = no spend rows.
        cost_per_visit: CNY per visit, for the ``visits`` column.
        impressions_per_visit: impressions per visit.
        programme: ``(en, zh)`` name of an always-on programme carried by 70 % of the
            channel's leads, or None.
    """

    key: str
    en: str
    zh: str
    share: float
    quality: float
    deal: float
    monthly_cost: float
    cost_per_visit: float
    impressions_per_visit: float
    programme: tuple[str, str] | None = None


CHANNELS: tuple[ChannelProfile, ...] = (
    ChannelProfile("website", "Website", "官网", 0.16, 1.15, 1.0, 20_000, 0.8, 12),
    ChannelProfile("baidu_sem", "Baidu SEM", "百度SEM", 0.20, 0.8, 0.9, 70_000, 6.0, 35),
    ChannelProfile("wechat", "WeChat", "微信", 0.12, 0.9, 0.9, 28_000, 3.0, 25,
                   ("WeChat webinar series", "微信直播课")),
    ChannelProfile("douyin", "Douyin", "抖音", 0.11, 0.6, 0.7, 45_000, 1.5, 80),
    ChannelProfile("events", "Events", "线下活动", 0.10, 1.3, 1.2, 0, 0, 40),
    ChannelProfile("trade_show", "Trade show", "展会", 0.08, 1.1, 1.3, 0, 0, 60),
    ChannelProfile("partners", "Partners", "合作伙伴", 0.06, 1.45, 1.4, 0, 0, 0),
    ChannelProfile("email", "Email", "邮件", 0.06, 1.0, 0.9, 6_000, 0.5, 4,
                   ("Nurture programme", "培育邮件计划")),
    ChannelProfile("linkedin", "LinkedIn", "领英", 0.04, 1.1, 1.3, 15_000, 12.0, 60),
    ChannelProfile("content", "Content", "内容", 0.07, 1.0, 1.0, 22_000, 1.5, 15,
                   ("Industry whitepaper", "行业白皮书")),
)
"""The channels, in the order of the ``Spend`` sheet."""

# (en, zh, month, day, cost in CNY at 4,000 leads a year): the same events every year.
EVENTS: tuple[tuple[str, str, int, int, float], ...] = (
    ("Hangzhou Digital Salon", "杭州数字化沙龙", 3, 15, 60_000),
    ("Shanghai CIO Summit", "上海CIO峰会", 4, 18, 200_000),
    ("Beijing Customer Day", "北京客户日", 6, 12, 110_000),
    ("Chengdu Roadshow", "成都巡展", 7, 10, 70_000),
    ("Shenzhen Product Launch", "深圳新品发布会", 9, 20, 240_000),
    ("Guangzhou Industry Forum", "广州行业论坛", 11, 8, 140_000),
    ("Year-end Customer Summit", "年终客户大会", 12, 5, 180_000),
)
TRADE_SHOWS: tuple[tuple[str, str, int, int, float], ...] = (
    ("China Big Data Expo", "数博会", 5, 26, 350_000),
    ("World AI Conference", "世界人工智能大会", 7, 4, 450_000),
)

BRAND = ("CloudRise", "云启软件")
COMPETITORS = (("DataPeak", "数峰科技"), ("SkyBridge", "天桥云"), ("Nebula CRM", "星云CRM"))
PLATFORMS = (("Douyin", "抖音", 5200), ("Xiaohongshu", "小红书", 2600),
             ("Bilibili", "B站", 1400), ("WeChat", "微信", 3800))
OWNERS = (("Li Na", "李娜"), ("Wang Lei", "王磊"), ("Zhang Wei", "张伟"),
          ("Chen Jing", "陈静"), ("Liu Yang", "刘洋"))

# Monthly weights, January first: February lighter (Chinese New Year), Q4 heavier.
LEAD_SEASON = np.array([0.95, 0.6, 1.0, 1.0, 0.95, 0.95, 0.9, 0.85, 1.05, 1.1, 1.3, 1.35])
SPEND_SEASON = np.array([0.95, 0.6, 1.0, 1.0, 0.95, 0.95, 0.9, 0.85, 1.05, 1.1, 1.45, 1.45])

RESPONSE_EXPONENT = 0.6
"""Leads of a channel-month grow like ``cost ** 0.6``: diminishing returns."""

BASE_LEADS = 4000
"""Costs above are for this many leads a year; they scale with ``leads_per_year``."""

# Conversion per step (before the channel's quality multiplier) and median lag in days.
STEP_RATES = {"mql": 0.35, "sql": 0.40, "opp": 0.38, "won": 0.28}
STEP_LAG_DAYS = {"mql": 4, "sql": 12, "opp": 20, "won_new": 55, "won_existing": 30, "lost": 45}
EXISTING_SHARE = 0.2


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    """The English or Chinese text of ``pair``; Traditional from :data:`TRADITIONAL`."""
    if lang == "zh-TW":
        return TRADITIONAL[pair[1]]
    return pair[1] if lang == "zh-CN" else pair[0]


def _months(first_year: int, years: int) -> pd.DatetimeIndex:
    return pd.date_range(f"{first_year}-01-01", periods=12 * years, freq="MS")


def _cells(rng: np.random.Generator, first_year: int, years: int, scale: float) -> pd.DataFrame:
    """Every (month, channel, campaign) cell with its cost and lead weight.

    Always-on channels have one cell per month; events and trade shows one per event.
    The weight of a cell is proportional to ``cost ** RESPONSE_EXPONENT`` (or to the
    season alone for channels without spend) and the weights of each channel-year add up
    to the channel's share of leads.
    """
    frames = []
    months = _months(first_year, years)
    for index, ch in enumerate(CHANNELS):
        if ch.key in ("events", "trade_show"):
            frames.append(_event_cells(rng, ch, index, first_year, years, scale))
            continue
        season = np.tile(SPEND_SEASON, years)
        noise = rng.lognormal(0.0, 0.35, len(months))
        cost = ch.monthly_cost * scale * season * noise
        lead_noise = rng.lognormal(0.0, 0.15, len(months))
        if ch.monthly_cost:
            # The season reaches paid leads through the spend only: a clean response curve.
            weight = (cost / cost.mean()) ** RESPONSE_EXPONENT
        else:
            weight = np.tile(LEAD_SEASON, years)
        frames.append(pd.DataFrame({
            "month": months, "channel": index, "event": -1, "day": 0,
            "cost": np.round(cost, -2), "weight": weight * lead_noise,
        }))
    cells = pd.concat(frames, ignore_index=True)
    cells["year"] = cells["month"].dt.year
    total = cells.groupby(["year", "channel"])["weight"].transform("sum")
    share = np.array([ch.share for ch in CHANNELS])[cells["channel"].to_numpy()]
    cells["weight"] = cells["weight"] / total * share
    return cells


def _event_cells(
    rng: np.random.Generator, ch: ChannelProfile, index: int, first_year: int, years: int,
    scale: float,
) -> pd.DataFrame:
    events = EVENTS if ch.key == "events" else TRADE_SHOWS
    rows = []
    for year in range(first_year, first_year + years):
        for number, (_en, _zh, month, day, cost) in enumerate(events):
            rows.append((pd.Timestamp(year, month, 1), number, day, cost * scale))
    frame = pd.DataFrame(rows, columns=["month", "event", "day", "cost"])
    frame["cost"] = np.round(frame["cost"] * rng.lognormal(0.0, 0.2, len(frame)), -2)
    frame["weight"] = (frame["cost"] / frame["cost"].mean()) ** RESPONSE_EXPONENT
    frame["channel"] = index
    return frame


def _draw_leads(rng: np.random.Generator, cells: pd.DataFrame, leads_per_year: int) -> pd.DataFrame:
    """Leads per cell (multinomial per year) and their created dates."""
    cell_index = []
    for _year, group in cells.groupby("year"):
        p = group["weight"].to_numpy()
        counts = rng.multinomial(leads_per_year, p / p.sum())
        cell_index.append(np.repeat(group.index.to_numpy(), counts))
    idx = np.concatenate(cell_index)
    leads = cells.loc[idx, ["month", "channel", "event", "day"]].reset_index(drop=True)
    leads["cell"] = idx
    month = leads["month"].to_numpy("datetime64[D]")
    days_in_month = leads["month"].dt.days_in_month.to_numpy()
    is_event = leads["event"].to_numpy() >= 0
    always_on = np.floor(rng.random(len(leads)) * days_in_month).astype(int)
    # At an event most leads are scanned that day, the rest follow up within two weeks.
    after = np.where(rng.random(len(leads)) < 0.7, 0, rng.integers(1, 15, len(leads)))
    offset = np.where(is_event, leads["day"].to_numpy() - 1 + after, always_on)
    leads["created"] = (month + offset.astype("timedelta64[D]")).astype("datetime64[ns]")
    return leads


def _lag(rng: np.random.Generator, median_days: float, n: int, sigma: float = 0.8) -> np.ndarray:
    days = np.ceil(rng.lognormal(np.log(median_days), sigma, n))
    return days.astype("timedelta64[D]")


def _stages(rng: np.random.Generator, leads: pd.DataFrame, export: pd.Timestamp) -> None:
    """Add stage dates, amount and lead_type in place; blank what lies after ``export``."""
    n = len(leads)
    channel = leads["channel"].to_numpy()
    quality = np.array([ch.quality for ch in CHANNELS])[channel]
    existing = rng.random(n) < EXISTING_SHARE
    created = leads["created"].to_numpy()
    mql = rng.random(n) < np.clip(STEP_RATES["mql"] * quality, 0.05, 0.85)
    sql = mql & (rng.random(n) < np.clip(STEP_RATES["sql"] * np.sqrt(quality), 0.05, 0.85))
    opp = sql & (rng.random(n) < np.clip(STEP_RATES["opp"] * np.sqrt(quality), 0.05, 0.85))
    won_rate = STEP_RATES["won"] * np.sqrt(quality) * np.where(existing, 1.3, 1.0)
    won = opp & (rng.random(n) < np.clip(won_rate, 0.05, 0.85))
    lost = opp & ~won
    mql_at = created + _lag(rng, STEP_LAG_DAYS["mql"], n)
    sql_at = mql_at + _lag(rng, STEP_LAG_DAYS["sql"], n)
    opp_at = sql_at + _lag(rng, STEP_LAG_DAYS["opp"], n)
    won_lag = np.where(existing, _lag(rng, STEP_LAG_DAYS["won_existing"], n, 0.6),
                       _lag(rng, STEP_LAG_DAYS["won_new"], n, 0.6))
    won_at = opp_at + won_lag
    lost_at = opp_at + _lag(rng, STEP_LAG_DAYS["lost"], n, 0.7)
    nat = np.datetime64("NaT")
    limit = export.to_datetime64()
    dates = {}
    for key, reached, at in (("mql_date", mql, mql_at), ("sql_date", sql, sql_at),
                             ("opp_date", opp, opp_at), ("won_date", won, won_at),
                             ("lost_date", lost, lost_at)):
        dates[key] = np.where(reached & (at <= limit), at, nat)
    deal = np.array([ch.deal for ch in CHANNELS])[channel] * np.where(existing, 0.7, 1.0)
    amount = np.clip(rng.lognormal(np.log(150_000), 0.6, n) * deal, 50_000, 500_000)
    has_amount = ~np.isnat(dates["opp_date"]) & np.isnat(dates["lost_date"])
    leads["amount"] = np.where(has_amount, np.round(amount, -3), np.nan)
    # The CRM sometimes skips a stage: a later date is set, the earlier one is blank.
    for key, later, p in (("mql_date", "sql_date", 0.07), ("sql_date", "opp_date", 0.06),
                          ("opp_date", "won_date", 0.04)):
        skip = ~np.isnat(dates[later]) & (rng.random(n) < p)
        dates[key] = np.where(skip, nat, dates[key])
    for key, values in dates.items():
        leads[key] = pd.to_datetime(values)
    leads["existing"] = existing


def _campaign_names(first_year: int, years: int, lang: Lang) -> dict[tuple[int, int, int], str]:
    """(channel index, event number, year) → campaign name."""
    names = {}
    for index, ch in enumerate(CHANNELS):
        events = {"events": EVENTS, "trade_show": TRADE_SHOWS}.get(ch.key, ())
        for year in range(first_year, first_year + years):
            for number, event in enumerate(events):
                sep = " " if lang == "en" else ""
                names[(index, number, year)] = f"{year}{sep}{_pick(event[:2], lang)}"
    return names


def _campaigns(rng: np.random.Generator, cells: pd.DataFrame, lang: Lang,
               first_year: int, years: int) -> pd.Series:
    """Campaign of every cell: the event, or the channel's programme, else NA."""
    names = _campaign_names(first_year, years, lang)
    campaign = pd.Series(pd.NA, index=cells.index, dtype="string")
    events = cells["event"] >= 0
    keys = zip(cells.loc[events, "channel"], cells.loc[events, "event"],
               cells.loc[events, "year"], strict=True)
    campaign[events] = [names[k] for k in keys]
    for index, ch in enumerate(CHANNELS):
        if ch.programme:
            mask = cells["channel"] == index
            sep = " " if lang == "en" else ""
            campaign[mask] = cells.loc[mask, "year"].astype(str) + sep + _pick(ch.programme, lang)
    return campaign


def _leads_frame(leads: pd.DataFrame, cells: pd.DataFrame, campaign: pd.Series,
                 rng: np.random.Generator, lang: Lang) -> pd.DataFrame:
    channel_names = np.array([_pick((ch.en, ch.zh), lang) for ch in CHANNELS], dtype=object)
    lead_campaign = campaign.to_numpy(dtype=object, na_value=None)[leads["cell"].to_numpy()]
    # Events and trade shows: every lead has its campaign; programmes: 70 % of leads.
    is_event = leads["event"].to_numpy() >= 0
    keep = is_event | (rng.random(len(leads)) < 0.7)
    lead_campaign = np.where(keep, lead_campaign, None)
    types = (_pick(("new", "新客户"), lang), _pick(("existing", "老客户"), lang))
    frame = pd.DataFrame({
        "created": leads["created"],
        "channel": pd.array(channel_names[leads["channel"].to_numpy()], dtype="string"),
        "campaign": pd.array(lead_campaign, dtype="string"),
        "mql_date": leads["mql_date"],
        "sql_date": leads["sql_date"],
        "opp_date": leads["opp_date"],
        "won_date": leads["won_date"],
        "lost_date": leads["lost_date"],
        "amount": leads["amount"],
        "lead_type": pd.array(np.where(leads["existing"], types[1], types[0]), dtype="string"),
    })
    frame = frame.sort_values("created", kind="stable").reset_index(drop=True)
    ids = pd.Series(np.arange(1, len(frame) + 1)).astype(str).str.zfill(7)
    frame.insert(0, "lead_id", ("L" + ids).astype("string"))
    return frame.reindex(columns=model.LEADS.keys)


def _across_channels(frame: pd.DataFrame, rng: np.random.Generator, lang: Lang) -> None:
    """Trade shows promoted through other channels: of their leads, 25 % registered on the
    website and 15 % answered the invitation e-mail (one campaign, several channels)."""
    show = _pick(("Trade show", "展会"), lang)
    at_show = (frame["channel"] == show).to_numpy()
    draw = rng.random(len(frame))
    for (en, zh), (low, high) in ((("Website", "官网"), (0.0, 0.25)),
                                  (("Email", "邮件"), (0.25, 0.40))):
        moved = at_show & (draw >= low) & (draw < high)
        frame.loc[moved, "channel"] = _pick((en, zh), lang)


def _handoffs(frame: pd.DataFrame, rng: np.random.Generator, lang: Lang) -> None:
    """Sales' verdict on each MQL: accepted when it went on to SQL, else recycled (60 %),
    rejected (30 %) or not yet decided."""
    words = tuple(_pick(p, lang) for p in (("accepted", "接受"), ("recycled", "退回培育"),
                                            ("rejected", "拒绝")))
    mql = frame["mql_date"].notna().to_numpy()
    sql = frame["sql_date"].notna().to_numpy()
    draw = rng.random(len(frame))
    verdict = np.where(draw < 0.6, words[1], np.where(draw < 0.9, words[2], None))
    values = np.where(sql, words[0], np.where(mql, verdict, None))
    frame["handoff"] = pd.array(values, dtype="string")


def _spend_frame(cells: pd.DataFrame, counts: np.ndarray, campaign: pd.Series,
                 rng: np.random.Generator, lang: Lang) -> pd.DataFrame:
    paid = cells["cost"].to_numpy() > 0
    channel = cells["channel"].to_numpy()
    per_visit = np.array([ch.cost_per_visit for ch in CHANNELS])[channel]
    per_view = np.array([ch.impressions_per_visit for ch in CHANNELS])[channel]
    cost = cells["cost"].to_numpy()
    is_event = cells["event"].to_numpy() >= 0
    # Events count registrations as visits: about 1.6 per lead.
    visits = np.where(
        is_event,
        counts * rng.uniform(1.3, 2.0, len(cells)),
        cost / np.where(per_visit > 0, per_visit, 1) * rng.lognormal(0, 0.1, len(cells)),
    )
    impressions = visits * per_view * rng.lognormal(0, 0.15, len(cells))
    names = np.array([_pick((ch.en, ch.zh), lang) for ch in CHANNELS], dtype=object)
    frame = pd.DataFrame({
        "month": cells["month"],
        "channel": pd.array(names[channel], dtype="string"),
        "campaign": campaign,
        "cost": cost,
        "visits": np.round(visits),
        "impressions": np.round(impressions),
        "category": _categories(channel, campaign, lang),
    })
    return frame[paid].reset_index(drop=True)


_CATEGORY = {"website": "tools", "baidu_sem": "media", "wechat": "media", "douyin": "media",
             "events": "events", "trade_show": "events", "partners": "events", "email": "tools",
             "linkedin": "media", "content": "content"}
_CATEGORY_NAMES = {"media": ("media", "媒体投放"), "content": ("content", "内容"),
                   "events": ("events", "活动"), "tools": ("tools", "工具")}


def _categories(channel: np.ndarray, campaign: pd.Series, lang: Lang) -> pd.Series:
    """Spend category of each row: by channel; a channel's campaign (a webinar series, a
    nurture programme …) is content."""
    keys = np.array([_CATEGORY[ch.key] for ch in CHANNELS], dtype=object)[channel]
    events = {"events", "trade_show"}
    named = campaign.notna().to_numpy() & ~np.isin(
        np.array([ch.key for ch in CHANNELS], dtype=object)[channel], list(events))
    keys = np.where(named, "content", keys)
    names = {k: _pick(v, lang) for k, v in _CATEGORY_NAMES.items()}
    return pd.Series([names[k] for k in keys], dtype="string")


def _headcount() -> list[tuple[tuple[str, str], float, float]]:
    return [
        (("Head of marketing", "市场负责人"), 1_100_000, 1.0),
        (("Brand manager", "品牌经理"), 420_000, 1.0),
        (("Content marketer", "内容运营"), 300_000, 1.0),
        (("Content marketer", "内容运营"), 260_000, 1.0),
        (("Digital marketer", "数字营销专员"), 320_000, 1.0),
        (("Events manager", "活动经理"), 380_000, 1.0),
        (("Marketing operations", "市场运营"), 340_000, 1.0),
        (("Sales development rep (SDR)", "销售开发代表SDR"), 240_000, 0.5),
        (("Sales development rep (SDR)", "销售开发代表SDR"), 240_000, 0.5),
    ]


def _headcount_frame(lang: Lang) -> pd.DataFrame:
    rows = _headcount()
    return pd.DataFrame({
        "role": pd.array([_pick(r[0], lang) for r in rows], dtype="string"),
        "annual_cost": [float(r[1]) for r in rows],
        "marketing_share": [r[2] for r in rows],
    })


def _team_frame(lang: Lang) -> pd.DataFrame:
    rows = [
        (("Head of marketing", "市场负责人"), 1, 1_100_000,
         ("Marketing-sourced revenue +30%", "市场来源成交额增长30%")),
        (("Brand", "品牌"), 1, 420_000,
         ("Share of voice on Douyin and Xiaohongshu ≥ 25%", "抖音和小红书声量份额≥25%")),
        (("Content", "内容"), 2, 560_000,
         ("6 whitepapers, 24 customer stories", "6份白皮书，24个客户案例")),
        (("Digital", "数字营销"), 1, 320_000,
         ("CPL −10% on paid search", "付费搜索单线索费用降低10%")),
        (("Events", "活动"), 1, 380_000, ("8 events, cost per opportunity −15%",
                                           "8场活动，单个商机费用降低15%")),
        (("Marketing operations", "市场运营"), 1, 340_000,
         ("Lead→MQL within 48 hours for 90% of leads", "90%线索48小时内完成MQL判定")),
        (("SDR", "销售开发"), 2, 480_000, ("MQL→SQL rate ≥ 40%", "MQL→SQL转化率≥40%")),
    ]
    return pd.DataFrame({
        "role": pd.array([_pick(r[0], lang) for r in rows], dtype="string"),
        "headcount": [float(r[1]) for r in rows],
        # Each row's total; SDR is typed per person (2 × 240,000) to show the other form.
        "cost": [None if r[0][0] == "SDR" else float(r[2]) for r in rows],
        "cost_per_person": [r[2] / r[1] if r[0][0] == "SDR" else None for r in rows],
        "okr": pd.array([_pick(r[3], lang) for r in rows], dtype="string"),
    })


def _year_actuals(leads: pd.DataFrame, spend: pd.DataFrame, year: int, lang: Lang
                  ) -> dict[str, float]:
    """The fiscal year's leads, MQL, customers, revenue and cost (period view)."""
    def in_year(col: str) -> pd.Series:
        return leads[col].dt.year == year

    won = in_year("won_date")
    partners = {_pick((c.en, c.zh), lang) for c in CHANNELS if c.key in PARTNER_SOURCED}
    new = leads["lead_type"] != _pick(("existing", "老客户"), lang)  # 老客戶 in zh-TW
    sourced = won & new & ~leads["channel"].isin(partners)
    return {
        "leads": float(in_year("created").sum()),
        "mql": float(in_year("mql_date").sum()),
        "won": float(won.sum()),
        "revenue": float(leads.loc[won, "amount"].sum()),
        "marketing_revenue": float(leads.loc[sourced, "amount"].sum()),
        "cost": float(spend.loc[spend["month"].dt.year == year, "cost"].sum()),
    }


def _round_up(x: float, step: float) -> float:
    return float(np.ceil(x / step) * step)


def _goals_frame(actual: dict[str, float], lang: Lang) -> pd.DataFrame:
    """Goals across modules and the three layers; some typed actuals, some metrics."""
    cac = actual["cost"] / actual["won"] if actual["won"] else 0.0
    c, e, r = (_pick(p, lang) for p in (("completion", "完成层"), ("effect", "效果层"),
                                         ("roi", "ROI层")))
    brand, growth, content, events = _module_names(lang)
    hi, lo = _pick(("higher", "越高越好"), lang), _pick(("lower", "越低越好"), lang)
    o = [_pick(p, lang) for p in OWNERS]
    rows = [
        (brand, c, ("Customer case videos published", "发布客户案例视频"), None, hi, 4, 5, 0.05,
         o[1]),
        (brand, e, ("Share of voice on social platforms", "社交平台声量份额"),
         ("share_of_voice", "声量份额"), hi, 0.25, None, 0.10, o[1]),
        (growth, e, ("Leads", "线索数"), ("leads", "线索数"), hi,
         _round_up(actual["leads"] * 0.95, 100), None, 0.15, o[0]),
        (growth, e, ("Marketing-qualified leads", "营销合格线索"), ("mql", "营销合格线索"), hi,
         _round_up(actual["mql"] * 1.08, 10), None, 0.15, o[0]),
        (growth, r, ("Marketing-sourced revenue", "市场来源成交额"),
         ("marketing_revenue", "市场来源成交额"), hi,
         _round_up(actual["marketing_revenue"] * 1.3, 100_000), None, 0.20, o[0]),
        (growth, r, ("Programme ROI", "项目投资回报率"), ("roi", "ROI"), hi, 1.5, None, 0.10, o[0]),
        (growth, r, ("Customer acquisition cost", "获客费用"), ("cac", "获客费用"), lo,
         _round_up(cac * 0.9, 1000), None, 0.05, o[4]),
        (content, c, ("Whitepapers published", "发布白皮书"), None, hi, 6, 5, 0.05, o[2]),
        (content, e, ("Content downloads", "内容下载量"), None, hi, 3000, 3350, 0.05, o[2]),
        (events, c, ("Events held", "举办活动场次"), None, hi, len(EVENTS) + len(TRADE_SHOWS),
         len(EVENTS) + len(TRADE_SHOWS), 0.05, o[3]),
        (events, r, ("Cost per event opportunity", "活动单个商机费用"), None, lo, 30_000,
         34_500, 0.05, o[3]),
    ]
    comments = {0: ("Typed by the brand team", "品牌团队填写"),
                5: ("Programme cost only", "仅含项目费用")}
    return pd.DataFrame({
        "module": pd.array([x[0] for x in rows], dtype="string"),
        "layer": pd.array([x[1] for x in rows], dtype="string"),
        "goal": pd.array([_pick(x[2], lang) for x in rows], dtype="string"),
        # A Chinese sheet names its metrics in words (线索数, 获客费用), as its help says.
        "metric": pd.array([None if x[3] is None else _pick(x[3], lang) for x in rows],
                           dtype="string"),
        "direction": pd.array([x[4] for x in rows], dtype="string"),
        "target": [float(x[5]) for x in rows],
        "actual": [np.nan if x[6] is None else float(x[6]) for x in rows],
        "weight": [x[7] for x in rows],
        "owner": pd.array([x[8] for x in rows], dtype="string"),
        "comment": pd.array([_pick(comments[i], lang) if i in comments else None
                             for i in range(len(rows))], dtype="string"),
    })


def _mentions_frame(rng: np.random.Generator, fiscal_year: int, lang: Lang) -> pd.DataFrame:
    """Monthly mentions of the brand and three competitors on four platforms, two years."""
    months = _months(fiscal_year - 1, 2)
    brands = [BRAND, *COMPETITORS]
    # Share of voice per brand (columns) last year and, per platform (rows), this year:
    # CloudRise gains most on Douyin and Xiaohongshu and loses ground on Bilibili.
    share_last = np.array([0.18, 0.34, 0.28, 0.20])
    share_this = np.array([[0.27, 0.30, 0.25, 0.18],
                           [0.25, 0.31, 0.26, 0.18],
                           [0.15, 0.36, 0.29, 0.20],
                           [0.21, 0.33, 0.27, 0.19]])
    grid = pd.MultiIndex.from_product(
        [range(len(months)), range(len(PLATFORMS)), range(len(brands))],
        names=["m", "p", "b"],
    ).to_frame(index=False)
    this_year = months[grid["m"]].year == fiscal_year
    share = np.where(this_year, share_this[grid["p"], grid["b"]], share_last[grid["b"]])
    base = np.array([p[2] for p in PLATFORMS])[grid["p"]]
    season = LEAD_SEASON[months[grid["m"]].month - 1]
    mentions = rng.poisson(base * share * season)
    return pd.DataFrame({
        "month": months[grid["m"]],
        "platform": pd.array([_pick(PLATFORMS[p][:2], lang) for p in grid["p"]], dtype="string"),
        "brand": pd.array([_pick(brands[b], lang) for b in grid["b"]], dtype="string"),
        "mentions": mentions.astype(float),
    })


def _initiatives_frame(plan_year: int, scale: float, lang: Lang) -> pd.DataFrame:
    y = plan_year
    o = [_pick(p, lang) for p in OWNERS]
    rows = [
        (("Brand refresh and new website", "品牌焕新与官网改版"), "brand", o[1], (1, 6), (4, 30),
         600_000, ("Website leads +20%", "官网线索增长20%")),
        (("Douyin and Xiaohongshu content matrix", "抖音小红书内容矩阵"), "brand", o[1], (2, 15),
         (12, 15), 480_000, ("Share of voice ≥ 25%", "声量份额≥25%")),
        (("Baidu SEM account rebuild", "百度SEM账户重构"), "growth", o[4], (1, 13), (3, 31),
         120_000, ("CPL −10%", "单线索费用降低10%")),
        (("ABM pilot for top 50 accounts", "50家重点客户ABM试点"), "growth", o[0], (3, 2), (9, 30),
         350_000, ("15 opportunities", "15个商机")),
        (("Lead scoring and 48-hour follow-up", "线索评分与48小时跟进"), "growth", o[4], (1, 20),
         (3, 15), 80_000, ("Lead→MQL ≥ 40%", "线索→MQL转化率≥40%")),
        (("Industry whitepaper series", "行业白皮书系列"), "content", o[2], (2, 17), (11, 30),
         200_000, ("6 whitepapers, 3,000 downloads", "6份白皮书，3000次下载")),
        (("Customer story videos", "客户案例视频"), "content", o[2], (4, 1), (10, 31), 150_000,
         ("12 videos", "12支视频")),
        (("Shanghai CIO Summit", "上海CIO峰会"), "events", o[3], (3, 1), (4, 30), 220_000,
         ("300 leads, 30 opportunities", "300条线索，30个商机")),
        (("World AI Conference booth", "世界人工智能大会展位"), "events", o[3], (5, 15), (7, 15),
         480_000, ("400 leads", "400条线索")),
        (("Partner co-marketing programme", "合作伙伴联合营销"), "growth", o[0], (6, 1),
         (12, 20), 260_000, ("Partner leads +30%", "合作伙伴线索增长30%")),
        (("AI assistant for content (experiment)", "AI内容助手（实验）"), "content", o[2], (7, 1),
         (9, 30), 90_000, ("Cost per article −30%", "单篇内容费用降低30%")),
    ]
    modules = {"brand": "品牌", "growth": "增长", "content": "内容", "events": "活动"}
    return pd.DataFrame({
        "name": pd.array([_pick(r[0], lang) for r in rows], dtype="string"),
        "module": pd.array([_pick((r[1], modules[r[1]]), lang) for r in rows],
                           dtype="string"),
        "owner": pd.array([r[2] for r in rows], dtype="string"),
        "start": pd.to_datetime([pd.Timestamp(y, *r[3]) for r in rows]),
        "end": pd.to_datetime([pd.Timestamp(y, *r[4]) for r in rows]),
        "budget": [float(np.round(r[5] * scale, -3)) for r in rows],
        "kpi": pd.array([_pick(r[6], lang) for r in rows], dtype="string"),
    })


def _message_house_frame(lang: Lang) -> pd.DataFrame:
    """Roof, three pillars with their proof points, foundation (parts named in ``lang``)."""
    roof, pillar_part, proof, foundation = (
        _pick(p, lang)
        for p in (("roof", "屋顶"), ("pillar", "支柱"), ("proof", "证据"), ("foundation", "地基"))
    )
    pillars = [
        (("One customer view", "统一客户视图"), [
            ("CRM, WeChat and website data joined in minutes", "CRM、微信与官网数据分钟级打通"),
            ("300+ ready connectors", "300+开箱即用连接器"),
            ("Certified by China's DSMM level 3", "通过数据安全能力成熟度三级认证"),
        ]),
        (("AI that sells", "会卖货的AI"), [
            ("Lead scoring lifts MQL→SQL by 25%", "线索评分使MQL→SQL提升25%"),
            ("AI copywriting in Chinese and English", "中英文AI文案生成"),
        ]),
        (("Proven in B2B", "B2B行业验证"), [
            ("1,200 B2B customers", "1200家B2B客户"),
            ("Average payback in 7 months", "平均7个月收回投资"),
            ("Gartner Peer Insights 4.7/5", "Gartner用户评分4.7/5"),
        ]),
    ]
    rows: list[tuple[str, str | None, str]] = [
        (roof, None, _pick(("AI-ready customer data, one platform",
                               "一个平台，让客户数据为AI就绪"), lang)),
    ]
    for name, proofs in pillars:
        pillar = _pick(name, lang)
        rows.append((pillar_part, pillar, pillar))
        rows.extend((proof, pillar, _pick(p, lang)) for p in proofs)
    rows.append((foundation, None, _pick(
        ("CloudRise: the customer data platform for Chinese B2B companies",
         "云启软件：中国B2B企业的客户数据平台"), lang)))
    return pd.DataFrame(rows, columns=model.MESSAGE_HOUSE.keys).astype("string")


def _improvements_frame(plan_year: int, lang: Lang) -> pd.DataFrame:
    o = [_pick(p, lang) for p in OWNERS]
    rows = [
        (("growth", "增长"), ("Half of MQLs wait > 5 days for a call", "半数MQL超过5天无人跟进"),
         ("No SLA between marketing and sales", "市场与销售之间没有SLA"),
         ("48-hour SLA with weekly review", "设立48小时SLA并每周复盘"), o[4], (2, 28)),
        (("growth", "增长"), ("Douyin leads rarely become opportunities", "抖音线索很少转化为商机"),
         ("Content aimed at consumers, not buyers", "内容面向消费者而非采购决策者"),
         ("Shift to industry cases and live demos", "转向行业案例与直播演示"), o[1], (4, 30)),
        (("events", "活动"), ("Event leads entered late in the CRM", "活动线索录入CRM滞后"),
         ("Badge scans kept in spreadsheets", "扫码名单保存在表格里"),
         ("Scan straight into the CRM", "扫码直接进入CRM"), o[3], (3, 31)),
        (("content", "内容"), ("Whitepaper downloads without follow-up", "白皮书下载后无人跟进"),
         ("No nurture sequence", "没有培育邮件流程"),
         ("Five-step nurture emails", "五步培育邮件"), o[2], (5, 31)),
        (("brand", "品牌"), ("Campaign names differ between teams", "各团队活动命名不一致"),
         ("No naming convention", "缺少命名规范"),
         ("One naming convention in the CRM", "CRM中统一命名规范"), o[0], (1, 31)),
    ]
    return pd.DataFrame({
        "module": pd.array([_pick(r[0], lang) for r in rows], dtype="string"),
        "problem": pd.array([_pick(r[1], lang) for r in rows], dtype="string"),
        "root_cause": pd.array([_pick(r[2], lang) for r in rows], dtype="string"),
        "action": pd.array([_pick(r[3], lang) for r in rows], dtype="string"),
        "owner": pd.array([r[4] for r in rows], dtype="string"),
        "due": pd.to_datetime([pd.Timestamp(plan_year, *r[5]) for r in rows]),
    })


def _module_names(lang: Lang) -> tuple[str, str, str, str]:
    """The four modules of the Goals sheet, as the sample writes them."""
    pairs = (("brand", "品牌"), ("growth", "增长"), ("content", "内容"), ("events", "活动"))
    brand, growth, content, events = (_pick(p, lang) for p in pairs)
    return brand, growth, content, events


def _modules_frame(actual: dict[str, float], lang: Lang) -> pd.DataFrame:
    """Next year's plan per module (seed 002 figure 14): budgets add up to 90 % of this
    year's programme cost, rounded to 10,000."""
    o = [_pick(p, lang) for p in OWNERS]
    brand, growth, content, events = _module_names(lang)
    rows = [
        (brand, ("Be the name buyers know for AI-ready data", "成为AI数据就绪的首选品牌"),
         ("Industry reports, Douyin and Xiaohongshu content matrix",
          "行业报告，抖音小红书内容矩阵"),
         ("Share of voice", "声量份额"), 0.25, o[1], 0.20,
         ("Competitors outspend us on social media", "竞品社媒投入更大"),
         ("Focus on two platforms and customer voices", "聚焦两个平台与客户证言")),
        (growth, ("More sales-ready leads at a lower cost", "以更低费用获得更多销售就绪线索"),
         ("SEM rebuild, lead scoring, ABM for 50 accounts", "SEM重构、线索评分、50家客户ABM"),
         ("Marketing-qualified leads", "营销合格线索"), _round_up(actual["mql"] * 1.2, 10),
         o[0], 0.45, ("Search costs keep rising", "搜索广告费用持续上涨"),
         ("Shift 10% of search to ABM and partners", "将10%搜索预算转向ABM与合作伙伴")),
        (content, ("Content that sales uses", "销售用得上的内容"),
         ("Six whitepapers, customer story videos, nurture emails",
          "6份白皮书、客户案例视频、培育邮件"),
         ("Content downloads", "内容下载量"), 4000, o[2], 0.15,
         ("Whitepapers late for the events", "白皮书赶不上活动节点"),
         ("Editorial calendar fixed each quarter", "每季度锁定内容日历")),
        (events, ("Fewer, bigger events with follow-up", "少而精的活动与闭环跟进"),
         ("Shanghai CIO Summit, WAIC booth, city salons", "上海CIO峰会、WAIC展位、城市沙龙"),
         ("Cost per event opportunity", "活动单个商机费用"), 30_000, o[3], 0.20,
         ("Event leads not followed up", "活动线索跟进不及时"),
         ("Badge scans straight into the CRM, 48-hour SLA", "扫码直连CRM，48小时跟进SLA")),
    ]
    pot = actual["cost"] * 0.9
    return pd.DataFrame({
        "module": pd.array([r[0] for r in rows], dtype="string"),
        "focus": pd.array([_pick(r[1], lang) for r in rows], dtype="string"),
        "strategy": pd.array([_pick(r[2], lang) for r in rows], dtype="string"),
        "kpi": pd.array([_pick(r[3], lang) for r in rows], dtype="string"),
        "target": [float(r[4]) for r in rows],
        "owner": pd.array([r[5] for r in rows], dtype="string"),
        "budget": [float(np.round(pot * r[6], -4)) for r in rows],
        "risk": pd.array([_pick(r[7], lang) for r in rows], dtype="string"),
        "response": pd.array([_pick(r[8], lang) for r in rows], dtype="string"),
    })


def _quarters_frame(lang: Lang) -> pd.DataFrame:
    """Four quarter themes (seed 000: Q1 brand awareness, Q2 conversion …)."""
    rows = [
        ("Q1", ("Brand awareness: launch the annual keyword", "品牌认知：发布年度关键词"),
         ("Brand refresh, SEM rebuild", "品牌焕新、SEM重构")),
        ("Q2", ("Conversion: turn attention into opportunities", "转化：把关注变成商机"),
         ("Shanghai CIO Summit, ABM pilot", "上海CIO峰会、ABM试点")),
        ("Q3", ("Scale what works", "放大有效打法"),
         ("WAIC booth, partner co-marketing", "WAIC展位、合作伙伴联合营销")),
        ("Q4", ("Harvest: close the year's pipeline", "收割：推动全年商机成交"),
         ("Customer stories, year-end offers", "客户案例、年末促单")),
    ]
    return pd.DataFrame({
        "quarter": pd.array([r[0] for r in rows], dtype="string"),
        "theme": pd.array([_pick(r[1], lang) for r in rows], dtype="string"),
        "key_campaigns": pd.array([_pick(r[2], lang) for r in rows], dtype="string"),
    })


def _okr_frame(actual: dict[str, float], lang: Lang) -> pd.DataFrame:
    """The department's objective, its key results, and two team objectives rolling up to
    them (seed 002 figure 19); actuals are this year's, as if reviewed mid-way."""
    o = [_pick(p, lang) for p in OWNERS]
    dept = _pick(("Grow marketing-sourced revenue", "提升市场来源成交额"), lang)
    kr_mql = _pick(("MQL +20%", "MQL增长20%"), lang)
    kr_sov = _pick(("Share of voice ≥ 25%", "声量份额≥25%"), lang)
    growth = _pick(("Fill the funnel at a lower cost", "以更低费用填满漏斗"), lang)
    brand = _pick(("Be seen on social platforms", "在社交平台被看见"), lang)
    mql = _round_up(actual["mql"] * 1.2, 10)
    rows = [
        (dept, None, o[0], None, None, None, None),
        (dept, kr_mql, o[0], None, mql, None, 2.0),
        (dept, kr_sov, o[1], None, 0.25, 0.21, 1.0),
        (growth, None, o[4], kr_mql, None, None, None),
        (growth, _pick(("Leads from SEM +15%", "SEM线索增长15%"), lang), o[4], None, 1.15,
         1.05, None),
        (growth, _pick(("MQL→SQL ≥ 40%", "MQL→SQL转化率≥40%"), lang), o[0], None, 0.40, 0.36,
         None),
        (brand, None, o[1], kr_sov, None, None, None),
        (brand, _pick(("120 posts on Douyin and Xiaohongshu", "抖音小红书发布120篇"), lang), o[1],
         None, 120, 96, None),
    ]
    return pd.DataFrame({
        "objective": pd.array([r[0] for r in rows], dtype="string"),
        "key_result": pd.array([r[1] for r in rows], dtype="string"),
        "owner": pd.array([r[2] for r in rows], dtype="string"),
        "parent": pd.array([r[3] for r in rows], dtype="string"),
        "target": [np.nan if r[4] is None else float(r[4]) for r in rows],
        "actual": [np.nan if r[5] is None else float(r[5]) for r in rows],
        "weight": [np.nan if r[6] is None else float(r[6]) for r in rows],
    })


def _lessons_frame(lang: Lang) -> pd.DataFrame:
    """What worked this year and the method to keep (seed 000, review step 3)."""
    brand, growth, content, events = _module_names(lang)
    rows = [
        (content, ("Whitepapers brought the best leads", "白皮书带来最优质的线索"),
         ("One industry report per quarter, cut into 10 posts and a webinar",
          "每季度一份行业报告，拆成10篇内容和1场直播"),
         ("Highest lead→opportunity rate of all channels", "线索→商机转化率全渠道最高")),
        (events, ("Small city salons beat big booths", "城市沙龙胜过大型展位"),
         ("30-seat salons with a customer speaker, invitations by sales",
          "30人沙龙，客户主讲，销售邀约"),
         ("Cost per opportunity a third of the trade shows'", "单个商机费用为展会的三分之一")),
        (growth, ("Fast follow-up doubles MQL→SQL", "快速跟进使MQL→SQL翻倍"),
         ("Call every MQL within 48 hours; weekly SLA review with sales",
          "48小时内电话跟进每条MQL；每周与销售复盘SLA"),
         ("MQL→SQL 38% with follow-up in 48 h, 19% without", "48小时内跟进38%，否则19%")),
        (brand, ("Customer voices travel further than ads", "客户证言比广告传播更远"),
         ("Film one customer story a month; share it on every channel",
          "每月拍摄一个客户故事，全渠道分发"),
         ("Video posts had 3× the shares of product posts", "视频转发量是产品帖的3倍")),
    ]
    return pd.DataFrame({
        "module": pd.array([r[0] for r in rows], dtype="string"),
        "what_worked": pd.array([_pick(r[1], lang) for r in rows], dtype="string"),
        "method": pd.array([_pick(r[2], lang) for r in rows], dtype="string"),
        "evidence": pd.array([_pick(r[3], lang) for r in rows], dtype="string"),
    })


def _settings_frame(fiscal_year: int, actual: dict[str, float], headcount: pd.DataFrame,
                    lang: Lang) -> pd.DataFrame:
    """Settings derived from the history: a target 30 % above this year's sourced revenue."""
    new_share, marketing_share = 0.6, 0.5
    target = _round_up(actual["marketing_revenue"] * 1.3 / (new_share * marketing_share),
                       1_000_000)
    people = float((headcount["annual_cost"] * headcount["marketing_share"]).sum())
    budget = _round_up((actual["cost"] + people) * 1.15, 100_000)
    values: dict[str, object] = {
        "fiscal_year": fiscal_year,
        "currency": "CNY",
        "revenue_target": target,
        "new_customer_share": new_share,
        "marketing_share": marketing_share,
        "avg_deal_size": None,
        "budget_total": budget,
        "experiment_share": 0.2,
        "reserve_share": 0.05,
        "seasonality": "history",
        "language": lang,
        "brand": _pick(BRAND, lang),
        "budget_method": "curve",
        "min_conversions": 20,
        "share_copy": None,
    }
    keys = settings_fields()
    return pd.DataFrame({"key": keys, "value": [values.get(k) for k in keys]}, dtype=object)


PARTNER_SOURCED = ("partners",)
"""Channels whose leads partners source: their revenue is not marketing-sourced."""
OWN_CHANNELS = ("website", "wechat", "email", "content", "events")
"""Channels the company owns (seed 002 figure 3: 自有渠道); the others are 新拓 (new)."""


def _channels_frame(lang: Lang) -> pd.DataFrame:
    """Each channel's group (own / new) and who sources it (Partners: partner)."""
    words = {"own": ("own", "自有"), "new": ("new", "新拓"), "marketing": ("marketing", "市场"),
             "partner": ("partner", "合作伙伴")}
    return pd.DataFrame({
        "channel": pd.array([_pick((c.en, c.zh), lang) for c in CHANNELS], dtype="string"),
        "group": pd.array([_pick(words["own" if c.key in OWN_CHANNELS else "new"], lang)
                           for c in CHANNELS], dtype="string"),
        "sourced_by": pd.array([_pick(words["partner" if c.key in PARTNER_SOURCED
                                            else "marketing"], lang) for c in CHANNELS],
                               dtype="string"),
    })


PLAN_GROWTH = {"leads": 1.15, "mql": 1.15, "sql": 1.15, "opp": 1.15, "won": 1.2,
               "revenue": 1.2, "cost": 1.1}
"""The plan frozen a year ago: the year before's actuals grown by these factors."""


def _baseline_frame(leads: pd.DataFrame, spend: pd.DataFrame, fiscal_year: int
                    ) -> pd.DataFrame:
    """The baseline frozen last December for ``fiscal_year``: each month, each quarter and
    each channel's year, the year before's actuals × :data:`PLAN_GROWTH`."""
    before = fiscal_year - 1
    dates = {"leads": "created", "mql": "mql_date", "sql": "sql_date", "opp": "opp_date",
             "won": "won_date"}
    monthly: dict[str, np.ndarray] = {}
    by_channel: dict[str, pd.Series] = {}
    for metric, column in dates.items():
        when = leads[column]
        rows = when.dt.year == before
        monthly[metric] = np.bincount(when[rows].dt.month - 1, minlength=12).astype(float)
        by_channel[metric] = leads.loc[rows, "channel"].value_counts().astype(float)
    won = leads["won_date"].dt.year == before
    monthly["revenue"] = np.bincount(leads.loc[won, "won_date"].dt.month - 1,
                                     weights=leads.loc[won, "amount"].fillna(0), minlength=12)
    by_channel["revenue"] = leads[won].groupby("channel")["amount"].sum()
    paid = spend["month"].dt.year == before
    monthly["cost"] = np.bincount(spend.loc[paid, "month"].dt.month - 1,
                                  weights=spend.loc[paid, "cost"], minlength=12)
    by_channel["cost"] = spend[paid].groupby("channel")["cost"].sum()

    def plan(metric: str, value: float) -> float:
        step = 1000.0 if metric in ("revenue", "cost") else 1.0
        return float(np.ceil(value * PLAN_GROWTH[metric] / step) * step)

    rows = []
    for month in range(12):
        rows += [(f"{fiscal_year}-{month + 1:02d}", None, m, plan(m, v[month]))
                 for m, v in monthly.items()]
    for quarter in range(4):
        rows += [(f"{fiscal_year}-Q{quarter + 1}", None, m,
                  plan(m, v[3 * quarter:3 * quarter + 3].sum())) for m, v in monthly.items()]
    for channel in sorted(by_channel["leads"].index):
        rows += [(str(fiscal_year), channel, m, plan(m, v.get(channel, 0.0)))
                 for m, v in by_channel.items() if m in ("leads", "won", "revenue")
                 or (m == "cost" and v.get(channel, 0.0) > 0)]  # no spend line, no cost plan
    return pd.DataFrame(rows, columns=model.BASELINE.keys)


def _empty(spec: model.SheetSpec) -> pd.DataFrame:
    return pd.DataFrame({key: pd.Series(dtype=object) for key in spec.keys})


def sample_company(
    seed: int = 7,
    *,
    leads_per_year: int = 4000,
    years: int = 3,
    fiscal_year: int = 2025,
    lang: Lang = "en",
) -> dict[str, pd.DataFrame]:
    """The fictional company CloudRise (云启软件) as raw input sheets.

    Args:
        seed: seed of the numpy random generator; the same seed gives the same frames.
        leads_per_year: leads created in each year; spend and budgets scale with it.
        years: years of history, ending with ``fiscal_year``.
        fiscal_year: the year under review; data are exported on 31 December of it.
        lang: ``en`` for English names (channels, campaigns, goals …), ``zh-CN`` for
            Simplified Chinese ones, ``zh-TW`` (zh-HK, 繁體 …) for Traditional; column keys
            are the same.

    Returns:
        ``{sheet key: DataFrame}`` for every input sheet of :data:`model.INPUT_SHEETS`,
        columns = the sheet's column keys (``deals`` and ``mapping`` are empty; the
        ``baseline`` is the year before's actuals grown, as frozen a year ago).

    Examples:
        >>> frames = sample_company(leads_per_year=500)
        >>> len(frames["leads"])
        1500
    """
    lang = language(lang, None) or ("zh-CN" if str(lang).lower().startswith("zh") else "en")
    rng = np.random.default_rng(seed)
    first_year = fiscal_year - years + 1
    scale = leads_per_year / BASE_LEADS
    cells = _cells(rng, first_year, years, scale)
    leads = _draw_leads(rng, cells, leads_per_year)
    _stages(rng, leads, pd.Timestamp(fiscal_year, 12, 31))
    campaign = _campaigns(rng, cells, lang, first_year, years)
    counts = np.bincount(leads["cell"].to_numpy(), minlength=len(cells))
    spend = _spend_frame(cells, counts, campaign, rng, lang)
    lead_frame = _leads_frame(leads, cells, campaign, rng, lang)
    later = np.random.default_rng([seed, 14])  # its own stream: the draws above stay the same
    _across_channels(lead_frame, later, lang)
    _handoffs(lead_frame, later, lang)
    headcount = _headcount_frame(lang)
    actual = _year_actuals(lead_frame, spend, fiscal_year, lang)
    return {
        "settings": _settings_frame(fiscal_year, actual, headcount, lang),
        "leads": lead_frame,
        "deals": _empty(model.DEALS),
        "spend": spend,
        "channels": _channels_frame(lang),
        "headcount": headcount,
        "goals": _goals_frame(actual, lang),
        "mentions": _mentions_frame(rng, fiscal_year, lang),
        "initiatives": _initiatives_frame(fiscal_year + 1, scale, lang),
        "message_house": _message_house_frame(lang),
        "improvements": _improvements_frame(fiscal_year + 1, lang),
        "team": _team_frame(lang),
        "baseline": _baseline_frame(lead_frame, spend, fiscal_year),
        "modules": _modules_frame(actual, lang),
        "quarters": _quarters_frame(lang),
        "okr": _okr_frame(actual, lang),
        "lessons": _lessons_frame(lang),
        "mapping": _empty(model.MAPPING),
    }


__all__ = ["CHANNELS", "ChannelProfile", "sample_company"]
