"""A tiny, hand-computed set of core tables (DESIGN.md "Table contract") for layout tests.

Every derived figure is worked out in the comments, so tests can assert against it.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from xlreview.settings import Settings

NAN = np.nan
FORMULA_LIKE = ["=1+1", "-discount", "+86 hotline", "@home"]


def settings(language: str = "en", currency: str = "CNY") -> Settings:
    # Marketing revenue target = 10,000,000 × 0.6 × 0.5 = 3,000,000.
    return Settings(
        fiscal_year=2026,
        currency=currency,
        revenue_target=10_000_000,
        new_customer_share=0.6,
        marketing_share=0.5,
        language=language,  # type: ignore[arg-type]
    )


def _roi_matrix() -> pd.DataFrame:
    # Trade shows: cpl 400,000/500 = 800; per MQL 400,000/200 = 2,000; per SQL /80 = 5,000;
    #   CAC /10 = 40,000; ROAS 2,000,000/400,000 = 5; ROI (2.0M − 0.4M)/0.4M = 4.
    # Search: cpl 100,000/1,000 = 100; per MQL 1,000; per SQL 2,000; CAC 25,000; ROAS 4; ROI 3.
    # Organic: no spend → cost and every cost ratio blank (NaN).
    # Total: cost 500,000; leads 1,600; won 15; revenue 2,550,000; cpl 312.5;
    #   per MQL 500,000/330; per SQL 500,000/140; CAC 500,000/15; ROAS 5.1; ROI 4.1.
    return pd.DataFrame({
        "channel": ["Trade shows", "Search", "Organic", "total"],
        "cost": [400_000.0, 100_000.0, NAN, 500_000.0],
        "visits": [5_000, 20_000, 3_000, 28_000],
        "leads": [500, 1_000, 100, 1_600],
        "mql": [200, 100, 30, 330],
        "sql": [80, 50, 10, 140],
        "opp": [40, 20, 5, 65],
        "won": [10, 4, 1, 15],
        "revenue": [2_000_000.0, 400_000.0, 150_000.0, 2_550_000.0],
        "cpl": [800.0, 100.0, NAN, 312.5],
        "cost_per_mql": [2_000.0, 1_000.0, NAN, 500_000 / 330],
        "cost_per_sql": [5_000.0, 2_000.0, NAN, 500_000 / 140],
        "cac": [40_000.0, 25_000.0, NAN, 500_000 / 15],
        "roas": [5.0, 4.0, NAN, 5.1],
        "roi": [4.0, 3.0, NAN, 4.1],
        "quadrant": ["star", "volume", "quality", NAN],
    })


def _targets() -> pd.DataFrame:
    # Marketing target 3,000,000 (see settings()), average deal 200,000 → 15 customers,
    # split by share 0.5 / 0.3 / 0.2 with largest remainder: 7.5, 4.5, 3.0 → 7 + 4 + 3 = 14,
    # one left for the largest remainder; Trade shows and Search tie at 0.5 and the first
    # wins → 8, 4, 3.
    # Trade shows: opp ⌈8/0.3⌉ = 27; SQL ⌈27/0.5⌉ = 54; MQL ⌈54/0.4⌉ = 135;
    #   leads ⌈135/0.25⌉ = 540; revenue 8 × 200,000 = 1,600,000; implied cost 540 × 500 =
    #   270,000; bottom-up 550 → gap 540 − 550 = −10; picks bottom-up → plan leads 550.
    # Search: opp ⌈4/0.2⌉ = 20; SQL ⌈20/0.3⌉ = 67; MQL ⌈67/0.5⌉ = 134; leads ⌈134/0.1⌉ =
    #   1,340; revenue 800,000; implied cost 1,340 × 200 = 268,000; no bottom-up.
    # Partners: opp ⌈3/0.2⌉ = 15; SQL ⌈15/0.3⌉ = 50; MQL ⌈50/0.3⌉ = 167; lead→MQL rate 0
    #   → leads blank, and so implied cost, gap and plan leads; revenue 600,000.
    # Total (blanks skipped): customers 15, opp 62, SQL 171, MQL 436, leads 1,880,
    #   revenue 3,000,000, implied cost 538,000, bottom-up 550, gap 1,880 − 550 = 1,330,
    #   plan leads 550 + 1,340 = 1,890.
    return pd.DataFrame({
        "channel": ["Trade shows", "Search", "Partners", "total"],
        "share": [0.5, 0.3, 0.2, 1.0],
        "lead_to_mql": [0.25, 0.1, 0.0, NAN],
        "mql_to_sql": [0.4, 0.5, 0.3, NAN],
        "sql_to_opp": [0.5, 0.3, 0.3, NAN],
        "opp_to_won": [0.3, 0.2, 0.2, NAN],
        "customers": [8, 4, 3, 15],
        "opp": [27, 20, 15, 62],
        "sql": [54, 67, 50, 171],
        "mql": [135, 134, 167, 436],
        "leads": [540, 1_340, NAN, 1_880],
        "avg_deal": [200_000.0] * 4,
        "revenue": [1_600_000.0, 800_000.0, 600_000.0, 3_000_000.0],
        "rate_source": ["channel", "overall", "overall", "overall"],
        "cpl": [500.0, 200.0, NAN, NAN],
        "implied_cost": [270_000.0, 268_000.0, NAN, 538_000.0],
        "bottom_up_leads": [550, NAN, NAN, 550],
        "gap": [-10, NAN, NAN, 1_330],
        "pick": ["bottom_up", "top_down", "top_down", NAN],
        "plan_leads": [550, 1_340, NAN, 1_890],
        "share_override": [NAN, NAN, NAN, NAN],
        # Hidden: what the history gave (the cells above were not typed over).
        "history_share": [0.5, 0.3, 0.2, NAN],
        "history_lead_to_mql": [0.25, 0.1, 0.0, NAN],
        "history_mql_to_sql": [0.4, 0.5, 0.3, NAN],
        "history_sql_to_opp": [0.5, 0.3, 0.3, NAN],
        "history_opp_to_won": [0.3, 0.2, 0.2, NAN],
    })


def _months(year: int) -> pd.DatetimeIndex:
    return pd.date_range(f"{year}-01-01", periods=12, freq="MS")


def _plan_monthly() -> pd.DataFrame:
    # Flat: 4,600 leads = 383 × 12 + 4 → the first four months get 384 (largest remainder).
    leads = [384] * 4 + [383] * 8  # sum 4,600
    won = [2] * 9 + [1] * 3  # sum 21
    return pd.DataFrame({
        "month": _months(2027),
        "leads": leads,
        "mql": [46] * 10 + [45] * 2,  # 460 + 90 = 550
        "sql": [22] * 8 + [21] * 4,  # 176 + 84 = 260
        "opp": [8] * 6 + [7] * 6,  # 48 + 42 = 90
        "won": won,
        "revenue": [250_000.0] * 12,  # 3,000,000
        "budget": [100_000.0] * 12,  # 1,200,000
    })


def _plan_quarterly() -> pd.DataFrame:
    # Sums of three months each of _plan_monthly().
    return pd.DataFrame({
        "quarter": ["Q1", "Q2", "Q3", "Q4"],
        "leads": [1_152, 1_150, 1_149, 1_149],
        "mql": [138, 138, 138, 136],
        "sql": [66, 66, 65, 63],  # 22+22+22, 22+22+22, 22+22+21, 21×3
        "opp": [24, 24, 21, 21],
        "won": [6, 6, 6, 3],
        "revenue": [750_000.0] * 4,
        "budget": [300_000.0] * 4,
    })


def _budget() -> pd.DataFrame:
    # Change = planned / last year − 1: 520,000/400,000 − 1 = 0.3; 100,000/100,000 − 1 = 0;
    # experiment: no spend last year → blank; headcount 300,000/280,000 − 1 = 1/14.
    # Total: last year 780,000; planned 1,070,000; change 1,070,000/780,000 − 1 = 29/78;
    # leads 650 + 1,000 + 100 = 1,750; revenue 2,600,000 + 400,000 + 50,000 = 3,050,000.
    return pd.DataFrame({
        "channel": ["Trade shows", "Search", "experiment", "headcount", "total"],
        "type": ["proven", "proven", "experiment", "headcount", NAN],
        "last_year_cost": [400_000.0, 100_000.0, 0.0, 280_000.0, 780_000.0],
        "planned_cost": [520_000.0, 100_000.0, 150_000.0, 300_000.0, 1_070_000.0],
        "change": [0.3, 0.0, NAN, 1 / 14, 29 / 78],
        "expected_leads": [650, 1_000, 100, NAN, 1_750],
        "expected_revenue": [2_600_000.0, 400_000.0, 50_000.0, NAN, 3_050_000.0],
        "marginal_roi": [3.2, 2.5, NAN, NAN, NAN],
        "min": [280_000.0, 70_000.0, NAN, NAN, NAN],
        "max": [520_000.0, 130_000.0, NAN, NAN, NAN],
        "locked": [False, False, False, True, NAN],
        "fit": ["power b=0.62 R²=0.71", "flat CPL (6 months)", "", "", ""],
    })


def _plan_words() -> dict[str, pd.DataFrame]:
    # Programme budget of _budget(): 520,000 + 100,000 + 150,000 = 770,000 (all but headcount).
    # Module budgets 300,000 + 200,000 = 500,000 → shares 300/770 and 200/770; 270,000 left.
    return {
        "module_plan": pd.DataFrame({
            "module": ["growth", "brand"],
            "focus": ["More sales-ready leads", "Known for AI-ready data"],
            "strategy": ["SEM rebuild and ABM", "Industry reports"],
            "kpi": ["MQL", "Share of voice"],
            "target": [550.0, 0.25],
            "owner": ["Li Na", "Wang Wei"],
            "budget": [300_000.0, 200_000.0],
            "budget_share": [300_000 / 770_000, 200_000 / 770_000],
            "risk": ["Search costs rise", "=Competitors outspend us"],
            "response": ["Shift 10% to ABM", "Two platforms only"],
        }),
        "quarter_themes": pd.DataFrame({
            "quarter": ["Q1", "Q2", "Q4"],
            "theme": ["Awareness", "Conversion", "Harvest"],
            "key_campaigns": ["Brand refresh", "Expo Shanghai", None],
        }),
        "okr_tree": pd.DataFrame({
            # KR completions 0.9 and 1.2 (capped at 1 for the objective): (0.9 + 1) / 2.
            "level": [0, 1, 1],
            "kind": ["objective", "key_result", "key_result"],
            "item": ["Grow pipeline", "    MQL 550", "    SQL 260"],
            "owner": ["Li Na", "Li Na", "Wang Wei"],
            "parent": [None, "Grow pipeline", "Grow pipeline"],
            "target": [NAN, 550.0, 260.0],
            "actual": [NAN, 495.0, 312.0],
            "weight": [NAN, NAN, NAN],
            "completion": [0.95, 0.9, 1.2],
        }),
        "budget_categories": pd.DataFrame({
            # Programme 770,000 by category; change 480,000/400,000 − 1 = 0.2.
            "category": ["events", "media", "experiment", "total"],
            "last_year_cost": [400_000.0, 100_000.0, 0.0, 500_000.0],
            "planned_cost": [480_000.0, 140_000.0, 150_000.0, 770_000.0],
            "change": [0.2, 0.4, NAN, 0.54],
        }),
        "lessons": pd.DataFrame({
            "module": ["growth"],
            "what_worked": ["Fast follow-up"],
            "method": ["Call every MQL within 48 hours"],
            "evidence": ["MQL→SQL 38% against 19%"],
            "module_completion": [1.0],
        }),
    }


def tables(*, with_share_of_voice: bool = False) -> dict[str, pd.DataFrame]:
    """Every table of the contract, small and consistent."""
    out = {
        "roi_matrix": _roi_matrix(),
        "roi_summary": pd.DataFrame({
            # Fully loaded: (2,550,000 − 500,000 − 300,000) / 800,000 = 2.1875.
            "item": ["programme_cost", "headcount_cost", "revenue", "roi_programme",
                     "roi_fully_loaded"],
            "value": [500_000.0, 300_000.0, 2_550_000.0, 4.1, 2.1875],
        }),
        "funnel": pd.DataFrame({
            "stage": ["lead", "mql", "sql", "opp", "won"],
            "count_period": [1_600, 330, 140, 65, 15],
            "count_cohort": [1_500, 300, 120, 50, 10],
            "conversion": [NAN, 330 / 1_600, 140 / 330, 65 / 140, 15 / 65],
            "median_days": [NAN, 10.0, 20.0, 15.0, 30.0],
        }),
        "events": pd.DataFrame({
            "campaign": ["Expo Shanghai", *FORMULA_LIKE],
            "channel": ["Trade shows", "Search", "Search", "Organic", "Search"],
            "cost": [300_000.0, 10_000.0, 0.0, NAN, 5_000.0],
            "visits": [2_000, 100, 50, 10, 5],
            "leads": [400, 20, 10, 5, 0],
            "mql": [160, 4, 2, 1, 0],
            "sql": [60, 2, 1, 0, 0],
            "opp": [30, 1, 0, 0, 0],
            "won": [8, 0, 0, 0, 0],
            "revenue": [1_600_000.0, 0.0, 0.0, 0.0, 0.0],
            "roi": [1_300_000 / 300_000, -1.0, NAN, NAN, -1.0],
            "lead_to_mql": [0.4, 0.2, 0.2, 0.2, NAN],
            "mql_to_sql": [0.375, 0.5, 0.5, 0.0, NAN],
            "sql_to_opp": [0.5, 0.5, 0.0, NAN, NAN],
            "opp_to_won": [8 / 30, 0.0, NAN, NAN, NAN],
        }),
        "monthly": pd.DataFrame({
            "month": _months(2026),
            "leads": [100, 120, 150, 130, 140, 110, 90, 100, 160, 180, 170, 150],
            "mql": [20, 25, 30, 28, 30, 22, 18, 20, 35, 38, 34, 30],
            "sql": [8, 10, 12, 11, 12, 9, 7, 8, 14, 17, 16, 16],
            "opp": [4, 5, 6, 5, 6, 4, 3, 4, 7, 8, 7, 6],
            "won": [1, 1, 2, 1, 1, 1, 0, 1, 2, 2, 2, 1],
            "revenue": [150_000.0] * 12,
        }),
        "sales_cycle": pd.DataFrame({
            "lead_type": ["new", "existing", "all"],
            "deals": [10, 5, 15],
            "median_days": [60.0, 30.0, 45.0],
            "p80_days": [90.0, 50.0, 80.0],
        }),
        "pipeline": pd.DataFrame({
            # Expected = open value × win rate: 1,000,000 × 0.25 = 250,000; 200,000 × 0.2 = 40,000.
            "channel": ["Trade shows", "Search", "total"],
            "open_opps": [5, 2, 7],
            "pipeline_value": [1_000_000.0, 200_000.0, 1_200_000.0],
            "win_rate": [0.25, 0.2, NAN],
            "expected_value": [250_000.0, 40_000.0, 290_000.0],
            "expected_next_year": [200_000.0, 40_000.0, 240_000.0],
        }),
        "pipeline_months": pd.DataFrame({
            "month": _months(2027)[:3],
            "expected_revenue": [120_000.0, 80_000.0, 40_000.0],
        }),
        "goal_review": pd.DataFrame({
            "module": ["growth", "brand", "events"],
            "layer": ["effect", "completion", "roi"],
            "goal": ["Leads", "Press releases", "Event ROI"],
            "target": [1_500.0, 12.0, 3.0],
            "actual": [1_600.0, 10.8, 1.5],
            "completion": [1_600 / 1_500, 0.9, 0.5],
            "status": ["achieved", "at_risk", "missed"],
            "gap": [100.0, -1.2, -1.5],
        }),
        "share_of_voice": pd.DataFrame(columns=[
            "platform", "mentions", "share", "rank", "share_last_year", "rank_last_year",
            "change"]),
        "targets": _targets(),
        "plan_monthly": _plan_monthly(),
        "plan_quarterly": _plan_quarterly(),
        "plan_weekly": pd.DataFrame({
            "week": ["2027-W01", "2027-W02", "2027-W03"],
            "week_start": pd.to_datetime(["2027-01-04", "2027-01-11", "2027-01-18"]),
            "month": pd.to_datetime(["2027-01-01"] * 3),
            "leads": [88, 89, 89],
            "mql": [11, 10, 11],
            "sql": [5, 5, 5],
            "opp": [2, 2, 2],
            "won": [0, 1, 0],
            "revenue": [57_000.0, 57_000.0, 57_000.0],
        }),
        "plan_lead_time": pd.DataFrame({
            "stage": ["lead", "mql", "sql", "opp"],
            "needed_before_year": [766, 92, 44, 8],
            "pipeline_carried": [NAN, NAN, NAN, 7.0],
            "gap": [766, 92, 44, 1],
        }),
        "budget": _budget(),
        "workplan": pd.DataFrame({
            "name": ["Expo Shanghai", "ABM pilot", "=Website relaunch"],
            "module": ["events", "growth", "brand"],
            "owner": ["Li Na", "Wang Wei", "Zhang Min"],
            "start": pd.to_datetime(["2027-03-01", "2027-01-15", "2027-06-01"]),
            "end": pd.to_datetime(["2027-03-20", "2027-06-30", "2027-09-30"]),
            "budget": [300_000.0, 150_000.0, 80_000.0],
            "kpi": ["400 leads", "20 target accounts engaged", "+30% visits"],
        }),
        "actions": pd.DataFrame({
            "module": ["growth"], "problem": ["Slow lead follow-up"],
            "root_cause": ["No SLA"], "action": ["24h SLA with sales"], "owner": ["Li Na"],
            "due": pd.to_datetime(["2027-03-31"]), "quarter": ["Q1"],
        }),
        "team": pd.DataFrame({
            "role": ["Head of marketing", "Content"], "headcount": [1, 2],
            "cost": [120_000.0, 90_000.0], "okr": ["Pipeline +20%", "2 articles/week"],
        }),
        "data_check": pd.DataFrame({
            "severity": ["error", "warning", "info"],
            "sheet": ["Leads", "Leads", "Spend"],
            "row": pd.array([12, 40, pd.NA], dtype="Int64"),
            "column": ["created", "channel", None],
            "message": ["'31-13-2026' is not a date", "=blank channel set to (no channel)",
                        "3 months without spend"],
        }),
    }
    out.update(_plan_words())
    if with_share_of_voice:
        out["share_of_voice"] = pd.DataFrame({
            "platform": ["WeChat", "Douyin"], "mentions": [300, 100], "share": [0.75, 0.25],
            "rank": [1, 2], "share_last_year": [0.6, 0.4], "rank_last_year": [1, 2],
            "change": [0.15, -0.15],
        })
    return out


def extra() -> SimpleNamespace:
    """The parts of Inputs the layout reads: message house and goal weights."""
    house = pd.DataFrame({
        "part": ["roof", "pillar", "pillar", "pillar", "proof", "proof", "proof", "proof",
                 "foundation"],
        "pillar": [None, "Trusted", "Fast", "Local", "Trusted", "Trusted", "Fast", "Local", None],
        "text": ["Grow with confidence", "Trusted", "Fast", "Local", "500 enterprise customers",
                 "ISO 27001", "Go live in 2 weeks", "Offices in 12 cities",
                 "15 years of B2B software"],
    })
    # Weighted completion: min(completion, 1.5) × weight / Σ weight
    # = (16/15 × 2 + 0.9 × 1 + 0.5 × 1) / 4 = (2.1333… + 1.4) / 4 = 0.883333…
    goals = pd.DataFrame({"weight": [2.0, 1.0, 1.0]})
    return SimpleNamespace(message_house=house, goals=goals)
