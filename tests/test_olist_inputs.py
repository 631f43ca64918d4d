"""read_inputs on the real Olist export (8,000 MQLs, 842 closed deals), cells as text.

Every expected figure is derived here with plain pandas from the CSV files, independently
of xlreview's parsers.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xlreview.inputs import Inputs, read_inputs

OLIST = Path("/work/shared/data/olist")
LEADS_CSV = OLIST / "olist_marketing_qualified_leads_dataset.csv"
DEALS_CSV = OLIST / "olist_closed_deals_dataset.csv"

pytestmark = pytest.mark.skipif(not LEADS_CSV.exists(), reason="Olist data not available")

MAPPING = [
    ["sheet", "column", "source", "date_format"],
    ["Leads", "lead_id", "mql_id", None],
    ["Leads", "created", "first_contact_date", None],
    ["Leads", "mql_date", "first_contact_date", None],
    ["Leads", "channel", "origin", None],
    ["Deals", "lead_id", "mql_id", None],
    ["Deals", "won_date", "won_date", None],
]


def grid(path: Path) -> list[list[object]]:
    """A CSV file as a sheet pasted into Excel: every cell text, blank cells None."""
    with path.open(newline="", encoding="utf-8") as f:
        return [[cell if cell != "" else None for cell in row] for row in csv.reader(f)]


@pytest.fixture(scope="module")
def inputs() -> Inputs:
    return read_inputs({"Leads": grid(LEADS_CSV), "Deals": grid(DEALS_CSV), "Mapping": MAPPING})


@pytest.fixture(scope="module")
def raw() -> tuple[pd.DataFrame, pd.DataFrame]:
    leads = pd.read_csv(LEADS_CSV, dtype=str, keep_default_na=False)
    deals = pd.read_csv(DEALS_CSV, dtype=str, keep_default_na=False)
    return leads, deals


def test_every_lead_is_kept_with_its_excel_row(inputs: Inputs, raw) -> None:
    leads, _ = raw
    assert len(leads) == 8000
    assert len(inputs.leads) == len(leads)
    assert inputs.leads["lead_id"].tolist() == leads["mql_id"].tolist()
    # Header on Excel row 1, so the n-th data row (0-based) is Excel row n + 2.
    assert inputs.leads["_row"].tolist() == list(range(2, len(leads) + 2))


def test_per_origin_counts_and_blank_origins_unassigned(inputs: Inputs, raw) -> None:
    leads, _ = raw
    expected = leads["origin"].replace("", "unassigned").value_counts().sort_index()
    got = inputs.leads["channel"].value_counts().sort_index()
    assert got.to_dict() == expected.to_dict()
    assert got["unassigned"] == (leads["origin"] == "").sum() == 60


def test_first_contact_dates_are_day_first(inputs: Inputs, raw) -> None:
    leads, _ = raw
    expected = pd.to_datetime(leads["first_contact_date"], format="%d-%m-%Y")
    assert (inputs.leads["created"].to_numpy() == expected.to_numpy()).all()
    assert (inputs.leads["mql_date"].to_numpy() == expected.to_numpy()).all()
    assert not any(i.column == "first_contact_date" and i.severity != "info"
                   for i in inputs.findings)


def test_deals_join_on_mql_id(inputs: Inputs, raw) -> None:
    leads, deals = raw
    joinable = deals[deals["mql_id"].isin(leads["mql_id"])]
    won = inputs.leads[inputs.leads["reached_won"]]
    assert len(deals) == 842
    assert len(won) == len(joinable)
    assert set(won["lead_id"]) == set(joinable["mql_id"])
    expected = pd.to_datetime(joinable.set_index("mql_id")["won_date"], format="%d-%m-%Y %H:%M")
    got = won.set_index("lead_id")["won_date"]
    assert (got.sort_index() == expected.sort_index()).all()
    # Deals whose mql_id is not among the leads are reported: one row each up to 5, then one.
    missing = len(deals) - len(joinable)
    not_found = [i for i in inputs.findings if i.sheet == "Deals" and i.column == "mql_id"]
    assert len(not_found) == (missing if missing <= 5 else 1)


def test_stages_olist_lacks_are_not_tracked_nor_invented(inputs: Inputs, raw) -> None:
    leads, deals = raw
    joined = int(deals["mql_id"].isin(leads["mql_id"]).sum())
    won = inputs.leads[inputs.leads["reached_won"]]
    assert len(won) == joined
    # Olist has no SQL and no opportunity dates: those stages are not tracked, so no lead
    # gets a date there (filling them from the won date would invent a 100% funnel).
    assert inputs.untracked == ("sql", "opp")
    assert inputs.leads[["sql_date", "opp_date"]].isna().all().all()
    assert not inputs.leads[["reached_sql", "reached_opp"]].any().any()
    # The MQL date is the first contact (mapped twice): every lead reached MQL.
    assert inputs.leads["reached_mql"].all()
    notes = [i for i in inputs.findings if i.message.startswith("The export has no dates")]
    assert len(notes) == 1 and notes[0].severity == "warning"
    assert len(inputs.findings) < 12


def test_deal_won_before_first_contact_is_a_warning_on_the_deals_row(inputs: Inputs, raw) -> None:
    leads, deals = raw
    merged = deals.merge(leads, on="mql_id")
    won = pd.to_datetime(merged["won_date"], format="%d-%m-%Y %H:%M").dt.normalize()
    first = pd.to_datetime(merged["first_contact_date"], format="%d-%m-%Y")
    early = merged[won < first]
    # Excel row of a deal = its position in the CSV + 2 (header on row 1).
    expected_rows = sorted(deals.index[deals["mql_id"].isin(early["mql_id"])] + 2)
    warnings = [i for i in inputs.findings if i.severity == "warning" and i.column == "won_date"]
    assert len(early) >= 1
    assert sorted(i.row for i in warnings) == expected_rows
    assert {i.sheet for i in warnings} == {"Deals"}


def test_fiscal_year_is_the_year_of_the_latest_contact(inputs: Inputs, raw) -> None:
    leads, _ = raw
    latest = pd.to_datetime(leads["first_contact_date"], format="%d-%m-%Y").max()
    assert inputs.settings.fiscal_year == latest.year == 2018
