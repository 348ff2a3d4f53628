"""The events stage on clause shapes: modes, purpose clauses, headline passives, idioms,
antecedents, precedents, each on a sentence the team wrote. Runs the full Analyzer."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.lexicon import Lexicon
from stage_helpers import countries as _countries
from stage_helpers import event_of as _event
from stage_helpers import events_of as _events


def test_instrument_and_kept_modes_load() -> None:
    lex = Lexicon.load()
    assert lex.instruments["ASSAULT"]["bomb"] == "explosives"
    assert lex.instruments["ASSAULT"]["suicide"] == "suicide-attack"
    assert "curfew" in lex.kept_modes["THREATEN"]
    # instrument modes are tried in file order: a suicide attack before a plain bomb
    modes = list(dict.fromkeys(lex.instruments["ASSAULT"].values()))
    assert modes.index("suicide-attack") < modes.index("explosives")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Rebels killed four soldiers in a bomb attack near Kandahar.", "explosives"),
        ("Two suicide bombers killed nine people at a market in Baghdad.", "suicide-attack"),
        ("Government troops killed six rebels in a gunbattle on Tuesday.", "firearms"),
        ("Militiamen armed with machetes attacked a village in Congo.", "primitive"),
        ("The army pounded rebel positions with artillery and rockets.", "heavy-weapons"),
    ],
)
def test_assault_mode_from_instrument(analyzer: Any, text: str, mode: str) -> None:
    ev = _event(analyzer, text, "ASSAULT")
    assert ev["mode"] == mode, ev["rule"]


def test_trigger_mode_wins_over_instrument(analyzer: Any) -> None:
    # "shot" names firearms itself; the bomb elsewhere in the phrase does not change it
    ev = _event(analyzer, "Police shot a man who carried a bomb in Paris.", "ASSAULT")
    assert ev["mode"] == "firearms"


def test_no_instrument_no_mode(analyzer: Any) -> None:
    ev = _event(analyzer, "Rebels killed four soldiers near Kandahar.", "ASSAULT")
    assert ev["mode"] is None


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The rebels threatened to impose a curfew on the town of Goma.", "curfew"),
        ("The army said it would impose martial law in the province.", "martial-law"),
        ("The militia threatened to attack the capital.", "violence"),
    ],
)
def test_threaten_keeps_the_embedded_mode(analyzer: Any, text: str, mode: str) -> None:
    ev = _event(analyzer, text, "THREATEN")
    assert ev["mode"] == mode, ev["rule"]


def test_object_noun_narrows_the_mode(analyzer: Any) -> None:
    ev = _event(analyzer, "Jailed activists in Egypt staged a hunger strike.", "PROTEST")
    assert ev["mode"] == "strike-hun"


def test_purpose_of_a_summons_is_its_own_act(analyzer: Any) -> None:
    text = "Poland summoned the Russian ambassador to protest and demand an apology."
    events = _events(analyzer, text)
    summon = _event(analyzer, text, "ACCUSE")
    assert _countries(summon["sources"]) == {"POL"}
    assert _countries(summon["targets"]) == {"RUS"}
    demand = _event(analyzer, text, "REQUEST")
    assert "purpose-of:summon" in demand["rule"]
    # the summoner demands from the summoned, not the other way round
    assert _countries(demand["sources"]) == {"POL"}
    assert _countries(demand["targets"]) == {"RUS"}
    assert len([e for e in events if e["category"] == "ACCUSE"]) == 1


def test_content_of_a_threat_is_still_swallowed(analyzer: Any) -> None:
    # only acts flagged `purpose` in the lexicon keep their purpose clause
    events = _events(analyzer, "Iran threatened to demand compensation from Britain.")
    assert [e["category"] for e in events] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Egyptian activist released after two years", "RETREAT"),
        ("Russian opposition leader detained at Moscow airport", "COERCE"),
    ],
)
def test_headline_passive_subject_is_the_target(analyzer: Any, text: str, category: str) -> None:
    ev = _event(analyzer, text, category)
    assert ev["targets"], ev
    assert not any(
        "activist" in str(s.get("name")) or "leader" in str(s.get("name")) for s in ev["sources"]
    )


def test_sentence_with_final_stop_is_no_headline(analyzer: Any) -> None:
    # an ordinary sentence keeps its subject as source
    ev = _event(analyzer, "Kenyan police detained a journalist in Nairobi.", "COERCE")
    assert _countries(ev["sources"]) == {"KEN"}


@pytest.mark.parametrize(
    "text",
    [
        "Three journalists were held in custody in Minsk for two days.",
        "A Peruvian man was held as a material witness in the case.",
    ],
)
def test_held_in_custody_is_detention(analyzer: Any, text: str) -> None:
    ev = _event(analyzer, text, "COERCE")
    assert ev["mode"] == "arrest"


def test_held_in_a_place_is_no_event(analyzer: Any) -> None:
    assert not _events(analyzer, "Elections were held in Iraq on Sunday.")
    assert [e["category"] for e in _events(analyzer, "Talks were held in Geneva.")] in (
        [],
        ["CONSULT"],
    )


def test_take_a_swipe_at_is_criticism(analyzer: Any) -> None:
    ev = _event(analyzer, "The Chinese ambassador took a swipe at Australia on Monday.", "ACCUSE")
    assert _countries(ev["targets"]) == {"AUS"}
    assert not [
        e
        for e in _events(analyzer, "The senator took a shot at the governor.")
        if e["category"] == "ASSAULT"
    ]


def test_discussions_with_are_consultations(analyzer: Any) -> None:
    ev = _event(analyzer, "Japan has begun discussions with South Korea on fishing.", "CONSULT")
    assert _countries(ev["sources"]) == {"JPN"}
    assert _countries(ev["targets"]) == {"KOR"}


def test_signing_a_law_is_no_event(analyzer: Any) -> None:
    assert not [
        e
        for e in _events(analyzer, "The president of Kenya signed two laws on Friday.")
        if e["category"] == "SUPPORT"
    ]
    ev = _event(analyzer, "Kenya and Uganda signed a trade agreement.", "SUPPORT")
    assert _countries(ev["sources"]) >= {"KEN"}


def test_definite_people_take_the_country_of_their_antecedent(analyzer: Any) -> None:
    text = (
        "Police in Warsaw detained three Belarusian nationals on Monday. "
        "Officers confiscated the men's phones."
    )
    ev = _event(analyzer, text, "COERCE")  # the detention
    assert _countries(ev["targets"]) == {"BLR"}
    seized = [e for e in _events(analyzer, text) if "confiscated" in e["trigger"]["text"]]
    assert seized and _countries(seized[0]["targets"]) == {"BLR"}
    assert seized[0]["targets"][0]["start"] is not None  # from the text, not a place


def test_precedent_actors_are_sources(analyzer: Any) -> None:
    text = (
        "Kyiv views this as further military support from another state to Russia's war, "
        "following Iran and Belarus."
    )
    ev = _event(analyzer, text, "AID")
    assert _countries(ev["sources"]) == {"IRN", "BLR"}
    assert "source-from-precedent" in ev["rule"]
    # an event phrase after "following" names no actor who did the same
    events = _events(analyzer, "France sent aid to Chad following the floods.")
    assert all("precedent" not in e["rule"] for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed a guard who had found a bomb near the gate in Kandahar.",
        "Gunmen attacked a coal mine in northern Colombia.",
        "Protesters attacked a think tank in Ankara.",
    ],
)
def test_instrument_outside_the_clause_or_ambiguous_gives_no_mode(analyzer: Any, text: str) -> None:
    ev = _event(analyzer, text, "ASSAULT")
    assert ev["mode"] is None, ev["rule"]


def test_sworn_to_fight_is_one_threat(analyzer: Any) -> None:
    # the infinitive is the content of the vow even where the parser makes it adverbial
    text = "The militia has sworn to fight until it controls the valley, officials said."
    events = _events(analyzer, text)
    assert [e["category"] for e in events] == ["THREATEN"]
    assert events[0]["mode"] == "violence"


def test_threat_to_stop_talks_is_about_relations(analyzer: Any) -> None:
    ev = _event(analyzer, "Iran threatened to stop negotiations with France.", "THREATEN")
    assert ev["mode"] == "relations"


def test_hosting_is_a_visit(analyzer: Any) -> None:
    ev = _event(analyzer, "The Kenyan president hosted the Ugandan prime minister.", "CONSULT")
    assert ev["mode"] == "visit"
