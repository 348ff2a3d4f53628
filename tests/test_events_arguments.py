"""Tests of how events pick and code their source and target actors (the argument rules
of ``newsgraph.events.arguments`` and ``EventsComponent``), on sentences the team wrote.

Runs the full Analyzer so the actors and places stages feed the events stage.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.arguments import noun_classes, statement_nouns
from stage_helpers import countries as _countries
from stage_helpers import event_of as _event
from stage_helpers import events_of as _events


def test_noun_lists_load() -> None:
    people, places = noun_classes()
    assert "man" in people and "supporter" in people
    assert "town" in places and "outskirts" in places
    assert "declaration" in statement_nouns()
    assert not people & places


def test_thing_stands_for_its_owner(analyzer: Any) -> None:
    # "an offer from Norway": the offer is no actor, Norway is the target
    ev = _event(analyzer, "The president rejected an offer from Norway.", "REJECT")
    assert [t["name"] for t in ev["targets"]] == ["Norway"]
    assert _countries(ev["targets"]) == {"NOR"}


def test_person_noun_keeps_its_span(analyzer: Any) -> None:
    # "a man from Peru" is the man, coded with Peru's country
    ev = _event(analyzer, "Police detained a man from Peru in Madrid.", "COERCE")
    assert [(t["name"], t["country"]) for t in ev["targets"]] == [("man", "PER")]


def test_place_noun_is_no_actor(analyzer: Any) -> None:
    ev = _event(analyzer, "Syrian troops shelled the outskirts of Aleppo.", "ASSAULT")
    assert "Aleppo" not in {t["name"] for t in ev["targets"]}
    assert _countries(ev["sources"]) == {"SYR"}


def test_target_from_place_has_no_offsets(analyzer: Any) -> None:
    ev = _event(analyzer, "France lifted the curfew in Mali.", "CONCEDE")
    assert _countries(ev["sources"]) == {"FRA"}
    assert [(t["country"], t["start"], t["end"]) for t in ev["targets"]] == [("MLI", None, None)]
    assert "+target-from-place" in ev["rule"]


def test_meeting_place_is_a_venue(analyzer: Any) -> None:
    ev = _event(analyzer, "Chinese and Indian diplomats met in Geneva.", "CONSULT")
    assert "CHE" not in _countries(ev["targets"])
    # two actors share the head noun: both are sources
    assert _countries(ev["sources"]) == {"CHN", "IND"}


def test_agentless_passive_source_from_place(analyzer: Any) -> None:
    ev = _event(analyzer, "A journalist was killed in Mexico.", "ASSAULT")
    assert [(s["country"], s["sector"], s["start"]) for s in ev["sources"]] == [
        ("MEX", "UAF", None)
    ]
    assert "+source-from-place" in ev["rule"]


def test_unnamed_attackers_take_the_place_country(analyzer: Any) -> None:
    ev = _event(analyzer, "Gunmen killed three villagers in Nigeria.", "ASSAULT")
    assert [(s["country"], s["sector"]) for s in ev["sources"]] == [("NGA", "UAF")]


def test_named_source_is_not_relocated(analyzer: Any) -> None:
    ev = _event(analyzer, "Russian jets bombed a market in Syria.", "ASSAULT")
    assert _countries(ev["sources"]) == {"RUS"}


def test_target_on_the_object(analyzer: Any) -> None:
    # "all contact with Bolivia": the object names no actor, its "with" phrase does
    ev = _event(analyzer, "Chile suspended all contact with Bolivia.", "SANCTION")
    assert _countries(ev["targets"]) == {"BOL"}


def test_statement_speaks_for_its_issuer(analyzer: Any) -> None:
    text = "The rebel party issued a statement demanding that Kenya release the prisoners."
    ev = _event(analyzer, text, "REQUEST")
    assert [s["name"] for s in ev["sources"]] == ["rebel party"]
    assert _countries(ev["targets"]) == {"KEN"}


def test_deployment_of_troops_is_by_the_troops(analyzer: Any) -> None:
    ev = _event(analyzer, "The deployment of Russian troops alarmed Finland.", "MOBILIZE")
    assert [(s["country"], s["sector"]) for s in ev["sources"]] == [("RUS", "MIL")]


def test_sector_from_compound_noun(analyzer: Any) -> None:
    events = _events(analyzer, "Turkish army trucks blocked the road to the border.")
    assert events
    assert [(s["country"], s["sector"]) for s in events[0]["sources"]] == [("TUR", "MIL")]


def test_a_thing_named_after_a_sector_is_no_actor(analyzer: Any) -> None:
    # "bank cards" are not a business: only equipment an organisation fields acts for it
    ev = _event(analyzer, "Police seized passports and bank cards from the smugglers.", "COERCE")
    assert all(t.get("sector") != "BUS" for t in ev["targets"]), ev["targets"]


def test_leaders_take_the_sector_of_their_group(analyzer: Any) -> None:
    ev = _event(analyzer, "Leaders of the opposition rejected the plan.", "REJECT")
    assert {s["sector"] for s in ev["sources"]} == {"OPP"}


def test_purpose_for_gives_the_clause_subject(analyzer: Any) -> None:
    text = "Protesters gathered for a rally against the Kenyan government."
    ev = _event(analyzer, text, "PROTEST")
    assert [s["name"] for s in ev["sources"]] == ["Protesters"]
    assert _countries(ev["targets"]) == {"KEN"}


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Ousted President Juan Ortega has agreed to resign.", "Juan Ortega", "ELI"),
        ("Former President Juan Ortega has agreed to resign.", "Juan Ortega", "ELI"),
    ],
)
def test_participle_titles(analyzer: Any, text: str, name: str, sector: str) -> None:
    doc = analyzer.nlp(text)
    actors = {a["name"]: a for a in doc._.ng_actors}
    assert actors[name]["sector"] == sector


def test_currency_is_no_sentence_country(analyzer: Any) -> None:
    doc = analyzer.nlp("President Ana Ruiz was accused of taking US $5 million in bribes.")
    actors = {a["name"]: a for a in doc._.ng_actors}
    assert actors["Ana Ruiz"]["country"] is None


def test_seat_of_government_counts_as_a_named_country(analyzer: Any) -> None:
    # the White House and Cuba are both named: the president is not guessed to be Cuban
    doc = analyzer.nlp("President Tom Hale imposed sanctions on Cuba, the White House said.")
    actors = {a["name"]: a for a in doc._.ng_actors}
    assert actors["Tom Hale"]["country"] != "CUB"


def test_recipient_over_the_sources_own(analyzer: Any) -> None:
    # "its engineers" belong to Norway: Chile, the recipient, is the target
    ev = _event(analyzer, "Norway offered its engineers to Chile.", "AGREE")
    assert _countries(ev["targets"]) == {"CHL"}


def test_accused_over_addressee(analyzer: Any) -> None:
    text = "Peru complained to the United Nations over Chilean air raids."
    ev = _event(analyzer, text, "ACCUSE")
    assert _countries(ev["targets"]) == {"CHL"}


def test_demands_from_their_makers(analyzer: Any) -> None:
    text = "The Kenyan government accepted demands from Somali traders."
    ev = _event(analyzer, text, "CONCEDE")
    assert [(t["name"], t["country"]) for t in ev["targets"]] == [("Somali traders", "SOM")]


def test_noun_demand_content_gives_target(analyzer: Any) -> None:
    ev = _event(analyzer, "The union repeated its demand that Spain lift the ban.", "REQUEST")
    assert [t["name"] for t in ev["targets"]] == ["Spain"]


def test_camp_for_refugees(analyzer: Any) -> None:
    ev = _event(analyzer, "Gunmen attacked a camp for Somali refugees.", "ASSAULT")
    assert [(t["country"], t["sector"]) for t in ev["targets"]] == [("SOM", "REF")]


def test_ethnic_group_is_coded_where_it_lives(analyzer: Any) -> None:
    ev = _event(analyzer, "Serbian police arrested ten ethnic Albanians in Serbia.", "COERCE")
    assert _countries(ev["targets"]) == {"SRB"}
    # without "ethnic" the nationality word keeps its country
    ev = _event(analyzer, "Police arrested ten Albanians in Serbia.", "COERCE")
    assert _countries(ev["targets"]) == {"ALB"}


def test_people_named_by_a_sector_noun_take_its_sector(analyzer: Any) -> None:
    # "security forces members": people, so the modifier's sector applies
    ev = _event(analyzer, "Gunmen killed two security forces members near Mosul on Monday.", "ASSAULT")
    assert any(t.get("sector") in ("MIL", "COP") for t in ev["targets"]), ev["targets"]
