"""The events stage: which actors fill source and target (argument choice from the parse).
Each rule is checked on sentences the team wrote. Runs the full Analyzer."""

from __future__ import annotations

from typing import Any

import pytest

from stage_helpers import countries as _countries
from stage_helpers import event_of as _event
from stage_helpers import events_of as _events


def test_bracketed_sentence_is_no_headline(analyzer: Any) -> None:
    # a sentence wrapped in braces still ends with its stop: the subject acts
    ev = _event(analyzer, "{Germany agreed to a new trade pact with Brazil.}", "AGREE")
    assert _countries(ev["sources"]) == {"DEU"}, ev
    assert "DEU" not in _countries(ev["targets"])


def test_headline_without_stop_is_still_passive(analyzer: Any) -> None:
    ev = _event(analyzer, "Russian opposition leader detained at Moscow airport", "COERCE")
    assert "RUS" in _countries(ev["targets"]), ev
    assert not any(s.get("start") is not None for s in ev["sources"]), ev


@pytest.mark.parametrize(
    ("text", "category", "source"),
    [
        # the tagger reads the past tense as a participle hanging on the root noun
        ("A Kenyan newspaper called on Somalia to release the prisoners.", "REQUEST", "KEN"),
        ("Engineers from two Japanese firms donated pumps to a hospital in Haiti.", "AID", "JPN"),
    ],
)
def test_misread_main_verb_has_active_subject(
    analyzer: Any, text: str, category: str, source: str
) -> None:
    ev = _event(analyzer, text, category)
    assert source in _countries(ev["sources"]), ev
    assert source not in _countries(ev["targets"]), ev


def test_participle_with_agent_stays_passive(analyzer: Any) -> None:
    ev = _event(analyzer, "Two Nepali workers kidnapped by Iraqi gunmen.", "COERCE")
    assert "IRQ" in _countries(ev["sources"]), ev
    assert "NPL" in _countries(ev["targets"]), ev


def test_conjoined_verbs_share_a_target(analyzer: Any) -> None:
    text = "Swedish charities donated and delivered blankets to refugees in Jordan."
    evs = [e for e in _events(analyzer, text) if e["category"] == "AID"]
    assert len(evs) == 2, _events(analyzer, text)
    for ev in evs:
        assert ev["targets"] and ev["targets"][0]["start"] == text.index("refugees"), ev
    assert "+target-from-conjunct" in evs[0]["rule"]


def test_noun_under_state_verb_targets_the_one_put_there(analyzer: Any) -> None:
    ev = _event(
        analyzer,
        "A French journalist has been placed under arrest in Turkey for his reporting.",
        "COERCE",
    )
    assert _countries(ev["targets"]) == {"FRA"}, ev
    assert _countries(ev["sources"]) == {"TUR"}, ev
    assert "+target-of:place" in ev["rule"]


def test_active_state_verb_gives_source_and_target(analyzer: Any) -> None:
    ev = _event(analyzer, "Egyptian police placed two Libyan smugglers under arrest.", "COERCE")
    assert "EGY" in _countries(ev["sources"]), ev
    assert "LBY" in _countries(ev["targets"]), ev


def test_reporters_parsed_as_content_are_no_target(analyzer: Any) -> None:
    text = (
        "Arab League ministers demanded the withdrawal of Ethiopian troops from Somalia, "
        "Kenyan officials quoted a statement as saying."
    )
    ev = _event(analyzer, text, "REQUEST")
    assert "KEN" not in _countries(ev["targets"]), ev


def test_up_to_a_number_is_the_object(analyzer: Any) -> None:
    ev = _event(
        analyzer, "Somali pirates have seized up to 20 Indian sailors off the coast.", "COERCE"
    )
    assert "IND" in _countries(ev["targets"]), ev


def test_purpose_infinitive_names_the_target(analyzer: Any) -> None:
    ev = _event(
        analyzer, "Turkish police opened fire to disperse Kurdish protesters in Ankara.", "ASSAULT"
    )
    assert ev["targets"], ev
    assert "+target-from-purpose" in ev["rule"]


def test_speech_act_infinitive_is_not_a_purpose(analyzer: Any) -> None:
    text = "Japan on Monday rejected calls by the UN chief to cut its fishing fleet."
    for ev in _events(analyzer, text):
        assert "+target-from-purpose" not in ev["rule"], ev


def test_agent_hung_on_the_verb_above(analyzer: Any) -> None:
    text = (
        "The former mayor has been accused of stealing public money, much of it believed "
        "lost, by Peruvian prosecutors."
    )
    ev = _event(analyzer, text, "ACCUSE")
    assert "PER" in _countries(ev["sources"]), ev


def test_manner_by_phrase_is_no_agent(analyzer: Any) -> None:
    text = "Ten Chadian soldiers have been disarmed in Sudan, two officers told reporters by phone."
    ev = _event(analyzer, text, "RETREAT")
    assert "phone" not in " ".join(str(s.get("name")) for s in ev["sources"]), ev


def test_agentless_disarmed_group_is_the_source(analyzer: Any) -> None:
    ev = _event(analyzer, "Hundreds of Congolese militiamen were disarmed last month.", "RETREAT")
    assert "COD" in _countries(ev["sources"]), ev
    assert "COD" not in _countries(ev["targets"]), ev


def test_remaining_on_alert_is_mobilization(analyzer: Any) -> None:
    ev = _event(analyzer, "Indian troops remained on alert along the border.", "MOBILIZE")
    assert "IND" in _countries(ev["sources"]), ev


def test_announced_resignation_stays_retreat(analyzer: Any) -> None:
    ev = _event(analyzer, "Peru's interior minister will resign next week.", "RETREAT")
    assert "PER" in _countries(ev["sources"]), ev
    # other cooperative actions announced for the future are still promises
    agree = _event(analyzer, "Japan will withdraw its troops from Iraq.", "AGREE")
    assert "JPN" in _countries(agree["sources"]), agree


@pytest.mark.parametrize(
    "text",
    [
        "The EU called for Israel to halt the raids.",
        "Canada is pushing for Israel to lift the blockade.",
    ],
)
def test_for_clause_subject_is_the_one_asked(analyzer: Any, text: str) -> None:
    evs = _events(analyzer, text)
    assert [e["category"] for e in evs] == ["REQUEST"], evs
    assert _countries(evs[0]["targets"]) == {"ISR"}, evs[0]
    assert "ISR" not in _countries(evs[0]["sources"])


def test_pressuring_someone_to_act_is_a_request(analyzer: Any) -> None:
    ev = _event(
        analyzer, "Chinese officials pressured Nepali traders to close their shops.", "REQUEST"
    )
    assert "CHN" in _countries(ev["sources"]), ev
    assert "NPL" in _countries(ev["targets"]), ev


def test_mediation_between_parties_targets_them(analyzer: Any) -> None:
    ev = _event(
        analyzer,
        "Norway's king launched a mediation effort on Monday between Peru and Chile.",
        "CONSULT",
    )
    assert _countries(ev["targets"]) == {"PER", "CHL"}, ev
    assert "NOR" in _countries(ev["sources"]), ev


def test_target_on_a_conjoined_object(analyzer: Any) -> None:
    text = (
        "Ethiopian forces launched artillery, mortar, and rocket fire against Eritrean "
        "positions near the border."
    )
    ev = _event(analyzer, text, "ASSAULT")
    assert "ERI" in _countries(ev["targets"]), ev


def test_protest_aimed_at_the_target_of_its_purpose(analyzer: Any) -> None:
    text = (
        "Kenyan students continued their hunger strike to demand the release of Tanzanian "
        "activists."
    )
    ev = _event(analyzer, text, "PROTEST")
    assert "TZA" in _countries(ev["targets"]), ev
    assert "+target-from-purpose" in ev["rule"]


def test_demanded_act_of_another_actor_of_same_country(analyzer: Any) -> None:
    text = "Algerian students demanded the resignation of Algerian President Liamine Zeroual."
    ev = _event(analyzer, text, "REQUEST")
    assert ev["targets"] and "Zeroual" in ev["targets"][0]["name"], ev


def test_threat_targets_the_condition_subject(analyzer: Any) -> None:
    text = "China has threatened to cut trade ties if Australia deploys new missiles in the region."
    ev = _event(analyzer, text, "THREATEN")
    assert _countries(ev["targets"]) == {"AUS"}, ev


def test_reiterated_demand_is_a_request(analyzer: Any) -> None:
    ev = _event(
        analyzer, "A Dutch minister reiterated that Serbia must hand over the suspects.", "REQUEST"
    )
    assert "NLD" in _countries(ev["sources"]), ev
    assert "SRB" in _countries(ev["targets"]), ev


def test_act_in_protest_against_someone_targets_them(analyzer: Any) -> None:
    text = (
        "A Tunisian lawyer staged a hunger strike on Monday in protest against abuses by "
        "Egyptian border guards."
    )
    ev = _events(analyzer, text)[0]
    assert ev["category"] == "PROTEST", ev
    assert "EGY" in _countries(ev["targets"]), ev


def test_forced_out_is_an_expulsion(analyzer: Any) -> None:
    ev = _event(analyzer, "Sudan forced the UN food agency out of Darfur last year.", "SANCTION")
    assert ev["mode"] == "expel"
    assert "SDN" in _countries(ev["sources"]), ev
    assert not [
        e
        for e in _events(analyzer, "The rebels forced their way out of the town.")
        if e["category"] == "SANCTION"
    ]


def test_targeted_place_gets_the_sector_of_its_people(analyzer: Any) -> None:
    ev = _event(analyzer, "Rebels shelled the town of Kismayo in Somalia on Monday.", "ASSAULT")
    assert ev["targets"], ev
    assert {t.get("sector") for t in ev["targets"] if t.get("country")} == {"CVL"}, ev
    # a named actor keeps its own sector
    ev = _event(analyzer, "Rebels attacked Somali soldiers in Kismayo.", "ASSAULT")
    assert "CVL" not in {t.get("sector") for t in ev["targets"]}, ev


def test_territory_place_gives_its_country(analyzer: Any) -> None:
    # whether or not the gazetteer gives the territory a country, the target has one
    ev = _event(analyzer, "Israeli troops stayed on alert in the West Bank.", "MOBILIZE")
    assert _countries(ev["targets"]) == {"PSE"}, ev
