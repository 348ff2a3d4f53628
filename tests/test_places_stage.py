"""The places stage under the stage contract: alone on a small pipeline, saved and loaded in
a fresh process, and run in two processes, always with the same output; its data files and
weights checked at load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language

import newsgraph
from newsgraph.nlp import load_model
from newsgraph.places.component import PlacesComponent, PlacesResult
from newsgraph.places.constants import check_word_lists
from newsgraph.places.geonames import build_from_geonames
from newsgraph.places.tables import PlacesDataError, check_region_terms, data_rows
from newsgraph.places.weights import check_weights, load_weights
from newsgraph.stage import Stage

FIXTURE = Path(__file__).parent / "fixtures" / "places"

TEXTS = [
    "Moscow's army said on Sunday that its units had taken back Guyevo in the Kursk region "
    "after a week of fighting.",
    "Shelling went on overnight in the Donetsk region.",
    "The mayor of Donetsk spoke to reporters in Donetsk.",
    "Ukrainian and Russian officials met in Kyiv on Friday.",
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_from_geonames(FIXTURE, dest)
    return dest


@pytest.fixture(scope="module")
def places(base_nlp: Language, gazetteer: Path) -> PlacesComponent:
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(gazetteer))


def outputs(docs: Any) -> list[list[Any]]:
    return [[d._.ng_places, d._.ng_place_mentions, d.user_data.get("ng_errors")] for d in docs]


def pipeline(gazetteer: Path) -> Language:
    """The model and the places stage alone."""
    nlp = load_model()
    nlp.add_pipe("newsgraph_places", config={"gazetteer_path": str(gazetteer)})
    return nlp


# -- the contract -----------------------------------------------------------------------


def test_the_factory_declares_its_config_and_dependencies() -> None:
    meta = Language.get_factory_meta("newsgraph_places")
    assert meta.default_config == {
        "gazetteer_path": None,
        "agents_as_places": True,
        "nationalities_as_places": False,
        "weights": {},
    }
    assert meta.assigns == ["doc._.ng_places", "doc._.ng_place_mentions"]
    assert "doc._.ng_actors" in meta.requires and "doc.ents" in meta.requires
    assert issubclass(PlacesComponent, Stage)


def test_find_returns_a_result_and_keeps_nothing_of_the_document(
    base_nlp: Language, places: PlacesComponent
) -> None:
    parser = places.parser
    before = (dict(vars(parser.detector)), dict(vars(parser.resolver)))
    doc = base_nlp(TEXTS[0])
    result = places.find(doc)
    assert isinstance(result, PlacesResult)
    assert doc._.ng_places is None  # find() writes nothing
    places.set_annotations(doc, result)
    assert doc._.ng_places == result.places and doc._.ng_place_mentions == result.mentions
    assert {m["text"] for m in result.mentions} >= {"Guyevo", "Kursk"}
    after = (dict(vars(parser.detector)), dict(vars(parser.resolver)))
    assert after == before
    assert not hasattr(parser.resolver, "contained")


def test_the_data_files_include_the_user_gazetteer(places: PlacesComponent, gazetteer: Path) -> None:
    files = places.data_files()
    assert files["gazetteer"] == gazetteer
    assert all(p is not None and p.exists() for p in files.values())
    # the default gazetteer is no user file: not copied (see the component docstring)
    assert PlacesComponent(None, "p").data_files()["gazetteer"] is None


# -- weights and data files -------------------------------------------------------------


def test_weights_come_from_the_data_file_and_the_config_overrides_them(
    base_nlp: Language, gazetteer: Path
) -> None:
    packaged = load_weights()
    comp = PlacesComponent(
        base_nlp, "p", gazetteer_path=str(gazetteer),
        weights={"capital": 9.0, "feature_bonus": {"admin1": 0.5}, "list_km": 10},
    )
    w = comp.parser.resolver.w
    assert w.capital == 9.0 and packaged.capital != 9.0
    assert w.feature_bonus["admin1"] == 0.5
    assert w.feature_bonus["country"] == packaged.feature_bonus["country"]
    assert comp.parser.detector.list_km == 10.0
    assert w.population == packaged.population


def test_an_unknown_weight_is_rejected_at_construction(base_nlp: Language) -> None:
    with pytest.raises(PlacesDataError, match="capitol"):
        PlacesComponent(base_nlp, "p", weights={"capitol": 1.0})
    with pytest.raises(PlacesDataError, match="village"):
        PlacesComponent(base_nlp, "p", weights={"village": 2.5})  # a population: whole


def test_a_bad_weights_file_names_the_file_and_key(tmp_path: Path) -> None:
    raw = yaml.safe_load((Path(newsgraph.__file__).parent / "places/data/weights.yaml").read_text())
    raw["capital"] = "high"
    bad = tmp_path / "weights.yaml"
    bad.write_text(yaml.safe_dump(raw), "utf-8")
    with pytest.raises(PlacesDataError, match=r"weights\.yaml: capital"):
        load_weights(bad)
    with pytest.raises(PlacesDataError, match="missing"):
        check_weights({"capital": 1.0}, "x.yaml")


def test_bad_word_lists_and_tables_name_the_file_and_place(tmp_path: Path) -> None:
    with pytest.raises(PlacesDataError, match=r"w\.yaml: detect\.nonsense"):
        check_word_lists({"detect": {"nonsense": ["a"]}}, "w.yaml")
    with pytest.raises(PlacesDataError, match=r"r\.json: unknown key 'admin_term'"):
        check_region_terms({"admin_term": ["region"]}, "r.json")
    with pytest.raises(PlacesDataError, match="street_words"):
        check_region_terms({"street_words": "Street"}, "r.json")
    tsv = tmp_path / "points.tsv"
    tsv.write_text("# iso2\tlat\tlon\nUS\t38.0\t-97.0\nFR\t46.0\n", "utf-8")
    with pytest.raises(PlacesDataError, match=r"points\.tsv:3"):
        data_rows(tsv, 3)


# -- saved, loaded and run in several processes -----------------------------------------


@pytest.mark.slow
def test_saved_pipeline_loads_in_a_fresh_process_with_identical_output(
    gazetteer: Path, tmp_path: Path
) -> None:
    own = tmp_path / "mine.sqlite"
    shutil.copyfile(gazetteer, own)
    nlp = pipeline(own)
    expected = outputs(nlp.pipe(TEXTS))
    nlp.to_disk(tmp_path / "saved")
    own.unlink()  # the saved pipeline carries its own copy of the user gazetteer
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "docs = nlp.pipe(json.loads(sys.argv[2]))\n"
        "print(json.dumps([[d._.ng_places, d._.ng_place_mentions, d.user_data.get('ng_errors')]"
        " for d in docs]))\n"
    )
    src = str(Path(newsgraph.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "saved"), json.dumps(TEXTS)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == json.loads(json.dumps(expected))
    assert any(out[1] for out in expected)


@pytest.mark.slow
def test_two_processes_give_the_output_of_one(gazetteer: Path) -> None:
    nlp = pipeline(gazetteer)
    one = outputs(nlp.pipe(TEXTS * 2, n_process=1))
    two = outputs(nlp.pipe(TEXTS * 2, n_process=2, batch_size=2))
    assert two == one
    assert any(out[1] for out in one)



def test_an_edited_list_distance_in_the_weights_file_is_used(
    tmp_path: Path, gazetteer: Path
) -> None:
    """The list distance comes from the weights file the stage was given (a saved
    pipeline's copy), not only from the component config."""
    import re

    from newsgraph.places.gazetteer import load_gazetteer
    from newsgraph.places.geoparser import Geoparser
    from newsgraph.places.tables import data_path
    from newsgraph.places.weights import WEIGHTS_FILE

    edited = tmp_path / "weights.yaml"
    text = data_path(WEIGHTS_FILE).read_text("utf-8")
    edited.write_text(re.sub(r"(?m)^list_km: .*$", "list_km: 5", text), "utf-8")
    gaz = load_gazetteer(gazetteer)
    assert Geoparser(gaz, files={"weights": edited}).detector.list_km == 5
    assert Geoparser(gaz).detector.list_km is None  # the packaged value, read at detection
