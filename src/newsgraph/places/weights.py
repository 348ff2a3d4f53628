"""The tuned numbers of the ranking: feature bonuses and the score weights.

Documented in docs/PLACES.md.
"""

from __future__ import annotations

from dataclasses import dataclass

FEATURE_BONUS = {
    "country": 3.0, "continent": 3.0,
    "admin1": 1.5, "admin2": 0.3, "admin3": 0.0,
}
TABLE_BONUS = 5.5  # a sea, river or region of the team's table (no population to weigh)


@dataclass
class Weights:
    """Score weights (documented in docs/PLACES.md)."""

    population: float = 0.6
    alias_city: float = -3.0
    alias_area: float = -0.5
    alias_district: float = -2.0  # "Richmond" is rarely Richmond County without "County"
    alias_big_city: float = -1.0  # "Kiev", "New York": a big city's other name is common
    alias_beside_own: float = -2.0  # a town matched by an alias where others own the name
    # a town this small, found only by the gazetteer, gives the others no context
    repaired_village: int = 5_000
    short_with_cue: float = 1.0
    short_without_cue: float = -4.0
    capital: float = 2.5
    cue_admin1: float = 4.0
    cue_admin2: float = 2.5
    cue_city: float = -3.0
    town_over_area: float = -3.0
    parent_inside: float = 6.0
    parent_outside: float = -2.0
    ctx_country: float = 2.0
    ctx_country_many: float = 1.0
    village: int = 20_000  # a town this small...
    big_namesake: int = 1_000_000  # ...with a namesake this big gets half the country bonus
    ctx_admin1: float = 2.0
    ctx_admin1_many: float = 1.0  # when at least three other names lie in the region
    ctx_actor_country: float = 1.0
    # a place in a country bordering countries the other toponyms name: "Gaza" beside
    # Israel and Egypt is the Palestinian town, not Mozambique's province (per neighbour)
    ctx_neighbour: float = 1.0
    ctx_neighbour_max: float = 2.0
    ctx_local_country: float = 1.0  # per word of US local news ("sheriff", "mph")...
    local_cues_needed: int = 2  # ...when it has at least this many
    local_cues_max: int = 4
    coherence: float = 1.0  # per other toponym with a candidate in the same region
    coherence_max: float = 2.0
    coherence_keys: int = 5  # only toponyms with at most this many candidate regions count
    near: float = 1.0  # a town or region close to a place another toponym names
    near_km: float = 200.0
    # a sea or large region is near a place this far away ("the Gulf" beside Riyadh)
    near_sea_km: float = 1500.0
    # region share: the other toponyms' first-pass leaning to a first-level region
    share: float = 1.0
    share_max: float = 2.0
    share_temperature: float = 1.0
    share_chance: float = 0.5
    share_presence: float = 0.5
    famous_population: int = 200_000
    pair_county: float = 3.0  # a town inside a county another toponym may name, or the county
    confident_margin: float = 1.0  # a first-pass choice this far ahead informs the others
    # a city this big lends a place smaller than famous_population its country and its
    # surroundings, not its first-level region ("Boston" beside New York City)
    world_city: int = 1_000_000
    # a place in a country using the one currency the article writes amounts in
    ctx_currency: float = 1.0
