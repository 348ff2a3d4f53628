"""Places resolution: the region the other toponyms share, local-news words per country,
neighbours of a country, the fallback for names the gazetteer lacks, and team aliases that
point at a sea of the features table."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.places.component import Geoparser
from newsgraph.places.detect import Found
from newsgraph.places.gazetteer import (
    NAME_ALT,
    Entry,
    alias_names,
    load_gazetteer,
    normalize,
)
from newsgraph.places.resolve import Context
from stage_helpers import small_gazetteer

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
ROWS = [
    (6252001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 327000000),
    (4862182, "Iowa", 42.0, -93.5, "A", "ADM1", "US", "IA", "", 3100000),
    (4831725, "Connecticut", 41.67, -72.67, "A", "ADM1", "US", "CT", "", 3600000),
    (4597040, "South Carolina", 34.0, -81.0, "A", "ADM1", "US", "SC", "", 5100000),
    (4273857, "Kansas", 38.5, -98.5, "A", "ADM1", "US", "KS", "", 2900000),
    # a small town of Iowa and a larger namesake elsewhere
    (4868768, "New London", 40.93, -91.4, "P", "PPL", "US", "IA", "087", 1900),
    (4839416, "New London", 41.36, -72.1, "P", "PPL", "US", "CT", "011", 27000),
    # two names found in several states, Iowa among them
    (4868205, "Mount Pleasant", 40.96, -91.56, "P", "PPLA2", "US", "IA", "087", 8600),
    (4588165, "Mount Pleasant", 32.79, -79.86, "P", "PPL", "US", "SC", "019", 81000),
    (4882211, "Winfield", 41.12, -91.44, "P", "PPL", "US", "IA", "087", 1100),
    (4281730, "Winfield", 37.24, -96.99, "P", "PPLA2", "US", "KS", "035", 12000),
    # a village of Iowa with a name of its own
    (4867001, "Lowden", 41.86, -90.93, "P", "PPL", "US", "IA", "031", 800),
    # Georgia, the country and the US state
    (614540, "Georgia", 42.0, 43.5, "A", "PCLI", "GE", "00", "", 3700000),
    (4197000, "Georgia", 32.75, -83.5, "A", "ADM1", "US", "GA", "", 10000000),
    (174982, "Armenia", 40.25, 45.0, "A", "PCLI", "AM", "00", "", 3000000),
    (587116, "Azerbaijan", 40.5, 47.5, "A", "PCLI", "AZ", "00", "", 10000000),
    # a Syria story that quotes Moscow
    (163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", "", 17000000),
    (170654, "Damascus", 33.51, 36.29, "P", "PPLC", "SY", "13", "", 1570000),
    (2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", "00", "", 144000000),
    (524901, "Moscow", 55.75, 37.62, "P", "PPLC", "RU", "48", "", 10400000),
]

# ISO 3166-1 alpha-2, alpha-3, name, capital, GeoNames id
COUNTRIES = [
    ("US", "USA", "United States", "Washington", 6252001),
    ("GE", "GEO", "Georgia", "Tbilisi", 614540),
    ("AM", "ARM", "Armenia", "Yerevan", 174982),
    ("AZ", "AZE", "Azerbaijan", "Baku", 587116),
    ("SY", "SYR", "Syria", "Damascus", 163843),
    ("RU", "RUS", "Russia", "Moscow", 2017370),
]


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory: pytest.TempPathFactory) -> Geoparser:
    dest = small_gazetteer(tmp_path_factory.mktemp("geonames5r"), ROWS, COUNTRIES)
    return Geoparser(load_gazetteer(dest))


def spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for name in names:
        start = text.index(name)
        out.append((start, start + len(name)))
    return out


def resolve(
    base_nlp: Language, gp: Geoparser, text: str, names: list[str]
) -> list[dict[str, Any] | None]:
    doc = base_nlp(text)
    return gp.resolve_spans(doc, spans_of(text, names))


TOWNS = (
    "The council of New London met on Tuesday. Residents of Mount Pleasant drove over, and "
    "a delegation came from Winfield."
)


def test_towns_that_share_a_region(base_nlp: Language, geoparser: Geoparser) -> None:
    """Three names found in several states each, all three in Iowa: the Iowa towns, though
    each has a larger namesake elsewhere."""
    got = resolve(base_nlp, geoparser, TOWNS, ["New London", "Mount Pleasant", "Winfield"])
    assert [g["geonames_id"] if g else None for g in got] == [4868768, 4868205, 4882211]


def test_region_share_is_what_decides(base_nlp: Language, geoparser: Geoparser) -> None:
    """With the older coherence bonus off, the region share alone picks the Iowa town; with
    neither, the larger namesake wins."""
    weights = geoparser.resolver.w
    saved = weights.share, weights.coherence
    names = ["New London", "Mount Pleasant", "Winfield"]
    try:
        weights.coherence = 0.0
        with_share = resolve(base_nlp, geoparser, TOWNS, names)
        weights.share = 0.0
        without = resolve(base_nlp, geoparser, TOWNS, names)
    finally:
        weights.share, weights.coherence = saved
    assert with_share[0] is not None and with_share[0]["geonames_id"] == 4868768
    assert without[0] is not None and without[0]["geonames_id"] == 4839416


def test_region_share_leans_to_the_likelier_region(geoparser: Geoparser) -> None:
    res = geoparser.resolver
    town = [e for e, _k in res.gaz.lookup("Mount Pleasant")]
    scored = sorted(((res.w.population * e.population, e, 0) for e in town), key=lambda x: -x[0])
    share = res.region_share([(s / 1e4, e, k) for s, e, k in scored])
    keys = {e.admin1_key for e in town}
    assert set(share) == keys
    big = next(e for e in town if e.population > 50_000)
    small = next(e for e in town if e.population < 50_000)
    assert share[big.admin1_key or ""] > share[small.admin1_key or ""] > 0


def test_a_country_beside_its_neighbours(base_nlp: Language, geoparser: Geoparser) -> None:
    """"Georgia" beside Armenia and Azerbaijan is the country, not the US state: the country
    gains a bonus per neighbour the document names (at most two)."""
    text = "Armenia and Azerbaijan blamed each other, and Georgia offered to host talks."
    got = resolve(base_nlp, geoparser, text, ["Armenia", "Azerbaijan", "Georgia"])
    assert got[2] is not None and got[2]["geonames_id"] == 614540
    res = geoparser.resolver
    cands = list(res.gaz.lookup("Georgia"))
    country = next((e, k) for e, k in cands if e.feature == "country")
    f = Found(0, 7, "Georgia", "GPE")
    near = Context(countries=Counter({"ARM": 1, "AZE": 1}))
    far = Context(countries=Counter({"SYR": 1}))
    gain = res.score(*country, f, False, cands, near, None) - res.score(
        *country, f, False, cands, far, None
    )
    assert gain == pytest.approx(res.w.ctx_neighbour_max)


def test_unknown_name_falls_back_within_the_main_country(
    base_nlp: Language, geoparser: Geoparser
) -> None:
    """A name the gazetteer lacks is placed in the country the story names most, not in a
    foreign capital it quotes more often than any town of that country."""
    text = (
        "Shelling hit Qarfoun Valley in Syria. Moscow said Moscow would respond, and Syria "
        "and Syria's allies met."
    )
    got = resolve(base_nlp, geoparser, text, ["Qarfoun Valley"])
    assert got[0] is not None and got[0]["geonames_id"] == 163843


def test_local_news_words_per_country(base_nlp: Language, geoparser: Geoparser) -> None:
    res = geoparser.resolver
    us = base_nlp(
        "The councilman said the zoning change would cost $40,000 and the vice mayor agreed."
    )
    country, n = res.local_news(us)
    assert country == "USA" and n >= 3
    uk = base_nlp("A councillor said the council tax would rise by £20 next year.")
    assert res.local_news(uk)[0] == "GBR"
    assert res.local_news(base_nlp("The minister spoke on Monday."))[0] is None


def test_famous_places(geoparser: Geoparser) -> None:
    """A town's neighbours may not give it the name of a famous place (country, region,
    capital, city over 200k)."""
    res = geoparser.resolver
    town = Entry(1, 1, "Augusta", "city", "USA", "US-GA", "US.GA", None, 33.5, -82.0, 43_000)
    city = Entry(2, 2, "Atlanta", "city", "USA", "US-GA", "US.GA", None, 33.7, -84.4, 500_000)
    state = Entry(3, 3, "Georgia", "admin1", "USA", "US-GA", "US.GA", None, 32.7, -83.5, 0)
    assert not res.famous(town)
    assert res.famous(city) and res.famous(state)


def test_aliases_may_point_at_a_sea() -> None:
    """Team aliases with a ``feature:`` target name a row of the seas table ("Gulf")."""
    rows = alias_names({}, {}, {}, {}, {"Persian Gulf": 7, "Gulf of Mexico": 8})
    gulf = {pid for key, pid, kind in rows if key == normalize("Gulf") and kind == NAME_ALT}
    assert gulf == {7, 8}
    # an index built without the table's names leaves such aliases out
    assert not [r for r in alias_names({}, {}, {}, {}) if r[0] == normalize("Gulf")]


def test_area_is_a_vague_region_word(base_nlp: Language, geoparser: Geoparser) -> None:
    """"the Winfield area" is around the town: the word counts as no region cue."""
    text = "Farmers in the Winfield area met."
    doc = base_nlp(text)
    start = text.index("Winfield")
    found = Found(start, start + len("Winfield"), "Winfield", "GPE", region_cue=True)
    assert geoparser.resolver.vague_cue(doc, found)
    text2 = "Farmers in the Winfield district met."
    found2 = Found(start, start + len("Winfield"), "Winfield", "GPE", region_cue=True)
    assert not geoparser.resolver.vague_cue(base_nlp(text2), found2)


def test_fallback_without_any_country(geoparser: Geoparser) -> None:
    """The fallback works when the places the document names carry no country."""
    town = Entry(1, 1, "Nowhere", "city", None, None, None, None, 0.0, 0.0, 500)
    assert geoparser.resolver.focus([town, None]) == town
    assert geoparser.resolver.focus([None]) is None


def test_repaired_village_gives_no_context(base_nlp: Language, geoparser: Geoparser) -> None:
    """A village found only by the gazetteer (label "gazetteer") lends no region to the
    others; the same village tagged by the model does."""
    text = "Visitors from Lowden and New London came."
    doc = base_nlp(text)
    spans = spans_of(text, ["Lowden", "New London"])
    res = geoparser.resolver
    saved = res.w.share, res.w.coherence
    try:
        res.w.share, res.w.coherence = 0.0, 0.0
        weak = res.resolve(doc, [Found(s, e, text[s:e], "gazetteer") for s, e in spans])
        strong = res.resolve(doc, [Found(s, e, text[s:e], "GPE") for s, e in spans])
    finally:
        res.w.share, res.w.coherence = saved
    assert strong[1] is not None and strong[1].geonames_id == 4868768  # Iowa, beside Lowden
    assert weak[1] is not None and weak[1].geonames_id == 4839416  # the larger, Connecticut
