"""The Analyzer: records out, several worker processes, a failing stage never drops a Doc."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import build_pipeline
from newsgraph.pipeline import Analyzer
from newsgraph.records import Article, ArticleResult, Failure
from newsgraph.stage import guarded

pytestmark = pytest.mark.slow

TEXTS = [
    "President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday.",
    "Police in Nairobi arrested 40 protesters on Thursday, officials said.",
    "The United Nations called for a ceasefire in Sudan.",
]


@Language.factory("test_exploding_stage")
class _Exploding:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @guarded("test_exploding_stage")
    def __call__(self, doc: Doc) -> Doc:
        if "Nairobi" in doc.text:
            raise ValueError("boom")
        return doc


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order_with_offsets(base_nlp, workers):
    analyzer = Analyzer(stages=[], nlp=base_nlp, workers=workers)
    articles = [Article(id=f"a{i}", text=t, published="2025-04-08") for i, t in enumerate(TEXTS)]
    results = list(analyzer.analyze(articles))
    assert [r.article.id for r in results if isinstance(r, ArticleResult)] == ["a0", "a1", "a2"]
    for r in results:
        assert isinstance(r, ArticleResult)
        for m in r.mentions:
            assert r.article.text[m.start : m.end] == m.text
        for s in r.sentences:
            assert r.article.text[s.start : s.end] == s.text


def test_stage_error_keeps_document_and_reports_failure():
    from newsgraph.nlp import load_model

    nlp = build_pipeline(stages=[], nlp=load_model())
    nlp.add_pipe("test_exploding_stage")
    analyzer = Analyzer(stages=[], nlp=nlp)
    out = list(analyzer.analyze([Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]))
    results = [o for o in out if isinstance(o, ArticleResult)]
    failures = [o for o in out if isinstance(o, Failure)]
    assert len(results) == 3
    assert [(f.article_id, f.stage, f.kind) for f in failures] == [("a1", "test_exploding_stage", "stage-error")]
    assert "boom" in failures[0].message


def test_unknown_stage_is_a_clear_error(base_nlp):
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="Unknown stage"):
        build_pipeline(stages=["telepathy"], nlp=base_nlp)


def test_quotation_marks_glued_to_words_are_split(base_nlp) -> None:
    words = [t.text for t in base_nlp.tokenizer("He said,“Look at this.”It was “great,”he said.")]
    assert words[:5] == ["He", "said", ",", "“", "Look"]
    assert "great" in words and "he" in words
    # ordinary punctuation inside words is untouched
    assert [t.text for t in base_nlp.tokenizer("U.S. growth of 3.5% in 2024")][:3] == [
        "U.S.",
        "growth",
        "of",
    ]


def test_glued_quote_gets_its_speaker(analyzer) -> None:
    doc = analyzer.nlp("The mayor said,“We will rebuild the bridge by spring.”")
    (quote,) = doc._.ng_quotes
    assert "rebuild the bridge" in quote["text"]
    assert (quote.get("speaker") or {}).get("name", "").lower().endswith("mayor")
