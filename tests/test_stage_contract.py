"""The Stage base class: data loaded once, per-document failures recorded, data files saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

from newsgraph.stage import Stage, doc_errors


class Counting(Stage[int]):
    stage = "counting"

    def __init__(self, nlp: Any, name: str, words: Path) -> None:
        super().__init__(nlp, name)
        self.words = words
        self.loads = 0

    def data_files(self) -> dict[str, Path | None]:
        return {"words": self.words, "extra": None}

    def load_data(self, files: dict[str, Path | None]) -> Any:
        self.loads += 1
        path = files["words"]
        assert path is not None
        return set(path.read_text("utf-8").split())

    def find(self, doc: Doc) -> int:
        if doc.text == "boom":
            raise ValueError("bad document")
        return sum(1 for t in doc if t.text in self.data)

    def set_annotations(self, doc: Doc, result: int) -> None:
        doc.user_data["count"] = result


def test_data_loads_once_and_failures_are_recorded(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("alpha beta\n", "utf-8")
    nlp = spacy.blank("en")
    stage = Counting(nlp, "c", words)
    assert stage(nlp("alpha beta gamma")).user_data["count"] == 2
    assert stage(nlp("beta")).user_data["count"] == 1
    assert stage.loads == 1
    bad = stage(nlp("boom"))
    assert doc_errors(bad) == [("counting", "ValueError: bad document")]


def test_to_disk_copies_the_data_and_from_disk_reads_it_back(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("alpha\n", "utf-8")
    nlp = spacy.blank("en")
    Counting(nlp, "c", words).to_disk(tmp_path / "saved")
    words.unlink()  # the saved copy must not need the original file
    loaded = Counting(nlp, "c", words).from_disk(tmp_path / "saved")
    assert loaded(nlp("alpha alpha")).user_data["count"] == 2
