"""Tests of the events stage (issue 8) on sentences the team wrote.

Runs the ``newsgraph_events`` component alone on the plain spaCy model (actors from the
named entities) and inside the full Analyzer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language

import newsgraph.events  # noqa: F401 - registers the factory
from newsgraph.events.component import EventsComponent
from newsgraph.events.explain import explain_doc
from newsgraph.events.lexicon import Crosswalk, Lexicon
from newsgraph.records import PLOVER_CATEGORIES, Article, ArticleResult, Event, from_dict

FIXTURES = Path(__file__).parent / "fixtures" / "events"
SENTENCES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "sentences.yaml").read_text())
EVENT_KEYS = {
    "category",
    "mode",
    "context",
    "cameo_root",
    "quad_class",
    "intensity",
    "sources",
    "targets",
    "place",
    "date",
    "date_precision",
    "certainty",
    "claimed_by",
    "items",
    "trigger",
    "sentence",
    "rule",
    "confidence",
    "magnitudes",
}


@pytest.fixture(scope="module")
def events_nlp() -> Language:
    """A fresh copy of the English model with only the events stage."""
    from newsgraph.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("newsgraph_events")
    return nlp


def run(nlp: Language, text: str, published: str | None = "2025-04-08") -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.ng_meta = {"article_id": "t", "published": published}
    doc = nlp(doc)
    assert not doc.user_data.get("ng_errors"), doc.user_data.get("ng_errors")
    return list(doc._.ng_events or [])


def countries(actors: list[dict[str, Any]]) -> set[str]:
    return {a["country"] for a in actors if a.get("country")}


def first(events: list[dict[str, Any]], category: str | None = None) -> dict[str, Any]:
    for ev in sorted(events, key=lambda e: e["trigger"]["start"]):
        if category is None or ev["category"] == category:
            return ev
    raise AssertionError(f"no {category or ''} event in {[e['category'] for e in events]}")


# --------------------------------------------------------------------------- data files


def test_lexicon_covers_every_category_and_crosswalk() -> None:
    lex = Lexicon.load()
    cross = Crosswalk.load()
    cats = {e.category for entries in lex.verbs.values() for e in entries}
    cats |= {e.category for entries in lex.nouns.values() for e in entries}
    cats.discard("NONE")
    assert set(PLOVER_CATEGORIES) <= cats
    assert cats <= set(PLOVER_CATEGORIES)
    for cat in PLOVER_CATEGORIES:
        root, quad, intensity = cross.code(cat, None)
        assert root is not None and len(root) == 2
        assert quad in (0, 1, 2, 3, 4)
        assert intensity is not None and -10 <= intensity <= 10


def test_fixture_sentences_cover_every_category() -> None:
    assert {s["category"] for s in SENTENCES} == set(PLOVER_CATEGORIES)


# --------------------------------------------------------------------------- categories


@pytest.mark.parametrize("case", SENTENCES, ids=[s["text"][:40] for s in SENTENCES])
def test_category_and_actors_stage_alone(events_nlp: Language, case: dict[str, Any]) -> None:
    events = run(events_nlp, case["text"])
    assert events, "no event coded"
    ev = first(events, case["category"])
    assert set(ev) == EVENT_KEYS
    assert ev["category"] in PLOVER_CATEGORIES
    if case.get("source"):
        assert countries(ev["sources"]) == set(case["source"]), ev["sources"]
    if case.get("target"):
        assert set(case["target"]) <= countries(ev["targets"]), ev["targets"]
    if case.get("items"):
        assert ev["items"] == case["items"]
    assert ev["trigger"]["text"] == case["text"][ev["trigger"]["start"] : ev["trigger"]["end"]]
    assert ev["rule"]


def test_no_catch_all(events_nlp: Language) -> None:
    assert run(events_nlp, "The weather in Paris was mild and sunny on Tuesday.") == []
    assert run(events_nlp, "Germany's economy grew by two percent last year.") == []


def test_several_events_per_sentence(events_nlp: Language) -> None:
    events = run(events_nlp, "Syrian troops shelled the town and arrested dozens of Kurdish men.")
    cats = [e["category"] for e in events]
    assert "ASSAULT" in cats and "COERCE" in cats
    triggers = {e["trigger"]["start"] for e in events}
    assert len(triggers) == len(events)


def test_json_serializable(events_nlp: Language) -> None:
    import json

    events = run(events_nlp, "Russia attacked Ukraine.")
    json.dumps(events)


# --------------------------------------------------------------------------- voice


def test_active_voice(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Israeli forces attacked a Lebanese village."), "ASSAULT")
    assert countries(ev["sources"]) == {"ISR"}
    assert countries(ev["targets"]) == {"LBN"}


def test_passive_voice_with_agent(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "A Lebanese village was attacked by Israeli forces."), "ASSAULT")
    assert countries(ev["sources"]) == {"ISR"}
    assert countries(ev["targets"]) == {"LBN"}


def test_conjoined_actors_are_lists(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "France and Germany condemned Russia and Belarus."), "ACCUSE")
    assert countries(ev["sources"]) == {"FRA", "DEU"}
    assert countries(ev["targets"]) == {"RUS", "BLR"}
    assert len([e for e in run(events_nlp, "France and Germany condemned Russia.")]) == 1


def test_participial_clause(events_nlp: Language) -> None:
    events = run(
        events_nlp, "Police detained Chinese nationals fighting alongside the Russian army."
    )
    ev = first(events, "COOPERATE")
    assert countries(ev["sources"]) == {"CHN"}
    assert countries(ev["targets"]) == {"RUS"}


def test_nominal_event_with_by_and_of(events_nlp: Language) -> None:
    ev = first(
        run(events_nlp, "Officials confirmed the capture of two Syrian pilots by Turkish troops."),
        "COERCE",
    )
    assert countries(ev["sources"]) == {"TUR"}
    assert countries(ev["targets"]) == {"SYR"}


def test_nominal_event_with_on(events_nlp: Language) -> None:
    ev = first(
        run(events_nlp, "Ukrainian drone strikes on Russian refineries continued."), "ASSAULT"
    )
    assert countries(ev["sources"]) == {"UKR"}
    assert countries(ev["targets"]) == {"RUS"}


def test_call_on_is_a_request(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Ghana called on Togo to reopen the border."), "REQUEST")
    assert countries(ev["sources"]) == {"GHA"}
    assert countries(ev["targets"]) == {"TGO"}
    assert len(run(events_nlp, "Ghana called on Togo to reopen the border.")) == 1


# --------------------------------------------------------------------------- certainty


def test_plain_past_is_asserted(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Russian forces shelled Kharkiv."))
    assert ev["certainty"] == "asserted"
    assert ev["claimed_by"] is None


def test_attribution_verb_gives_claimed_and_claimant(events_nlp: Language) -> None:
    ev = first(
        run(events_nlp, "Syrian officials said Israeli jets struck an airport near Damascus."),
        "ASSAULT",
    )
    assert ev["certainty"] == "claimed"
    assert ev["claimed_by"] is not None and "officials" in ev["claimed_by"]["name"]
    assert countries(ev["sources"]) == {"ISR"}


def test_sentence_final_attribution(events_nlp: Language) -> None:
    ev = first(
        run(events_nlp, "Turkish troops shelled Kurdish positions, Syrian officials said."),
        "ASSAULT",
    )
    assert ev["certainty"] == "claimed"
    assert ev["claimed_by"] is not None


def test_negation_is_denied(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Russian forces did not attack the convoy."), "ASSAULT")
    assert ev["certainty"] == "denied"


def test_negated_cooperation_is_a_rejection(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Syria will not accept more refugees from Iraq."))
    assert ev["category"] == "REJECT"


def test_future_verbal_event(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Germany will criticize Russia at the summit."), "ACCUSE")
    assert ev["certainty"] == "future"


def test_future_cooperation_is_a_promise_and_future_force_a_threat(events_nlp: Language) -> None:
    assert first(run(events_nlp, "Japan will send aid to Nepal."))["category"] == "AGREE"
    assert first(run(events_nlp, "The army will attack the rebel camps."))["category"] == "THREATEN"


def test_plans_to_is_future(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Moldova plans to criticize Russia at the meeting."), "ACCUSE")
    assert ev["certainty"] == "future"


def test_conditional_is_hypothetical(events_nlp: Language) -> None:
    events = run(events_nlp, "If Iran attacks Israel, the region will suffer.")
    assert first(events, "ASSAULT")["certainty"] == "hypothetical"


def test_modal_is_hypothetical(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Serbia could recognize Kosovo next year."), "SUPPORT")
    assert ev["certainty"] == "hypothetical"


def test_open_question_is_unclear(events_nlp: Language) -> None:
    ev = first(
        run(events_nlp, "It remains unclear whether Russian troops attacked the village."),
        "ASSAULT",
    )
    assert ev["certainty"] == "unclear"


def test_concern_is_unclear(events_nlp: Language) -> None:
    text = "The talks come amid concerns that China has supplied drones to Russia."
    ev = first(run(events_nlp, text), "AID")
    assert ev["certainty"] == "unclear"
    assert countries(ev["sources"]) == {"CHN"}


def test_reportedly_is_alleged(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Iranian drones reportedly struck a Kurdish camp."), "ASSAULT")
    assert ev["certainty"] == "alleged"


def test_said_must_is_a_demand(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Britain said Libya must hand over the suspects."), "REQUEST")
    assert countries(ev["sources"]) == {"GBR"}
    assert countries(ev["targets"]) == {"LBY"}


# --------------------------------------------------------------------------- items, place, date


def test_material_aid_items(events_nlp: Language) -> None:
    text = "Belarus has been providing fuel, trucks, spare parts and ammunition to Russia."
    ev = first(run(events_nlp, text), "AID")
    assert ev["items"] == ["fuel", "trucks", "spare parts", "ammunition"]
    assert countries(ev["targets"]) == {"RUS"}


def test_date_falls_back_to_publication(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Russian forces shelled Kharkiv."))
    assert ev["date"] == "2025-04-08" and ev["date_precision"] == "reported"
    ev = first(run(events_nlp, "Russian forces shelled Kharkiv.", published=None))
    assert ev["date"] is None


def test_place_from_the_clause(events_nlp: Language) -> None:
    ev = first(run(events_nlp, "Turkish police arrested forty activists in Istanbul."), "COERCE")
    assert ev["place"] is not None and ev["place"]["name"] == "Istanbul"


def test_dateline_place(events_nlp: Language) -> None:
    ev = first(
        run(events_nlp, "NAIROBI, Kenya - Police arrested forty protesters on Monday."), "COERCE"
    )
    assert ev["place"] is not None and ev["place"]["name"] in ("NAIROBI", "Kenya")


# --------------------------------------------------------------------------- explain


def test_explain_doc_marks_trigger_source_target(events_nlp: Language) -> None:
    text = "Syrian officials said Israeli jets struck an airport near Damascus."
    events = run(events_nlp, text)
    result = ArticleResult(
        article=Article(id="a1", text=text),
        events=[from_dict(Event, e, article_id="a1") for e in events],
    )
    out = explain_doc(result)
    assert "[[struck]]" in out
    assert "{Israeli jets}" in out
    assert "claimed by" in out and "ASSAULT" in out
    empty = explain_doc(ArticleResult(article=Article(id="a2", text="Nothing.")))
    assert "no events" in empty


def test_component_on_doc_without_parse(events_nlp: Language) -> None:
    comp = EventsComponent(events_nlp)
    doc = events_nlp.make_doc("Russia attacked Ukraine.")
    assert comp(doc)._.ng_events == []


# --------------------------------------------------------------------------- full pipeline


@pytest.mark.slow
def test_full_analyzer_quote_and_actor_layers(analyzer: Any) -> None:
    text = (
        "Ukraine's foreign minister accused Russia of shelling a hospital in Kharkiv on Monday.\n"
        '"Russian troops attacked our border posts," the Lithuanian defence minister said.'
    )
    (result,) = [
        r
        for r in analyzer.analyze([Article(id="x", text=text, published="2025-04-08")])
        if isinstance(r, ArticleResult)
    ]
    cats = [e.category for e in result.events]
    assert "ACCUSE" in cats
    acc = next(e for e in result.events if e.category == "ACCUSE")
    assert {s["country"] for s in acc.sources} == {"UKR"}
    assert {t["country"] for t in acc.targets} == {"RUS"}
    assault = next(e for e in result.events if e.category == "ASSAULT")
    assert assault.certainty == "claimed"
    assert assault.claimed_by is not None
    assert "events" in analyzer.stages


def test_purpose_of_sending_is_not_a_second_event(events_nlp: Language) -> None:
    events = run(events_nlp, "Pyongyang sent troops to fight for Moscow in Ukraine.")
    assert [e["category"] for e in events] == ["AID"]
    assert countries(events[0]["targets"]) == {"RUS"}
    assert events[0]["items"] == ["troops"]
