"""Magnitudes of events (docs/EVENTS.md, "Magnitudes"): each number form, each kind, the
bounds and vague words of data/magnitudes.yaml, and number phrases that count no one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsgraph.datafile import DataFileError
from newsgraph.events.magnitudes import MagnitudeTable
from newsgraph.events.tables import DATA_DIR
from newsgraph.records import Article, ArticleResult
from shared_data import shared_path

pytestmark = pytest.mark.slow


def _events(analyzer: Any, text: str) -> list[Any]:
    (out,) = [
        r for r in analyzer.analyze([Article(id="t", text=text, published="2024-05-02")])
        if isinstance(r, ArticleResult)
    ]
    return out.events


def _mags(analyzer: Any, text: str) -> list[tuple[str, str, int | None, int | None, int | None, str]]:
    """(trigger, kind, low, high, best, evidence) of every magnitude of ``text``."""
    out = []
    for ev in _events(analyzer, text):
        for m in ev.magnitudes:
            assert text[m["start"] : m["end"]] == m["text"]
            out.append((ev.trigger["text"], m["kind"], m["low"], m["high"], m["best"], m["text"]))
    return out


CASES = [
    # exact numbers, in digits and in words
    ("Soldiers killed 14 villagers near the border.", ("killed", "killed", 14, 14, 14, "14 villagers")),
    ("Rebels abducted forty-two students from a school.",
     ("abducted", "captured", 42, 42, 42, "forty-two students")),
    ("Militants captured three aid workers on the road to the airport.",
     ("captured", "captured", 3, 3, 3, "three aid workers")),
    ("The police arrested 1,200 people in the capital.", ("arrested", "arrested", 1200, 1200, 1200, "1,200 people")),
    # bounds
    ("A suicide bomber attacked a mosque, killing at least 27 worshippers.",
     ("killing", "killed", 27, None, 27, "at least 27 worshippers")),
    ("Security forces detained more than 300 protesters after the march.",
     ("detained", "arrested", 301, None, 301, "more than 300 protesters")),
    ("The army shelled the town and wounded up to 40 civilians.", ("wounded", "injured", None, 40, None, "up to 40 civilians")),
    ("Troops arrested about 60 men in a raid.", ("arrested", "arrested", None, None, 60, "about 60 men")),
    # ranges
    ("Gunmen kidnapped between 20 and 25 passengers from a bus.",
     ("kidnapped", "captured", 20, 25, 20, "between 20 and 25 passengers")),
    ("Police detained 15 to 20 students during the sit-in.", ("detained", "arrested", 15, 20, 15, "15 to 20 students")),
    # vague quantities and "a dozen"
    ("Hundreds of farmers protested against the new tax law.",
     ("protested against", "participants", 100, None, 100, "Hundreds of farmers")),
    ("Police arrested dozens of activists in the square.", ("arrested", "arrested", 12, None, 12, "dozens of activists")),
    ("Gunmen stormed the village and killed a dozen people.", ("killed", "killed", 12, 12, 12, "a dozen people")),
    ("The militia attacked the camp and wounded several guards.", ("wounded", "injured", 3, None, 3, "several guards")),
    # passive subjects, states, holders, subject verbs
    ("Nine soldiers were killed when rebels ambushed a convoy.", ("killed", "killed", 9, 9, 9, "Nine soldiers")),
    ("Jets bombed the market, leaving 31 dead.", ("bombed", "killed", 31, 31, 31, "31 dead")),
    ("Rebels attacked the base and the death toll rose to 58.", ("attacked", "killed", 58, 58, 58, "58")),
    ("About 4,000 residents fled the shelling after the army attacked the city.",
     ("shelling", "displaced", None, None, 4000, "About 4,000 residents")),
    ("Thousands of demonstrators marched against the government.",
     ("marched against", "participants", 1000, None, 1000, "Thousands of demonstrators")),
    ("Police announced the arrest of five students in the capital.",
     ("arrest", "arrested", 5, 5, 5, "five students")),
    ("The army claimed the killing of 40 insurgents.", ("killing", "killed", 40, 40, 40, "40 insurgents")),
    ("Rebels ambushed a convoy and killed 18 of them.", ("killed", "killed", 18, 18, 18, "18 of them")),
    ("The militants were holding more than 200 hostages in the building.",
     ("holding more than 200 hostages", "captured", 201, None, 201, "more than 200 hostages")),
    ("Police clashed with a crowd of 10,000 in the capital.", ("clashed", "participants", 10000, 10000, 10000, "10,000")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_each_number_form_and_kind(analyzer: Any, text: str, expected: tuple[Any, ...]) -> None:
    assert expected in _mags(analyzer, text)


CONTROLS = [
    "Rebels attacked the town in 2019 and killed its mayor.",  # a year
    "A 25-year-old gunman attacked the embassy.",  # an age
    "Police arrested the suspect on 12 May in Paris.",  # a date
    "The government imposed sanctions worth $40 million on the company.",  # money
    "One of the rebels attacked the convoy.",  # "one of the"
    "The strikes destroyed 15% of the city's power plants and killed the governor.",  # percentage
    "Troops besieged the city for two weeks before they attacked it.",  # a duration
    "The two countries signed an agreement and condemned the attack.",  # not people counted
    "Rebels captured three towns in the north.",  # things, not people
    "Twelve gunmen attacked the police station.",  # the attackers, not the victims
    "The army said it killed or wounded 300 rebels last month.",  # one figure for two kinds
]


@pytest.mark.parametrize("text", CONTROLS, ids=[c[:40] for c in CONTROLS])
def test_numbers_that_count_no_victims_give_no_magnitude(analyzer: Any, text: str) -> None:
    assert _mags(analyzer, text) == []


def test_two_counts_in_one_sentence_go_to_their_own_events(analyzer: Any) -> None:
    text = "A car bomb exploded near a checkpoint, killing 12 soldiers and wounding 30 others."
    got = {m[1]: m[0] for m in _mags(analyzer, text)}
    assert got == {"killed": "killing", "injured": "wounding"}


def test_every_event_has_the_key(analyzer: Any) -> None:
    events = _events(analyzer, "France praised the agreement.")
    assert events and all(ev.magnitudes == [] for ev in events)


def test_the_reference_article_captures_two_nationals(analyzer: Any) -> None:
    seed = shared_path("corpus", "seed")
    text = (seed / "ukraine-captures-chinese-nationals.txt").read_text(encoding="utf-8")
    events = _events(analyzer, text)
    (capture,) = [ev for ev in events if ev.trigger["text"] == "captured"]
    (mag,) = capture.magnitudes
    assert (mag["kind"], mag["low"], mag["high"], mag["best"]) == ("captured", 2, 2, 2)
    assert mag["text"].startswith("two ") and text[mag["start"] : mag["end"]] == mag["text"]


def test_the_table_is_checked_when_loaded(tmp_path: Path) -> None:
    table = MagnitudeTable.load(DATA_DIR / "magnitudes.yaml")
    assert table.vague[("dozens",)]["best"] == 12 and table.vague[("hundreds",)]["best"] == 100
    bad = tmp_path / "magnitudes.yaml"
    shutil.copy(DATA_DIR / "magnitudes.yaml", bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace("dozens: {low: 12", "dozens: {lo: 12"))
    with pytest.raises(DataFileError, match=r"vague\.dozens"):
        MagnitudeTable.load(bad)
    bad.write_text(bad.read_text(encoding="utf-8") + "\nunknown_key: []\n")
    with pytest.raises(DataFileError, match="unknown_key"):
        MagnitudeTable.load(bad)


def test_the_store_keeps_magnitudes_and_events_json_shows_them(analyzer: Any, tmp_path: Path) -> None:
    from newsgraph.store import Store, queries

    (res,) = [
        r for r in analyzer.analyze([Article(id="m1", text="Soldiers killed 14 villagers near the border.")])
        if isinstance(r, ArticleResult)
    ]
    with Store(tmp_path / "x.duckdb") as store:
        store.write_results([res])
        rows = list(queries.select(store.con, "events"))
    mags = [m for row in rows for m in row["magnitudes"]]
    assert [(m["kind"], m["best"]) for m in mags] == [("killed", 14)]
    json.dumps(rows)
