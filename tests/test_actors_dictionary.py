"""Actor dictionaries (formats, dates, validation) and the Wikidata import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.actors.dictionary import (
    ActorDictionary,
    DictionaryError,
    Entry,
    article_day,
    load_builtin,
    load_file,
    make_entry,
)
from newsgraph.actors.wikidata import import_wikidata, sector_of_role, wikidata_date

FIXTURES = Path(__file__).parent / "fixtures" / "actors"


def test_builtin_dictionary_loads_and_is_valid() -> None:
    entries = load_builtin()
    assert len(entries) > 200
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(e.country is None or len(e.country) == 3 for e in entries)


def test_entry_dates() -> None:
    entry = Entry(id="x", name="X", start="2020-03", end="2021")
    assert not entry.applies("2020-02-28")
    assert entry.applies("2020-03-01")
    assert entry.applies("2021-12-31T23:00:00Z")
    assert not entry.applies("2022-01-01")
    assert not entry.applies(None)  # closed entry, undated article
    assert Entry(id="y", name="Y", start="2020").applies(None)
    assert Entry(id="z", name="Z").applies("1900-01-01")
    assert article_day("2025-04-08T10:00:00+02:00") == "2025-04-08"
    assert article_day("2025") == "2025-01-01"
    assert article_day("yesterday") is None


def test_find_prefers_the_entry_in_force() -> None:
    d = ActorDictionary(
        [
            Entry(
                id="pm", name="Ann Lee", aliases=("Lee",), sector="GOV", start="2010", end="2015-03"
            ),
            Entry(id="opp", name="Ann Lee", aliases=("Lee",), sector="OPP", start="2016"),
        ]
    )
    assert d.find("Lee", "2012-05-01").id == "pm"  # type: ignore[union-attr]
    assert d.find("Ann Lee", "2020-05-01").id == "opp"  # type: ignore[union-attr]
    assert d.find("Ann Lee", "2015-06-01") is None


def test_user_entry_overrides_same_id() -> None:
    d = ActorDictionary([Entry(id="cnn", name="CNN", country="USA"), Entry(id="cnn", name="CNN")])
    assert len(d.entries) == 1 and d.entries[0].country is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"country": "USA"}, "no 'name'"),
        ({"name": "A", "country": "Freedonia"}, "3-letter"),
        ({"name": "A", "kind": "robot"}, "kind"),
        ({"name": "A", "start": "last May"}, "YYYY"),
        ({"name": "A", "sector": "gov"}, "PLOVER"),
    ],
)
def test_bad_entries_say_what_is_wrong(raw: dict[str, str], message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        make_entry(raw, "file.yaml:entry 1")


def test_formats(tmp_path: Path) -> None:
    yaml_entries = load_file(FIXTURES / "user_actors.yaml")
    assert [e.id for e in yaml_entries][0] == "brightwater-mayor"
    assert yaml_entries[1].aliases == ("NGC",)
    csv_entries = load_file(FIXTURES / "user_actors.csv")
    assert csv_entries[0].aliases == ("RGB", "the River Guard")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "A"}\nnot json\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.jsonl:2"):
        load_file(bad)
    other = tmp_path / "actors.txt"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown dictionary format"):
        load_file(other)


# --- Wikidata ------------------------------------------------------------------------------


def test_import_wikidata(tmp_path: Path) -> None:
    dest = tmp_path / "wd.jsonl"
    count = import_wikidata(FIXTURES / "wikidata_sample.jsonl", dest)
    rows = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert count == len(rows) == 3
    by_role = {r.get("role"): r for r in rows}
    fm = by_role["Minister of Foreign Affairs of Freedonia"]
    assert fm["name"] == "Rufus T. Firefly" and fm["aliases"] == ["Firefly"]
    assert (fm["country"], fm["sector"], fm["start"], fm["end"]) == (
        "FRE",
        "GOV",
        "2021-03-04",
        "2023-06",
    )
    chief = by_role["Chief of the General Staff"]
    assert (chief["country"], chief["sector"], chief["start"]) == ("FRE", "MIL", "2023")
    assert "end" not in chief
    unknown_position = by_role[None]
    assert unknown_position["country"] == "PRT"  # from citizenship, the office is not in the file
    # the output is a valid user dictionary
    entries = load_file(dest)
    assert ActorDictionary(entries).find("Firefly", "2022-01-01") is not None


def test_import_wikidata_yaml(tmp_path: Path) -> None:
    dest = tmp_path / "wd.yaml"
    assert import_wikidata(FIXTURES / "wikidata_sample.jsonl", dest) == 3
    assert len(load_file(dest)) == 3


def test_import_wikidata_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "Q1"}\n{broken\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.jsonl:2"):
        import_wikidata(bad, tmp_path / "out.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"id": "Q1", "labels": {"en": {"value": "Nobody"}}}\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match="P39"):
        import_wikidata(empty, tmp_path / "out.jsonl")
    with pytest.raises(DictionaryError, match="not found"):
        import_wikidata(tmp_path / "missing.jsonl", tmp_path / "out.jsonl")


def test_wikidata_helpers() -> None:
    assert wikidata_date({"time": "+1994-07-20T00:00:00Z", "precision": 11}) == "1994-07-20"
    assert wikidata_date({"time": "+1994-00-00T00:00:00Z", "precision": 9}) == "1994"
    assert wikidata_date("1994") is None
    assert sector_of_role("Minister of Defence of Utopia") == "GOV"
    assert sector_of_role("Commander of the Navy") == "MIL"
    assert sector_of_role("Member of the Senate") == "LEG"
    assert sector_of_role("Mystery office") is None


def test_person_keeps_country_outside_terms() -> None:
    terms = [
        Entry(
            id="p1",
            name="Ana Pell",
            aliases=("Pell",),
            country="ZZA",
            sector="GOV",
            kind="person",
            start="1990",
            end="1994",
        ),
        Entry(
            id="p2",
            name="Ana Pell",
            aliases=("Pell",),
            country="ZZA",
            sector="MIL",
            kind="person",
            start="1998",
            end="2001-06",
        ),
        Entry(
            id="o1",
            name="Blue Front",
            country="ZZA",
            sector="REB",
            kind="group",
            start="1990",
            end="1995",
        ),
    ]
    d = ActorDictionary(terms)
    inside = d.find("Pell", "1992-05-01")
    assert inside is not None and (inside.id, inside.sector) == ("p1", "GOV")
    gap = d.find("Pell", "1996-05-01")  # between terms: the country, no sector
    assert gap is not None and (gap.country, gap.sector) == ("ZZA", None)
    undated = d.find("Ana Pell", None)  # undated: the most recent term
    assert undated is not None and (undated.id, undated.sector) == ("p2", "MIL")
    # groups and organizations are not extended past their dates
    assert d.find("Blue Front", "2000-01-01") is None
    assert d.find("Blue Front", None) is None


def test_loose_person_match() -> None:
    d = ActorDictionary(
        [
            Entry(id="p", name="Karim al-Haddad", country="JOR", kind="person"),
            Entry(id="o", name="Blue Crescent Society", country="NGO", kind="organization"),
        ]
    )
    for text in ("Karim el-Haddad", "Karim Al Haddad", "KARIM AL-HADDAD", "Sheikh Karim al-Haddad"):
        assert d.find(text, None).id == "p"  # type: ignore[union-attr]
    assert d.find("Haddad", None) is None  # one word: no loose match
    assert d.find("blue crescent society", None) is None  # organizations match exactly


def test_builtin_history_is_dated() -> None:
    d = ActorDictionary(load_builtin())
    taliban = {day: d.find("Taliban", day) for day in ("1995-01-01", "1999-01-01", "2010-01-01")}
    assert [e.sector for e in taliban.values() if e] == ["REB", "GOV", "REB"]
    assert d.find("FIS", "1991-06-01").sector == "OPP"  # type: ignore[union-attr]
    assert d.find("FIS", "1995-06-01").sector == "REB"  # type: ignore[union-attr]
    # a president of the 2000s named in a 1990s article keeps his country, not his office
    early = d.find("Levy Mwanawasa", "1995-01-01")
    assert early is not None and (early.country, early.sector) == ("ZMB", None)
