"""Magnitudes of events: how many were killed, injured, arrested, displaced, captured, or
took part, read from the number phrases of an event's sentence (docs/EVENTS.md,
"Magnitudes").

A sentence with events is scanned for number phrases only ("at least 12", "forty-two",
"between 10,000 and 15,000", "dozens", "a dozen"); each gets a normalized value
(``low``/``high``/``best`` by the rules of ``data/magnitudes.yaml``) and a kind from the word
that says what happened to the counted people: the verb whose object or passive subject
they are ("killing 12", "12 were killed"), the verb they are the subject of ("3,000
fled"), the noun that holds them ("a crowd of 10,000", "the death toll rose to 58"), a
state word ("12 dead") or the counted noun itself ("500 protesters"). A count is attached
to one event of the sentence whose category fits the kind: the event whose trigger is that
word, else the innermost event whose clause holds the number, else the event the word's
clause holds; a casualty count (``casualty_kinds``) with none of these links goes to the
sentence's one event of a fitting category, if it has only one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from newsgraph.datafile import DataFileError, check_keys, read_mapping, strings

_DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+(\.\d+)?)$")
_KIND_LISTS = ("verbs", "subject_verbs", "nouns", "holders", "states", "categories")
_BOUNDS = ("at_least", "more_than", "at_most", "fewer_than", "about")
_TOP_KEYS = (
    "units", "scales", "vague", "bounds", "range_words", "range_openers", "kinds",
    "casualty_kinds", "people", "person_suffixes", "not_counted", "not_count_entities",
)
_OBJECT_DEPS = ("dobj", "obj", "nsubjpass", "oprd")


@dataclass(frozen=True)
class Kind:
    """One kind of count and the words that tell it."""

    name: str
    words: dict[str, frozenset[str]]

    def has(self, key: str, *forms: str) -> bool:
        return any(f in self.words[key] for f in forms)


@dataclass(frozen=True)
class MagnitudeTable:
    """The number words, vague quantities, bounds and kinds of ``magnitudes.yaml``."""

    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[tuple[str, ...], dict[str, int]]
    bounds: dict[tuple[str, ...], str]  # words before a number -> bound rule
    range_words: frozenset[str]
    range_openers: frozenset[str]
    kinds: tuple[Kind, ...]
    casualty_kinds: frozenset[str]
    people: frozenset[str]
    person_suffixes: tuple[str, ...]
    not_counted: frozenset[str]
    not_count_entities: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> MagnitudeTable:
        data = check_keys(path, "", read_mapping(path), _TOP_KEYS, _TOP_KEYS)
        units = _int_map(path, "units", data["units"])
        scales = _int_map(path, "scales", data["scales"])
        vague: dict[tuple[str, ...], dict[str, int]] = {}
        for phrase, row in check_keys(path, "vague", data["vague"], data["vague"] or {}).items():
            where = f"vague.{phrase}"
            check_keys(path, where, row, ("low", "high", "best"), ("low", "best"))
            vague[tuple(str(phrase).lower().split())] = _int_map(path, where, row)
        bounds: dict[tuple[str, ...], str] = {}
        table = check_keys(path, "bounds", data["bounds"], _BOUNDS, _BOUNDS)
        for rule in _BOUNDS:
            for entry in strings(path, f"bounds.{rule}", table[rule]):
                key = tuple(entry.lower().split())
                if key in bounds:
                    raise DataFileError(path, f"bounds.{rule}", f"{entry!r} is listed twice")
                bounds[key] = rule
        kinds = []
        for name, row in check_keys(path, "kinds", data["kinds"], data["kinds"] or {}).items():
            check_keys(path, f"kinds.{name}", row, _KIND_LISTS, _KIND_LISTS)
            kinds.append(Kind(str(name), {
                key: frozenset(
                    w if key == "categories" else w.lower()
                    for w in strings(path, f"kinds.{name}.{key}", row[key])
                )
                for key in _KIND_LISTS
            }))

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in strings(path, key, data[key]))

        return cls(
            units=units, scales=scales, vague=vague, bounds=bounds,
            range_words=words("range_words"), range_openers=words("range_openers"),
            kinds=tuple(kinds), casualty_kinds=words("casualty_kinds"), people=words("people"),
            person_suffixes=tuple(sorted(words("person_suffixes"))), not_counted=words("not_counted"),
            not_count_entities=frozenset(strings(path, "not_count_entities", data["not_count_entities"])),
        )

    @property
    def first_words(self) -> frozenset[str]:
        """Words a number phrase may start with (besides digits)."""
        return frozenset([*self.units, *self.scales, *(key[0] for key in self.vague)])

    def starts_number(self, tok: Token, first: frozenset[str]) -> bool:
        low = tok.lower_
        if low[:1].isdigit():
            return bool(_DIGITS.match(low))
        if low == "a":
            return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in self.scales or any(
                key[0] == "a" and tok.i + 1 < len(tok.doc) and key[1:2] == (tok.nbor(1).lower_,)
                for key in self.vague
            )
        return low in first


def _int_map(path: Path, where: str, raw: Any) -> dict[str, int]:
    table = check_keys(path, where, raw, raw or {})
    for k, v in table.items():
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise DataFileError(path, f"{where}.{k}", f"expected a whole number >= 0, got {v!r}")
    return {str(k).lower(): int(v) for k, v in table.items()}


# -- reading a number phrase ---------------------------------------------------------


@dataclass
class Phrase:
    """A number phrase: tokens ``start``..``end`` (exclusive), its value and its rule."""

    start: int
    end: int
    low: int | None
    high: int | None
    best: int | None
    rule: str


def _number(toks: list[Token], i: int, table: MagnitudeTable) -> tuple[float, int] | None:
    """The value of the number starting at ``toks[i]`` and the index after it: digits
    ("10,000", "1.5"), number words ("forty-two", "two hundred and five"), a scale word
    after either ("1.5 million", "two dozen") or after "a" ("a dozen", "a hundred")."""
    total, current, j, prev = 0.0, 0.0, i, ""
    if toks[j].lower_ == "a" and j + 1 < len(toks) and toks[j + 1].lower_ in table.scales:
        current, j, prev = 1.0, j + 1, "unit"
    while j < len(toks):
        low = toks[j].lower_
        nxt = toks[j + 1].lower_ if j + 1 < len(toks) else ""
        if _DIGITS.match(low) and not prev:
            current, prev = float(low.replace(",", "")), "digit"
        elif low in table.units and (not prev or prev == "scale" or (prev == "tens" and table.units[low] < 10)):
            value = table.units[low]
            current += value
            prev = "tens" if value >= 20 and value % 10 == 0 else "unit"
        elif low in table.scales and prev in ("digit", "tens", "unit"):
            current *= table.scales[low]
            if table.scales[low] >= 1000:
                total, current = total + current, 0.0
            prev = "scale"
        elif not (
            (low == "-" and prev == "tens" and nxt in table.units)
            or (low == "and" and prev == "scale" and nxt in table.units)
        ):
            break
        j += 1
    if not prev:
        return None
    return total + current, j


def read_phrase(toks: list[Token], i: int, table: MagnitudeTable) -> Phrase | None:
    """The number phrase starting at ``toks[i]`` with the bound words before it."""
    for key, row in sorted(table.vague.items(), key=lambda kv: -len(kv[0])):
        if tuple(t.lower_ for t in toks[i : i + len(key)]) == key:
            return Phrase(i, i + len(key), row["low"], row.get("high"), row["best"], "vague")
    found = _number(toks, i, table)
    if found is None:
        return None
    value, end = int(round(found[0])), found[1]
    before = [t.lower_ for t in toks[max(0, i - 3) : i]]
    start, rule = i, "exact"
    for n in (3, 2, 1):
        if len(before) >= n and tuple(before[-n:]) in table.bounds:
            start, rule = i - n, table.bounds[tuple(before[-n:])]
            break
    if end + 1 < len(toks) and toks[end].lower_ in table.range_words:
        second = _number(toks, end + 1, table)
        opened = start > 0 and toks[start - 1].lower_ in table.range_openers
        if second is not None and (opened or toks[end].lower_ != "and") and second[0] > value:
            return Phrase(start - int(opened), second[1], value, int(round(second[0])), value, "range")
    low: int | None = value
    high: int | None = value
    best: int | None = value
    if rule == "more_than":
        low, high, best = value + 1, None, value + 1
    elif rule == "at_least":
        high = None
    elif rule == "at_most":
        low, best = None, None
    elif rule == "fewer_than":
        low, high, best = None, value - 1, None
    elif rule == "about":
        low, high = None, None
    return Phrase(start, end, low, high, best, rule)


# -- what a number counts ------------------------------------------------------------


def _keys(tok: Token) -> tuple[str, ...]:
    """A word's forms for the word lists: lemma, form, and verb + particle or object."""
    out = [tok.lemma_.lower(), tok.lower_]
    out += [f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children if c.dep_ in ("prt", "acomp", "oprd", "dobj", "advmod")]
    return tuple(out)


def _holder_keys(tok: Token) -> tuple[str, ...]:
    comp = [c.lower_ for c in tok.children if c.dep_ == "compound"]
    return (*_keys(tok), *(f"{c} {tok.lemma_.lower()}" for c in comp), *(f"{c} {tok.lower_}" for c in comp))


def _kind_of(
    role: Token, counted: Token | None, after: Token | None, table: MagnitudeTable
) -> tuple[Kind, Token, str] | None:
    """The kind of a count, the word that tells it and how (``after``: the word after
    the number phrase)."""
    head = role
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "killed 12 soldiers and 3 civilians"
    verb = head.head
    for kind in table.kinds:
        if head.dep_ in _OBJECT_DEPS and kind.has("verbs", *_keys(verb)):
            if _combined(verb, kind, table):
                return None
            return kind, verb, "object"
        if head.dep_ == "nsubj" and (
            kind.has("subject_verbs", *_keys(verb))
            or (kind.has("verbs", *_keys(verb)) and verb.tag_ == "VBN"
                and not any(c.dep_ in ("dobj", "obj", "aux") for c in verb.children))
        ):
            return kind, verb, "subject"
        if head.dep_ in ("nummod", "npadvmod", "nsubj", "amod") and kind.has("states", *_keys(verb)):
            return kind, verb, "state"
    if after is not None:
        for kind in table.kinds:
            if kind.has("states", after.lower_):
                return kind, after, "state"  # "12 dead", "a dozen injured"
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "to", "at"):
        holder = head.head.head
        if holder.pos_ in ("VERB", "AUX"):
            holder = next((c for c in holder.children if c.dep_ == "nsubj"), holder)
        for kind in table.kinds:
            if kind.has("holders", *_holder_keys(holder)):
                return kind, holder, "holder"
    if counted is not None:
        for kind in table.kinds:
            if kind.has("nouns", *_keys(counted)) or kind.has("states", counted.lower_):
                return kind, counted, "noun"
    return None


def _combined(verb: Token, kind: Kind, table: MagnitudeTable) -> bool:
    """ "killed and injured 1,000": one figure for two kinds, coded as neither. The other
    verb shares the figure when it has no object (nor, after the conjunction, a subject)
    of its own: "12 were killed and dozens injured" are two figures."""
    own: tuple[str, ...] = (*_OBJECT_DEPS, "nsubj")
    pair: list[tuple[Token, tuple[str, ...]]] = [(c, own) for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        pair.append((verb.head, _OBJECT_DEPS))
    return any(
        not any(c.dep_ in deps for c in other.children)
        and any(k is not kind and k.has("verbs", *_keys(other)) for k in table.kinds)
        for other, deps in pair
    )


def _people(
    counted: Token | None, table: MagnitudeTable, sector: Callable[[str], str | None],
    spans: list[tuple[int, int]],
) -> bool:
    """Whether the counted noun names people (a bare number counts people)."""
    if counted is None:
        return True
    forms = (counted.lemma_.lower(), counted.lower_)
    if any(f in table.people for f in forms) or any(sector(f) for f in forms):
        return True
    if counted.pos_ == "NOUN" and counted.lemma_.lower().endswith(table.person_suffixes):
        return True  # agent nouns: "engineers", "journalists", "civilians"
    if any(k.has("nouns", *forms) or k.has("states", *forms) for k in table.kinds):
        return True
    return any(s <= counted.idx < e for s, e in spans)


def _roles(toks: list[Token], p: Phrase) -> tuple[Token, Token | None]:
    """The token whose relations place the phrase in its clause, and the counted noun."""
    inside = range(toks[p.start].i, toks[p.end - 1].i + 1)
    tops = [t for t in toks[p.start : p.end] if t.head.i not in inside or t.head.i == t.i]
    role = next((t for t in tops if t.dep_ not in ("quantmod", "advmod", "cc")), tops[-1])
    if role.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "npadvmod") and role.head.i > role.i:
        return role.head, role.head
    of = next((c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return role, pobj


def sentence_magnitudes(
    sent: Span, table: MagnitudeTable, sector: Callable[[str], str | None],
    spans: list[tuple[int, int]],
) -> list[tuple[dict[str, Any], Kind, Token, Token]]:
    """The counts of one sentence: (magnitude, kind, the word that tells the kind, role)."""
    toks = list(sent)
    out = []
    first = table.first_words
    i = 0
    while i < len(toks):
        if not table.starts_number(toks[i], first):
            i += 1
            continue
        p = read_phrase(toks, i, table)
        if p is None:
            i += 1
            continue
        i = max(p.end, i + 1)
        found = _count(toks, p, table, sector, spans)
        if found is not None:
            out.append(found)
    return out


def _count(
    toks: list[Token], p: Phrase, table: MagnitudeTable, sector: Callable[[str], str | None],
    spans: list[tuple[int, int]],
) -> tuple[dict[str, Any], Kind, Token, Token] | None:
    first, last = toks[p.start], toks[p.end - 1]
    after = [t.lemma_.lower() for t in toks[p.end : p.end + 3] if t.lower_ != "-"][:2]
    if (
        last.ent_type_ in table.not_count_entities
        or any(a in table.not_counted or a in ("%", "per") for a in after)
        or (p.end - p.start == 1 and first.lower_ == "one" and p.end < len(toks) and toks[p.end].lower_ == "of")
        or (p.start > 0 and toks[p.start - 1].pos_ == "PROPN" and p.rule == "exact" and first.like_num
            and toks[p.start - 1].ent_type_ != "NORP")
        or (p.start > 0 and toks[p.start - 1].lower_ in ("no", "no.", "#", "$", "£", "€"))
    ):
        return None
    role, counted = _roles(toks, p)
    if counted is not None and (counted.lemma_.lower() in table.not_counted or counted.lower_ in table.not_counted):
        return None
    found = _kind_of(role, counted, toks[p.end] if p.end < len(toks) else None, table)
    if found is None or not _people(counted, table, sector, spans):
        return None
    kind, word, how = found
    end_tok = counted if counted is not None and counted.i >= last.i else last
    if how == "state" and word.i == last.i + 1:
        end_tok = word
    doc = first.doc
    mag = {
        "kind": kind.name, "low": p.low, "high": p.high, "best": p.best,
        "text": doc[first.i : end_tok.i + 1].text, "start": first.idx,
        "end": end_tok.idx + len(end_tok.text), "rule": f"{p.rule} {how}",
    }
    return mag, kind, word, role


def _in_clause(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` hangs under ``trigger`` without passing a verb coordinated with
    another (a conjoined clause is another happening: "detained 15 and 3,000 fled")."""
    while tok.i != trigger.i:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def attach_magnitudes(
    sent: Span, events: list[tuple[Token, dict[str, Any]]], table: MagnitudeTable,
    sector: Callable[[str], str | None], actor_spans: list[tuple[int, int]],
) -> None:
    """Write ``magnitudes`` into the events of one sentence (trigger token, event)."""
    for _, ev in events:
        ev["magnitudes"] = []
    if not events:
        return
    spans = list(actor_spans)
    spans += [(int(r["start"]), int(r["end"])) for _, ev in events for r in ev.get("targets") or []
              if r.get("start") is not None and r.get("end") is not None]
    for mag, kind, word, role in sentence_magnitudes(sent, table, sector, spans):
        fits = [(t, ev) for t, ev in events if ev.get("category") in kind.words["categories"]]
        chosen = next((ev for t, ev in fits if t.i == word.i), None)
        if chosen is None:
            holding = [(t, ev) for t, ev in fits if _in_clause(role, t)]
            if holding:
                chosen = min(holding, key=lambda te: te[0].right_edge.i - te[0].left_edge.i)[1]
        if chosen is None and word.i != role.i:
            held = [(t, ev) for t, ev in fits if word.left_edge.i <= t.i <= word.right_edge.i]
            if held:
                chosen = min(held, key=lambda te: abs(te[0].i - word.i))[1]
        if chosen is None and kind.name in table.casualty_kinds and len(fits) == 1:
            chosen = fits[0][1]  # "rebels attacked the base and the death toll rose to 58"
        if chosen is not None:
            chosen["magnitudes"].append(mag)
