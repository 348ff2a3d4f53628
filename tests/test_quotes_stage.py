"""The quotes stage as a spaCy component: alone on a small pipeline, its data files checked at
load, saved and loaded in a fresh process, and the same output with one or two processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from newsgraph.quotes import DataFileError, QuotesComponent, load_lexicon, load_rules
from newsgraph.quotes.finder import Finder
from newsgraph.quotes.lexicon import CHANNELS_FILE
from newsgraph.stage import Stage

SRC = Path(__file__).resolve().parent.parent / "src"

TEXTS = [
    "“We will rebuild the bridge by spring,” Mayor Ana Torres said on Friday.",
    "The minister told reporters that the talks had failed. “We tried everything,” he added.",
    "According to the ministry, the border will stay closed until March.",
    "In a statement, the company said it would appeal the ruling.",
    "The captain grumbled that the ship was late.",
    "Polls show “a very close race” in the state, analysts said.",
]

USER_CUES = (
    "classes:\n"
    "  speech: {complements: [ccomp, xcomp, dobj], direct: true}\n"
    "verbs:\n"
    "  say: speech\n"
    "  add: speech\n"
    "  grumble: speech\n"
    "agent_phrases:\n"
    "  - {words: [according, to]}\n"
    "speaker_titles: [mayor, minister, captain]\n"
    "speaker_pronouns: [he, she, they, it]\n"
    "relative_pronouns: [who, that]\n"
)


def quotes_json(docs: Any) -> str:
    return json.dumps([doc._.ng_quotes for doc in docs], sort_keys=True)


# -- the stage alone, no model ----------------------------------------------------------


def test_alone_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp("“Nothing more to add here,” the spokesman said.")
    assert not doc.user_data.get("ng_errors")
    assert [q["text"] for q in doc._.ng_quotes] == ["“Nothing more to add here,”"]
    assert doc._.ng_quotes[0]["channel"] is None


def test_is_a_stage_declaring_what_it_reads_and_writes() -> None:
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("newsgraph_quotes")
    assert isinstance(comp, Stage)
    meta = nlp.get_pipe_meta("newsgraph_quotes")
    assert meta.assigns == ["doc._.ng_quotes"]
    for attr in ("doc._.ng_actors", "doc._.ng_actor_mentions", "token.dep", "doc.sents"):
        assert attr in meta.requires
    assert nlp.get_pipe_config("newsgraph_quotes") == {
        "factory": "newsgraph_quotes",
        "cues": None,
        "channels": None,
        "rules": None,
    }


def test_init_loads_nothing_and_find_keeps_no_document_state() -> None:
    nlp = spacy.blank("en")
    comp = QuotesComponent(nlp, cues="/no/such/cues.yaml")  # only read when data is needed
    assert comp.cues == "/no/such/cues.yaml"
    comp = QuotesComponent(nlp)
    before = set(vars(comp))
    comp(nlp("“One two three four,” she said."))
    finder: Finder = comp.data
    assert set(vars(finder)) == {"lex"}
    state = dict(vars(comp))
    comp(nlp("“Five six seven eight,” he said."))
    assert set(vars(comp)) == set(state) and set(vars(comp)) >= before
    assert all(vars(comp)[k] is v for k, v in state.items())


# -- data files checked at load ---------------------------------------------------------


def test_rules_file_overlays_the_packaged_one(tmp_path: Path) -> None:
    user = tmp_path / "rules.yaml"
    user.write_text("numbers:\n  after_window: 30\nwords:\n  plural_pronouns: [they]\n", "utf-8")
    base = load_rules()
    rules = load_rules(user)
    assert rules.numbers.after_window == 30
    assert rules.words.plural_pronouns == frozenset({"they"})
    assert rules.numbers.before_window == base.numbers.before_window
    assert load_lexicon(rules=user).rules == rules


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("numbers:\n  after_windw: 30\n", "numbers.after_windw"),
        ("numbers:\n  after_window: -1\n", "numbers.after_window"),
        ("numbers:\n  after_window: many\n", "numbers.after_window"),
        ("words:\n  determiners: the\n", "words.determiners"),
        ("words:\n  determiners: [the, on]\n", "words.determiners[1]"),
        ("weights: {}\n", "weights"),
    ],
)
def test_a_bad_rules_file_names_the_file_and_key(tmp_path: Path, content: str, key: str) -> None:
    user = tmp_path / "rules.yaml"
    user.write_text(content, "utf-8")
    with pytest.raises(DataFileError) as err:
        load_rules(user)
    assert str(user) in str(err.value) and f": {key}: " in str(err.value)


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("classes:\n  speech: {complements: [ccomp], only: x}\n", "classes.speech.only"),
        (
            "classes:\n  speech: {complements: [ccomp], direct: yes please}\n",
            "classes.speech.direct",
        ),
        ("classes:\n  speech: {complements: ccomp}\n", "classes.speech.complements"),
        ("classes:\n  speech: {complements: [ccomp]}\nverbs:\n  say: talk\n", "verbs.say"),
        ("verb:\n  say: speech\n", "verb"),
        ("agent_phrases:\n  - {word: [according, to]}\n", "agent_phrases[0].word"),
    ],
)
def test_a_bad_cues_file_names_the_file_and_key(tmp_path: Path, content: str, key: str) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text(content, "utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(cues)
    assert str(cues) in str(err.value) and f": {key}: " in str(err.value)


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("patterns:\n  - {pattern: 'in (?P<channel>a post)', flag: case}\n", "patterns[0].flag"),
        (
            "patterns:\n  - {pattern: 'in (?P<channel>a post)', flags: nocase}\n",
            "patterns[0].flags",
        ),
        ("patterns:\n  - {pattern: 'in a post'}\n", "patterns[0].pattern"),
        ("patterns:\n  - {pattern: 'in (?P<channel>a post'}\n", "patterns[0].pattern"),
        ("pattern: []\n", "pattern"),
    ],
)
def test_a_bad_channels_file_names_the_file_and_key(tmp_path: Path, content: str, key: str) -> None:
    channels = tmp_path / "channels.yaml"
    channels.write_text(content, "utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(channels=channels)
    assert str(channels) in str(err.value) and f": {key}: " in str(err.value)


def test_a_bad_user_file_stops_the_pipeline_not_one_document(tmp_path: Path) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text("verbs:\n  say: speech\n", "utf-8")  # no class "speech"
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_quotes", config={"cues": str(cues)})
    with pytest.raises(DataFileError, match="verbs.say"):
        nlp("“One two three,” she said.")


def test_packaged_files_pass_their_schema() -> None:
    lex = load_lexicon()
    assert lex.verbs and lex.channels and lex.titles
    assert CHANNELS_FILE.parent.name == "data" and CHANNELS_FILE.parent.parent.name == "quotes"


# -- with the model: saved and loaded, one or two processes ------------------------------


@pytest.fixture(scope="module")
def nlp_with_quotes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Language, Path, Path]:
    from newsgraph.nlp import load_model

    folder = tmp_path_factory.mktemp("user_data")
    cues = folder / "cues.yaml"
    cues.write_text(USER_CUES, "utf-8")
    rules = folder / "rules.yaml"
    rules.write_text("numbers:\n  report_gap_words: 20\n", "utf-8")
    nlp = load_model()
    nlp.add_pipe("newsgraph_quotes", config={"cues": str(cues), "rules": str(rules)})
    return nlp, cues, rules


@pytest.mark.slow
def test_the_user_lexicon_is_used(nlp_with_quotes: tuple[Language, Path, Path]) -> None:
    nlp, _cues, _rules = nlp_with_quotes
    doc = nlp("The captain grumbled that the ship was late.")
    assert [q["cue"] for q in doc._.ng_quotes] == ["grumbled"]


@pytest.mark.slow
def test_save_and_load_in_a_fresh_process(
    nlp_with_quotes: tuple[Language, Path, Path], tmp_path: Path
) -> None:
    nlp, cues, rules = nlp_with_quotes
    expected = quotes_json(nlp.pipe(TEXTS))
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    # The saved pipeline holds its own copies of the user's files.
    hidden = [(p, p.with_suffix(".moved")) for p in (cues, rules)]
    for path, moved in hidden:
        path.rename(moved)
    try:
        script = (
            "import json, sys, spacy\n"
            "nlp = spacy.load(sys.argv[1])\n"
            "texts = json.loads(sys.stdin.read())\n"
            "print(json.dumps([d._.ng_quotes for d in nlp.pipe(texts)], sort_keys=True))\n"
        )
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(SRC)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
        )
        out = subprocess.run(
            [sys.executable, "-c", script, str(saved)],
            input=json.dumps(TEXTS),
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=300,
        )
    finally:
        for path, moved in hidden:
            moved.rename(path)
    assert out.stdout.strip() == expected
    assert '"grumbled"' in expected


@pytest.mark.slow
def test_one_or_two_processes_give_the_same_quotes(
    nlp_with_quotes: tuple[Language, Path, Path],
) -> None:
    nlp, _cues, _rules = nlp_with_quotes
    one = quotes_json(nlp.pipe(TEXTS, n_process=1))
    two = quotes_json(nlp.pipe(TEXTS, n_process=2, batch_size=2))
    assert one == two
    assert json.loads(one) != [[] for _ in TEXTS]
