"""Choosing the GeoNames place each toponym names.

Candidates come from the gazetteer by name and alias. Each gets a score that adds up:

* how it matched: the place's own name, an alias, a short form of a subdivision (only with
  a cue such as "region"), a code (only when the text is in capitals, "UK", "U.S.");
* its size: log population, plus a bonus for countries, first-level subdivisions and
  capitals (news names big places far more often than small namesakes);
* the cue: "the Donetsk region" names the oblast, not the city; a bare name whose town
  lies inside the subdivision of the same name is the town ("Kyiv", "Beijing");
* hierarchy in the text: "Guyevo in the Kursk region", "Alexandria, La." — a candidate
  inside the containing place wins;
* the document: countries and regions of the other toponyms (first pass) and the actors'
  countries, when the actors stage ran.

Two passes: the first scores without document context, the second adds the context from the
first pass of every other mention.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.places.detect import Found
from newsgraph.places.gazetteer import (
    AREA_FEATURES,
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    NAME_SHORT,
    Entry,
    Gazetteer,
    abbreviation_fits,
    km,
    normalize,
)

FEATURE_BONUS = {
    "country": 3.0, "continent": 3.0,
    "admin1": 1.5, "admin2": 0.3, "admin3": 0.0,
}
TABLE_BONUS = 5.5  # a sea, river or region of the team's table (no population to weigh)


# region words that name a town's surroundings as often as a district
VAGUE_CUES = frozenset({"area"})
# nouns after a name shared by a region and a town inside it that make it the region
REGION_NOUNS = frozenset({
    "border", "borders", "court", "courts", "legislature", "legislators", "governor",
    "assembly", "senate",
})
# what stands between the names of a list
LIST_JOINERS = frozenset({",", "and", "or", ", and", ", or", "&"})


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


@dataclass
class Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)
    actor_countries: set[str] = field(default_factory=set)
    local_country: str | None = None  # the country the article's vocabulary points to
    local_cues: int = 0
    # admin1 keys of each other toponym's candidates (when it has few)
    regions: list[frozenset[str]] = field(default_factory=list)
    # pids of the counties (second-level areas) other toponyms may name, and of the counties
    # holding the towns they may name ("Paris" and "Henry County": Paris, Tennessee)
    counties: set[int] = field(default_factory=set)
    # points of the towns and regions the other toponyms name (first pass, when sure)
    points: list[tuple[float, float]] = field(default_factory=list)
    town_counties: set[int] = field(default_factory=set)
    # admin1 key -> how strongly the other toponyms, taken together, point to that region
    share: dict[str, float] = field(default_factory=dict)
    # countries using the one currency family the article writes amounts in (else empty)
    currency: frozenset[str] = frozenset()
    # the same without the world cities other toponyms name, for scoring villages
    small: Context | None = None




@dataclass
class ResolveState:
    """What one resolve call learns as it goes (one per document, never kept on the
    resolver): first-pass scores and caches keyed by candidate list."""

    # first-pass scores of each mention's candidates (index -> (score, entry, kind), best first)
    first: dict[int, list[tuple[float, Entry, int]]] = field(default_factory=dict)
    famous: dict[int, set[int]] = field(default_factory=dict)
    own_towns: dict[int, bool] = field(default_factory=dict)
    biggest: dict[int, int] = field(default_factory=dict)
    # mentions whose region word only means "around" ("the Dublin area")
    vague: set[int] = field(default_factory=set)


@dataclass
class Resolution:
    """The places one document's mentions name (``entries``, one per mention, None where
    none) and the indices resolved to a place containing the named one (``contained``: a
    street or building the gazetteer lacks, placed in its town)."""

    entries: list[Entry | None]
    contained: set[int]


def inside(e: Entry, parent: Entry) -> bool:
    if parent.feature == "country":
        return e.country == parent.country and e.pid != parent.pid
    if parent.feature == "admin1":
        return e.admin1_key == parent.admin1_key and e.pid != parent.pid
    if parent.feature in {"admin2", "admin3"}:
        return e.admin2_id == parent.pid
    if parent.feature == "continent":
        return e.feature == "country"
    return False


class Resolver:
    def __init__(
        self,
        gaz: Gazetteer,
        admin_terms: set[str],
        directions: set[str],
        weights: Weights | None = None,
    ) -> None:
        self.gaz = gaz
        self.admin_terms = admin_terms
        self.directions = directions
        self.nationality: Callable[[str], str | None] | None = None
        self.common: set[str] = set()
        # ISO alpha-3 -> the alpha-3 codes of the countries bordering it
        self.neighbours: dict[str, frozenset[str]] = {}
        self.w = weights or Weights()
        # country alpha-3 -> words and two-word phrases of that country's local news
        # (data/region_terms.json "us_local_cues", data/local_news.tsv)
        self.local_words: dict[str, set[str]] = {}
        # currency sign -> alpha-3 codes of the countries using it (data/currency_signs.tsv)
        self.currencies: dict[str, frozenset[str]] = {}
        self._cue_index: dict[str, list[str]] | None = None  # cue -> countries, built lazily
        self._cue_heads: set[str] = set()

    def candidates(self, f: Found) -> tuple[list[tuple[Entry, int]], bool]:
        """Candidates for a mention, and whether the mention itself carries a region word."""
        text = f.text
        if f.label == "nationality" and self.nationality is not None:
            iso3 = self.nationality(text)
            country = self.gaz.country(iso3) if iso3 else None
            return ([(country, NAME_OWN)] if country else []), False
        cands = list(self.gaz.lookup(text))
        words = text.split()
        region = False
        if len(words) > 1 and normalize(words[-1]) in self.admin_terms:
            stripped = " ".join(words[:-1])
            if not cands:
                cands = list(self.gaz.lookup(stripped))
                region = True
        if not cands and len(words) > 1 and words[0].lower() in self.directions:
            # "Northern Virginia", "downtown Nashville": the place named last
            cands = list(self.gaz.lookup(" ".join(words[1:])))
        upper = text.replace(".", "").isupper()
        short_caps = upper and len(text.replace(".", "")) <= 3
        cands = [
            (e, k)
            for e, k in cands
            if (k != NAME_CODE or upper)
            and (k != NAME_ABBR or abbreviation_fits(text, e))
            # "EU", "UN": capitals this short are codes, not a village's name
            and not (short_caps and k in (NAME_OWN, NAME_ALT) and e.feature == "city"
                     and e.population < 100_000)
        ]
        if any(k == NAME_ABBR for _e, k in cands):
            # "L.A." written as an abbreviation: not the code "LA" (Laos)
            cands = [(e, k) for e, k in cands if k != NAME_CODE]
        return cands, region

    def score(
        self,
        e: Entry,
        kind: int,
        f: Found,
        region: bool,
        cands: Sequence[tuple[Entry, int]],
        ctx: Context | None,
        parent: Entry | None,
        st: ResolveState | None = None,
    ) -> float:
        """The score of candidate ``e`` (matched by ``kind``) for mention ``f``; ``st``
        carries the per-document caches of a resolve call (a fresh one when left out)."""
        if st is None:
            st = ResolveState()
        w = self.w
        s = w.population * math.log10(e.population + 10)
        if kind == NAME_ALT and e.capital and e.feature == "city" and any(
            c.feature == "country" and k == NAME_OWN for c, k in cands
        ):
            # "Mexico" is the country, though Mexico City also goes by that name
            s += w.alias_city
        elif kind == NAME_ALT and not e.capital:
            if e.feature in AREA_FEATURES or e.in_table:
                s += w.alias_area
            elif e.feature != "city":
                s += w.alias_district
            else:
                s += w.alias_big_city if e.population >= 100_000 else w.alias_city
                if self.own_towns(cands, st):
                    # other towns bear the name as their own: a town's old or variant name
                    # rarely means it ("Maryville", once a name of Beeville, Texas)
                    s += w.alias_beside_own
        elif kind == NAME_SHORT:
            s += w.short_with_cue if region else w.short_without_cue
        s += TABLE_BONUS if e.in_table else FEATURE_BONUS.get(e.feature, 0.0)
        if e.capital:
            s += w.capital
        if region:
            if e.feature == "admin1":
                s += w.cue_admin1
            elif e.feature in {"admin2", "admin3"}:
                s += w.cue_admin2
            elif e.feature == "city":
                s += w.cue_city
        elif e.feature in {"admin1", "admin2", "admin3"} and any(
            c.feature == "city"
            and c.admin1_key == e.admin1_key
            and (k == NAME_OWN or c.population * 10 >= e.population)
            for c, k in cands
        ):
            s += w.town_over_area
        if parent is not None:
            s += w.parent_inside if inside(e, parent) else w.parent_outside
        if ctx is not None and ctx.small is not None and (
            e.feature in {"city", "admin2", "admin3"} and e.population < w.famous_population
        ):
            ctx = ctx.small
        if ctx is not None and e.feature != "continent":
            n = ctx.countries.get(e.country or "", 0)
            # a village does not take a world city's (or a country's) name from a shared
            # country alone ("Toronto", Ohio beside Buffalo; "Mexico", Missouri in a story
            # of US local news)
            shadowed = (
                e.feature == "city"
                and e.population < w.village
                and self.biggest_own(cands, st) >= w.big_namesake
            )
            if n:
                bonus = w.ctx_country + (w.ctx_country_many if n >= 3 else 0.0)
                if shadowed:
                    bonus /= 2
                s += bonus
            elif e.country and ctx.countries:
                # a country counts too: "Georgia" beside Armenia and Azerbaijan
                near = sum(1 for c in self.neighbours.get(e.country, ()) if ctx.countries.get(c))
                s += min(w.ctx_neighbour * near, w.ctx_neighbour_max)
            regional = 0.0
            n_region = ctx.admin1.get(e.admin1_key or "", 0) if e.admin1_key else 0
            if n_region:
                # a town in the region, or the region the other towns lie in ("Hawaii"); more
                # when many other names lie there (a Kansas story's "Marion County")
                regional += w.ctx_admin1 + (w.ctx_admin1_many if n_region >= 3 else 0.0)
            radius = w.near_sea_km if e.in_table else w.near_km
            if e.feature not in {"country", "continent"} and e.lat is not None and any(
                abs(e.lat - lat) * 111.2 <= radius  # cheap test first
                and km(e.lat, e.lon or 0.0, lat, lon) <= radius
                for lat, lon in ctx.points
            ):
                regional += w.near
            if e.country in ctx.actor_countries:
                s += w.ctx_actor_country
            if (
                e.country in ctx.currency
                and e.feature in {"city", "admin2", "admin3"}
                and not self.famous_abroad(cands, ctx.currency)
            ):
                # "$" amounts move "Mansfield" out of England, but a famous place outside
                # the currency's countries may still be meant ("Liverpool" in a transfer
                # story priced in dollars is not in Nova Scotia)
                s += w.ctx_currency
            if ctx.local_country is not None and e.country == ctx.local_country:
                local_bonus = w.ctx_local_country * min(ctx.local_cues, w.local_cues_max)
                s += local_bonus / 2 if shadowed else local_bonus
            if e.admin1_key and e.feature != "admin1":
                hits = sum(1 for r in ctx.regions if e.admin1_key in r)
                regional += min(w.coherence * hits, w.coherence_max)
            if (
                w.share
                and e.admin1_key
                and e.feature in {"city", "admin2", "admin3"}
                and not (self.famous_namesakes(cands, st) - {e.pid})
            ):
                # only among namesakes of one kind: a town does not take the name of a
                # country, a region or a capital from its neighbours ("China", Texas)
                regional += w.share * min(ctx.share.get(e.admin1_key, 0.0), w.share_max)
            s += regional
            if (e.feature == "city" and e.admin2_id in ctx.counties) or (
                e.feature in {"admin2", "admin3"} and e.pid in ctx.town_counties
            ):
                s += w.pair_county
        return s

    def _best(
        self,
        f: Found,
        ctx: Context | None,
        parent: Entry | None,
        cache: dict[int, tuple[list[tuple[Entry, int]], bool]],
        idx: int,
        st: ResolveState,
    ) -> tuple[Entry | None, float, float, float]:
        """The best candidate and its lead over the runner-up: the next other place, the
        best place in another country, the best place in another first-level region."""
        if idx not in cache:
            cache[idx] = self.candidates(f)
        cands, region_in_text = cache[idx]
        if not cands:
            return None, 0.0, 0.0, 0.0
        region = region_in_text or (f.region_cue and idx not in st.vague)
        scored = sorted(
            ((self.score(e, k, f, region, cands, ctx, parent, st), -e.pid, e) for e, k in cands),
            key=lambda x: (x[0], x[1]),
            reverse=True,
        )
        if ctx is None:
            kinds = {e.pid: k for e, k in cands}
            st.first[idx] = [(x[0], x[2], kinds[x[2].pid]) for x in scored]
        top, best = scored[0][0], scored[0][2]
        # the same place reached by several names counts once
        runner = next((x[0] for x in scored[1:] if x[2].pid != best.pid), None)
        other_country = next((x[0] for x in scored[1:] if x[2].country != best.country), None)
        other_region = next(
            (x[0] for x in scored[1:] if x[2].admin1_key != best.admin1_key), None
        )

        def lead(other: float | None) -> float:
            return top - other if other is not None else 99.0

        return best, lead(runner), lead(other_country), lead(other_region)

    def resolve(self, doc: Doc, found: Sequence[Found]) -> list[Entry | None]:
        """The place each mention names (see :meth:`resolve_doc`)."""
        return self.resolve_doc(doc, found).entries

    def resolve_doc(self, doc: Doc, found: Sequence[Found]) -> Resolution:
        """The places the mentions of one document name, and which were placed in a
        containing place; all per-document state lives in this call."""
        cache: dict[int, tuple[list[tuple[Entry, int]], bool]] = {}
        st = ResolveState(
            vague={i for i, f in enumerate(found) if f.region_cue and self.vague_cue(doc, f)}
        )
        first = [self._best(f, None, None, cache, i, st) for i, f in enumerate(found)]
        shares: dict[str, dict[str, float]] = {}
        # the summed shares of a list of other names (mentions of one name reuse it)
        share_sums: dict[tuple[str, ...], dict[str, float]] = {}
        for i, f in enumerate(found):
            key = normalize(f.text)
            if key not in shares:
                shares[key] = self.region_share(st.first.get(i, []))
        regions: dict[str, frozenset[str]] = {}
        counties: dict[str, tuple[set[int], set[int]]] = {}
        for i, f in enumerate(found):
            if f.text not in regions:
                keys = frozenset(e.admin1_key for e, _k in cache[i][0] if e.admin1_key)
                regions[f.text] = keys if len(keys) <= self.w.coherence_keys else frozenset()
                counties[f.text] = self.county_sets(
                    cache[i][0], cache[i][1] or (f.region_cue and i not in st.vague)
                )
        # parents first resolved alone, then everything with context
        actor_countries: set[str] = set()
        for actor in doc._.ng_actors or []:
            c = actor.get("country") if isinstance(actor, dict) else None
            if isinstance(c, str) and len(c) == 3:
                actor_countries.add(c)
        currency = self.currency(doc)
        local, n_local = self.local_news(doc)
        if n_local < self.w.local_cues_needed:
            local = None
        own_pids = [{e.pid for e, _k in cache[i][0]} for i in range(len(found))]
        result = list(first)

        def share_of(names: list[str]) -> dict[str, float]:
            key = tuple(names)
            if key not in share_sums:
                total: dict[str, float] = {}
                for name in names:
                    for a1, p in shares[name].items():
                        total[a1] = total.get(a1, 0.0) + p
                share_sums[key] = total
            return share_sums[key]

        def build(i: int, prev: list[tuple[Entry | None, float, float, float]]) -> Context:
            """The context of mention ``i`` from the others' previous choices; when a world
            city is among them, ``small`` holds the same without its region (it shares the
            countries and the points)."""
            ctx = Context(
                actor_countries=actor_countries, local_country=local, local_cues=n_local,
                currency=currency,
            )
            small = Context(
                countries=ctx.countries, points=ctx.points, actor_countries=actor_countries,
                local_country=local, local_cues=n_local, currency=currency,
            )
            # the same name in capitals ("ARLINGTON") is the same toponym, no support
            seen: set[str] = {normalize(found[i].text)}
            share_from: list[str] = []
            share_small: list[str] = []
            any_world = False
            for j, (e, _margin, c_margin, r_margin) in enumerate(prev):
                name = normalize(found[j].text)
                if j == i or name in seen:
                    continue
                seen.add(name)
                # a world city says where the story looks, not where it is: New York City
                # lends no New York village the name "Boston" or "Augusta", but its
                # country and its surroundings still count ("Salisbury" beside London)
                world = (
                    e is not None and e.feature == "city" and e.population >= self.w.world_city
                )
                any_world = any_world or world
                targets = (ctx,) if world else (ctx, small)
                for c in targets:
                    c.regions.append(regions[found[j].text])
                    c.counties |= counties[found[j].text][0]
                    c.town_counties |= counties[found[j].text][1]
                if e is None or e.pid in own_pids[i]:
                    # a place this mention may itself name lends it no support
                    # ("Liverpool", an old name of Washington, Indiana, beside
                    # "Washington")
                    continue
                share_from.append(name)
                if not world:
                    share_small.append(name)
                if (
                    found[j].label == "gazetteer"
                    and e.feature == "city"
                    and e.population < self.w.repaired_village
                ):
                    # a village found only by the gazetteer (the model saw no place)
                    # is too weak a reading to lead the others ("Stevens & Wilkinson"
                    # is no Pennsylvania village beside "Columbia")
                    continue
                # "Clarke County" may be one of several, all in the same country
                if e.country and c_margin >= self.w.confident_margin:
                    ctx.countries[e.country] += 1
                if e.admin1_key and r_margin >= self.w.confident_margin:
                    for c in targets:
                        c.admin1[e.admin1_key] += 1
                if (
                    e.feature in {"city", "admin1", "admin2"}
                    and e.lat is not None
                    and e.lon is not None
                    and _margin >= self.w.confident_margin
                ):
                    ctx.points.append((e.lat, e.lon))
            ctx.share = share_of(share_from)
            if any_world:
                small.share = share_of(share_small)
                ctx.small = small
            return ctx

        for _round in range(2):
            prev = list(result)
            for i, f in enumerate(found):
                ctx = build(i, prev)
                parent = prev[f.parent][0] if f.parent is not None else None
                result[i] = self._best(f, ctx, parent, cache, i, st)
        out = [r[0] for r in result]
        self.region_readings(doc, found, out, [cache[i][0] for i in range(len(found))])
        contained: set[int] = set()
        focus = self.focus(out, [f.text for f in found])
        for i, f in enumerate(found):
            if out[i] is None:
                out[i] = self.inner_place(f, out, focus) or focus
                if out[i] is not None:
                    contained.add(i)
        return Resolution(out, contained)

    def region_readings(
        self,
        doc: Doc,
        found: Sequence[Found],
        out: list[Entry | None],
        cands: Sequence[Sequence[tuple[Entry, int]]],
    ) -> None:
        """Names listed together ("Texas, Missouri, New York and North Carolina") name places
        of one kind: when each of them is the own name of a first-level region of one country
        and one of them was read as such a region, all are read as regions ("New York" the
        state, not the city; "Texas" the state, not Texas County beside "Missouri").
        Changes ``out`` in place."""
        for i, f in enumerate(found):
            # "the New York border", "a New York court": the region, when its namesake town
            # lies in it
            e = out[i]
            if e is None or e.feature != "city":
                continue
            same = [
                c for c, k in cands[i]
                if k == NAME_OWN and c.feature == "admin1" and c.admin1_key == e.admin1_key
            ]
            if not same:
                continue
            span = doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is not None and span.end < len(doc) and doc[span.end].lower_ in REGION_NOUNS:
                out[i] = same[0]
        readings: dict[int, Entry] = {}
        for i in range(len(found)):
            own = [c for c, k in cands[i] if k == NAME_OWN and c.feature == "admin1"]
            # a parent link inside a list is no containment ("Texas, Missouri, ...")
            if len(own) == 1:
                readings[i] = own[0]
        if len(readings) < 2:
            return
        for run in self.lists(doc, found):
            if not all(j in readings for j in run):
                continue
            if len({readings[j].country for j in run}) != 1:
                continue
            if not any(out[j] is not None and out[j].feature == "admin1"  # type: ignore[union-attr]
                       for j in run):
                continue
            for j in run:
                out[j] = readings[j]

    @staticmethod
    def lists(doc: Doc, found: Sequence[Found]) -> list[list[int]]:
        """Runs of mentions written as a list: "A, B and C", "A and B", "A or B" (indices in
        text order; a pair joined by a comma alone is a place and its container, no list)."""
        order = sorted(range(len(found)), key=lambda j: found[j].start)

        def gap_text(a: int, b: int) -> str:
            # doc.text is rebuilt on each access: read only the short gaps
            start, end = found[a].end, found[b].start
            if not 0 < end - start <= 8:
                return "" if end == start else "-"
            span = doc.char_span(start, end, alignment_mode="expand")
            return span.text if span is not None else "-"

        runs: list[list[int]] = []
        run: list[int] = []
        seps: list[str] = []
        for a, b in zip(order, order[1:], strict=False):
            gap = gap_text(a, b).strip().lower()
            if gap in LIST_JOINERS:
                if not run:
                    run = [a]
                run.append(b)
                seps.append(gap)
                continue
            if len(run) >= 3 or (run and any(s != "," for s in seps)):
                runs.append(run)
            run, seps = [], []
        if len(run) >= 3 or (run and any(s != "," for s in seps)):
            runs.append(run)
        return runs

    @staticmethod
    def vague_cue(doc: Doc, f: Found) -> bool:
        """The word after the name is one that means the surroundings of a town rather than
        an administrative region ("the Dublin area", "Dublin Area Art League"), or "State"
        opening the rest of an institution's name ("Columbia State Community College")."""
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            return False
        word = doc[span.end]
        if word.lower_ in VAGUE_CUES:
            return True
        return (
            word.text == "State"
            and span.end + 1 < len(doc)
            and doc[span.end + 1].is_title
            and not doc[span.end + 1].is_sent_start
        )

    def own_towns(
        self, cands: Sequence[tuple[Entry, int]], st: ResolveState | None = None
    ) -> bool:
        """Whether some town among the candidates bears the name as its own (cached)."""
        if st is None:
            st = ResolveState()
        key = id(cands)
        got = st.own_towns.get(key)
        if got is None:
            got = any(k == NAME_OWN and c.feature == "city" for c, k in cands)
            st.own_towns[key] = got
        return got

    def biggest_own(
        self, cands: Sequence[tuple[Entry, int]], st: ResolveState | None = None
    ) -> int:
        """The largest population among the places that bear the name as their own (cached
        per candidate list during one resolve call)."""
        if st is None:
            st = ResolveState()
        key = id(cands)
        got = st.biggest.get(key)
        if got is None:
            got = max((c.population for c, k in cands if k == NAME_OWN), default=0)
            st.biggest[key] = got
        return got

    def famous_namesakes(
        self, cands: Sequence[tuple[Entry, int]], st: ResolveState | None = None
    ) -> set[int]:
        """The pids of the famous places among a mention's own-name candidates (cached per
        candidate list during one resolve call)."""
        if st is None:
            st = ResolveState()
        key = id(cands)
        got = st.famous.get(key)
        if got is None:
            got = {c.pid for c, k in cands if k == NAME_OWN and self.famous(c)}
            st.famous[key] = got
        return got

    def famous_abroad(self, cands: Sequence[tuple[Entry, int]], countries: frozenset[str]) -> bool:
        """Some famous own-name candidate lies outside ``countries``."""
        return any(
            k == NAME_OWN and c.country not in countries and self.famous(c) for c, k in cands
        )

    def famous(self, e: Entry) -> bool:
        """A place whose name means it unless the text says otherwise."""
        return (
            e.feature in AREA_FEATURES
            or e.in_table
            or e.capital
            or e.population >= self.w.famous_population
        )

    def region_share(self, scored: Sequence[tuple[float, Entry, int]]) -> dict[str, float]:
        """How much one toponym points to each first-level region: the first-pass chance of
        its candidates there (a softmax of their scores) blended with mere presence, which
        counts less the more regions the name is found in ("Winfield" and "Mt. Pleasant"
        share Iowa with "New London" though each has namesakes in many states)."""
        w = self.w
        if not scored:
            return {}
        top = scored[0][0]
        prob: dict[str, float] = {}
        total = 0.0
        for sc, e, _k in scored:
            p = math.exp((sc - top) / w.share_temperature)
            total += p
            if e.admin1_key:
                prob[e.admin1_key] = prob.get(e.admin1_key, 0.0) + p
        present = {
            e.admin1_key
            for _sc, e, k in scored
            if e.admin1_key and k in (NAME_OWN, NAME_ABBR) and e.feature != "country"
        }
        out: dict[str, float] = {}
        for key in set(prob) | present:
            chance = prob.get(key, 0.0) / total
            pres = 1.0 / math.sqrt(len(present)) if key in present else 0.0
            out[key] = w.share_chance * chance + w.share_presence * pres
        return out

    def currency(self, doc: Doc) -> frozenset[str]:
        """The countries using the currency the article writes its amounts in, when all its
        currency signs agree on some country ("$" and "US$": the United States); empty when
        it writes none or mixes families ("£" and "$")."""
        if not self.currencies:
            return frozenset()
        # signs standing as tokens ("$10" -> "$", "10"), not inside words ("Rs" of "Mrs");
        # token hashes, not Token objects: this runs on every document
        orths = set(doc.to_array("ORTH").tolist())
        strings = doc.vocab.strings
        common: frozenset[str] | None = None
        for sign in self.currencies:
            if strings[sign] in orths:
                got = self.currencies[sign]
                common = got if common is None else common & got
        return common or frozenset()

    def local_cues(self, doc: Doc) -> int:
        """How many distinct local-news words of its leading country the article uses."""
        return self.local_news(doc)[1]

    def local_news(self, doc: Doc) -> tuple[str | None, int]:
        """The country whose local-news words the article uses most, and how many distinct
        ones it uses (None, 0 when no country's words appear)."""
        if not self.local_words:
            return None, 0
        if self._cue_index is None:
            index: dict[str, list[str]] = {}
            for country, cues in sorted(self.local_words.items()):
                for cue in cues:
                    index.setdefault(cue, []).append(country)
            self._cue_index = index
            self._cue_heads = {c.split()[0] for c in index if " " in c}
        index, heads = self._cue_index, self._cue_heads
        # token hashes, not Token objects: this runs on every document
        strings = doc.vocab.strings
        lower = doc.to_array("LOWER").tolist()
        present = set(lower)
        seen = {w for w in index if " " not in w and strings[w] in present}
        head_hashes = {strings[h]: h for h in heads if strings[h] in present}
        if head_hashes:
            seen |= {
                f"{head_hashes[a]} {strings[b]}"
                for a, b in zip(lower, lower[1:], strict=False)
                if a in head_hashes
            } & index.keys()
        counts: Counter[str] = Counter(c for cue in seen for c in index[cue])
        if not counts:
            return None, 0
        country = min(counts, key=lambda c: (-counts[c], c))
        return country, counts[country]

    @staticmethod
    def county_sets(
        cands: Sequence[tuple[Entry, int]], region: bool = False
    ) -> tuple[set[int], set[int]]:
        """The counties a mention may name, and the counties of the towns it may name (own
        names only: an alias is too loose a link). A county named without its region word
        counts only when that is its own name: a bare "Washington" is no Washington County
        of New York to lend its village Cambridge a bonus."""
        areas = {
            e.pid
            for e, k in cands
            if e.feature in {"admin2", "admin3"}
            and (k == NAME_OWN or (region and k != NAME_SHORT))
        }
        towns = {
            e.admin2_id
            for e, k in cands
            if e.feature == "city" and e.admin2_id is not None and k == NAME_OWN
        }
        return areas, towns

    def focus(
        self, resolved: Sequence[Entry | None], names: Sequence[str] | None = None
    ) -> Entry | None:
        """The town the document is about: a town of the first-level region the document's
        names point to most, the most often named one there (first named on ties).

        A region counts each distinct name of a place inside it once, and once more when the
        document names the region itself: a builder's name taken three times for a town in
        Alabama does not outweigh six places of a Virginia story."""
        counts: Counter[int] = Counter()
        first: dict[int, int] = {}
        by_pid: dict[int, Entry] = {}
        for i, e in enumerate(resolved):
            if e is not None and e.feature == "city":
                counts[e.pid] += 1
                first.setdefault(e.pid, i)
                by_pid[e.pid] = e
        if not counts:
            return None
        support: Counter[str] = Counter()
        if names is not None:
            seen: set[tuple[str, str]] = set()
            for e, name in zip(resolved, names, strict=False):
                if e is None or not e.admin1_key or e.feature == "country":
                    continue
                key = (normalize(name), e.admin1_key)
                if key not in seen:
                    seen.add(key)
                    support[e.admin1_key] += 2 if e.feature == "admin1" else 1
        pid = max(
            counts,
            key=lambda p: (support.get(by_pid[p].admin1_key or "", 0), counts[p], -first[p]),
        )
        town = by_pid[pid]
        # the town must lie in the country the document names most ("Eastern Ghouta" in a
        # Syria story that quotes Moscow is somewhere in Syria, not in Moscow)
        countries: Counter[str] = Counter(
            e.country for e in resolved if e is not None and e.country
        )
        if not countries:
            return town
        top, n = countries.most_common(1)[0]
        if top != town.country and n > countries[town.country or ""]:
            return self.gaz.country(top) or town
        return town

    def inner_place(
        self, f: Found, resolved: Sequence[Entry | None], focus: Entry | None = None
    ) -> Entry | None:
        """For a name the gazetteer lacks ("Old Town Manassas", "Illinois State Armory"),
        the place named inside it: a place the document names elsewhere, else a town of that
        name in the region of the town the document is about (however small), else (not for
        streets, buildings and roads) a country, region or sizeable town of that name."""
        if f.street:
            return None  # the town the document is about, not the one the street is named for
        words = f.text.split()
        named = {e.pid: e for e in resolved if e is not None}
        best: Entry | None = None
        for length in range(len(words) - 1, 0, -1):
            for start in range(len(words) - length, -1, -1):
                part = " ".join(words[start : start + length])
                if not part[:1].isupper() or part.lower() in self.directions:
                    continue
                if part in self.common:
                    continue
                cands = [e for e, k in self.gaz.lookup(part) if k == NAME_OWN]
                inside_doc = [e for e in cands if e.pid in named]
                if inside_doc:
                    return inside_doc[0]
                local = [
                    e
                    for e in cands
                    if focus is not None
                    and focus.feature == "city"
                    and e.feature == "city"
                    and e.admin1_key == focus.admin1_key
                ]
                if local and best is None:
                    best = max(local, key=lambda e: (e.population, -e.pid))
                big = [
                    e
                    for e in cands
                    if e.feature in {"country", "admin1"} or e.population >= 50_000
                ]
                if big and best is None and not f.built:
                    # a street, building or road is not where a far place it is named after
                    # lies ("Northumberland Avenue" is in London): the document's town is
                    best = max(big, key=lambda e: (e.population, -e.pid))
        return best
