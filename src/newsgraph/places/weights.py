"""The tuned numbers of the ranking: feature bonuses and the score weights.

The numbers live in ``data/weights.yaml`` (each one explained there and in docs/PLACES.md).
:func:`load_weights` reads that file, checks it (every key known, every value a number of
the right kind: an error names the file and the key) and merges the component config's
``weights`` over it, checked the same way.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsgraph.places.tables import PlacesDataError, data_path

WEIGHTS_FILE = "weights.yaml"


@dataclass
class Weights:
    """Score weights (``data/weights.yaml``, documented in docs/PLACES.md)."""

    # bonus by feature ("country", "admin1", ...; a feature left out gets 0)
    feature_bonus: dict[str, float] = field(repr=False)
    table_bonus: float  # a sea, river or region of the team's table
    list_km: float  # detection: names listed beside a place lie within this distance
    population: float
    alias_city: float
    alias_area: float
    alias_district: float
    alias_big_city: float
    alias_beside_own: float
    repaired_village: int
    short_with_cue: float
    short_without_cue: float
    capital: float
    cue_admin1: float
    cue_admin2: float
    cue_city: float
    town_over_area: float
    parent_inside: float
    parent_outside: float
    ctx_country: float
    ctx_country_many: float
    village: int
    big_namesake: int
    ctx_admin1: float
    ctx_admin1_many: float
    ctx_actor_country: float
    ctx_neighbour: float
    ctx_neighbour_max: float
    ctx_local_country: float
    local_cues_needed: int
    local_cues_max: int
    coherence: float
    coherence_max: float
    coherence_keys: int
    near: float
    near_km: float
    near_sea_km: float
    share: float
    share_max: float
    share_temperature: float
    share_chance: float
    share_presence: float
    famous_population: int
    pair_county: float
    confident_margin: float
    world_city: int
    ctx_currency: float
    alias_town_population: int
    named_place_population: int
    big_place_population: int
    code_town_population: int
    big_city_population: int
    area_town_ratio: int
    many_names: int
    inner_place_population: int


_KINDS: dict[str, str] = {f.name: str(f.type) for f in dataclasses.fields(Weights)}


def _number(value: Any, kind: str, source: str, key: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PlacesDataError(f"{source}: {key}: expected a number, got {value!r}")
    if kind == "int":
        if not isinstance(value, int):
            raise PlacesDataError(f"{source}: {key}: expected a whole number, got {value!r}")
        return value
    return float(value) if isinstance(value, int) else value


def check_weights(raw: Any, source: str, *, partial: bool = False) -> dict[str, Any]:
    """The weights of a mapping read from ``source`` (a file, or the component config),
    checked: unknown keys and values of the wrong kind raise :class:`PlacesDataError`
    naming ``source`` and the key; ``partial``: keys may be left out (an override)."""
    if not isinstance(raw, Mapping):
        raise PlacesDataError(f"{source}: expected a mapping of weight names to numbers")
    out: dict[str, Any] = {}
    for key, value in raw.items():
        kind = _KINDS.get(str(key))
        if kind is None:
            known = ", ".join(sorted(_KINDS))
            raise PlacesDataError(f"{source}: unknown weight {key!r} (known: {known})")
        if key == "feature_bonus":
            if not isinstance(value, Mapping):
                raise PlacesDataError(f"{source}: feature_bonus: expected a mapping")
            out[key] = {
                str(k): _number(v, "float", source, f"feature_bonus.{k}") for k, v in value.items()
            }
        else:
            out[key] = _number(value, kind, source, str(key))
    if not partial:
        missing = [k for k in _KINDS if k not in out]
        if missing:
            raise PlacesDataError(f"{source}: missing weight(s): {', '.join(missing)}")
    return out


@functools.cache
def _file_weights(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise PlacesDataError(f"{path}: not valid YAML ({exc})") from exc
    return check_weights(raw, str(path))


def load_weights(
    path: str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> Weights:
    """The weights of ``path`` (default: the packaged ``data/weights.yaml``) with
    ``overrides`` merged over them (``feature_bonus`` merged key by key). A fresh object
    each call: callers may change it."""
    path = Path(path) if path is not None else data_path(WEIGHTS_FILE)
    values = dict(_file_weights(path))
    values["feature_bonus"] = dict(values["feature_bonus"])
    if overrides:
        extra = check_weights(overrides, "component config 'weights'", partial=True)
        for key, value in extra.items():
            if key == "feature_bonus":
                values[key].update(value)
            else:
                values[key] = value
    return Weights(**values)


_DEFAULT = load_weights()
FEATURE_BONUS: dict[str, float] = dict(_DEFAULT.feature_bonus)  # the packaged values
TABLE_BONUS: float = _DEFAULT.table_bonus
LIST_KM: float = _DEFAULT.list_km
