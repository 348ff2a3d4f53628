"""The actors stage as a spaCy component: alone on a small pipeline, saved and loaded in a
fresh process with a user dictionary, the same output with one or two processes, and data
files checked at load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import newsgraph
from newsgraph.actors.component import ActorsComponent, ActorsResult
from newsgraph.actors.datafiles import DataFileError, read_json, read_tsv, word_list
from newsgraph.actors.dictionary import DictionaryError, load_file
from newsgraph.stage import Stage

TEXTS = [
    "Mayor Odile Brannoch of Quellport opened the new bridge on Monday. "
    "Brannoch said the Quellport Harbour Guild had paid for half of it.",
    "Ukraine's Foreign Minister Andrii Sybiha summoned China's envoy. He said Kyiv expected "
    "an answer.",
    "Egyptian police arrested twelve people. The police said they had blocked a road.",
    "",
]

USER_DICTIONARY = """\
actors:
  - id: quellport-mayor
    name: Odile Brannoch
    aliases: [Brannoch]
    country: NLD
    sector: GOV
    kind: person
  - name: Quellport Harbour Guild
    country: NLD
    sector: BUS
    kind: organization
"""

# run in a fresh process: load the saved pipeline and print the actors of each text
LOAD_AND_RUN = """\
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
texts = json.loads(sys.stdin.read())
out = [[doc._.ng_actors, doc._.ng_actor_mentions] for doc in nlp.pipe(texts)]
print(json.dumps(out, sort_keys=True))
"""


def outputs(nlp: Language, texts: list[str], n_process: int = 1) -> list[Any]:
    return [
        [doc._.ng_actors, doc._.ng_actor_mentions]
        for doc in nlp.pipe(texts, n_process=n_process, batch_size=2)
    ]


@pytest.fixture(scope="module")
def user_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("user") / "my_actors.yaml"
    path.write_text(USER_DICTIONARY, "utf-8")
    return path


@pytest.fixture(scope="module")
def stage_nlp(user_file: Path) -> Language:
    """The model plus the actors stage alone, with a user dictionary."""
    import newsgraph.actors  # noqa: F401 - registers the factory
    from newsgraph.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("newsgraph_actors", config={"user_dictionary": str(user_file)})
    return nlp


def test_the_stage_alone_codes_actors_with_the_user_dictionary(stage_nlp: Language) -> None:
    comp = stage_nlp.get_pipe("newsgraph_actors")
    assert isinstance(comp, Stage) and isinstance(comp, ActorsComponent)
    doc = stage_nlp(TEXTS[0])
    coded = {a["name"]: (a["country"], a["sector"]) for a in doc._.ng_actors}
    assert coded["Odile Brannoch"] == ("NLD", "GOV")
    assert coded["Quellport Harbour Guild"] == ("NLD", "BUS")
    assert stage_nlp("")._.ng_actors == []


def test_find_returns_a_result_and_keeps_nothing_on_the_component(stage_nlp: Language) -> None:
    comp = stage_nlp.get_pipe("newsgraph_actors")
    stage_nlp(TEXTS[1])
    before = dict(vars(comp))
    doc = stage_nlp.make_doc(TEXTS[2])
    for _name, proc in stage_nlp.pipeline[:-1]:
        doc = proc(doc)
    result = comp.find(doc)
    assert isinstance(result, ActorsResult) and result.actors and result.mentions
    assert dict(vars(comp)) == before
    comp.set_annotations(doc, result)
    assert doc._.ng_actors == result.actors


def test_factory_declares_what_it_reads_and_writes(stage_nlp: Language) -> None:
    meta = stage_nlp.get_pipe_meta("newsgraph_actors")
    assert set(meta.assigns) == {"doc._.ng_actors", "doc._.ng_actor_mentions"}
    assert {"token.dep", "token.lemma", "doc.ents"} <= set(meta.requires)
    analysis = stage_nlp.analyze_pipes()
    # en_core_web_sm's attribute_ruler sets token.pos without declaring it
    assert set(analysis["problems"]["newsgraph_actors"]) <= {"token.pos"}


@pytest.mark.slow
def test_saved_pipeline_loads_in_a_fresh_process_without_the_user_file(
    stage_nlp: Language, tmp_path: Path
) -> None:
    user = tmp_path / "my_actors.yaml"
    user.write_text(USER_DICTIONARY, "utf-8")
    from newsgraph.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("newsgraph_actors", config={"user_dictionary": str(user)})
    expected = outputs(nlp, TEXTS)
    nlp.to_disk(tmp_path / "saved")
    user.unlink()  # the saved pipeline must not need the user's file
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
    names = {a["name"] for actors, _mentions in expected for a in actors}
    assert "Quellport Harbour Guild" in names


@pytest.mark.slow
def test_two_processes_give_the_same_output_as_one(stage_nlp: Language) -> None:
    texts = TEXTS * 3
    assert outputs(stage_nlp, texts, n_process=2) == outputs(stage_nlp, texts, n_process=1)


def test_user_dictionary_problems_raise_they_are_not_recorded_per_document(tmp_path: Path) -> None:
    import spacy

    import newsgraph.actors  # noqa: F401 - registers the factory

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "A", "country": "France"}\n', "utf-8")
    nlp = spacy.blank("en")
    with pytest.raises(DictionaryError, match="bad.jsonl:1"):
        nlp.add_pipe("newsgraph_actors", config={"user_dictionary": str(bad)})
    # a missing file may be a saved pipeline's (from_disk brings the copy): the factory
    # accepts it, and loading the data says what is wrong
    nlp.add_pipe("newsgraph_actors", config={"user_dictionary": str(tmp_path / "gone.yaml")})
    with pytest.raises(DictionaryError, match="not found"):
        nlp("Some text.")


# --- data files checked at load ---------------------------------------------------------------


def test_unknown_tsv_column_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "roles.tsv"
    path.write_text("# a comment\nterm\trole\tcolour\nfoo\tbar\tred\n", "utf-8")
    with pytest.raises(DataFileError, match=r"roles.tsv:2: unknown column\(s\) colour"):
        read_tsv(path, {"term": None, "role": None})
    path.write_text("term\trole\nfoo\t\n", "utf-8")
    with pytest.raises(DataFileError, match=r"roles.tsv:2: no value in column 'role'"):
        read_tsv(path, {"term": None, "role": None})


def test_unknown_json_key_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "words.json"
    path.write_text('{\n  "_comment": "ok",\n  "verbs": ["go"],\n  "nouns": ["x"]\n}\n', "utf-8")
    with pytest.raises(DataFileError, match=r"words.json:4: unknown key 'nouns'"):
        read_json(path, {"verbs": word_list})
    path.write_text('{\n  "verbs": "go"\n}\n', "utf-8")
    with pytest.raises(DataFileError, match=r"words.json:2: key 'verbs'"):
        read_json(path, {"verbs": word_list})


def test_unknown_dictionary_key_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "actors.jsonl"
    path.write_text('{"name": "A"}\n{"name": "B", "contry": "FRA"}\n', "utf-8")
    with pytest.raises(DictionaryError, match=r"actors.jsonl:2: unknown key\(s\) contry"):
        load_file(path)
