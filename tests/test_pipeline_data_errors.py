"""A broken data file stops the pipeline when it is built, naming the file, instead of
turning every document into a failure row."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.nlp import build_pipeline, load_model


@pytest.mark.slow
def test_a_bad_trigger_file_stops_the_build(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.yaml"
    bad.write_text("verbs:\n  - {lemma: strike, category: ASSAULT, colour: red}\n", "utf-8")
    nlp = load_model()
    with pytest.raises(NewsgraphError) as err:
        build_pipeline(["events"], nlp=nlp, config={"events": {"lexicon_path": str(bad)}})
    assert "newsgraph_events" in str(err.value) and "triggers.yaml" in str(err.value)


@pytest.mark.slow
def test_stages_are_loaded_when_built() -> None:
    nlp = load_model()
    build_pipeline(["actors"], nlp=nlp)
    assert nlp.get_pipe("newsgraph_actors").loaded
