"""Syntax helpers every stage shares: sentences, clauses, subjects, word forms, datelines.

Each idea is written once here; where two stages need it with different rules, the
difference is a parameter (a rule set the stage builds once), not a second copy:

- :func:`sentence_index` / :func:`sentence_bounds` — the sentence of every token, in one
  pass (``doc.sents`` and ``Token.sent`` walk the Doc each time).
- :func:`clause_head` — the verb whose clause holds a token.
- :func:`word_forms` — a word's lemma and its surface form without common inflections.
- :func:`subject_of` with :class:`SubjectRules` — the subject of a verb, looking up
  through the clauses it hangs from. Quotes ask for a speaker, events for an actor; the
  two rule sets are spelled out in :class:`SubjectRules`.
- :func:`is_dateline` / :func:`dateline_mention` — whether a name opens the copy as a
  dateline ("KYIV, Ukraine -", "BEIRUT -"), and which place mention is the dateline.

This module reads only spaCy tokens: it imports nothing from the stages. A stage's own
word lists (expletives, statement nouns, gazetteer) are passed in as parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc, Token

# ---------------------------------------------------------------------------- sentences


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (one pass; ``doc.sents`` is slow to iterate)."""
    if len(doc) == 0:
        return []
    starts = doc.to_array("SENT_START").tolist()
    starts[0] = 1
    out: list[int] = []
    n = -1
    for flag in starts:
        if flag == 1:
            n += 1
        out.append(n)
    return out


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """For every token, the first token of its sentence and the end (exclusive) of it."""
    index = sentence_index(doc)
    starts = [0] * len(doc)
    ends = [len(doc)] * len(doc)
    first = 0
    for i in range(1, len(doc) + 1):
        if i == len(doc) or index[i] != index[first]:
            for j in range(first, i):
                starts[j] = first
                ends[j] = i
            first = i
    return starts, ends


# ---------------------------------------------------------------------------- clauses


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself for a verb)."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head == t:
            return t
        t = t.head
    return t


_SUFFIXES = (
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
)


def word_forms(tok: Token) -> set[str]:
    """The lemma and the surface form with common inflections removed (the statistical
    lemmatizer sometimes errs: "hopes" -> "hop")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for suffix, repl in _SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return forms


# ---------------------------------------------------------------------------- subjects

#: How :func:`subject_of` may climb from a verb without a subject to the clause it hangs
#: from, tried in the order a rule set lists them:
#:
#: - ``("clause", deps)``: the verb is one of ``deps`` of its head; the head's subject.
#: - ``("conj",)``: a conjoined verb; the head's subject, passive if the verb has an auxpass.
#: - ``("adjective",)``: an adjective as acomp/xcomp ("seemed ready to"); the head's subject.
#: - ``("control",)``: an xcomp; the head's object ("urged Iran to stop"), else its subject.
#: - ``("relative",)``: a relative clause on a noun ("troops who fired"): the noun.
#: - ``("statement",)``: an -ing clause on a statement noun that is an object ("issued a
#:   declaration demanding"): the subject of the verb above the noun.
#: - ``("participle",)``: a participle on a noun ("protesters killed"): the noun (or the
#:   noun a misread main verb hangs on, by the ``misread`` hook).
#: - ``("preposition",)``: a pcomp of a preposition ("before asking"): the subject of the
#:   clause the preposition hangs from.
Climb = tuple[str, ...]


@dataclass(frozen=True)
class SubjectRules:
    """What counts as a verb's subject and how far up to look for one.

    ``verb_pos``: when set, the climbing rules need the head (for "preposition", the head's
    head) to have one of these parts of speech; when empty, any head will do.
    Hooks (callables a stage passes, since they read its own data): ``word`` (a token that
    can be a subject at all; a non-word subject is replaced by its own word subject),
    ``headline_passive`` (a verb whose nsubj is a passive subject), ``statement_noun`` (the
    lemma test of the "statement" climb), ``misread`` (the "participle" climb's noun),
    ``finish`` (applied to every found subject, at each level of the climb).
    """

    subject_deps: frozenset[str] = frozenset({"nsubj"})
    passive_deps: frozenset[str] = frozenset()  # a subject that makes the verb passive
    blocked_by: frozenset[str] = frozenset()  # children that mean "no subject to find"
    expletives: frozenset[str] = frozenset()  # subjects that are no subject ("there")
    relative_pronouns: frozenset[str] = frozenset()  # in a relcl, the noun is the subject
    by_agent: bool = False  # a passive's "by" object is the subject
    max_depth: int = 3  # climb while depth < max_depth
    stop_at_root: bool = False
    climb: tuple[Climb, ...] = ()
    verb_pos: frozenset[str] = frozenset()
    word: Callable[[Token], bool] | None = None
    headline_passive: Callable[[Token], bool] | None = None
    statement_noun: Callable[[str], bool] | None = None
    misread: Callable[[Token], Token | None] | None = None
    finish: Callable[[Token], Token] | None = None


#: The speaker of a cue verb (quotes): nsubj only ("there" is none), a passive's "by"
#: object, nothing under a passive or expletive subject; up through conj/advcl/xcomp/dep
#: and a preposition's clause, three levels. Quotes add ``word`` (no dash as speaker) and
#: its own ``expletives`` with :func:`dataclasses.replace`.
SPEAKER_RULES = SubjectRules(
    subject_deps=frozenset({"nsubj"}),
    blocked_by=frozenset({"nsubjpass", "expl"}),
    expletives=frozenset({"there"}),
    by_agent=True,
    max_depth=3,
    climb=(("clause", "conj", "advcl", "xcomp", "dep"), ("preposition",)),
)

#: The actor of an event verb (events): nsubj, csubj or expl, or nsubjpass (passive); a
#: relative pronoun stands for its noun; up through the eight climbs, five levels, heads
#: that are verbs. Events add ``headline_passive``, ``statement_noun``, ``misread`` and
#: ``finish`` (quantity heads: "thousands of students") with :func:`dataclasses.replace`.
ACTOR_RULES = SubjectRules(
    subject_deps=frozenset({"nsubj", "csubj", "expl"}),
    passive_deps=frozenset({"nsubjpass"}),
    relative_pronouns=frozenset({"who", "that", "which", "whom", "whose"}),
    max_depth=5,
    stop_at_root=True,
    climb=(
        ("adjective",),
        ("conj",),
        ("control",),
        ("clause", "advcl", "pcomp"),
        ("relative",),
        ("statement",),
        ("participle",),
        ("preposition",),
    ),
    verb_pos=frozenset({"VERB", "AUX"}),
)


def subject_of(verb: Token, rules: SubjectRules, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of ``verb`` under ``rules`` and whether the verb is passive there.

    First the verb's own children (in order): a subject dependency gives the subject, a
    passive subject gives it as passive; with ``by_agent``, the object of "by"; a
    ``blocked_by`` child ends the search. Then the ``climb`` rules, up to ``max_depth``.
    """
    subj, passive = _subject_token(verb, rules, depth)
    if subj is not None and rules.finish is not None:
        subj = rules.finish(subj)
    return subj, passive


def _subject_token(verb: Token, rules: SubjectRules, depth: int) -> tuple[Token | None, bool]:
    if rules.headline_passive is not None and rules.headline_passive(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj"), True
    word = rules.word
    for child in verb.children:
        dep = child.dep_
        if dep in rules.subject_deps:
            if word is not None and not word(child):
                inner = [c for c in child.children if c.dep_ in rules.subject_deps and word(c)]
                if not inner:
                    continue
                child = inner[0]
            low = child.lower_
            if low in rules.expletives:
                return None, False
            if low in rules.relative_pronouns and verb.dep_ == "relcl":
                return verb.head, False
            return child, False
        if dep in rules.passive_deps:
            return child, True
    if rules.by_agent:
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj, False
    if rules.blocked_by and any(c.dep_ in rules.blocked_by for c in verb.children):
        return None, False
    if depth >= rules.max_depth or (rules.stop_at_root and verb.head == verb):
        return None, False
    return _climb(verb, rules, depth)


def _climb(verb: Token, rules: SubjectRules, depth: int) -> tuple[Token | None, bool]:
    head = verb.head
    dep = verb.dep_
    pos = rules.verb_pos

    def verbal(t: Token) -> bool:
        return not pos or t.pos_ in pos

    for rule in rules.climb:
        kind = rule[0]
        if kind == "clause":
            if dep in rule[1:] and verbal(head):
                return subject_of(head, rules, depth + 1)
        elif kind == "conj":
            if dep == "conj" and verbal(head):
                subj, _ = subject_of(head, rules, depth + 1)
                return subj, any(c.dep_ == "auxpass" for c in verb.children)
        elif kind == "adjective":
            if dep in ("acomp", "xcomp") and verb.pos_ == "ADJ" and verbal(head):
                return subject_of(head, rules, depth + 1)
        elif kind == "control":
            if dep == "xcomp" and verbal(head):
                objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
                if objs:
                    return objs[0], False
                return subject_of(head, rules, depth + 1)
        elif kind == "relative":
            if dep == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON") and verb.tag_ != "VB":
                return head, verb.tag_ == "VBN"
        elif kind == "statement":
            if (
                dep == "acl"
                and verb.tag_ == "VBG"
                and rules.statement_noun is not None
                and rules.statement_noun(head.lemma_.lower())
                and head.dep_ in ("dobj", "obj")
                and verbal(head.head)
            ):
                return subject_of(head.head, rules, depth + 1)
        elif kind == "participle":
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and verb.tag_ in ("VBG", "VBN"):
                root = rules.misread(verb) if rules.misread is not None else None
                if root is not None:
                    return root, False
                return head, verb.tag_ == "VBN"
        elif kind == "preposition":
            if dep == "pcomp" and head.dep_ == "prep":
                if verbal(head.head):
                    return subject_of(head.head, rules, depth + 1)
                return None, False
        else:
            raise ValueError(f"unknown climb rule {rule!r}")
    return None, False


# ---------------------------------------------------------------------------- datelines

DATELINE_DASHES = frozenset({"-", "\u2013", "\u2014", "--", "\x97"})


def line_start(doc: Doc, i: int) -> bool:
    """Token ``i`` opens the text or a line."""
    return i == 0 or "\n" in doc[i - 1].text or doc[i - 1].is_space


def is_dateline(
    doc: Doc,
    start: int,
    end: int,
    *,
    shape: Literal["comma", "capitals"],
    known: Callable[[str], bool] | None = None,
) -> bool:
    """Whether tokens [start, end) are a place named in a dateline.

    ``shape="comma"``: the place or the country after it in "KYIV, Ukraine -" at the start
    of a line (a comma, then a dash or bracket before any verb). ``shape="capitals"``: a
    name in capitals opening a line or the text, then a comma or dash ("BEIRUT, Lebanon -",
    "COLUMBUS (AP) -"), or after a headline or a byline's date; ``known`` says whether a
    word such as "Kan." names a place ("SALINA, Kan. Strong winds").
    """
    if shape == "comma":
        return _comma_dateline(doc, start, end)
    return _capitals_dateline(doc, start, end, known)


def _comma_dateline(doc: Doc, start: int, end: int) -> bool:
    def dash_follows(i: int) -> bool:
        for tok in doc[i : i + 5]:
            if tok.text in ("-", "\u2013", "\u2014", "--", "(") or tok.is_space:
                return True
            if tok.pos_ in ("VERB", "AUX"):
                return False
        return False

    if line_start(doc, start) and end < len(doc) and doc[end].text == ",":
        return dash_follows(end + 1)
    return (
        start >= 2
        and doc[start - 1].text == ","
        and line_start(doc, start - 2)
        and dash_follows(end)
    )


def _capitals_dateline(
    doc: Doc, start: int, end: int, known: Callable[[str], bool] | None
) -> bool:
    text = doc[start:end].text
    if end < len(doc) and start == 0 and doc[end].text == ":" and text[:1].isupper():
        return True  # a dateline in mixed case opening the text ("Muscat: The 10th…")
    letters = [c for c in text if c.isalpha()]
    # "BEIRUT", "DeKALB": capitals, bar a particle
    caps = len(letters) > 2 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)
    if not caps or end >= len(doc):
        return False
    if (
        end + 1 < len(doc)
        and doc[end].text in DATELINE_DASHES
        and doc[end + 1].text[:1].isupper()
    ):
        # a name in capitals, a dash, a sentence: a dateline even where the paragraph
        # break before it was lost ("... close to 80% AMHERST - Irvin Rhodes won")
        return True
    if start == 0 and len(letters) > 3 and doc[end].text.istitle() and doc[end].is_alpha:
        return True  # "OKLAHOMA CITY The Latest on ...": the text opens with it
    if not text.isupper():
        return False
    if line_start(doc, start):
        return doc[end].text in {",", "-", "\u2013", "\u2014", "(", ":"}
    before = doc[start - 1]
    # after a headline ("... sunk in lake. HUDSON -- Officials said", "... crops.
    # BEIRUT: Israel") or a byline's date ("March 15, 2009 NEWARK -- ")
    after_date = before.like_num and len(before.text) == 4
    nxt = doc[end].text
    return (before.text in {".", "!", "?"} or after_date) and (
        nxt[:1] in {"-", "\u2013", "\u2014", "\x97"}
        or nxt == ":"
        # "WASHINGTON (AP) -", "BOSTON (Reuters) -"
        or (
            nxt == "("
            and end + 2 < len(doc)
            and doc[end + 1].text[:1].isupper()
            and doc[end + 2].text == ")"
        )
        # "SALINA, Kan. Strong winds…"
        or (
            nxt == ","
            and end + 1 < len(doc)
            and doc[end + 1].text[:1].isupper()
            and doc[end + 1].text.endswith(".")
            and known is not None
            and known(doc[end + 1].text)
        )
    )


DATELINE_MARKS = (" \u2013 ", " \u2014 ", " - ", "(", ":")


def dateline_mention(
    text: str,
    mentions: Sequence[dict[str, Any]],
    *,
    marks: Iterable[str] = DATELINE_MARKS,
    window: int = 120,
) -> dict[str, Any] | None:
    """The place mention of a dateline: the first of ``mentions`` (dicts with character
    offsets ``start`` and ``end``, in text order) that ends before the first dateline mark
    in the opening ``window`` characters and starts after the line break before that mark
    (the dateline may follow a title line). Marks are tried in order."""
    head = text[:window]
    for mark in marks:
        pos = head.find(mark)
        if pos > 0:
            nl = head.rfind("\n", 0, pos)
            for m in mentions:
                if m["end"] <= pos and m["start"] > nl:
                    return m
    return None
