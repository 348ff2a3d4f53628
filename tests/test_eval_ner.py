"""NER scorer on a hand-made CoNLL file with hand-computed scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import ner

DATA = Path(__file__).parent / "fixtures" / "eval" / "ner" / "sample.conll"


def test_documents_and_offsets() -> None:
    docs = ner.load_gold(DATA)
    assert len(docs) == 2
    d1, d2 = docs
    assert d1.text == "Maria Lopez visited Lima .\nShe met officials of the World Bank ."
    assert [(d1.text[s:e], t) for s, e, t in d1.entities] == [
        ("Maria Lopez", "PER"), ("Lima", "LOC"), ("World Bank", "ORG"),
    ]
    # MISC (Germans) is not scored
    assert [(d2.text[s:e], t) for s, e, t in d2.entities] == [("Berlin", "LOC")]


def test_iob2_and_adjacent_entities() -> None:
    doc = ner.build_doc("d", [[("Paris", "B-LOC"), ("London", "B-LOC"), ("and", "O"),
                               ("New", "B-LOC"), ("York", "I-LOC"), ("Times", "B-ORG")]])
    assert [(doc.text[s:e], t) for s, e, t in doc.entities] == [
        ("Paris", "LOC"), ("London", "LOC"), ("New York", "LOC"), ("Times", "ORG"),
    ]


def test_mention_kinds() -> None:
    kinds = ner.mention_types()
    mentions = [
        {"start": 0, "end": 5, "kind": "person"},
        {"start": 6, "end": 9, "kind": "state"},
        {"start": 10, "end": 12, "kind": "group"},
        {"start": 13, "end": 15, "kind": "nationality"},
        {"start": 16, "end": 18, "kind": "actor"},
    ]
    assert ner.predicted_entities(mentions, kinds) == [(0, 5, "PER"), (6, 9, "LOC"), (10, 12, "ORG")]


def test_scores_by_hand() -> None:
    docs = ner.load_gold(DATA)
    kinds = ner.mention_types()
    d1, d2 = docs
    preds = {
        d1.id: ner.predicted_entities([
            {"start": 0, "end": 11, "kind": "person"},  # right
            {"start": 20, "end": 24, "kind": "state"},  # Lima as LOC: right
            {"start": 48, "end": 62, "kind": "organization"},  # "the World Bank": overlap only
            {"start": 27, "end": 30, "kind": "actor"},  # not scored
        ], kinds),
        d2.id: ner.predicted_entities([
            {"start": 0, "end": 7, "kind": "nationality"},  # not scored
            {"start": 11, "end": 17, "kind": "person"},  # Berlin, wrong type
        ], kinds),
    }
    m, details = ner.score(docs, preds)
    assert m["precision"] == pytest.approx(2 / 4)
    assert m["recall"] == pytest.approx(2 / 4)
    assert m["f1"] == pytest.approx(0.5)
    assert m["untyped_f1"] == pytest.approx(3 / 4)
    assert m["overlap_f1"] == pytest.approx(3 / 4)
    assert m["per_f1"] == pytest.approx(2 / 3)  # P 1/2, R 1
    assert m["loc_f1"] == pytest.approx(2 / 3)  # P 1, R 1/2
    assert m["org_f1"] == 0.0
    assert details["per_type"]["LOC"]["gold"] == 2


def test_chunks_without_docstart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "CHUNK_SENTENCES", 2)
    path = tmp_path / "plain.conll"
    path.write_text("".join(f"Word{i} NN O O\n\n" for i in range(5)))
    docs = ner.load_gold(path)
    assert [d.text for d in docs] == ["Word0\nWord1", "Word2\nWord3", "Word4"]


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("Hello NN O PERSON\n")
    with pytest.raises(NewsgraphError, match="not an IOB tag"):
        ner.load_gold(path)


@pytest.mark.slow
def test_real_analyzer(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = ner.evaluate(DATA, analyzer=analyzer)
    assert result.n == 2
    assert 0.0 <= result.metrics["f1"] <= 1.0 and 0.0 <= result.baseline["f1"] <= 1.0


def test_folder_skips_notes(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Notes\nThis folder holds a CoNLL file.\n")
    (tmp_path / "eng.part").write_text(DATA.read_text())
    docs = ner.load_gold(tmp_path)
    assert len(docs) == 2
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "notes.txt").write_text("just words here\n")
    with pytest.raises(NewsgraphError, match="No CoNLL"):
        ner.load_gold(empty)
