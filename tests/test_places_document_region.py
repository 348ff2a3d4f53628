"""Places resolution: the town a document is about lies in the region its names point to, a
name the gazetteer lacks takes a small town of its inner name in that region, and names
listed together with first-level regions are regions."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.places.component import Geoparser
from newsgraph.places.detect import Found
from newsgraph.places.gazetteer import NAME_ALT, NAME_OWN, Entry, load_gazetteer
from newsgraph.places.resolve import Context
from stage_helpers import small_gazetteer

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
ROWS = [
    (6252001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 327000000),
    (6254928, "Virginia", 37.5, -78.9, "A", "ADM1", "US", "VA", "", 8500000),
    (4829764, "Alabama", 32.75, -86.75, "A", "ADM1", "US", "AL", "", 4900000),
    (4736286, "Texas", 31.25, -99.25, "A", "ADM1", "US", "TX", "", 29000000),
    (4398678, "Missouri", 38.25, -92.5, "A", "ADM1", "US", "MO", "", 6100000),
    (5128638, "New York", 43.0, -75.5, "A", "ADM1", "US", "NY", "", 19500000),
    (4482348, "North Carolina", 35.5, -80.0, "A", "ADM1", "US", "NC", "", 10400000),
    (5128581, "New York", 40.71, -74.01, "P", "PPL", "US", "NY", "", 8800000),
    (4930956, "Boston", 42.36, -71.06, "P", "PPLA", "US", "MA", "", 690000),
    (6254926, "Massachusetts", 42.37, -71.1, "A", "ADM1", "US", "MA", "", 6900000),
    (5109797, "Boston", 42.63, -78.74, "P", "PPL", "US", "NY", "029", 8000),
    (4408000, "Texas County", 37.32, -91.97, "A", "ADM2", "US", "MO", "215", 26000),
    # a Virginia story's towns
    (4763237, "Haymarket", 38.81, -77.64, "P", "PPL", "US", "VA", "153", 1800),
    (4791259, "Vienna", 38.9, -77.27, "P", "PPL", "US", "VA", "059", 16000),
    (4758023, "Fairfax", 38.85, -77.31, "P", "PPLA2", "US", "VA", "600", 24000),
    (4772354, "Manassas", 38.75, -77.48, "P", "PPLA2", "US", "VA", "683", 41000),
    (4764826, "Hampton", 37.03, -76.35, "P", "PPL", "US", "VA", "650", 135000),
    # an Alabama town that bears a builder's surname, and a larger namesake of Manassas
    (4069999, "Hollister", 32.9, -86.75, "P", "PPL", "US", "AL", "021", 2500),
    (4069998, "Manassas", 33.5, -86.8, "P", "PPL", "US", "AL", "073", 60000),
]

# ISO 3166-1 alpha-2, alpha-3, name, capital, GeoNames id
COUNTRIES = [("US", "USA", "United States", "Washington", 6252001)]


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory: pytest.TempPathFactory) -> Geoparser:
    dest = small_gazetteer(tmp_path_factory.mktemp("geonames7r"), ROWS, COUNTRIES)
    return Geoparser(load_gazetteer(dest))


def spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    at = 0
    for name in names:
        start = text.index(name, at)
        out.append((start, start + len(name)))
        at = start + len(name)
    return out


def resolve(
    base_nlp: Language, gp: Geoparser, text: str, names: list[str]
) -> list[dict[str, Any] | None]:
    return gp.resolve_spans(base_nlp(text), spans_of(text, names))


def ids(got: list[dict[str, Any] | None]) -> list[int | None]:
    return [g["geonames_id"] if g else None for g in got]


STORY = (
    "Hollister said the homes sell fast. Buyers come from Haymarket, Vienna and Fairfax, "
    "Hollister said, and the Hollister crews work across Virginia. A new trail will reach "
    "Quillmore Pond next spring."
)
STORY_NAMES = [
    "Hollister", "Haymarket", "Vienna", "Fairfax", "Hollister", "Hollister", "Virginia",
    "Quillmore Pond",
]


def test_the_town_of_the_story_lies_in_its_region(
    base_nlp: Language, geoparser: Geoparser
) -> None:
    """A surname taken three times for a town elsewhere does not outweigh four names of one
    region: the pond the gazetteer lacks is placed at a town of Virginia."""
    got = resolve(base_nlp, geoparser, STORY, STORY_NAMES)
    assert got[0] is not None and got[0]["admin1"] == "US-AL"  # the name itself is unchanged
    assert got[-1] is not None and got[-1]["admin1"] == "US-VA"
    assert got[-1]["feature"] == "city"


def test_focus_counts_names_once_and_the_region_twice(geoparser: Geoparser) -> None:
    res = geoparser.resolver
    town = {e.name: e for e, _k in res.gaz.lookup("Hollister")}["Hollister"]
    va = [next(e for e, _k in res.gaz.lookup(n) if e.admin1 == "US-VA") for n in
          ["Haymarket", "Vienna"]]
    state = next(e for e, _k in res.gaz.lookup("Virginia") if e.feature == "admin1")
    resolved = [town, town, town, va[0], va[1]]
    names = ["Hollister"] * 3 + ["Haymarket", "Vienna"]
    # two Virginia names against one Alabama name said three times
    focus = res.focus(resolved, names)
    assert focus is not None and focus.admin1 == "US-VA"
    # one Virginia town against the Alabama town: the region named itself tips it
    focus = res.focus([town, town, va[0], state], ["Hollister", "Hollister", "Haymarket",
                                                   "Virginia"])
    assert focus is not None and focus.admin1 == "US-VA"
    # without the region, the most named town
    focus = res.focus([town, town, va[0]], ["Hollister", "Hollister", "Haymarket"])
    assert focus is not None and focus.admin1 == "US-AL"


def test_inner_name_prefers_the_town_of_the_region(
    base_nlp: Language, geoparser: Geoparser
) -> None:
    """"Old Town Manassas" in a Virginia story is the Virginia Manassas, though a larger
    namesake elsewhere would be taken without that context."""
    text = "Shops in Haymarket and Fairfax, Virginia, and in Old Town Manassas reopened."
    got = resolve(base_nlp, geoparser, text, ["Haymarket", "Fairfax", "Virginia",
                                              "Old Town Manassas"])
    assert ids(got)[-1] == 4772354
    res = geoparser.resolver
    alone = res.inner_place(Found(0, 17, "Old Town Manassas", "GPE"), [])
    assert alone is not None and alone.pid != 0 and alone.admin1 == "US-AL"


def test_a_list_of_states(base_nlp: Language, geoparser: Geoparser) -> None:
    """"New York" listed among states is the state; "Texas" after it is no county of
    Missouri though a comma joins them."""
    text = "Dancers came from Texas, Missouri, New York and North Carolina to perform."
    got = resolve(base_nlp, geoparser, text, ["Texas", "Missouri", "New York",
                                              "North Carolina"])
    assert ids(got) == [4736286, 4398678, 5128638, 4482348]


def test_a_city_listed_with_a_city_stays_a_city(
    base_nlp: Language, geoparser: Geoparser
) -> None:
    text = "Flights between New York and Boston were cancelled."
    got = resolve(base_nlp, geoparser, text, ["New York", "Boston"])
    assert ids(got) == [5128581, 4930956]
    text2 = "Flights to New York resumed, officials in Massachusetts said."
    got2 = resolve(base_nlp, geoparser, text2, ["New York", "Massachusetts"])
    assert ids(got2)[0] == 5128581


def test_lists_of_mentions(base_nlp: Language, geoparser: Geoparser) -> None:
    text = "From Texas, Missouri and Ohio to Boston, Albany or Utica; then Erie, Pa."
    names = ["Texas", "Missouri", "Ohio", "Boston", "Albany", "Utica", "Erie", "Pa."]
    spans = spans_of(text, names)
    found = [Found(s, e, text[s:e], "GPE") for s, e in spans]
    runs = geoparser.resolver.lists(base_nlp(text), found)
    # "Erie, Pa." is a town and its state, joined by a comma alone: no list
    assert runs == [[0, 1, 2], [3, 4, 5]]


def test_a_world_city_lends_no_region(base_nlp: Language, geoparser: Geoparser) -> None:
    """New York City beside "Boston" does not make it the New York village of that name: a
    world city lends a place under 200k its country and its surroundings, not its region."""
    text = "Analysts in Boston and New York disagreed about the rates."
    got = resolve(base_nlp, geoparser, text, ["Boston", "New York"])
    assert ids(got) == [4930956, 5128581]
    weights = geoparser.resolver.w
    saved = weights.world_city
    try:
        weights.world_city = 10**9
        assert ids(resolve(base_nlp, geoparser, text, ["Boston", "New York"]))[0] == 5109797
    finally:
        weights.world_city = saved


def test_a_bare_name_is_no_county_to_pair_with(geoparser: Geoparser) -> None:
    """"Washington" matches Washington County only by an alias: without a region word it
    does not count as that county for the towns inside it."""
    county = Entry(7, 7, "Washington County", "admin2", "USA", "US-NY", "US.NY", None, 43.3,
                   -73.4, 60_000)
    town = Entry(8, 8, "Hudson Falls", "city", "USA", "US-NY", "US.NY", 7, 43.3, -73.6, 7_000)
    res = geoparser.resolver
    assert res.county_sets([(county, NAME_ALT)])[0] == set()
    assert res.county_sets([(county, NAME_ALT)], region=True)[0] == {7}
    assert res.county_sets([(county, NAME_OWN)])[0] == {7}
    assert res.county_sets([(town, NAME_OWN)])[1] == {7}


def test_a_region_noun_after_a_shared_name(base_nlp: Language, geoparser: Geoparser) -> None:
    """"the New York border" and "a New York court" are the state; "New York police" stays
    the city."""
    text = "Trucks waited at the New York border while a New York court heard the case."
    got = resolve(base_nlp, geoparser, text, ["New York", "New York"])
    assert ids(got) == [5128638, 5128638]
    got2 = resolve(base_nlp, geoparser, "New York police said the road was closed.",
                   ["New York"])
    assert ids(got2) == [5128581]


def test_many_names_in_a_region_count_more(geoparser: Geoparser) -> None:
    """Three other names in a region give its places more than one does (a Kansas story's
    county beats a Missouri namesake that a single name supports)."""
    res = geoparser.resolver
    cands = list(res.gaz.lookup("Haymarket"))
    town = cands[0]
    f = Found(0, 9, "Haymarket", "GPE")
    key = town[0].admin1_key or ""
    one = res.score(*town, f, False, cands, Context(admin1=Counter({key: 1})), None)
    three = res.score(*town, f, False, cands, Context(admin1=Counter({key: 3})), None)
    assert three - one == pytest.approx(res.w.ctx_admin1_many)


def test_a_street_named_for_a_town_lies_in_the_story_town(
    base_nlp: Language, geoparser: Geoparser
) -> None:
    """"Hampton Avenue" in a Fairfax story is a street of Fairfax, not the city of Hampton
    it is named for."""
    text = "Crews in Fairfax repaved Hampton Avenue on Monday."
    got = resolve(base_nlp, geoparser, text, ["Fairfax", "Hampton Avenue"])
    assert ids(got) == [4758023, 4758023]
    text2 = "Crews in Fairfax repaved the Hampton waterfront on Monday."
    got2 = resolve(base_nlp, geoparser, text2, ["Fairfax", "Hampton waterfront"])
    assert ids(got2)[1] == 4764826


def test_local_news_words_lend_a_village_half_when_a_country_bears_its_name(
    geoparser: Geoparser,
) -> None:
    """US local-news words do not make "Mexico" a Missouri town as readily as they make
    "Haymarket" a US town: a village whose name a far bigger place bears gets half."""
    res = geoparser.resolver
    country = Entry(1, 1, "Mexico", "country", "MEX", None, "MX.00", None, 23.0, -102.0,
                    126_000_000)
    town = Entry(2, 2, "Mexico", "city", "USA", "US-MO", "US.MO", None, 39.17, -91.88, 11_000)
    cands = [(country, NAME_OWN), (town, NAME_OWN)]
    f = Found(0, 6, "Mexico", "GPE")
    res._biggest = {}
    local = Context(local_country="USA", local_cues=4)
    none = Context(local_country="USA", local_cues=0)
    gain = res.score(town, NAME_OWN, f, False, cands, local, None) - res.score(
        town, NAME_OWN, f, False, cands, none, None
    )
    full = 4 * res.w.ctx_local_country
    assert gain == pytest.approx(full / 2)
    alone = [(town, NAME_OWN)]
    res._biggest = {}
    gain_alone = res.score(town, NAME_OWN, f, False, alone, local, None) - res.score(
        town, NAME_OWN, f, False, alone, none, None
    )
    assert gain_alone == pytest.approx(full)


def test_state_opening_an_institution_name_is_no_region_word(
    base_nlp: Language, geoparser: Geoparser
) -> None:
    res = geoparser.resolver
    text = "She teaches at Columbia State Community College."
    start = text.index("Columbia")
    f = Found(start, start + len("Columbia"), "Columbia", "GPE", region_cue=True)
    assert res.vague_cue(base_nlp(text), f)
    text2 = "Flooding closed roads across Columbia State on Monday."
    start2 = text2.index("Columbia")
    f2 = Found(start2, start2 + len("Columbia"), "Columbia", "GPE", region_cue=True)
    assert not res.vague_cue(base_nlp(text2), f2)
