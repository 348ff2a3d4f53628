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

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.places.constants import LIST_JOINERS, REGION_NOUNS, VAGUE_CUES
from newsgraph.places.context import Context, ContextSignals
from newsgraph.places.found import Found
from newsgraph.places.gazetteer import Entry, normalize
from newsgraph.places.ranking import Ranking, ResolveState, inside
from newsgraph.places.readings import Readings
from newsgraph.places.weights import FEATURE_BONUS, TABLE_BONUS, Weights, load_weights

__all__ = [
    "FEATURE_BONUS",
    "LIST_JOINERS",
    "REGION_NOUNS",
    "TABLE_BONUS",
    "VAGUE_CUES",
    "Context",
    "ContextSignals",
    "Resolution",
    "ResolveState",
    "Resolver",
    "Weights",
    "inside",
    "load_weights",
]


@dataclass
class Resolution:
    """The places one document's mentions name (``entries``, one per mention, None where
    none) and the indices resolved to a place containing the named one (``contained``: a
    street or building the gazetteer lacks, placed in its town)."""

    entries: list[Entry | None]
    contained: set[int]


class Resolver(Ranking, Readings):
    """Chooses the place each mention names: ranking (:mod:`.ranking`) in two passes, the
    second with the document context (:mod:`.context`), then the document-wide readings
    (:mod:`.readings`)."""

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
