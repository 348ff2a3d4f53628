"""Agency credits, outlets, near-duplicate signatures and the data files' schema checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.stories import duplicates
from newsgraph.stories.build import outlet_of
from newsgraph.stories.settings import default_agencies, load_agencies, load_params
from newsgraph.stories.text import credit

AGENCIES = default_agencies()


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("RIVERTON, March 3 (Reuters) - The ferry operator cut its timetable on Tuesday.", "Reuters"),
        ("MILLBROOK (AP) — Volunteers cleared the flooded square on Sunday.", "Associated Press"),
        ("Harbour bridge reopens\nXinhua | Updated: 2026-03-03 10:15\nThe bridge reopened.", "Xinhua"),
        ("By Jane Fields, AFP | The talks ended without a deal.", "Agence France-Presse"),
        ("The council met on Monday.\n\nCopyright 2026 The Associated Press. All rights reserved.",
         "Associated Press"),
    ],
)
def test_credit_lines_name_the_agency(text: str, agency: str) -> None:
    assert credit(text, AGENCIES) == agency


@pytest.mark.parametrize(
    "text",
    [
        "The mayor (who took office in May) - and her deputy - opened the fair.",  # not a known agency
        "RIVERTON (Local Desk) - The ferry operator cut its timetable.",
        "The ferry operator said it had spoken to Reuters about the timetable.",  # a mention, not a credit
    ],
)
def test_no_credit_without_an_agency_in_the_credit_slot(text: str) -> None:
    assert credit(text, AGENCIES) is None


def test_outlet_is_the_source_or_the_url_host_without_www() -> None:
    assert outlet_of("www.Example-Times.com", None) == "example-times.com"
    assert outlet_of(None, "https://www.riverton-post.org/a/1") == "riverton-post.org"
    assert outlet_of(None, None) is None


def test_near_duplicate_signatures() -> None:
    pytest.importorskip("datasketch")
    base = ("The ferry operator cut its winter timetable on Tuesday after a storm damaged two piers, "
            "the harbour master said, adding that repairs would take at least a week.")
    copy = base + " Passengers were told to check the website."
    other = "A new library opened in the old post office building with a reading room for children."
    a, b, c = (duplicates.signature(t, 5, 128) for t in (base, copy, other))
    assert duplicates.similarity(a, b) > 0.7
    assert duplicates.similarity(a, c) < 0.1
    index = duplicates.Index(0.7, 128)
    index.add("a", a)
    index.add("c", c)
    assert [k for k, _ in index.query(b, 0.7)] == ["a"]


def test_params_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "params.json"
    bad.write_text(json.dumps({"link_treshold": 0.2}))
    with pytest.raises(NewsgraphError, match="unknown key"):
        load_params(bad)
    bad.write_text(json.dumps({"window_days": 1.5}))
    with pytest.raises(NewsgraphError, match="window_days"):
        load_params(bad)
    assert load_params().link_threshold > 0


def test_agencies_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "agencies.json"
    bad.write_text(json.dumps({"agencies": [{"name": "X"}]}))
    with pytest.raises(NewsgraphError, match="agency 0"):
        load_agencies(bad)
