"""The scan: candidate spans of one document, and the per-document context of the find step.

:func:`scan` reads the Doc once: the people the model found (and the dictionary people and
titled names it missed), country words, dictionary names, and agent nouns and titles. The
:class:`Context` it returns carries these spans and the state the find steps share (tokens
already used, candidates so far, descriptors waiting for a name); it lives for one document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.candidates import (
    NOT_PERSON_ENTS,
    NOUN_POS,
    PLURAL_TAGS,
    Cand,
    root_of,
)
from newsgraph.actors.dictionary import ActorDictionary, Entry
from newsgraph.actors.lexicon import Lexicon, SectorRule
from newsgraph.language.countries import CountryWord
from newsgraph.language.regions import region_country
from newsgraph.language.text import fold

FUZZY_ENTS = frozenset({"GPE", "NORP", "LOC"})  # labels of a misspelt country word


@dataclass
class Resources:
    """What the find step reads, built once from the stage's data files."""

    lex: Lexicon
    dictionary: ActorDictionary
    country_first: set[str]  # first tokens of country words ("the" included)
    dict_first: set[str]  # first tokens of dictionary names ("the", "The" included)


class TokenStrings:
    """Per-token strings of one Doc, read once (each ``doc[i]`` builds a Token object)."""

    def __init__(self, doc: Doc) -> None:
        self.text: list[str] = []
        self.ws: list[str] = []
        self.low: list[str] = []
        self.lem: list[str] = []
        self.bad_end: list[bool] = []
        for t in doc:
            text = t.text
            self.text.append(text)
            self.ws.append(t.whitespace_)
            low = fold(text)
            self.low.append(low)
            lemma = fold(t.lemma_)
            if t.tag_ in PLURAL_TAGS and lemma == low and lemma.endswith("s"):
                lemma = lemma[:-1]  # Title Case plurals the model does not lemmatize
            self.lem.append(lemma)
            self.bad_end.append(t.is_space or (t.is_punct and not any(c.isalpha() for c in text)))


@dataclass
class Context:
    """One document's find step: the scanned spans and the state the steps share."""

    doc: Doc
    res: Resources
    published: str | None
    tk: TokenStrings
    persons: list[Span]
    person_tokens: set[int]
    dict_spans: dict[int, int]  # start -> end
    country_spans: dict[int, tuple[int, CountryWord]]  # start -> (end, word)
    country_at: dict[int, tuple[int, int, CountryWord]]  # token -> (start, end, word)
    dict_at: dict[int, tuple[int, int]]  # token -> (start, end)
    sector_spans: list[tuple[int, int, SectorRule]]
    sector_head: dict[int, tuple[int, int, SectorRule]]  # head token -> (start, end, rule)
    consumed: set[int] = field(default_factory=set)
    cands: list[Cand] = field(default_factory=list)
    described: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def lex(self) -> Lexicon:
        return self.res.lex

    def entry(self, text: str) -> Entry | None:
        """The dictionary entry named ``text`` on the article's date."""
        return self.res.dictionary.find(text, self.published)

    def country_of_tokens(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """(country, source kind) from modifier tokens: country words and org names."""
        for tok in tokens:
            if tok.i in self.country_at:
                return self.country_at[tok.i][2].iso3, self.country_at[tok.i][2].kind
            if tok.i in self.dict_at:
                s, e = self.dict_at[tok.i]
                entry = self.entry(self.doc[s:e].text)
                if entry is not None and entry.country:
                    return entry.country, "dictionary"
        return None, None

    def mark(self, tokens: list[Token] | range) -> None:
        for t in tokens:
            self.consumed.add(t if isinstance(t, int) else t.i)


def scan(doc: Doc, res: Resources, published: str | None) -> Context:
    """Find the candidate spans of ``doc`` (the first part of the find step)."""
    lex = res.lex
    persons = [
        e
        for e in doc.ents
        if e.label_ == "PERSON"
        and lex.countries.lookup(e.text) is None
        # "Bosnian Serbs" tagged PERSON: every word a nationality
        and not all(lex.countries.lookup(t.text) is not None for t in e if not t.is_punct)
    ]
    person_tokens = {i for e in persons for i in range(e.start, e.end)}
    tk = TokenStrings(doc)
    dict_spans = dictionary_spans(doc, tk, res)
    # a dictionary person name the model missed is a person too
    for s, e in dict_spans.items():
        entry = res.dictionary.find(doc[s:e].text, published) or any_entry(res.dictionary, doc[s:e])
        if (
            entry is not None
            and entry.kind == "person"
            and not (set(range(s, e)) & person_tokens)
            # "Imam Khomeini International Airport": words of a longer name
            and not any(
                ent.label_ in NOT_PERSON_ENTS
                and ent.start <= s
                and e <= ent.end
                and (ent.start, ent.end) != (s, e)
                for ent in doc.ents
            )
        ):
            persons.append(Span(doc, s, e, label="PERSON"))
            person_tokens.update(range(s, e))
    persons.sort(key=lambda sp: sp.start)
    country_spans = country_word_spans(doc, tk, res)
    # country words inside a person's name are part of the name ("Jordan", "Chad")
    country_spans = {
        s: v
        for s, v in country_spans.items()
        if not (set(range(s, v[0])) & person_tokens) and not against_or_for(doc, s, lex)
    }
    country_at: dict[int, tuple[int, int, CountryWord]] = {}
    for s, (e, word) in country_spans.items():
        for k in range(s, e):
            country_at[k] = (s, e, word)
    dict_at: dict[int, tuple[int, int]] = {}
    for s, e in dict_spans.items():
        for k in range(s, e):
            dict_at[k] = (s, e)
    sector_spans = agent_term_spans(doc, tk, lex)
    titled_names(doc, tk, sector_spans, country_at, dict_at, persons, person_tokens)
    persons.sort(key=lambda sp: sp.start)
    sector_head = agent_heads(doc, sector_spans, country_at, dict_at)
    return Context(
        doc=doc,
        res=res,
        published=published,
        tk=tk,
        persons=persons,
        person_tokens=person_tokens,
        dict_spans=dict_spans,
        country_spans=country_spans,
        country_at=country_at,
        dict_at=dict_at,
        sector_spans=sector_spans,
        sector_head=sector_head,
    )


def titled_names(
    doc: Doc,
    tk: TokenStrings,
    sector_spans: list[tuple[int, int, SectorRule]],
    country_at: dict[int, tuple[int, int, CountryWord]],
    dict_at: dict[int, tuple[int, int]],
    persons: list[Span],
    person_tokens: set[int],
) -> None:
    """A title followed by capitalized words the model did not call a person:
    "King Faisal", "Lt. Gen. Marcel Dorval" (added to ``persons``)."""
    sector_starts = {sp[0] for sp in sector_spans}
    for s, e, rule in sector_spans:
        if rule.kind != "person" or not (tk.text[s][:1].isupper()):
            continue
        k = e
        while (
            k < len(doc)
            and doc[k].pos_ == "PROPN"
            and tk.text[k][:1].isupper()
            and k not in country_at
            and k not in dict_at
            and k not in sector_starts
            and k not in person_tokens
        ):
            k += 1
        if k > e and not any(j in person_tokens for j in range(e, k)):
            persons.append(Span(doc, e, k, label="PERSON"))
            person_tokens.update(range(e, k))


def agent_heads(
    doc: Doc,
    sector_spans: list[tuple[int, int, SectorRule]],
    country_at: dict[int, tuple[int, int, CountryWord]],
    dict_at: dict[int, tuple[int, int]],
) -> dict[int, tuple[int, int, SectorRule]]:
    """Agent nouns and titles by their head token, unless a longer name owns them."""
    named_roots: dict[int, int] = {}  # token -> root of the name it is part of
    for ent in doc.ents:
        if ent.label_ in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"):
            for k in range(ent.start, ent.end):
                named_roots[k] = ent.root.i
    sector_head: dict[int, tuple[int, int, SectorRule]] = {}
    for s, e, rule in sector_spans:
        if any(k in dict_at or k in country_at for k in range(s, e)):
            continue  # "Revolutionary Guards", "State Department": the dictionary knows
        root = root_of(doc, s, e)
        ent_root = named_roots.get(root.i)
        if ent_root is not None and ent_root != root.i:
            continue  # "General Motors", "Police Academy": a word of a longer name
        if root.pos_ in NOUN_POS or root.tag_.startswith("NN"):
            sector_head[root.i] = (s, e, rule)
    return sector_head


def prefixes(toks: list[str], ws: list[str], i: int, n: int, most: int) -> list[str]:
    """Texts of doc[i:j] for j = i+1 .. i+most, without building Span objects."""
    out = [toks[i]]
    for j in range(i + 1, min(n, i + most)):
        out.append(out[-1] + ws[j - 1] + toks[j])
    return out


def country_word_spans(
    doc: Doc, tk: TokenStrings, res: Resources
) -> dict[int, tuple[int, CountryWord]]:
    """Country names, nationality words, capitals: start -> (end, word), longest first."""
    out: dict[int, tuple[int, CountryWord]] = {}
    table = res.lex.countries
    first = res.country_first
    toks, ws, low = tk.text, tk.ws, tk.low
    bad_end = tk.bad_end
    i, n = 0, len(doc)
    while i < n:
        if low[i] not in first:
            i += 1
            continue
        found = None
        texts = prefixes(toks, ws, i, n, res.lex.max_country_tokens)
        for k in range(len(texts) - 1, -1, -1):
            if bad_end[i + k]:
                continue
            word = table.lookup(texts[k])
            if word is not None:
                found = (i + k + 1, word)
                break
        if found:
            out[i] = found
            i = found[0]
        else:
            i += 1
    covered = {k for s, (e, _w) in out.items() for k in range(s, e)}
    for i in range(n):
        if i not in covered:
            word = misspelt_country(doc[i], res.lex)
            if word is not None:
                out[i] = (i + 1, word)
    return out


def misspelt_country(tok: Token, lex: Lexicon) -> CountryWord | None:
    """A place or nationality word one edit from exactly one country or people word
    ("Afganistan", "Chenchen"): a name the model calls a place or group, in Title Case,
    that is no known city or region ("Indiana" is not "Indian"), and whose edit is not in
    its last letter alone (an ending makes another word: "the Americas")."""
    text = tok.text
    if (
        tok.ent_type_ not in FUZZY_ENTS
        or len(text) < lex.fuzzy_min_letters
        or not (text.isalpha() and text.istitle())
    ):
        return None
    low = text.lower()
    near = lex.country_near.near(low)
    if len(near) != 1:
        return None
    (match,) = near
    if low[:-1] in (match, match[:-1]) or match[:-1] == low:
        return None  # an ending, not a typo: "the Americas", "Germans"
    if text in lex.cities() or region_country(text) is not None:
        return None
    return lex.fuzzy_countries[match]


def dictionary_spans(doc: Doc, tk: TokenStrings, res: Resources) -> dict[int, int]:
    """Names and aliases of dictionary entries: start -> end, longest first."""
    out: dict[int, int] = {}
    by_form = res.dictionary.by_form
    first = res.dict_first
    toks, ws = tk.text, tk.ws
    i, n = 0, len(doc)
    while i < n:
        if toks[i] not in first:
            i += 1
            continue
        end = None
        texts = prefixes(toks, ws, i, n, res.lex.max_dictionary_tokens)
        for k in range(len(texts) - 1, -1, -1):
            if texts[k].replace("\u2019", "'") in by_form:
                end = i + k + 1
                break
        if end is not None:
            out[i] = end
            i = end
        else:
            i += 1
    return out


def agent_term_spans(doc: Doc, tk: TokenStrings, lex: Lexicon) -> list[tuple[int, int, SectorRule]]:
    """Agent nouns and titles: (start, end, rule), longest match first, no overlaps."""
    sectors = lex.sectors
    first = lex.first_words
    low, lem = tk.low, tk.lem
    out: list[tuple[int, int, SectorRule]] = []
    i, n = 0, len(doc)
    while i < n:
        if low[i] not in first and lem[i] not in first:
            i += 1
            continue
        hit = None
        for j in range(min(n, i + lex.max_term_len), i, -1):
            if j - i == 1:
                keys: tuple[str, ...] = (low[i], lem[i])
            else:
                mid = " ".join(low[i : j - 1])
                keys = (
                    mid + " " + low[j - 1],
                    mid + " " + lem[j - 1],
                    " ".join([lem[i], *low[i + 1 : j]]),
                )
            for key in keys:
                rule = sectors.get(key)
                if rule is not None:
                    hit = (i, j, rule)
                    break
            if hit:
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def against_or_for(doc: Doc, start: int, lex: Lexicon) -> bool:
    """ "anti-Syria", "pro-Russian": the country is what the actor opposes or backs."""
    prefixes = lex.stance_prefixes
    if start >= 1 and doc[start - 1].lower_[:-1] in prefixes and doc[start - 1].lower_[-1:] == "-":
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in prefixes


def any_entry(dictionary: ActorDictionary, span: Span) -> Entry | None:
    """Any entry of this name, whatever its dates (to know it names a person)."""
    forms = dictionary.by_form.get(span.text.replace("\u2019", "'"))
    return forms[0] if forms else None
