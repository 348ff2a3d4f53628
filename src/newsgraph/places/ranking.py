"""Ranking the candidates of one mention: how each matched, its size, its cue, its
parent in the text and the document context add up to a score; the best one wins."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.places.context import Context, ContextSignals
from newsgraph.places.found import Found
from newsgraph.places.gazetteer import (
    AREA_FEATURES,
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    NAME_SHORT,
    Entry,
    abbreviation_fits,
    km,
    normalize,
)


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


class Ranking(ContextSignals):
    """Candidates and their scores (on top of the resolver's data and context signals)."""

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
                     and e.population < self.w.code_town_population)
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
                s += w.alias_big_city if e.population >= w.big_city_population else w.alias_city
                if self.own_towns(cands, st):
                    # other towns bear the name as their own: a town's old or variant name
                    # rarely means it ("Maryville", once a name of Beeville, Texas)
                    s += w.alias_beside_own
        elif kind == NAME_SHORT:
            s += w.short_with_cue if region else w.short_without_cue
        s += w.table_bonus if e.in_table else w.feature_bonus.get(e.feature, 0.0)
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
            and (k == NAME_OWN or c.population * w.area_town_ratio >= e.population)
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
                bonus = w.ctx_country + (w.ctx_country_many if n >= w.many_names else 0.0)
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
                regional += w.ctx_admin1 + (w.ctx_admin1_many if n_region >= w.many_names else 0.0)
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
