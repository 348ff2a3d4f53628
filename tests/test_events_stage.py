"""The events stage as a spaCy component: alone on a small pipeline, saved and loaded in a
fresh process with a user lexicon, the same output with one or two processes, and data
files checked at load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import newsgraph
from newsgraph.datafile import DataFileError
from newsgraph.events.component import EventsComponent, EventsResult
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.tables import DATA_DIR, Cues, Words
from newsgraph.stage import Stage

TEXTS = [
    "Russian forces shelled the city of Kharkiv on Monday, officials said.",
    "The Egyptian foreign minister met his Jordanian counterpart in Cairo and they "
    "signed a trade agreement.",
    "Police arrested twelve protesters in Nairobi.",
    "",
]

# run in a fresh process: load the saved pipeline and print the events of each text
LOAD_AND_RUN = """\
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
texts = json.loads(sys.stdin.read())
print(json.dumps([doc._.ng_events for doc in nlp.pipe(texts)], sort_keys=True))
"""


def outputs(nlp: Language, texts: list[str], n_process: int = 1) -> list[Any]:
    return [doc._.ng_events for doc in nlp.pipe(texts, n_process=n_process, batch_size=2)]


@pytest.fixture(scope="module")
def stage_nlp() -> Language:
    """The model plus the events stage alone (spaCy's entities stand in for actors)."""
    import newsgraph.events  # noqa: F401 - registers the factory
    from newsgraph.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("newsgraph_events")
    return nlp


def test_the_stage_alone_codes_events(stage_nlp: Language) -> None:
    comp = stage_nlp.get_pipe("newsgraph_events")
    assert isinstance(comp, Stage) and isinstance(comp, EventsComponent)
    events = stage_nlp(TEXTS[0])._.ng_events
    assert [e["category"] for e in events] == ["ASSAULT"]
    assert {s["country"] for s in events[0]["sources"]} == {"RUS"}
    assert stage_nlp("")._.ng_events == []


def test_find_returns_a_result_and_keeps_nothing_on_the_component(stage_nlp: Language) -> None:
    comp = stage_nlp.get_pipe("newsgraph_events")
    stage_nlp(TEXTS[1])
    before = dict(vars(comp))
    doc = stage_nlp.make_doc(TEXTS[2])
    for _name, proc in stage_nlp.pipeline[:-1]:
        doc = proc(doc)
    result = comp.find(doc)
    assert isinstance(result, EventsResult) and result.events
    assert dict(vars(comp)) == before
    comp.set_annotations(doc, result)
    assert doc._.ng_events == result.events


def test_factory_declares_what_it_reads_and_writes(stage_nlp: Language) -> None:
    meta = stage_nlp.get_pipe_meta("newsgraph_events")
    assert set(meta.assigns) == {"doc._.ng_events"}
    assert {
        "doc._.ng_actors",
        "doc._.ng_actor_mentions",
        "doc._.ng_places",
        "doc._.ng_place_mentions",
        "doc._.ng_dates",
        "doc._.ng_quotes",
        "token.dep",
        "token.pos",
    } <= set(meta.requires)
    config = stage_nlp.config["components"]["newsgraph_events"]
    assert config["lexicon_path"] is None and config["min_confidence"] == 0.0


def test_the_data_files_include_the_user_lexicon(tmp_path: Path) -> None:
    lexicon = tmp_path / "my_triggers.yaml"
    shutil.copyfile(DATA_DIR / "triggers.yaml", lexicon)
    comp = EventsComponent(Language(), lexicon_path=str(lexicon))
    files = comp.data_files()
    assert files["lexicon"] == lexicon
    assert {"crosswalk", "cues", "shifts", "sectors", "words", "nouns"} <= set(files)


def test_confidence_weights_are_overridable_in_the_config(stage_nlp: Language) -> None:
    from newsgraph.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("newsgraph_events", config={"weights": {"verb": 0.9}})
    (base,) = stage_nlp(TEXTS[0])._.ng_events
    (tuned,) = nlp(TEXTS[0])._.ng_events
    assert base["confidence"] == 0.8 and tuned["confidence"] == 0.9
    with pytest.raises(ValueError, match="unknown weight 'verbs'"):
        EventsComponent(Language(), weights={"verbs": 0.9})


def test_an_empty_lexicon_warns(tmp_path: Path) -> None:
    lexicon = tmp_path / "empty.yaml"
    lexicon.write_text("verbs: []\n", "utf-8")
    comp = EventsComponent(Language(), lexicon_path=str(lexicon))
    with pytest.warns(UserWarning, match="lexicon is empty"):
        comp.initialize()


@pytest.mark.slow
def test_saved_pipeline_loads_in_a_fresh_process_without_the_user_lexicon(
    tmp_path: Path,
) -> None:
    lexicon = tmp_path / "my_triggers.yaml"
    shutil.copyfile(DATA_DIR / "triggers.yaml", lexicon)
    from newsgraph.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("newsgraph_events", config={"lexicon_path": str(lexicon)})
    expected = outputs(nlp, TEXTS)
    assert any(expected)
    nlp.to_disk(tmp_path / "saved")
    lexicon.unlink()  # the saved pipeline must not need the user's file
    src = str(Path(newsgraph.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", LOAD_AND_RUN, str(tmp_path / "saved")],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(json.dumps(expected, sort_keys=True))


@pytest.mark.slow
def test_two_processes_give_the_same_output_as_one(stage_nlp: Language) -> None:
    texts = TEXTS * 3
    assert outputs(stage_nlp, texts, n_process=2) == outputs(stage_nlp, texts, n_process=1)


# --- data files checked at load ---------------------------------------------------------------


def test_unknown_lexicon_key_names_file_and_entry(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text(
        "verbs:\n  - {lemma: attack, category: ASSAULT}\n"
        "  - {lemma: kill, category: ASSAULT, only: passive}\n",
        "utf-8",
    )
    with pytest.raises(DataFileError, match=r"triggers.yaml: verbs\[1\]\.only: unknown key"):
        Lexicon.load(path)
    path.write_text("verbs:\n  - {lemma: attack, category: ASSAULT, items: maybe}\n", "utf-8")
    with pytest.raises(DataFileError, match=r"triggers.yaml: verbs\[0\]\.items: expected true"):
        Lexicon.load(path)
    path.write_text("verbs: []\nnons: []\n", "utf-8")
    with pytest.raises(DataFileError, match=r"triggers.yaml: nons: unknown key"):
        Lexicon.load(path)


def test_word_lists_are_checked(tmp_path: Path) -> None:
    text = (DATA_DIR / "words.yaml").read_text("utf-8")
    path = tmp_path / "words.yaml"
    path.write_text(text + "extra_words: [a]\n", "utf-8")
    with pytest.raises(DataFileError, match=r"words.yaml: extra_words: unknown key"):
        Words.load(path)
    path.write_text(text.replace("demand_modals: [must, should]", "demand_modals: must"), "utf-8")
    with pytest.raises(DataFileError, match=r"words.yaml: demand_modals: expected a list"):
        Words.load(path)
    path.write_text(text.replace("  floor: 0.05", "  floor: low"), "utf-8")
    with pytest.raises(DataFileError, match=r"words.yaml: confidence.floor: expected a number"):
        Words.load(path)
    cues = tmp_path / "certainty.yaml"
    cues.write_text("attribution_verbs: [say]\nhedges: [maybe]\n", "utf-8")
    with pytest.raises(DataFileError, match=r"certainty.yaml: hedges: unknown key"):
        Cues.load(cues)
