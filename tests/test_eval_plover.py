"""PLOVER scorer on a hand-made gold file with hand-computed scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import plover

GOLD = Path(__file__).parent / "fixtures" / "eval" / "plover" / "gold.json"


@pytest.fixture()
def sentences() -> list[plover.GoldSentence]:
    sents, skipped = plover.load_gold(GOLD)
    assert skipped == {"unknown category FOO": 1}
    return sents


def ev(category: str, start: int, **kw: object) -> dict[str, object]:
    return {"category": category, "trigger": {"start": start, "end": start + 3}, **kw}


def predictions() -> dict[str, list[dict[str, object]]]:
    return {
        # right category; JPN matches the gold's old code JAP
        "s1": [ev("AGREE", 17, sources=[{"country": "NOR"}, {"country": "JPN"}])],
        # emitted out of order: the trigger at 5 (REQUEST) is the first event
        "s2": [
            ev("ACCUSE", 20),
            ev("REQUEST", 5, sources=[{"country": "PER", "sector": "GOV"}],
               targets=[{"country": "ECU", "sector": "GOV"}]),
        ],
        # two gold records (PROTEST, COERCE); we find COERCE and an extra ASSAULT
        "s3": [
            ev("COERCE", 38, mode="arrest", sources=[{"country": "PER", "sector": "COP"}],
               targets=[{"country": "PER", "sector": "EDU"}], place={"name": "Lima", "country": "PER"}),
            ev("ASSAULT", 45),
        ],
        # s4: nothing found
    }


def test_gold_mapping(sentences: list[plover.GoldSentence]) -> None:
    assert [s.id for s in sentences] == ["s1", "s2", "s3", "s4"]
    assert [sorted(s.categories) for s in sentences] == [
        ["AGREE"], ["REQUEST"], ["COERCE", "PROTEST"], ["ACCUSE"],
    ]
    s1, _, s3, _ = sentences
    assert s1.records[0].sources == [("NOR", None), ("JPN", None)]
    assert s1.records[0].targets == []
    assert s1.date == "2001-03-04"
    assert [r.mode for r in s3.records] == ["demo", "arrest"]
    assert s3.records[0].location == "Lima"


def test_scores_by_hand(sentences: list[plover.GoldSentence]) -> None:
    m, details = plover.score(sentences, predictions())
    assert m["category_accuracy"] == pytest.approx(3 / 4)
    # first-event labels: AGREE, REQUEST, COERCE right; ACCUSE missed -> 3 of 4 classes F1 1
    assert m["category_macro_f1"] == pytest.approx(3 / 4)
    assert m["category_accuracy_any"] == pytest.approx(3 / 4)
    # any-event classes: AGREE 1, REQUEST 1, COERCE 1, ACCUSE 0, PROTEST 0, ASSAULT 0
    assert m["category_macro_f1_any"] == pytest.approx(3 / 6)
    assert m["event_precision"] == pytest.approx(3 / 5)
    assert m["source_country_accuracy"] == pytest.approx(4 / 5)
    assert m["target_country_accuracy"] == pytest.approx(2 / 3)
    assert m["source_country_sector_accuracy"] == pytest.approx(2 / 4)
    assert m["target_country_sector_accuracy"] == pytest.approx(1 / 3)
    assert m["mode_accuracy"] == pytest.approx(1 / 2)
    assert m["location_accuracy"] == pytest.approx(1 / 2)
    assert m["sentences_with_event"] == pytest.approx(3 / 4)
    assert details["per_category_first_event"]["ACCUSE"]["recall"] == 0.0
    assert details["counts"]["events_emitted"] == 5


def test_over_generation_cannot_raise_precision(sentences: list[plover.GoldSentence]) -> None:
    every = {s.id: [ev(c, i) for i, c in enumerate(("AGREE", "REQUEST", "COERCE", "ACCUSE"))]
             for s in sentences}
    m, _ = plover.score(sentences, every)
    assert m["category_accuracy_any"] == 1.0
    assert m["event_precision"] == pytest.approx(4 / 16)
    assert m["category_accuracy"] == pytest.approx(1 / 4)  # only s1's first event is right


def test_no_predictions_scores_zero(sentences: list[plover.GoldSentence]) -> None:
    m, _ = plover.score(sentences, {})
    assert all(v == 0.0 for v in m.values())


def test_normalizers() -> None:
    assert plover.norm_sector("CVLalb") == "CVL"
    assert plover.norm_sector("CIV") == "CVL"
    assert plover.norm_sector("***") is None
    assert plover.norm_country("ITL") == "ITA"
    assert plover.norm_mode("riot-spon") == "riot"
    assert plover.place_matches("town of Rafah", "Rafah")
    assert not plover.place_matches("Gaza", "Rafah")


def test_baseline(sentences: list[plover.GoldSentence]) -> None:
    pattern, names = plover._country_pattern()
    assert plover.countries_in("Norway and Japan agreed with Norway", pattern, names) == ["NOR", "JPN"]
    base = plover.baseline_predictions(sentences)
    m, _ = plover.score(sentences, base)
    assert m["category_accuracy"] == pytest.approx(1 / 4)  # majority class (ties: first seen)
    # first country named: s1 Norway, s2 Peru, s4 Kenya right; s3 names none (2 records)
    assert m["source_country_accuracy"] == pytest.approx(3 / 5)
    # second country named: s2 Ecuador, s4 Uganda right; s3 none
    assert m["target_country_accuracy"] == pytest.approx(2 / 3)


def test_bad_gold(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json\n")
    with pytest.raises(NewsgraphError, match="not PLOVER gold"):
        plover.load_gold(bad)
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    with pytest.raises(NewsgraphError, match="No PLOVER event records"):
        plover.load_gold(empty)
    folder = tmp_path / "nothing"
    folder.mkdir()
    with pytest.raises(NewsgraphError, match="No PLOVER gold files"):
        plover.load_gold(folder)


@pytest.mark.slow
def test_real_analyzer(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = plover.evaluate(GOLD, analyzer=analyzer)
    assert result.kind == "plover" and result.n == 4
    assert set(result.metrics) >= {
        "category_accuracy", "category_macro_f1", "source_country_accuracy",
        "target_country_accuracy", "source_country_sector_accuracy", "mode_accuracy",
    }
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert result.baseline["category_accuracy"] == pytest.approx(1 / 4)


def test_folder_reads_txt_records_and_skips_other_text(tmp_path: Path) -> None:
    (tmp_path / "records.txt").write_text(GOLD.read_text())
    (tmp_path / "crosswalk.txt").write_text("03: AGREE\n# a table, not JSON\n")
    sents, _ = plover.load_gold(tmp_path)
    assert len(sents) == 4
