"""Readings over all of a document's mentions once each is ranked: a list of states read
as states, a region noun after a shared name, the town a document is about, and the place
inside a name the gazetteer lacks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.places.constants import LIST_JOINERS, REGION_NOUNS, VAGUE_CUES
from newsgraph.places.context import ContextSignals
from newsgraph.places.found import Found
from newsgraph.places.gazetteer import (
    NAME_OWN,
    Entry,
    normalize,
)


class Readings(ContextSignals):
    """Document-wide readings (on top of the resolver's data)."""

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
                    if e.feature in {"country", "admin1"}
                    or e.population >= self.w.inner_place_population
                ]
                if big and best is None and not f.built:
                    # a street, building or road is not where a far place it is named after
                    # lies ("Northumberland Avenue" is in London): the document's town is
                    best = max(big, key=lambda e: (e.population, -e.pid))
        return best
