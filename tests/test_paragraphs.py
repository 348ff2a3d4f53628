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
