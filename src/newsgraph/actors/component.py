"""The ``newsgraph_actors`` spaCy component: who is acting, coded by country and sector.

The text is read first (titles, nationality words, possessives, agent nouns and their
modifiers); dictionaries only add what the text does not say. The component works in two
steps, *find* (candidate mentions with what the text says about each) and *resolve* (group
mentions into actors: dictionary ids, names, surname and title chains, pronouns), then
writes ``doc._.ng_actors`` and ``doc._.ng_actor_mentions``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.actors.candidates import (
    INDEFINITE,
    MAX_COUNTRY_TOKENS,
    MAX_DICT_TOKENS,
    MODIFIER_DEPS,
    NOT_PERSON_ENTS,
    NOUN_POS,
    PLURAL_TAGS,
    Cand,
    state_cand,
)
from newsgraph.actors.coref import resolve, sentence_index
from newsgraph.actors.countries import CountryWord
from newsgraph.actors.dictionary import ActorDictionary, Entry, load_builtin, load_file
from newsgraph.actors.lexicon import Lexicon, SectorRule, norm
from newsgraph.extensions import register_extensions
from newsgraph.stage import guarded


class _Tokens:
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
            low = norm(text)
            self.low.append(low)
            lemma = norm(t.lemma_)
            if t.tag_ in PLURAL_TAGS and lemma == low and lemma.endswith("s"):
                lemma = lemma[:-1]  # Title Case plurals the model does not lemmatize
            self.lem.append(lemma)
            self.bad_end.append(t.is_space or (t.is_punct and not any(c.isalpha() for c in text)))


class ActorsComponent:
    """Finds actor mentions, codes them (country, sector) and groups them into actors."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_actors",
        *,
        user_dictionary: str | None = None,
        builtin_dictionary: bool = True,
        resolve_pronouns: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.lex = Lexicon(nlp)
        entries = load_builtin() if builtin_dictionary else []
        if user_dictionary:
            entries += load_file(user_dictionary)  # raises DictionaryError with the fix
        self.dictionary = ActorDictionary(entries)
        self.resolve_pronouns = resolve_pronouns
        self._sent_countries: dict[int, set[str]] = {}
        self._sent_adjectives: dict[int, set[str]] = {}
        self._published: str | None = None
        # first tokens of every name, so that most tokens are skipped with one set lookup
        tokenizer = nlp.tokenizer
        self._country_first = {"the"} | {
            norm(tokenizer(form)[0].text) for form, _word in self.lex.countries.forms() if form
        }
        self._dict_first = {"the", "The"} | {
            tokenizer(form)[0].text for form in self.dictionary.forms() if form.strip()
        }

    # ------------------------------------------------------------------ find

    @staticmethod
    def _prefixes(toks: list[str], ws: list[str], i: int, n: int, most: int) -> list[str]:
        """Texts of doc[i:j] for j = i+1 .. i+most, without building Span objects."""
        out = [toks[i]]
        for j in range(i + 1, min(n, i + most)):
            out.append(out[-1] + ws[j - 1] + toks[j])
        return out

    def _country_spans(self, doc: Doc, tk: _Tokens) -> dict[int, tuple[int, CountryWord]]:
        out: dict[int, tuple[int, CountryWord]] = {}
        table = self.lex.countries
        first = self._country_first
        toks, ws, low = tk.text, tk.ws, tk.low
        bad_end = tk.bad_end
        i, n = 0, len(doc)
        while i < n:
            if low[i] not in first:
                i += 1
                continue
            found = None
            texts = self._prefixes(toks, ws, i, n, MAX_COUNTRY_TOKENS)
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
        return out

    def _dict_spans(self, doc: Doc, tk: _Tokens) -> dict[int, int]:
        out: dict[int, int] = {}
        by_form = self.dictionary.by_form
        first = self._dict_first
        toks, ws = tk.text, tk.ws
        i, n = 0, len(doc)
        while i < n:
            if toks[i] not in first:
                i += 1
                continue
            end = None
            texts = self._prefixes(toks, ws, i, n, MAX_DICT_TOKENS)
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

    def _sector_spans(self, doc: Doc, tk: _Tokens) -> list[tuple[int, int, SectorRule]]:
        """Agent nouns and titles: (start, end, rule), longest match first, no overlaps."""
        sectors = self.lex.sectors
        first = self.lex.first_words
        low, lem = tk.low, tk.lem
        out: list[tuple[int, int, SectorRule]] = []
        i, n = 0, len(doc)
        while i < n:
            if low[i] not in first and lem[i] not in first:
                i += 1
                continue
            hit = None
            for j in range(min(n, i + self.lex.max_term_len), i, -1):
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

    @staticmethod
    def _root(doc: Doc, start: int, end: int) -> Token:
        span = doc[start:end]
        for tok in span:
            if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
                return tok
        return span.root

    def _entry(self, text: str, published: str | None) -> Entry | None:
        return self.dictionary.find(text, published)

    def find(self, doc: Doc) -> list[Cand]:
        meta = doc._.ng_meta or {}
        published = meta.get("published") if isinstance(meta, dict) else None
        self._published = published
        lex = self.lex
        persons = [
            e
            for e in doc.ents
            if e.label_ == "PERSON"
            and lex.countries.lookup(e.text) is None
            # "Bosnian Serbs" tagged PERSON: every word a nationality
            and not all(lex.countries.lookup(t.text) is not None for t in e if not t.is_punct)
        ]
        person_tokens = {i for e in persons for i in range(e.start, e.end)}
        tk = _Tokens(doc)
        dict_spans = self._dict_spans(doc, tk)
        # a dictionary person name the model missed is a person too
        for s, e in dict_spans.items():
            entry = self._entry(doc[s:e].text, published) or _any_entry(self.dictionary, doc[s:e])
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
        country_spans = self._country_spans(doc, tk)
        # country words inside a person's name are part of the name ("Jordan", "Chad")
        country_spans = {
            s: v
            for s, v in country_spans.items()
            if not (set(range(s, v[0])) & person_tokens) and not _against_or_for(doc, s)
        }
        country_at: dict[int, tuple[int, int, CountryWord]] = {}
        for s, (e, word) in country_spans.items():
            for k in range(s, e):
                country_at[k] = (s, e, word)
        dict_at: dict[int, tuple[int, int]] = {}
        for s, e in dict_spans.items():
            for k in range(s, e):
                dict_at[k] = (s, e)
        sector_spans = self._sector_spans(doc, tk)
        # a title followed by capitalized words the model did not call a person:
        # "King Faisal", "Lt. Gen. Marcel Dorval"
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
        persons.sort(key=lambda sp: sp.start)
        named_roots: dict[int, int] = {}  # token -> root of the name it is part of
        for ent in doc.ents:
            if ent.label_ in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"):
                for k in range(ent.start, ent.end):
                    named_roots[k] = ent.root.i
        sector_head: dict[int, tuple[int, int, SectorRule]] = {}
        for s, e, rule in sector_spans:
            if any(k in dict_at or k in country_at for k in range(s, e)):
                continue  # "Revolutionary Guards", "State Department": the dictionary knows
            root = self._root(doc, s, e)
            ent_root = named_roots.get(root.i)
            if ent_root is not None and ent_root != root.i:
                continue  # "General Motors", "Police Academy": a word of a longer name
            if root.pos_ in NOUN_POS or root.tag_.startswith("NN"):
                sector_head[root.i] = (s, e, rule)

        consumed: set[int] = set()
        cands: list[Cand] = []
        described: dict[int, tuple[str | None, str | None]] = {}  # name token -> descriptor

        def country_of_tokens(tokens: list[Token]) -> tuple[str | None, str | None]:
            """(country, source kind) from modifier tokens: country words and org names."""
            for tok in tokens:
                if tok.i in country_at:
                    return country_at[tok.i][2].iso3, country_at[tok.i][2].kind
                if tok.i in dict_at:
                    s, e = dict_at[tok.i]
                    entry = self._entry(doc[s:e].text, published)
                    if entry is not None and entry.country:
                        return entry.country, "dictionary"
            return None, None

        def mark(tokens: list[Token] | range) -> None:
            for t in tokens:
                consumed.add(t if isinstance(t, int) else t.i)

        # 1. people: name + title context ----------------------------------------
        for ent in persons:
            s, e = ent.start, ent.end
            # titles the model put inside the name ("President Zelensky")
            while s < e - 1 and (
                doc[s].i in sector_head
                or any(sp[0] <= s < sp[1] for sp in sector_spans)
                or s in country_at
                or doc[s].lower_ in ("the", "former", "ex")
                or doc[s].is_punct
            ):
                s += 1
            if any(k in consumed for k in range(s, e)):
                continue
            root = self._root(doc, s, e)
            context = self._person_context(doc, s, e, root, sector_head, person_tokens)
            right = self._appos_context(root, sector_head)
            name_text = doc[s:e].text
            title = self._title(context, sector_head) or self._title(right, sector_head)
            ctx_tokens = context + right
            country, _src = country_of_tokens(ctx_tokens)
            entry = self._entry(name_text, published)
            sector = title.sector if title else None
            if title and not title.strong:
                sector = self._modifier_sector(ctx_tokens, title) or sector
            if any(
                norm(t.lower_) in lex.modifiers and lex.modifiers[norm(t.lower_)] == "ELI"
                for t in ctx_tokens
            ):
                sector = "ELI"
            if entry is not None:
                country = country or entry.country
                sector = sector or entry.sector
            span_start = min([t.i for t in context if t.dep_ != "det" and not t.is_punct] + [s])
            poss_pron = next((t.i for t in context if t.dep_ == "poss" and t.pos_ == "PRON"), None)
            syntactic = root
            if root.dep_ in ("appos", "compound") and root.head.i in {t.i for t in context}:
                syntactic = root.head  # "Foreign Minister Andrii Sybiha": the title heads it
            title_end = s
            while title_end > span_start and doc[title_end - 1].is_punct:
                title_end -= 1
            cands.append(
                Cand(
                    start=s,
                    end=e,
                    head=syntactic.i,
                    extra={"title": (span_start, title_end)} if span_start < title_end else {},
                    name=name_text,
                    kind="person",
                    country=country,
                    sector=sector,
                    entry=entry,
                    role=title.role if title else (entry.role if entry else None),
                    person_name=tuple(t.text for t in doc[s:e] if not t.is_punct),
                    definite=True,
                    poss_pronoun=poss_pron,
                    rule="person",
                )
            )
            mark(range(span_start, e))
            mark(context)
            mark(right)

        # 1b. later surnames of people already named ("Okafor said"), whatever the model
        #     labelled them
        surnames: dict[str, int] = {}
        for cand in cands:
            if cand.person_name and len(cand.person_name) > 1:
                surnames.setdefault(cand.person_name[-1], cand.end)
        for tok in doc:
            first_end = surnames.get(tok.text)
            if first_end is None or tok.i < first_end or tok.i in consumed:
                continue
            if not (tok.is_title or tok.is_upper) or tok.pos_ not in NOUN_POS:
                continue
            cands.append(
                Cand(
                    tok.i,
                    tok.i + 1,
                    tok.i,
                    tok.text,
                    "person",
                    person_name=(tok.text,),
                    definite=True,
                    rule="surname",
                )
            )
            consumed.add(tok.i)

        # 2. agent nouns and titles with their modifiers ---------------------------
        for head_i in sorted(sector_head):
            if head_i in consumed:
                continue
            s, e, rule = sector_head[head_i]
            head = doc[head_i]
            outer = head.head
            if (
                head.dep_ in ("compound", "amod", "nmod")
                and outer.i != head.i
                and (outer.i in sector_head or outer.i in person_tokens or outer.i in dict_at)
            ):
                continue  # a modifier of another agent: "army officers", "NATO troops"
            top = head
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            if top.dep_ in ("attr", "acomp", "oprd"):
                continue  # a predicate ("they are soldiers") says what someone is
            found = self._agent(doc, head, s, e, rule, country_at, dict_at, country_of_tokens)
            if found is None:
                continue
            cand = found
            name = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "appos"
                    and c.i > head.i
                    and (c.i in dict_at or c.ent_type_ in ("ORG", "NORP"))
                    and c.i not in consumed
                    and c.i not in country_at
                ),
                None,
            )
            if name is not None:
                # "the militant group Hamas", "the rebel group Seleka": the name is the actor,
                # the words before it describe it (they give what the dictionary does not)
                # a generic noun's default sector ("credit rating agencies" GOV) says nothing
                described[name.i] = (
                    cand.country,
                    cand.sector if rule.strong or cand.sector != rule.sector else None,
                )
                mark(range(cand.start, cand.end))
                mark(cand.extra.pop("used", []))
                continue
            cands.append(cand)
            mark(range(cand.start, cand.end))
            used = cand.extra.pop("used", [])
            mark(used)
            for other in used:
                hit = country_at.get(other.i)
                if (
                    hit is not None
                    and hit[2].iso3 != cand.country
                    and (other.dep_ == "conj" or any(c.dep_ == "conj" for c in other.children))
                ):
                    twin = Cand(**{**cand.__dict__, "extra": {}})
                    twin.country = hit[2].iso3
                    twin.name = f"{doc[hit[0] : hit[1]].text} {doc[s:e].text}"
                    if twin.key is not None:
                        twin.key = (twin.key[0], twin.country, *twin.key[2:])
                    cands.append(twin)

        # 3. dictionary names (organizations, groups) --------------------------------
        for s, e in sorted(dict_spans.items()):
            if any(k in consumed for k in range(s, e)):
                continue
            text = doc[s:e].text
            entry = self._entry(text, published)
            root = self._root(doc, s, e)
            if entry is not None and entry.kind == "person":
                continue
            if not self._agentive(root) and root.dep_ in ("pobj",):
                continue  # "at the White House": a place
            mods = [c for c in root.children if c.dep_ in ("poss", "compound", "amod") and c.i < s]
            country, _src = country_of_tokens(mods)
            desc_country, desc_sector = _described(described, s, e)
            country = (entry.country if entry else None) or country or desc_country
            cands.append(
                Cand(
                    start=min([m.i for m in mods] + [s]),
                    end=e,
                    head=root.i,
                    name=entry.name if entry else text,
                    kind=(entry.kind if entry and entry.kind else "organization"),
                    country=country,
                    sector=(entry.sector if entry else None) or desc_sector,
                    entry=entry,
                    definite=True,
                    rule="dictionary",
                )
            )
            mark(range(s, e))
            mark(mods)

        # 4. countries, capitals and seats of government used as actors -------------
        for s, (e, word) in sorted(country_spans.items()):
            if any(k in consumed for k in range(s, e)):
                continue
            root = self._root(doc, s, e)
            if self._acting_modifier(doc, s, e, root):
                # "an Indian proposal", "Israeli air raids", "the US-led war": the country acts
                cands.append(state_cand(doc, s, e, root.i, word.iso3, "nation-modifier"))
                mark(range(s, e))
                continue
            if word.kind in ("adjective", "demonym"):
                # "Palestinians", "the Chinese": people of a country (civilians in PLOVER)
                if root.dep_ in MODIFIER_DEPS or root.pos_ == "ADJ":
                    continue
                plural_form = (
                    word.kind == "demonym"
                    and root.pos_ in NOUN_POS
                    and (root.tag_ in PLURAL_TAGS or doc[s:e].text.endswith("s"))
                )
                nxt = doc[e] if e < len(doc) else None
                the_people = any(c.lower_ == "the" for c in root.children) and (
                    nxt is not None and nxt.tag_ in ("VBD", "VBP", "MD")
                )
                if not (
                    plural_form
                    or the_people
                    or word.kind == "demonym"
                    and root.tag_ in PLURAL_TAGS
                    and root.dep_ in self.lex.subject_deps
                ):
                    continue
                # "Bosnian Serbs", "Iraqi Kurds": the nationality before the people wins
                group_start, group_country = s, word.iso3
                for child in root.children:
                    hit = country_at.get(child.i)
                    if child.dep_ in ("amod", "compound") and child.i < s and hit is not None:
                        group_start, group_country = hit[0], hit[2].iso3
                        mark(range(hit[0], hit[1]))
                # "the Albanians of southern Serbia", "Turks in Germany": where they live
                group_end = e
                for prep in root.children:
                    if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
                        continue
                    for obj in prep.children:
                        hit = country_at.get(obj.i)
                        if obj.dep_ == "pobj" and hit is not None and hit[2].kind == "name":
                            group_country = hit[2].iso3
                            group_end = _phrase_end(obj)
                            mark(range(prep.i, group_end))
                cands.append(
                    Cand(
                        group_start,
                        group_end,
                        root.i,
                        doc[group_start:group_end].text,
                        "group",
                        group_country,
                        "CVL",
                        rule="demonym",
                        extra={"plural": True},
                        definite=True,
                    )
                )
                mark(range(group_start, group_end))  # not again as an ORG the model saw
                continue
            modifier_of_event = (
                word.kind == "name"
                and root.dep_ in ("compound", "nmod")
                and root.head.pos_ == "NOUN"
                and root.head.lemma_.lower() not in lex.place_nouns
            )
            if not (self._agentive(root) or modifier_of_event) or _dateline(doc, s, e):
                continue
            if word.kind in ("capital", "seat"):
                cand = Cand(
                    s,
                    e,
                    root.i,
                    doc[s:e].text,
                    "state",
                    word.iso3,
                    "GOV",
                    rule="capital",
                    definite=True,
                )
                cand.key = ("gov", word.iso3)
            else:
                cand = state_cand(doc, s, e, root.i, word.iso3, "country")
            cands.append(cand)
            mark(range(s, e))

        # 5. other organizations and nationality groups the model found -------------
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "NORP"):
                continue
            if any(k in consumed for k in range(ent.start, ent.end)):
                continue
            root = ent.root
            text = ent.text
            if ent.label_ == "NORP":
                if root.i in country_at:
                    continue  # a nationality word: step 4 decided
                if root.dep_ in MODIFIER_DEPS or root.pos_ == "ADJ":
                    continue  # "Kurdish" in "Kurdish towns": an attribute, not an actor
                if text in lex.cities() or not self._agentive(root):
                    continue  # a place the model took for a nationality ("Belgorod")
                inner = [t for t in ent if t.i != root.i]
                inner += [c for c in root.children if c.dep_ in MODIFIER_DEPS]
                norp_country, _src = country_of_tokens(inner)  # "Iraqi Kurds"
                desc_country, desc_sector = _described(described, ent.start, ent.end)
                cands.append(
                    Cand(
                        ent.start,
                        ent.end,
                        root.i,
                        text,
                        "group",
                        country=norp_country or desc_country,
                        # people of an ethnic or religious group: civilians, like "Palestinians"
                        sector=desc_sector or ("CVL" if root.tag_ in PLURAL_TAGS else None),
                        rule="norp",
                        definite=True,
                        extra={"plural": True},
                    )
                )
                continue
            if (
                ent.label_ == "ORG"
                and not self._agentive(root)
                and root.dep_ == "pobj"
                and text in lex.cities()
            ):
                continue
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            inner = [t for t in doc[start : ent.end]]
            mods = [
                c for c in root.children if c.dep_ in ("poss", "compound", "amod") and c.i < start
            ]
            country, _src = country_of_tokens(inner + mods)
            if country is None and self._international_ngo(inner):
                country = "NGO"  # "Third World Water Forum"
            desc_country, desc_sector = _described(described, start, ent.end)
            cands.append(
                Cand(
                    min([m.i for m in mods] + [start]),
                    ent.end,
                    root.i,
                    doc[start : ent.end].text,
                    "organization",
                    country or desc_country,
                    desc_sector,
                    rule="org",
                    definite=True,
                )
            )
            mark(range(ent.start, ent.end))
            mark(mods)

        # 6. pronouns -------------------------------------------------------------------
        if self.resolve_pronouns:
            for tok in doc:
                info = lex.pronouns.get(tok.lower_)
                if info is None or tok.tag_ not in ("PRP", "PRP$"):
                    continue
                if tok.i in consumed and tok.tag_ != "PRP$":
                    continue
                if tok.lower_ in ("it", "its") and self._expletive(tok):
                    continue
                cands.append(
                    Cand(
                        tok.i,
                        tok.i + 1,
                        tok.i,
                        tok.text,
                        "pronoun",
                        rule="pronoun",
                        extra={"kinds": info[0], "number": info[1]},
                    )
                )
        cands.sort(key=lambda c: (c.start, c.end))
        self._sent_countries, self._sent_adjectives = _sentence_countries(doc, country_spans)
        return cands

    # ---------------------------------------------------------------- helpers

    def _person_context(
        self,
        doc: Doc,
        s: int,
        e: int,
        root: Token,
        sector_head: dict[int, tuple[int, int, SectorRule]],
        person_tokens: set[int],
    ) -> list[Token]:
        """Title and nationality words before a name, through the parse."""
        tokens = [t for t in root.subtree if t.i < s]
        head = root.head
        if (
            root.dep_ in ("appos", "compound", "npadvmod", "nmod")
            and head.i != root.i
            and (head.i in sector_head or head.i < s)
        ):
            tokens += [t for t in head.subtree if t.i < s and t.i not in range(s, e)]
            if head.i < s:
                tokens.append(head)
        # keep the contiguous stretch just before the name (no verbs, no other people)
        allowed = {t.i for t in tokens}
        out: list[Token] = []
        i = s - 1
        while i >= 0 and s - i <= 10 and i in allowed:
            tok = doc[i]
            if tok.i in person_tokens or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"):
                break  # a participle used as an adjective ("Ousted President X") stays
            out.append(tok)
            i -= 1
        out.reverse()
        if out and out[0].is_punct:
            out = out[1:]
        return out

    def _appos_context(
        self, root: Token, sector_head: dict[int, tuple[int, int, SectorRule]]
    ) -> list[Token]:
        """ "Sybiha, Ukraine's foreign minister," — an apposition after the name."""
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.i in sector_head:
                return [t for t in child.subtree if not t.is_punct and t.dep_ != "det"]
        # "King Hassan of Morocco", "President Ana Ruiz of Peru"
        for head in (root, root.head):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i > root.i:
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        return [child, *objs]
        return []

    def _title(
        self, tokens: list[Token], sector_head: dict[int, tuple[int, int, SectorRule]]
    ) -> SectorRule | None:
        rules = [sector_head[t.i][2] for t in tokens if t.i in sector_head]
        if not rules:
            return None
        strong = [r for r in rules if r.strong]
        return (strong or rules)[-1]

    def _modifier_sector(self, tokens: list[Token], head_rule: SectorRule) -> str | None:
        for tok in tokens:
            word = norm(tok.lemma_)
            if word in self.lex.modifiers and self.lex.modifiers[word] != "ELI":
                return self.lex.modifiers[word]
            rule = self.lex.sectors.get(word)
            if rule is not None and rule is not head_rule and rule.strong:
                return rule.sector
        return None

    def _dictionary_sector(
        self, doc: Doc, tokens: list[Token], dict_at: dict[int, tuple[int, int]]
    ) -> str | None:
        """ "Hamas leader", "the Islamic Jihad movement": a known body's sector."""
        for tok in reversed(tokens):
            if tok.i in dict_at:
                s, e = dict_at[tok.i]
                entry = self._entry(doc[s:e].text, self._published)
                if (
                    entry is not None
                    and entry.sector
                    and entry.kind != "person"
                    and entry.country != "IGO"  # "NATO leaders", "UN officials" stay GOV
                ):
                    return entry.sector
        return None

    def _agent(
        self,
        doc: Doc,
        head: Token,
        s: int,
        e: int,
        rule: SectorRule,
        country_at: dict[int, tuple[int, int, CountryWord]],
        dict_at: dict[int, tuple[int, int]],
        country_of_tokens: Any,
    ) -> Cand | None:
        lex = self.lex
        term = set(range(s, e))
        mods: list[Token] = []
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and child.i not in term:
                mods.extend(t for t in child.subtree if t.dep_ != "det" and not t.is_punct)
        if head.dep_ == "compound" and head.head.i > head.i:
            # "Israeli army bulldozers": the nationality hangs on the outer noun
            for child in head.head.children:
                if child.i < head.i and child.dep_ in MODIFIER_DEPS and child.i not in term:
                    mods.extend(t for t in child.subtree if t.dep_ != "det" and not t.is_punct)
        # words of a multi-word term before the head ("Foreign" of "Foreign Ministry")
        mods_all = sorted(mods, key=lambda t: t.i)
        poss = [
            t for t in mods_all if t.dep_ == "poss" or (t.head.dep_ == "poss" and t.i in country_at)
        ]
        dets = [c for c in head.children if c.dep_ == "det"]
        definite = (
            bool(poss)
            or not dets
            or any(d.lower_ in ("the", "this", "that", "these", "those") for d in dets)
        )
        indefinite = any(d.lower_ in INDEFINITE for d in dets)
        surface = " ".join(norm(t.text) for t in doc[s:e])
        plural = (surface not in lex.sectors and _is_plural(head)) or rule.kind == "group"
        if rule.term == "authority" and head.tag_ not in PLURAL_TAGS:
            return None
        if rule.term == "force" and head.tag_ not in PLURAL_TAGS and not mods_all:
            return None  # "by force"
        if rule.term == "people" and not mods_all:
            return None  # "people" alone is too vague to be an actor
        country, _src = country_of_tokens(poss) if poss else (None, None)
        if country is None:  # the nearest nationality word wins
            country, _src = country_of_tokens(list(reversed(mods_all)))
        used: list[Token] = list(mods_all)
        span_end = e
        # prepositional modifiers: "Ministry of Defense of Russia", "police in Lagos"
        term_children = [c for i in sorted(term) for c in doc[i].children if c.i not in term]
        for child in term_children:
            if child.dep_ != "prep":
                continue
            if child.lower_ not in ("of", "in", "from", "for", "at"):
                continue
            objs = [c for c in child.children if c.dep_ == "pobj"]
            for obj in objs:
                obj_tokens = [t for t in obj.subtree if not t.is_punct]
                c2, _ = country_of_tokens(obj_tokens)
                if child.lower_ in ("in", "at") and rule.sector == "MIL":
                    continue  # "peacekeepers in Iraq" are not Iraqi; "police in Lagos" are
                if c2 is None and child.lower_ in ("in", "from"):
                    city_text = doc[obj.left_edge.i : obj.i + 1].text
                    for cand_text in (obj.text, city_text):
                        c2 = lex.cities().get(cand_text)
                        if c2:
                            break
                if c2 is not None and country is None:
                    country = c2
                    phrase_end = _phrase_end(obj)
                    used.extend(t for t in obj_tokens if t.i < phrase_end)
                    used.append(child)
                    span_end = max(span_end, _phrase_end(obj))
        # "a terror group based in Trinidad", "guerrillas operating in Macedonia"
        if country is None and rule.sector != "MIL":
            for acl in head.children:
                if acl.dep_ != "acl" or _lemma_of(acl) not in lex.located_participles:
                    continue
                for prep in acl.children:
                    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "from"):
                        continue
                    for obj in prep.children:
                        if obj.dep_ != "pobj":
                            continue
                        c2, _ = country_of_tokens([t for t in obj.subtree if not t.is_punct])
                        c2 = c2 or lex.cities().get(obj.text)
                        if c2 is not None and country is None:
                            country = c2
                            used.extend([acl, prep, *obj.subtree])
                            span_end = max(span_end, _phrase_end(obj))
        needs = rule.needs_modifier and not mods_all and country is None
        if needs and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None
        # deep fallback: "refugees fleeing the civil war in Liberia"
        if country is None and head.tag_ in PLURAL_TAGS and rule.sector != "MIL":
            for tok in head.subtree:
                if (
                    tok.i in country_at
                    and tok.dep_ == "pobj"
                    and tok.head.lower_ in ("in", "from")
                    and _depth(tok, head) <= 5
                ):
                    country = country_at[tok.i][2].iso3
                    break
        if (
            country is None
            and rule.sector == "MIL"
            and any(t.lower_ in lex.multinational_words for t in mods_all)
        ):
            country = "IGO"  # "a regional peacekeeping force", "an international force"
        sector = rule.sector
        if not rule.strong:
            sector = (
                self._modifier_sector(mods_all, rule)
                or self._dictionary_sector(doc, mods_all, dict_at)
                or sector
            )
        if any(
            norm(t.lower_) in lex.modifiers and lex.modifiers[norm(t.lower_)] == "ELI"
            for t in mods_all
        ):
            sector = "ELI"
        kind = rule.kind
        if kind == "person" and plural:
            kind = "group"
        informative = [
            t
            for t in mods_all
            if t.i in country_at
            or t.i in dict_at
            or t.dep_ == "poss"
            or t.head.dep_ == "poss"
            or t.pos_ in NOUN_POS
            or norm(t.lemma_) in lex.modifiers
            or norm(t.lemma_) in lex.sectors
        ]
        keep = {t.i for t in informative}
        start = s
        while start - 1 >= 0 and (
            start - 1 in keep or (doc[start - 1].dep_ == "case" and start - 2 in keep)
        ):
            start -= 1
        poss_pron = next((t.i for t in poss if t.pos_ == "PRON"), None)
        if poss_pron is None:
            # "his country's troops": the country of whoever "his" is
            for t in mods_all:
                if t.dep_ == "poss" and t.lemma_.lower() in ("country", "nation", "government"):
                    poss_pron = next(
                        (c.i for c in t.children if c.dep_ == "poss" and c.pos_ == "PRON"), None
                    )
        end = max(span_end, e, head.i + 1)
        name = doc[start:end].text
        cand = Cand(
            start=start,
            end=end,
            head=head.i,
            name=name,
            kind=kind,
            country=country,
            sector=sector,
            role=rule.role if kind == "person" else None,
            titled_only=kind == "person" and not indefinite,
            definite=definite,
            poss_pronoun=poss_pron,
            rule="agent:" + rule.term,
        )
        if kind != "person" or indefinite:
            cand.key = ("agent", country, sector, rule.role, kind)
        cand.extra["plural"] = kind == "group"
        cand.extra["used"] = used
        return cand

    def _acting_modifier(self, doc: Doc, s: int, e: int, root: Token) -> bool:
        """A nationality on an action noun, or a country before "-led"/"-backed"."""
        lex = self.lex
        if (
            e + 1 < len(doc)
            and doc[e].text == "-"
            and doc[e + 1].lower_ in lex.agentive_participles
        ):
            return True
        if root.dep_ not in ("amod", "compound", "nmod"):
            return False
        head = root.head
        return head.pos_ == "NOUN" and _lemma_of(head) in lex.event_nouns

    def _international_ngo(self, tokens: list[Token]) -> bool:
        """A name like "Global Water Forum": an international word and a civil-society head."""
        words = [t.lower_ for t in tokens if not t.is_punct]
        return (
            len(words) >= 2
            and words[-1] in self.lex.nongovernmental_heads
            and any(w in self.lex.international_words for w in words[:-1])
        )

    def _agentive(self, tok: Token) -> bool:
        """Is a country name here an actor, not a location?"""
        lex = self.lex
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        dep = tok.dep_
        if dep == "poss":
            return tok.head.lemma_.lower() not in lex.place_nouns
        if dep == "pobj":
            prep = tok.head.lower_
            gov = tok.head.head
            if prep in lex.location_preps:
                return False
            if (
                prep in ("from", "to", "toward", "towards")
                and gov.lemma_.lower() in lex.motion_verbs
            ):
                return False
            if prep == "of" and gov.lemma_.lower() in lex.place_nouns:
                return False
            return prep in lex.agent_preps
        return dep in lex.actor_deps

    def _expletive(self, tok: Token) -> bool:
        if tok.dep_ == "expl":
            return True
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in self.lex.expletive_heads:
            return any(
                c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "csubj") for c in head.children
            )
        return False

    # ---------------------------------------------------------------- call

    @guarded("actors")
    def __call__(self, doc: Doc) -> Doc:
        cands = self.find(doc)
        actors, mentions = resolve(
            doc, cands, self.lex, self._sent_countries, self._sent_adjectives
        )
        self.set_annotations(doc, actors, mentions)
        return doc

    @staticmethod
    def set_annotations(
        doc: Doc, actors: list[dict[str, Any]], mentions: list[dict[str, Any]]
    ) -> None:
        doc._.ng_actors = actors
        doc._.ng_actor_mentions = mentions


def _sentence_countries(
    doc: Doc, country_spans: dict[int, tuple[int, CountryWord]]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """Countries named (not adjectives) in each sentence, as actor or place, by sentence;
    and, apart, the countries of each sentence's nationality words."""
    sent_of = sentence_index(doc)
    out: dict[int, set[str]] = {}
    adjectives: dict[int, set[str]] = {}
    for s in sorted(country_spans):
        n = sent_of[s]
        word = country_spans[s][1]
        end = country_spans[s][0]
        if doc[s].ent_type_ == "MONEY" or (end < len(doc) and doc[end].is_currency):
            continue  # "US $50 million" names a currency, not a country
        # nationality adjectives describe, not locate; a seat of government ("the White
        # House said") names its country as an actor, so an office in the same sentence
        # is not guessed from another country there
        target = adjectives if word.kind in ("adjective", "demonym") else out
        target.setdefault(n, set()).add(word.iso3)
    return out, adjectives


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """ "KYIV, Ukraine -" at the start of a line, or the country after it, is a place."""

    def line_start(i: int) -> bool:
        return i == 0 or "\n" in doc[i - 1].text or doc[i - 1].is_space

    def dash_follows(i: int) -> bool:
        for tok in doc[i : i + 5]:
            if tok.text in ("-", "\u2013", "\u2014", "--", "(") or tok.is_space:
                return True
            if tok.pos_ in ("VERB", "AUX"):
                return False
        return False

    if line_start(start) and end < len(doc) and doc[end].text == ",":
        return dash_follows(end + 1)
    return start >= 2 and doc[start - 1].text == "," and line_start(start - 2) and dash_follows(end)


def _described(
    described: dict[int, tuple[str | None, str | None]], start: int, end: int
) -> tuple[str | None, str | None]:
    """Country and sector of a descriptor before a name ("the rebel group" Seleka)."""
    for i in range(start, end):
        if i in described:
            return described[i]
    return None, None


def _against_or_for(doc: Doc, start: int) -> bool:
    """ "anti-Syria", "pro-Russian": the country is what the actor opposes or backs."""
    if start >= 1 and doc[start - 1].lower_ in ("anti-", "pro-"):
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "pro")


def _phrase_end(tok: Token) -> int:
    """End (exclusive) of a noun's own phrase: its clauses, appositions and lists excluded."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "appos", "conj", "cc", "punct"):
            break
        end = max(end, child.right_edge.i + 1)
    return end


def _lemma_of(tok: Token) -> str:
    return norm(tok.lemma_)


def _lemma(tok: Token) -> str:
    """Lower-case lemma; Title Case plurals the model does not lemmatize lose their -s."""
    lemma = norm(tok.lemma_)
    if tok.tag_ in PLURAL_TAGS and lemma == norm(tok.text) and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def _is_plural(tok: Token) -> bool:
    return tok.tag_ in PLURAL_TAGS and _lemma(tok) != norm(tok.text)


def _depth(tok: Token, top: Token) -> int:
    depth = 0
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def _any_entry(dictionary: ActorDictionary, span: Span) -> Entry | None:
    """Any entry of this name, whatever its dates (to know it names a person)."""
    forms = dictionary.by_form.get(span.text.replace("\u2019", "'"))
    return forms[0] if forms else None


@Language.factory(
    "newsgraph_actors",
    default_config={
        "user_dictionary": None,
        "builtin_dictionary": True,
        "resolve_pronouns": True,
    },
    assigns=["doc._.ng_actors", "doc._.ng_actor_mentions"],
    requires=["token.dep", "token.lemma", "doc.ents"],
)
def make_actors(
    nlp: Language,
    name: str,
    user_dictionary: str | None,
    builtin_dictionary: bool,
    resolve_pronouns: bool,
) -> ActorsComponent:
    return ActorsComponent(
        nlp,
        name,
        user_dictionary=user_dictionary,
        builtin_dictionary=builtin_dictionary,
        resolve_pronouns=resolve_pronouns,
    )
