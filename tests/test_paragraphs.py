"""Blank lines end sentences; single line breaks are left to the parser."""

from __future__ import annotations

import pytest

from newsgraph.nlp import build_pipeline
from newsgraph.pipeline import Analyzer
from newsgraph.records import Article

pytestmark = pytest.mark.slow

HEADLINE = "Marsh executive in guilty plea\n\nAn executive at a US insurance firm has pleaded guilty to fraud."


def test_blank_line_starts_a_sentence(base_nlp):
    nlp = build_pipeline(stages=[])
    doc = nlp(HEADLINE)
    assert [s.text.strip() for s in doc.sents][0] == "Marsh executive in guilty plea"


def test_single_line_break_does_not_force_a_boundary():
    nlp = build_pipeline(stages=[])
    doc = nlp("The minister said on Monday that the\ntalks would resume.")
    assert len(list(doc.sents)) == 1


def test_headline_never_becomes_an_event_argument(analyzer: Analyzer):
    (result,) = list(analyzer.analyze([Article(id="h", text=HEADLINE, published="2005-01-10")]))
    for event in result.events:
        for ref in event.sources + event.targets:
            assert ref.get("name") is None or str(ref["name"]).strip()


def test_saved_pipeline_loads_in_a_fresh_process(tmp_path) -> None:
    """``nlp.to_disk`` then ``spacy.load`` in another process: the factory is found by name.

    The child process imports ``newsgraph.paragraphs`` before ``spacy.load``, so the test does
    not depend on the package's entry points being installed (``pip install -e .`` adds them).
    """
    import json
    import os
    import subprocess
    import sys

    import spacy

    import newsgraph.paragraphs  # noqa: F401 - registers the factory

    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_paragraphs")
    nlp.to_disk(tmp_path / "pipeline")
    expected = [t.is_sent_start for t in nlp(HEADLINE)]
    child = (
        "import json, sys, spacy, newsgraph.paragraphs\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "print(json.dumps([nlp.pipe_names, [t.is_sent_start for t in nlp(sys.argv[2])]]))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path / "pipeline"), HEADLINE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    names, starts = json.loads(out.stdout.strip().splitlines()[-1])
    assert names == ["newsgraph_paragraphs"]
    assert starts == expected
    assert True in starts[1:]
