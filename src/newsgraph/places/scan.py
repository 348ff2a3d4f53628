"""The scan of one document: the model's entities checked and repaired, then capitalized
words outside them looked up in the gazetteer, then lists, streets, roads and organization
names; each candidate accepted on the evidence of the cue, list and name rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from newsgraph.places.constants import (
    GEO_LABELS,
    LEADING_DROP,
    LIST_SEPARATORS,
    NAME_PARTICLES,
    PREFIX_LABELS,
    REPAIR_LABELS,
    SCHOOL_LEVELS,
)
from newsgraph.places.found import Found

if TYPE_CHECKING:
    from newsgraph.places.detect import Detector


def find_places(det: Detector, doc: Doc) -> list[Found]:
    """The toponyms of ``doc`` in text order (all state is this call's own)."""
    # organizations named after a place: the place, added last (this document's own)
    prefixes: list[tuple[int, int]] = []
    texts = [t.text for t in doc]  # plain strings: cheaper than Token objects
    lower_words = {t.lower() for t in texts if t.islower()}
    taken = [False] * len(doc)
    out: list[tuple[int, int, str]] = []
    accepted_texts: set[str] = set()

    def add(s: int, e: int, label: str) -> None:
        while s < e and doc[s].lower_ in LEADING_DROP:
            s += 1
        while e > s and (doc[e - 1].is_punct and doc[e - 1].text != "."
                         or doc[e - 1].text in {"'s", "’s", "'", "’"}):
            e -= 1
        if s >= e:
            return
        for ps, pe in det.split_list(doc, s, e):
            for i in range(ps, pe):
                taken[i] = True
            out.append((ps, pe, label))
            if label != "listed":  # a name listed once is no evidence elsewhere
                accepted_texts.add(doc[ps:pe].text)

    # words of multi-word person names ("Jason Jones"): later "Jones" is that person
    person_words = {
        ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
    }
    pending: list[Span] = []
    joined = det.joined_names(doc, texts)
    for a, b in joined:
        add(a, b, "gazetteer")
    for ent in doc.ents:
        if any(a < ent.end and ent.start < b for a, b in joined):
            continue  # part of "Trinidad and Tobago"
        text = ent.text
        first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if ent.label_ in REPAIR_LABELS and det.short_name_at(doc, first, ent.end):
            add(first, ent.end, "gazetteer")  # "US tariffs", "the DPRK's" (ORG)
            continue
        if (
            det.nationality is not None
            and ent.label_ in {"NORP", "GPE"}
            and det.is_demonym(text)
            and det.nationality(text)
        ):
            add(ent.start, ent.end, "nationality")
            continue
        if ent.label_ in GEO_LABELS:
            if det.is_demonym(text):
                continue
            if (
                ent.label_ == "GPE"
                and len(ent) == 1
                and (
                    not det.known(text)
                    or (text in person_words and not det._names_big_place(text))
                )
                and not det.has_cue(doc, ent.start, ent.end, strong=True)
                and not det.region_after(doc, ent.end)
            ):
                # an unknown one-word "GPE" with no cue, or the surname of a person the
                # document names ("coach Ripley"): usually a name
                continue
            add(ent.start, ent.end, ent.label_)
        elif ent.label_ in REPAIR_LABELS:
            pending.append(ent)
        else:
            for i in range(ent.start, ent.end):
                if det.short_name_at(doc, i, i + 1):
                    add(i, i + 1, "gazetteer")  # "15 billion US dollars"
                taken[i] = True

    use_list = False
    bounds: dict[str, dict[int, int]] = {"starts": {}, "ends": {}}

    def listed_place(s: int, e: int) -> bool:
        """doc[s:e] is listed beside a place found on other evidence, and some place of
        its name lies near some place of the partner's name."""
        if not use_list:
            return False
        if len(bounds["starts"]) != len(out):
            sure = [(a, b) for a, b, label in out if label != "listed"]
            bounds["starts"] = {a: b for a, b in sure}
            bounds["ends"] = {b: a for a, b in sure}
        partner = det.in_list(doc, s, e, bounds["starts"], bounds["ends"])
        return partner is not None and det.near_each_other(
            doc[s:e].text, doc[partner[0] : partner[1]].text
        )

    def try_pending(final: bool) -> None:
        for ent in list(pending):
            s = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            name = doc[s : ent.end].text
            ok = False
            if (ent.label_ in {"NORP", "LANGUAGE"} and det.is_demonym(name)) or not det.known(
                name, strong=True
            ):
                ok = False
            elif listed_place(s, ent.end) and name not in person_words:
                pending.remove(ent)
                add(s, ent.end, "listed")
                continue
            elif ent.label_ == "PERSON" and ent.end - s > 1 and det._names_big_place(name):
                # "Tamil Nadu", "Rio de Janeiro" taken for a person's name
                ok = name in accepted_texts or det.has_cue(doc, s, ent.end)
            elif ent.label_ == "PERSON" and (ent.end - s > 1 or name in person_words):
                ok = det.region_after(doc, ent.end)
            elif name in person_words and not det._names_big_place(name):
                ok = det.region_after(doc, ent.end)  # "Bell" of "Sean Bell"
            elif ent.label_ == "PERSON":
                ok = (
                    name in accepted_texts
                    or det.has_cue(doc, s, ent.end, strong=True)
                    or det._names_big_place(name)
                )
            else:
                ok = name in accepted_texts or det.has_cue(doc, s, ent.end)
            if ok:
                pending.remove(ent)
                add(s, ent.end, "gazetteer")
            elif final:
                pending.remove(ent)
                if ent.label_ in PREFIX_LABELS and det.place_prefix(doc, s, ent.end, prefixes):
                    continue
                if ent.label_ == "PERSON" and det.town_prefix(
                    doc, s, ent.end, person_words, prefixes
                ):
                    continue
                for i in range(ent.start, ent.end):
                    taken[i] = True

    try_pending(False)
    n = len(doc)

    def scan() -> None:
        """Capitalized words outside every entity, at the start of a run of capitals
        (in the second pass only those next to a list's separator)."""
        i = 0
        while i < n:
            if use_list and not (
                (i > 0 and texts[i - 1] in LIST_SEPARATORS)
                or any(t in LIST_SEPARATORS for t in texts[i + 1 : i + 6])
            ):
                i += 1
                continue
            i = scan_at(i)

    def scan_at(i: int) -> int:
        if taken[i] or not texts[i][:1].isupper():
            return i + 1
        tok = doc[i]
        if tok.is_punct or tok.like_num:
            return i + 1
        if texts[i] in det.short_names and det.short_name_at(doc, i, i + 1):
            add(i, i + 1, "gazetteer")
            return i + 1
        if i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_punct and (
            doc[i - 1].i != doc[i - 1].sent.start
            or (doc[i - 1].lower_ not in LEADING_DROP
                # a headline's first word that is no name: "Missing Lancaster girl"
                and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].is_upper))
        ) and doc[i - 1].lower_ not in det.directions:
            return i + 1  # inside a longer capitalized name ("John Stevens")
        if tok.lower_ in lower_words or (tok.is_stop and not tok.is_upper) or (
            tok.text in person_words and not det.region_after(doc, i + 1)
        ):
            return i + 1
        best = None
        for length in range(min(4, n - i), 0, -1):
            # plain strings first: a Span only for runs that may name a place
            if any(taken[k] for k in range(i, i + length)):
                continue
            if not all(texts[k][:1].isupper() or texts[k].lower() in NAME_PARTICLES
                       for k in range(i, i + length)):
                continue
            if not texts[i + length - 1][:1].isupper():
                continue
            span = doc[i : i + length]
            if det.known(span.text, strong=True) and not det.is_demonym(span.text):
                best = span  # "in English" is the language, not English, Indiana
                break
        if best is None:
            return i + 1
        nxt = doc[best.end] if best.end < n else None
        if (nxt is not None and nxt.text in {"-", "–"} and best.end + 1 < n
                and doc[best.end - 1].whitespace_ == "" and nxt.whitespace_ == ""
                and doc[best.end + 1].text[:1].isupper()
                and not det._names_place(best.text)
                and not det._names_place(doc[best.end + 1].text)):
            return best.end  # one hyphenated name ("Wal-Mart"), not a place
        own_region_word = len(best) > 1 and det.is_region_word(best[-1])
        # "Byesville Volunteer Fire Department", "Lansing City Council": a local body
        # named after its town
        institution = (nxt is not None and nxt.text[:1].isupper()
                       and nxt.lower_ in det.institution
                       and nxt.lower_ not in SCHOOL_LEVELS)
        if (nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct
                and not det.civic_after(doc, best.end) and not own_region_word
                and not institution
                and not (best.start == 0 and det.dateline(doc, best.start, best.end))
                and not (det.is_region_word(nxt)
                         and nxt.lower_ not in {"republic", "department"})
                # "the Western Pennsylvania Kennel Association": a direction word and a
                # state or country open the name of a regional body
                and not (best.start > 0 and doc[best.start - 1].text[:1].isupper()
                         and doc[best.start - 1].lower_ in det.directions
                         and det._names_big_area(best.text))):
            return best.end  # the name goes on: part of something longer
        repeated = det.headline_repeated(doc, best)
        cue = (best.text in accepted_texts or institution or repeated
               or det._names_country(best.text)
               or det.region_apposition(doc, best.start, best.end)
               or det.has_cue(doc, best.start, best.end))
        listed_here = not cue and listed_place(best.start, best.end)
        cue = cue or listed_here
        # a sentence's first word needs more than a word after it, unless that word is
        # a local noun ("Chicopee residents discuss…", "Grand Prairie police say…")
        if cue and not (best.start == best.sent.start and not det.region_after(doc, best.end)
                        and best.text not in accepted_texts
                        and not listed_here
                        and not repeated
                        and not (best[0].pos_ in {"PROPN", "NOUN"}
                                 and (det.civic_after(doc, best.end) or institution))
                        and not det.dateline(doc, best.start, best.end)
                        and det._prev_word(doc, best.start) is None):
            add(best.start, best.end, "listed" if listed_here else "gazetteer")
        return best.end

    scan()
    # a second pass: names listed beside the places found ("Paris and Roxton")
    use_list = True
    try_pending(False)
    scan()

    listed: set[int] = set()
    for ls, le in det.area_list(doc, texts):
        listed.add(ls)
        if not any(taken[k] for k in range(ls, le)):
            for ent in [p for p in pending if p.start < le and ls < p.end]:
                pending.remove(ent)
            add(ls, le, "gazetteer")

    try_pending(True)
    for s, e in det.streets(doc, out, texts):
        add(s, e, "street")
    for s, e in det.roads(doc, out, texts):
        add(s, e, "street")
    for s, e in prefixes:
        if not any(taken[k] for k in range(s, e)):
            add(s, e, "gazetteer")

    out.sort()
    found: list[Found] = []
    by_token: dict[int, int] = {}
    for s, e, label in out:
        span = doc[s:e]
        f = Found(span.start_char, span.end_char, span.text, label)
        f.region_cue = (
            det.region_after(doc, e) or det.is_region_word(doc[e - 1]) or s in listed
        )
        f.built = label == "street" or det.built_word(doc[e - 1].text)
        f.street = det.street_name(f.text)
        by_token[s] = len(found)
        found.append(f)
    for idx, (s, e, _label) in enumerate(out):
        j = det.container_after(doc, e)
        if j is not None and j in by_token and by_token[j] != idx:
            found[idx].parent = by_token[j]
        root = doc[s:e].root
        # a dateline's name the parser made a subject ("Kyiv, Ukraine – Tensions are ...")
        # is where the story was filed, no agent
        found[idx].agent = root.dep_ in {"nsubj", "nsubjpass"} and root.head.pos_ in {
            "VERB",
            "AUX",
        } and not det.dateline(doc, s, e)
    return found
