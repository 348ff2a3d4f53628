"""The times stage as a spaCy component: alone in a small pipeline, its lexicon checked at
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
import yaml
from spacy.language import Language

import newsgraph.times  # noqa: F401 - registers the factory
from newsgraph.times import TimesComponent
from newsgraph.times.lexicon import DEFAULT_LEXICON, LexiconError, load_lexicon
from newsgraph.times.patterns import build_grammar

PUBLISHED = "2025-04-08"
TEXTS = [
    "Officials met on Monday and again yesterday.",
    "Elections were held in 2019 and again last year; the next vote is due in May 2027.",
    "Prices rose in the third quarter, two days ago and on Christmas Day.",
    "Nothing here is a date.",
]


def blank_times() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_times")
    return nlp


def dates_of(nlp: Language, text: str, published: str | None = PUBLISHED) -> list[Any]:
    doc = nlp.make_doc(text)
    doc._.ng_meta = {"article_id": "a1", "published": published}
    return list(nlp(doc)._.ng_dates)


def pairs(records: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(r["text"], r["value"]) for r in records]


# -- the stage alone -----------------------------------------------------------------


def test_the_stage_alone_in_a_blank_pipeline() -> None:
    nlp = blank_times()
    assert pairs(dates_of(nlp, TEXTS[0])) == [("Monday", "2025-04-07"), ("yesterday", "2025-04-07")]
    assert dates_of(nlp, TEXTS[3]) == []


def test_factory_declares_what_it_reads_and_writes() -> None:
    summary = blank_times().analyze_pipes()["summary"]["newsgraph_times"]
    assert summary["assigns"] == ["doc._.ng_dates"]
    for attr in ("doc._.ng_meta", "doc.ents", "token.dep", "token.tag", "token.pos"):
        assert attr in summary["requires"]


def test_find_returns_a_result_and_keeps_nothing_on_the_component() -> None:
    nlp = blank_times()
    comp = nlp.get_pipe("newsgraph_times")
    assert isinstance(comp, TimesComponent)
    comp.initialize()
    before = dict(vars(comp))
    doc = nlp.make_doc(TEXTS[0])
    doc._.ng_meta = {"article_id": "a1", "published": PUBLISHED}
    result = comp.find(doc)
    assert pairs(result.dates) == [("Monday", "2025-04-07"), ("yesterday", "2025-04-07")]
    assert doc._.ng_dates is None  # find writes nothing; set_annotations does
    comp.set_annotations(doc, result)
    assert doc._.ng_dates == result.dates
    assert vars(comp) == before


# -- the lexicon file ----------------------------------------------------------------


def lexicon_with(tmp_path: Path, **changes: Any) -> Path:
    data = yaml.safe_load(DEFAULT_LEXICON.read_text("utf-8"))
    data.update(changes)
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_the_packaged_lexicon_passes_its_schema() -> None:
    build_grammar(load_lexicon(DEFAULT_LEXICON))


def test_an_unknown_key_is_an_error_naming_file_and_key(tmp_path: Path) -> None:
    path = lexicon_with(tmp_path, month_names=["Jan"])
    with pytest.raises(LexiconError, match=r"lexicon\.yaml: key 'month_names': unknown key"):
        load_lexicon(path)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"not_year_before": ["flight", False]}, "not_year_before[1]"),
        ({"deictic_days": {"today": "zero"}}, "deictic_days.today"),
        ({"quarter_ordinals": {"fifth": 5}}, "quarter_ordinals.fifth"),
        ({"units": {"decade": "decade"}}, "units.decade"),
        ({"fixed_holidays": {"Leap Day": [2, 30]}}, "fixed_holidays.Leap Day"),
        (
            {"weekday_holidays": {"Labor Day": {"month": 9, "weekday": "monday", "nht": 1}}},
            "weekday_holidays.Labor Day.nht",
        ),
        (
            {"weekday_holidays": {"Labor Day": {"month": 9, "weekday": "mon", "nth": 1}}},
            "weekday_holidays.Labor Day.weekday",
        ),
        ({"ambiguous_months": ["Mayday"]}, "ambiguous_months[0]"),
    ],
)
def test_a_bad_value_is_an_error_naming_file_and_key(
    tmp_path: Path, changes: dict[str, Any], key: str
) -> None:
    path = lexicon_with(tmp_path, **changes)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value)
    assert f"key {key!r}" in str(info.value)


def test_months_and_weekdays_must_keep_their_order(tmp_path: Path) -> None:
    data = yaml.safe_load(DEFAULT_LEXICON.read_text("utf-8"))
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=True), "utf-8")  # friday first
    with pytest.raises(LexiconError, match="key 'months': expected the names january"):
        load_lexicon(path)


def test_a_missing_key_is_an_error(tmp_path: Path) -> None:
    data = yaml.safe_load(DEFAULT_LEXICON.read_text("utf-8"))
    del data["months"]
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    with pytest.raises(LexiconError, match="key 'months': missing"):
        load_lexicon(path)


# -- saved and loaded in a fresh process ---------------------------------------------

# The child finds newsgraph_times through the package's spaCy entry point (it imports no
# newsgraph module before spacy.load).
CHILD = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
out = []
for text in json.loads(sys.argv[2]):
    doc = nlp.make_doc(text)
    doc._.ng_meta = {"article_id": "a1", "published": sys.argv[3]}
    out.append(nlp(doc)._.ng_dates)
print(json.dumps(out))
"""


def run_fresh(path: Path, texts: list[str]) -> list[Any]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), json.dumps(texts), PUBLISHED],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: list[Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_to_disk_then_spacy_load_in_a_fresh_process(tmp_path: Path) -> None:
    nlp = blank_times()
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "newsgraph_times" / "lexicon" / "lexicon.yaml"
    assert saved.read_text("utf-8") == DEFAULT_LEXICON.read_text("utf-8")
    expected = [dates_of(nlp, t) for t in TEXTS]
    assert run_fresh(tmp_path / "pipeline", TEXTS) == expected


@pytest.mark.slow
def test_a_saved_pipeline_reads_its_own_lexicon(tmp_path: Path) -> None:
    nlp = blank_times()
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "newsgraph_times" / "lexicon" / "lexicon.yaml"
    data = yaml.safe_load(saved.read_text("utf-8"))
    del data["deictic_days"]["yesterday"]
    saved.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    (got,) = run_fresh(tmp_path / "pipeline", [TEXTS[0]])
    assert pairs(got) == [("Monday", "2025-04-07")]


# -- one process or two ----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("n_process", [1, 2])
def test_n_process_gives_the_same_output(n_process: int) -> None:
    from newsgraph.nlp import build_pipeline

    nlp = build_pipeline(stages=["times"])
    texts = TEXTS * 3

    def docs() -> Any:
        for i, text in enumerate(texts):
            doc = nlp.make_doc(text)
            doc._.ng_meta = {"article_id": f"a{i}", "published": PUBLISHED}
            yield doc

    one = [d._.ng_dates for d in nlp.pipe(docs(), batch_size=2)]
    got = [d._.ng_dates for d in nlp.pipe(docs(), batch_size=2, n_process=n_process)]
    assert got == one
    assert any(one)
