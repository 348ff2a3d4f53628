"""Finding quotations and reported speech in a parsed Doc, with cue, speaker and channel.

The find step works on a parsed spaCy Doc and returns :class:`Found` items (token-level);
:mod:`newsgraph.quotes.speakers` turns speakers into names and actors, and the component
writes plain dicts. The rules, in order:

1. Quoted stretches are found by their marks (:mod:`newsgraph.quotes.marks`).
2. Every cue verb of the lexicon outside a quotation, and every "according to X", gives a
   candidate attribution: its content is the verb's complement (clause, object, reason
   phrase, by the verb's class), its speaker the verb's subject (climbing through "and
   said", "…, saying" to the clause that has one).
3. A quotation whose words are the complement of a cue, or that sits next to a cue ("“…,”
   he said", "She added: “…”"), is a direct quote of that cue. A quotation inside a cue's
   longer complement makes that attribution mixed. A quotation that follows a direct quote
   in the same paragraph or opens the next one continues it ("“…,” he said. “…”"). A
   quotation standing alone takes the speaker of its paragraph or of the previous quote. A
   quoted phrase inside a narrative sentence is a partial quotation of that sentence's
   subject (mixed).
4. The remaining cue candidates are indirect quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.lexicon import CueClass, Lexicon
from newsgraph.quotes.marks import ALL_MARKS, QuotedSpan, find_quoted_spans, paragraphs

TRIM_END = ".,;:—–-(["
TRIM_START = ",;:—–-)]"
OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
VERB_POS = ("VERB", "AUX")
# Subjects that are not speakers.
EXPLETIVES = frozenset({"there"})
# A quotation shorter than this (in words) with no cue is a scare quote or a title, not a quote.
MIN_PARTIAL_WORDS = 3
# How far (in tokens) a cue may sit after or before a quotation and still introduce it.
AFTER_WINDOW = 25
BEFORE_WINDOW = 12
DASHES = "-\u2012\u2013\u2014\u2015"
# "“…” — Ana Torres": a dash after a quotation (spaces, no-break spaces allowed around it).
_SIGNATURE = re.compile(r"\s*(?P<dash>--|[" + DASHES + r"])[ \t\u00a0]*")


@dataclass
class Found:
    """One attribution found in a Doc (offsets are characters)."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: tuple[int, int] | None = None  # character span of the cue words
    cue_token: int | None = None  # token index of the cue's head word
    subject: Token | None = None  # the speaker's head token, as written
    speaker_span: tuple[int, int] | None = None  # character span of the speaker as written
    inherited: Found | None = None  # bare quote: the quote whose speaker it takes
    fragments: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""

    def speaker_anchor(self) -> int:
        """Where the speaker is written (for resolving speakers in reading order)."""
        return self.subject.idx if self.subject is not None else self.start


@dataclass
class _Cue:
    token: Token
    cls: CueClass | None
    content: tuple[int, int] | None  # character span
    subject: Token | None
    cue_span: tuple[int, int]
    used: bool = False
    mixed: bool = False
    signature: tuple[int, int] | None = None  # "— Name": the name's character span


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a character span to its content: no edge spaces, dangling punctuation or marks."""
    for _ in range(8):
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in TRIM_START):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM_END):
            end -= 1
        inner = text[start:end]
        opens = sum(inner.count(c) for c in OPEN_MARKS)
        closes = sum(inner.count(c) for c in CLOSE_MARKS)
        straight = inner.count('"')
        if end > start and text[end - 1] in CLOSE_MARKS and closes > opens:
            end -= 1
        elif end > start and text[start] in OPEN_MARKS and opens > closes:
            start += 1
        elif end > start and straight % 2 == 1 and text[end - 1] == '"':
            end -= 1
        elif end > start and straight % 2 == 1 and text[start] == '"':
            start += 1
        if (start, end) == before:
            break
    return start, end


def _crosses_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text_with_ws for t in a.doc[lo:hi])


def _closed(text: str, start: int, end: int) -> bool:
    """True when the quotation ``start``..``end`` ends in punctuation inside its closing mark
    (“…,” / “…!”): what follows it is no longer quoted speech."""
    body = text[start:end].rstrip().rstrip(ALL_MARKS + "’'").rstrip()
    return bool(body) and body[-1] in ",.!?;"


def _title_case(text: str) -> bool:
    """A quoted title ("Meet the Press", "Flip the Script With Liz Plank"), not speech."""
    words = [w for w in text.strip(ALL_MARKS + " .,").split() if w[:1].isalpha()]
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def _wordlike(tok: Token) -> bool:
    """Not a dash: the tagger calls an unfamiliar dash (―) a verb or a noun, and such a token
    is never a cue or a speaker."""
    return not all(ch in DASHES for ch in tok.text)


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


class Sentences:
    """The sentence of every token of one Doc, as token ranges (``Token.sent`` walks the Doc
    on each call; this is computed once per Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.start = [0] * len(doc)  # per token: first token of its sentence
        self.end = [len(doc)] * len(doc)  # per token: end of its sentence (exclusive)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.start[i] = sent.start
                self.end[i] = sent.end

    def of(self, i: int) -> tuple[int, int]:
        """Token range of the sentence of token ``i``."""
        return self.start[i], self.end[i]


@dataclass
class DocState:
    """What the find step knows about the one Doc it is working on; created by
    :meth:`Finder.find` for each Doc and passed to every rule (never kept on the Finder)."""

    doc: Doc
    text: str  # doc.text, read once
    inside: list[bool]  # per token: inside a quotation?
    sentences: Sentences
    cues: list[_Cue] = field(default_factory=list)  # the cue candidates of the Doc

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.sentences.of(i)


@dataclass
class FindResult:
    """The find step's answer for one Doc: the attributions, and the sentence ranges the
    component needs for channels (None when the Doc has no parse)."""

    found: list[Found]
    sentences: Sentences | None


class Finder:
    """The find step of the quotes stage; one per component instance (holds the lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    # ---- cues -------------------------------------------------------------------------
    def subject_of(self, d: DocState, verb: Token, depth: int = 0) -> Token | None:
        """The speaker of a cue verb: its subject, or that of the clause it hangs from, or
        (when the parse gives none) the nearest person-like noun before it in its sentence."""
        found = self._syntactic_subject(verb, depth)
        if found is not None and not d.inside[found.i] and not _crosses_paragraph(found, verb):
            return found
        if depth or any(child.dep_ in ("nsubjpass", "expl") for child in verb.children):
            return None
        for tok in reversed(verb.doc[d.sentence_of(verb.i)[0] : verb.i]):
            if d.inside[tok.i] or "\n" in tok.text_with_ws:
                break
            if self.person_like(tok) and (
                tok.dep_ in ("nsubj", "appos") or tok.ent_type_ == "PERSON" or tok.pos_ == "PRON"
            ):
                return tok
        for tok in verb.doc[verb.i + 1 : verb.i + 4]:
            # Inverted: "Continued Stone: …", "said Mr. Smith".
            if d.inside[tok.i] or tok.is_punct:
                break
            if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.dep_ != "compound"):
                return tok
        return None

    def _gerund_doer(self, d: DocState, verb: Token) -> Token | None:
        """The ad shows footage of Clinton asking, “…” / heard him saying, “…”: a cue in -ing
        form right after a person named as an object, introducing a quotation, has that
        person as its speaker, not the subject of the clause it hangs from."""
        if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ == "nsubj" for c in verb.children):
            return None
        prev = verb.doc[verb.i - 1]
        if d.inside[prev.i] or prev.dep_ not in ("pobj", "dobj"):
            return None
        if prev.ent_type_ in ("PERSON", "ORG") or prev.pos_ == "PROPN":
            return prev
        if prev.lower_ in ("him", "her", "them"):
            return prev
        return None

    def _syntactic_subject(self, verb: Token, depth: int = 0) -> Token | None:
        for child in verb.children:
            if child.dep_ == "nsubj":
                if not _wordlike(child):
                    # "The film ― which …" / "made public ― Trump boasted": a dash the
                    # tagger took for a word is no subject; its own subject (or the next
                    # subject of the verb) is
                    inner = [c for c in child.children if c.dep_ == "nsubj" and _wordlike(c)]
                    if not inner:
                        continue
                    child = inner[0]
                return None if child.lower_ in EXPLETIVES else child
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if any(child.dep_ in ("nsubjpass", "expl") for child in verb.children):
            return None
        if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "dep") and verb.head is not verb:
            return self._syntactic_subject(verb.head, depth + 1)
        if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # sings to the crowd before asking them, “…”: the clause the preposition hangs
            # from has the subject
            return self._syntactic_subject(verb.head.head, depth + 1)
        return None

    def _content(self, d: DocState, doc: Doc, verb: Token, cls: CueClass) -> tuple[int, int] | None:
        has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        picks: list[Token] = []
        for child in verb.children:
            dep = child.dep_
            if dep in ("ccomp", "xcomp", "oprd") and dep in cls.deps:
                picks.append(child)
            elif dep == "dobj" and "dobj" in cls.deps:
                if not (cls.listener_object and has_clause):
                    picks.append(child)
            elif (
                dep == "prep"
                and child.lower_ in cls.preps
                # "said on Monday that …", "said on Monday after the vote": a phrase of
                # time, or any phrase beside a clause, is no content ("wrote on the
                # economy" is)
                and not has_clause
                and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
            ):
                picks.append(child)
        if not picks:
            return None
        left = [c for c in picks if c.i < verb.i]
        right = [c for c in picks if c.i > verb.i]
        side = right if right else left
        if left and right:
            lw = sum(len(list(c.subtree)) for c in left)
            rw = sum(len(list(c.subtree)) for c in right)
            side = left if lw > rw else right
        s_tok = min(c.left_edge.i for c in side)
        e_tok = max(c.right_edge.i for c in side)
        start, end = _trim(d.text, doc[s_tok].idx, doc[e_tok].idx + len(doc[e_tok].text))
        return (start, end) if end > start else None

    def _verb_cues(self, d: DocState, doc: Doc, inside: list[bool]) -> list[_Cue]:
        cues = []
        for tok in doc:
            if inside[tok.i] or tok.pos_ not in VERB_POS:
                continue
            cls = self.lex.verbs.get(tok.lemma_.lower())
            if cls is None:
                continue
            content = self._content(d, doc, tok, cls)
            cue_span = (tok.idx, tok.idx + len(tok.text))
            cues.append(_Cue(tok, cls, content, self.subject_of(d, tok), cue_span))
        return cues

    def _agent_cues(self, d: DocState, doc: Doc, inside: list[bool]) -> list[_Cue]:
        cues = []
        for phrase in self.lex.agent_phrases:
            n = len(phrase)
            for tok in doc:
                if inside[tok.i] or tok.lower_ != phrase[0] or tok.i + n > len(doc):
                    continue
                words = doc[tok.i : tok.i + n]
                if tuple(t.lower_ for t in words) != phrase:
                    continue
                last = words[-1]
                agent = next((c for c in last.children if c.dep_ == "pobj"), None)
                if agent is None:
                    continue
                head = tok.head
                hops = 0
                while head.pos_ not in VERB_POS and head.dep_ != "ROOT" and hops < 4:
                    head, hops = head.head, hops + 1
                phrase_toks = set(range(tok.left_edge.i, tok.right_edge.i + 1))
                if head is tok:
                    s0, s1 = d.sentence_of(tok.i)
                    clause = [i for i in range(s0, s1) if i not in phrase_toks]
                else:
                    clause = [t.i for t in head.subtree if t.i not in phrase_toks]
                content = self._largest_block(d, doc, clause)
                cue_span = (tok.idx, last.idx + len(last.text))
                cues.append(_Cue(tok, None, content, agent, cue_span))
        return cues

    def _largest_block(self, d: DocState, doc: Doc, idx: list[int]) -> tuple[int, int] | None:
        if not idx:
            return None
        idx = sorted(idx)
        blocks: list[list[int]] = [[idx[0]]]
        for i in idx[1:]:
            if i == blocks[-1][-1] + 1:
                blocks[-1].append(i)
            else:
                blocks.append([i])
        best = max(blocks, key=len)
        start, end = _trim(d.text, doc[best[0]].idx, doc[best[-1]].idx + len(doc[best[-1]].text))
        return (start, end) if end > start else None

    # ---- quotations -------------------------------------------------------------------
    def find(self, doc: Doc) -> FindResult:
        """The attributions of ``doc`` and its sentence ranges (None without a parser)."""
        text = doc.text  # Doc.text joins every token: read it once
        quoted = find_quoted_spans(text)
        if not doc.has_annotation("DEP"):
            # No parser in the pipeline: quotations are found, cues and speakers are not.
            marked = [
                Found(q.start, q.end, "direct", fragments=list(q.fragments), rule="direct:marks")
                for q in quoted
                if _words(text[q.start : q.end]) >= MIN_PARTIAL_WORDS
            ]
            return FindResult(marked, None)
        paras = paragraphs(text)
        inside = [False] * len(doc)
        quote_of_token: dict[int, int] = {}
        for k, q in enumerate(quoted):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                inside[t.i] = True
                quote_of_token[t.i] = k
        d = DocState(doc, text, inside, Sentences(doc))
        cues = self._verb_cues(d, doc, inside) + self._agent_cues(d, doc, inside)
        d.cues = cues
        found: list[Found] = []
        last_direct: Found | None = None
        for k, q in enumerate(quoted):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            item = self._direct(d, doc, q, span, cues, quote_of_token, k)
            if q.absorbed:
                continue
            if item is None:
                item = self._continuation(d, doc, q, last_direct, paras)
                if item is not None:
                    continue
                item = self._unlinked(d, doc, q, span, paras, inside, found)
            if item is not None and item.kind == "direct":
                self._run_on(d, doc, item, span)
                self._lead_in(d, doc, item, span)
            if item is not None:
                if item.kind == "direct" and item.subject is None and item.inherited is None:
                    # "Adding, “…”": no subject written; the speaker is the previous one.
                    item.inherited = next(
                        (f for f in reversed(found) if f.subject is not None or f.inherited), None
                    )
                found.append(item)
                if item.kind == "direct" or item.rule == "direct:cue":
                    # A quotation with a lead-in ("America needs leaders “…,” she said") is
                    # continued like a direct one.
                    last_direct = item
        spans_of_direct = [(f.start, f.end) for f in found if f.rule.startswith("direct:")]
        for cue in cues:
            if cue.used or cue.content is None:
                continue
            start, end = self._quote_core(d, *self._snap(cue.content, quoted), quoted)
            around = next(
                (
                    (s, e)
                    for s, e in spans_of_direct
                    if s <= start and end <= e and s <= cue.token.idx < e
                ),
                None,
            )
            if around is not None:
                # “…,” Sanders said, according to CNN. “…”: a cue between the parts of a
                # quotation reports the whole of it (CNN's account of Sanders' words).
                start, end = around
            elif (
                cue.cls is not None
                and not cue.cls.direct
                and any(q.start == start and q.end == end for q in quoted)
            ):
                # what she calls “real solutions” / his campaign doesn't want “that crap”: a
                # thought, stance or name is the clause that holds it, not a quotation alone.
                block = self._largest_block(d, doc, [t.i for t in cue.token.subtree])
                if block is not None and block[0] <= start < block[1]:
                    start, end = block[0], max(end, block[1])
            kind = (
                "mixed" if cue.mixed or any(c in text[start:end] for c in ALL_MARKS) else "indirect"
            )
            found.append(
                Found(
                    start,
                    end,
                    kind,
                    cue=cue.cue_span,
                    cue_token=cue.token.i,
                    subject=cue.subject,
                    fragments=[(start, end)],
                    rule="according-to" if cue.cls is None else f"cue:{cue.cls.name}",
                )
            )
        # Sanders says “the wind is at our backs” despite …: a partial quotation that a cue's
        # longer content already holds is that content, not a quotation of its own.
        cue_spans = [(f.start, f.end) for f in found if f.rule.startswith("cue:")]
        found = [
            f
            for f in found
            if f.rule != "partial"
            or not any(
                s <= f.start and f.end <= e and e - s > f.end - f.start for s, e in cue_spans
            )
        ]
        found.sort(key=lambda f: (f.start, f.end))
        return FindResult(self._join_reported(d, found), d.sentences)

    def _join_reported(self, d: DocState, found: list[Found]) -> list[Found]:
        """Carter said that the region matters.⏎“That's because …”: a quotation standing
        alone right after a reported clause (nothing but the sentence end between them)
        goes on with that report; one attribution from the clause to the closing mark."""
        text = d.text
        merged: dict[int, Found] = {}
        for f in found:
            if f.rule != "direct:bare":
                continue
            before = [
                g
                for g in found
                if (
                    g.rule.startswith("cue:")
                    or g.rule == "according-to"
                    or (g.kind == "mixed" and g.cue is not None)
                )
                and g.end <= f.start
                and id(g) not in merged
            ]
            if not before:
                continue
            g = max(before, key=lambda g: g.end)
            gap = text[g.end : f.start]
            # Teachers are “looking to see …,” the union's president said. “That's …”: the
            # gap may also be the report's own cue sentence.
            cue_gap = (
                g.cue is not None
                and g.end <= g.cue[0]
                and g.cue[1] <= f.start
                and "\n" not in gap
                and _words(gap) <= 20
                and d.doc is not None
                and self._one_sentence(d.doc, g.end, f.start)
            )
            # called him a master at bolting deals together. "He showed …": the rest of the
            # report's own sentence may lie between (its content stopped short of the end).
            tail_gap = (
                g.cue is not None
                and g.cue[1] <= g.start
                and gap.count("\n") <= 2
                and _words(gap) <= 20
                and d.doc is not None
                and gap.rstrip()[-1:] in (".", "!", "?")
                and self._one_sentence(d.doc, g.end, f.start)
                and self._plain_tail(d, g, f.start)
            )
            if (_words(gap) or gap.count("\n") > 2) and not cue_gap and not tail_gap:
                continue
            g.end = f.end
            g.kind = "mixed"
            g.fragments = [(g.start, g.end)]
            merged[id(f)] = g
        for f in found:
            if f.inherited is not None and id(f.inherited) in merged:
                f.inherited = merged[id(f.inherited)]
        found = [f for f in found if id(f) not in merged]
        # A bare quotation with no speaker of its own takes the nearest earlier attribution,
        # reported speech included ("…, Susan said as she turned.⏎“But we love him!”").
        for f in found:
            if not f.rule.startswith("direct:") or f.subject is not None:
                continue
            if f.inherited is None and f.rule != "direct:bare":
                continue  # Trump was asked, “…”: no speaker is better than the wrong one
            earlier = [
                g
                for g in found
                if g is not f
                and (g.subject is not None or g.inherited is not None)
                and g.end <= f.start
                and g.speaker_anchor() < f.start
            ]
            if earlier:
                f.inherited = max(earlier, key=lambda g: (g.speaker_anchor(), g.end))
        return found

    def _plain_tail(self, d: DocState, g: Found, until: int) -> bool:
        """True when the words from the end of report ``g`` to ``until`` finish the sentence
        of its cue and hold no other cue ("…, Susan said as she turned.⏎“…”" does not)."""
        doc = d.doc
        if doc is None or g.cue is None or g.cue_token is None:
            return False
        gap = doc.char_span(g.end, until, alignment_mode="expand")
        if gap is None or not len(gap):
            return False
        if d.sentence_of(g.cue_token)[1] <= gap.start:
            return False  # the gap is another sentence
        cue_tokens = {c.token.i for c in d.cues}
        return not any(t.i in cue_tokens or d.inside[t.i] for t in gap if t.idx < until)

    def _lead_in(self, d: DocState, doc: Doc, item: Found, span: Span) -> None:
        """In past campaigns, “we felt …”: a quotation that starts in lowercase continues a
        sentence begun outside it; the content starts with that sentence (after any cue or
        speaker written before the quotation)."""
        body = d.text[item.start : item.end].lstrip(ALL_MARKS + "' ")
        if not body[:1].islower():
            return
        s0, _s1 = d.sentence_of(span.start)
        first = s0
        for i in range(span.start - 1, s0 - 1, -1):
            if "\n" in doc[i].text_with_ws or d.inside[i]:
                first = i + 1
                break
        if item.cue is not None and item.cue[1] <= item.start:
            lead = doc.char_span(item.cue[1], item.start, alignment_mode="contract")
            clause = lead is not None and (
                any(t.pos_ in VERB_POS for t in lead) or lead.text.strip(" ,") == "that"
            )
            if d.text[item.cue[1] : item.start].rstrip()[-1:] in (",", ":") and not clause:
                # told his supporters, “our nation …”: the quotation alone (but "said he
                # rarely asks them to, “except …”" reports the clause the quotation ends)
                return
            first = max(first, doc.char_span(*item.cue, alignment_mode="expand").end)  # type: ignore[union-attr]
        if item.subject is not None and item.subject.i < span.start:
            first = max(first, item.subject.right_edge.i + 1)
        if first >= span.start:
            return
        start, _e = _trim(d.text, doc[first].idx, item.start)
        if start < item.start and _words(d.text[start : item.start]) > 0:
            item.start = start
            item.kind = "mixed"
            item.fragments = [(start, item.end)]

    def _run_on(self, d: DocState, doc: Doc, item: Found, span: Span) -> None:
        """“…” that Sanders can win: a quotation the sentence goes on from is the start of a
        longer (mixed) content, up to the end of its sentence."""
        nxt = span.end
        while nxt < len(doc) and doc[nxt].is_space:
            return
        if nxt >= len(doc) or not doc[nxt].is_alpha or not doc[nxt].is_lower:
            return
        if doc[nxt].pos_ in ("PRON", "VERB", "AUX") or doc[nxt].lemma_ in self.lex.verbs:
            return  # “…,” he said / “…” said Smith
        if doc[nxt].pos_ == "CCONJ" or _closed(d.text, item.start, item.end):
            return  # “…!” and left / “…,” which …: the quotation ends where its marks do
        limit = len(d.text)
        if item.cue is not None and item.cue[0] >= item.end:
            limit = item.cue[0]
        if item.subject is not None and item.subject.idx >= item.end:
            limit = min(limit, item.subject.left_edge.idx)
        s0, s1 = d.sentence_of(nxt)
        end_tok = s1 - 1
        for i in range(nxt, s1):
            if doc[i].idx >= limit:
                end_tok = i - 1
                break
            if "\n" in doc[i].text_with_ws or d.inside[i]:
                end_tok = i
                break
        _s, end = _trim(d.text, item.start, doc[end_tok].idx + len(doc[end_tok].text))
        if end > item.end:
            item.end = end
            item.kind = "mixed"
            item.fragments = [(item.start, end)]

    def _quote_core(
        self, d: DocState, start: int, end: int, quoted: list[QuotedSpan]
    ) -> tuple[int, int]:
        """Told his supporters, “…” / “You lie!” at the president: a cue's content that is a
        whole quotation plus a lead-in ending in a comma or colon, or plus a tail after a
        quotation that closes its own sentence, is the quotation alone."""
        text = d.text
        inner = [q for q in quoted if start <= q.start and q.end <= end]
        if len(inner) != 1:
            return start, end
        q = inner[0]
        if _words(text[q.start : q.end]) < MIN_PARTIAL_WORDS:
            return start, end
        lead = text[start : q.start].strip()
        tail = text[q.end : end].strip()
        if lead and lead[-1] not in ",:":
            return start, end
        if tail and not (_closed(text, q.start, q.end) or tail.split()[0] in ("and", "but", "or")):
            return start, end
        if not tail and not lead:
            return start, end
        if self._holds(d, start, q.start, q) or self._holds(d, q.end, end, q):
            return start, end  # said that under Obama, “the generals …”: the clause goes on
        return q.start, q.end

    def _holds(self, d: DocState, a: int, b: int, q: QuotedSpan) -> bool:
        """True when a word between characters ``a`` and ``b`` hangs (through its heads) on a
        word of the quotation ``q``: the words outside the marks belong to the quoted clause."""
        if b <= a or d.doc is None:
            return False
        span = d.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return False
        for tok in span:
            if tok.is_punct or tok.is_space:
                continue
            head, hops = tok.head, 0
            while head.i != head.head.i and hops < 12 and not (q.start <= head.idx < q.end):
                head, hops = head.head, hops + 1
            if q.start <= head.idx < q.end:
                return True
        return False

    @staticmethod
    def _snap(content: tuple[int, int], quoted: list[QuotedSpan]) -> tuple[int, int]:
        """A content that is a quotation but for a mark or closing punctuation is the quotation."""
        start, end = content
        for q in quoted:
            if abs(start - q.start) <= 1 and q.end - 3 <= end <= q.end:
                return q.start, q.end
            if q.start < start <= q.start + 1 and end > q.end:
                return q.start, end  # keep the opening mark of a quotation the content starts with
            if q.start > end:
                break
        return start, end

    def _direct(
        self,
        d: DocState,
        doc: Doc,
        q: QuotedSpan,
        span: Span,
        cues: list[_Cue],
        quote_of_token: dict[int, int],
        k: int,
    ) -> Found | None:
        text = d.text
        # (b) the cue's complement lies within the quotation.
        best: _Cue | None = None
        for cue in cues:
            if cue.content is None or cue.cls is None or not cue.cls.direct or cue.used:
                continue
            cs, ce = cue.content
            if (
                q.start <= cs
                and ce <= q.end
                and self._adjacent(doc, cue.token, span, quote_of_token, k)
            ):
                best = cue
                break
        # (c) a cue right after or right before the quotation.
        if best is None:
            best = self._cue_after(d, doc, span, cues, quote_of_token, k)
        if best is None:
            best = self._cue_before(d, doc, span, cues, quote_of_token, k)
        if best is None:
            best = self._dash_source(d, doc, span, q.end)
        if best is None:
            # (a) the quotation is part of a longer reported clause: a mixed attribution.
            for cue in cues:
                if cue.content is None:
                    continue
                cs, ce = cue.content
                tail = text[ce : q.end] if q.end > ce else ""
                if cs <= q.start < ce and not any(ch.isalnum() for ch in tail):
                    outside = text[cs : q.start] + text[q.end : ce]
                    if _words(outside) > 0:
                        cue.mixed = True
                        cue.content = (cs, max(ce, q.end))  # keep the closing mark
                        q.absorbed = True
                        return None
            return None
        best.used = True
        start, kind = q.start, "direct"
        before = text[: q.start].rstrip()
        if before.lower().endswith(" that") and best.token.i < span.start:
            start, kind = len(before) - 4, "mixed"  # said that “…”: reported, partly quoted
        elif best.token.i < span.start:
            # said that once the Senate goes home, “I intend …”: the that-clause the
            # quotation ends is reported speech, partly quoted.
            lead = text[best.cue_span[1] : q.start]
            stripped = lead.lstrip()
            if stripped.lower().startswith(("that ", "that,")) and _words(lead) <= 25:
                start, kind = best.cue_span[1] + len(lead) - len(stripped), "mixed"
        subject = best.subject
        if best.token.i < span.start:
            subject = self._gerund_doer(d, best.token) or subject
        if best.token.i >= span.end and best.signature is None:
            subject = self._written_before_cue(doc, span.end, best.token.i, subject)
            if (
                subject is None
                or subject.i < best.token.i
                and not (span.end <= subject.i < best.token.i)
            ):
                subject = self._written_after_cue(doc, best.token.i) or subject
        return Found(
            start,
            q.end,
            kind,
            cue=best.cue_span,
            cue_token=best.token.i,
            subject=subject,
            speaker_span=best.signature,
            fragments=list(q.fragments),
            rule="direct:cue" if best.signature is None else "direct:dash",
        )

    @staticmethod
    def _written_after_cue(doc: Doc, cue_i: int) -> Token | None:
        """“…,” added another New Hampshire Democrat / said Larry Noble, a lawyer: the
        noun phrase right after an inverted cue is the speaker (its last noun before a
        comma, preposition or verb)."""
        if doc[cue_i].tag_ not in ("VBD", "VBZ", "VBP"):
            return None  # “…,” to describe those …: only a finite cue verb is inverted
        head: Token | None = None
        for tok in doc[cue_i + 1 : cue_i + 10]:
            if tok.is_punct or tok.is_space or tok.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ"):
                break
            if "\n" in tok.text_with_ws:
                if tok.pos_ in ("NOUN", "PROPN"):
                    head = tok
                break
            if tok.pos_ in ("NOUN", "PROPN"):
                head = tok
            elif tok.pos_ not in ("DET", "ADJ", "NUM", "PRON") and head is not None:
                break
        if head is None and cue_i + 1 < len(doc) and doc[cue_i + 1].pos_ == "PRON":
            return doc[cue_i + 1]
        return head

    @staticmethod
    def _written_before_cue(
        doc: Doc, first: int, cue_i: int, subject: Token | None
    ) -> Token | None:
        """“…,” Ramos, 58, told AFP / “…,” Trump barked and …: the words between the quotation
        and its cue name the speaker, whatever the parse made of them (it often takes the
        listener or nothing as the subject)."""
        if subject is not None and first <= subject.i < cue_i:
            return subject
        words: list[Token] = []
        for tok in doc[first:cue_i]:
            if tok.is_space or (tok.is_punct and not words):
                continue
            if tok.is_punct or "\n" in tok.text_with_ws and tok.i < cue_i - 1:
                break
            words.append(tok)
        nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if not nouns or len(words) > 8 or any(t.pos_ in VERB_POS for t in words):
            return subject
        return nouns[-1]

    @staticmethod
    def _between(doc: Doc, a: int, b: int, quote_of_token: dict[int, int]) -> bool:
        """True when tokens a..b (exclusive) hold no other quotation or paragraph break."""
        for i in range(a, b):
            if i in quote_of_token or "\n\n" in doc[i].text_with_ws or "\n" in doc[i].text:
                return False
        return True

    def _adjacent(
        self, doc: Doc, verb: Token, span: Span, quote_of_token: dict[int, int], k: int
    ) -> bool:
        if verb.i >= span.end:
            return verb.i - span.end <= AFTER_WINDOW and self._between(
                doc, span.end, verb.i, quote_of_token
            )
        return span.start - verb.i <= BEFORE_WINDOW + 8

    def _cue_after(
        self,
        d: DocState,
        doc: Doc,
        span: Span,
        cues: list[_Cue],
        quote_of_token: dict[int, int],
        k: int,
    ) -> _Cue | None:
        text = d.text
        last_inner = text[span.start_char : span.end_char].rstrip(ALL_MARKS + "' ")
        if last_inner.endswith(".") and not last_inner.endswith("..."):
            # “… over.” opens a new sentence after it; it is the quotation's cue only when that
            # sentence is nothing but a speaker and a cue ("“… over.” Trump said.").
            tail = []
            for tok in doc[span.end : span.end + 8]:
                if tok.text in (".", "!", "?") or "\n" in tok.text_with_ws:
                    tail.append(tok)
                    break
                tail.append(tok)
            lower_next = span.end < len(doc) and doc[span.end].is_lower
            short = bool(tail) and tail[-1].text in (".", "!", "?") and len(tail) <= 7
            if not (short or lower_next):  # "“… heart.” said Carly Fiorina during …"
                return None
        if not self._clause_initial(text, span.start_char):
            return None
        by_token = {c.token.i: c for c in cues if c.cls is not None and c.cls.direct}
        for i in range(span.end, min(len(doc), span.end + AFTER_WINDOW)):
            tok = doc[i]
            if i in quote_of_token or "\n" in tok.text_with_ws and i > span.end:
                break
            cue = by_token.get(i)
            if cue is not None and not cue.used:
                clause = next((c for c in cue.token.children if c.dep_ == "ccomp"), None)
                if (
                    clause is not None
                    and not span.start <= clause.i < span.end
                    and not self._second_part(d, doc, span, cue.token, clause, quote_of_token, k)
                ):
                    return None  # the cue reports something else: “Title,” X said that ...
                return cue
            subject_only = all(
                doc[j].is_space
                or doc[j].is_punct
                or doc[j].dep_ in ("nsubj", "compound", "det", "amod")
                for j in range(span.end, i)
            )
            if (
                tok.pos_ == "VERB"
                and _wordlike(tok)
                and i - span.end <= 4
                and subject_only
                and (last_inner[-1:] in ",?!—–-" or doc[span.end].is_lower)
            ):
                # “…,” she <verb>: the verb after a quotation closed by a comma is its cue.
                subject = self.subject_of(d, tok)
                reports_other = any(
                    c.dep_ == "ccomp" and not span.start <= c.i < span.end for c in tok.children
                )
                if subject is not None and not reports_other:
                    return _Cue(tok, None, None, subject, (tok.idx, tok.idx + len(tok.text)))
            if tok.text in (".", "!", "?", ";") and i > span.end:
                break
        return None

    def _dash_source(self, d: DocState, doc: Doc, span: Span, q_end: int) -> _Cue | None:
        """“…” followed by "— Name." (a signature line): the name is the speaker. Any dash
        counts, the horizontal bar (―) and a double hyphen included, glued to the closing
        mark or not ("…shame.”― Ana Torres")."""
        text = d.text
        m = _SIGNATURE.match(text, q_end)
        if m is None or not self._clause_initial(text, span.start_char):
            return None  # (was “still the first party.”--Kim Lee: a byline, not its speaker)
        dash0, dash1 = m.start("dash"), m.end("dash")
        name0 = m.end()
        if name0 == dash1 and not text[name0 : name0 + 1].isupper():
            return None  # "“…”—and then": a dash glued to a word is no signature
        # Tokens of the name: from the one holding its first character to a period, comma or
        # line end (a token may hold the dash and the name glued together).
        first = next((t.i for t in doc[span.start :] if t.idx + len(t.text) > name0), None)
        if first is None:
            return None
        names: list[Token] = []
        for tok in doc[first:]:
            if not tok.text.strip() or tok.text in (".", ","):
                break  # (a no-break space is no spaCy is_space)
            names.append(tok)
            if "\n" in tok.text_with_ws:
                break
        if not names or len(names) > 6:
            return None
        if not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in names):
            return None
        head = next(
            (t for t in reversed(names) if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"), names[-1]
        )
        dash_span = doc.char_span(dash0, dash1, alignment_mode="expand")
        dash = dash_span[0] if dash_span is not None and len(dash_span) else head
        cue = _Cue(dash, None, None, head, (dash0, dash1))
        cue.signature = (max(name0, names[0].idx), names[-1].idx + len(names[-1].text))
        return cue

    def _second_part(
        self,
        d: DocState,
        doc: Doc,
        span: Span,
        verb: Token,
        clause: Token,
        quote_of_token: dict[int, int],
        k: int,
    ) -> bool:
        """“Now that I am retired,” he told the host, “it was hard to work there.”: the cue's
        clause is the next quotation, which goes on in the cue's sentence after a comma; the
        cue stands between two parts of one quotation (the first closed by a comma)."""
        if quote_of_token.get(clause.i) != k + 1:
            return False
        text = d.text
        first_part = text[span.start_char : span.end_char].rstrip().rstrip(ALL_MARKS + "’'")
        if not (first_part.endswith(",") or text[span.end_char : span.end_char + 1] == ","):
            return False
        if any("\n" in t.text_with_ws for t in doc[span.end - 1 : verb.i]):
            return False
        # Only a subject and the cue between the parts (not "she said, adding, “…”").
        if not any(c.dep_ == "nsubj" and span.end <= c.i < verb.i for c in verb.children):
            return False
        first = next(
            (i for i in range(verb.i + 1, len(doc)) if quote_of_token.get(i) == k + 1), None
        )
        if first is None or d.sentence_of(first)[0] > verb.i:
            return False
        if any(t.pos_ in VERB_POS and t.i != verb.i for t in doc[span.end : first]):
            return False
        before = text[: doc[first].idx].rstrip()
        return before.endswith(",") and not any("\n" in t.text_with_ws for t in doc[verb.i : first])

    @staticmethod
    def _clause_initial(text: str, start: int) -> bool:
        """Does the quotation open a sentence, a paragraph or a clause?"""
        before = text[:start].rstrip()
        if "\n" in text[len(before) : start]:
            return True
        return not before or before[-1] in ".!?:;,—–-(" or before[-1] in ALL_MARKS

    @staticmethod
    def _clause_final(text: str, end: int) -> bool:
        """Does the quotation end its sentence, paragraph or clause?"""
        after = text[end:].lstrip()
        if "\n" in text[end : len(text) - len(after)]:
            return True
        return not after or after[0] in ".!?:;,—–-)" or after[0] in ALL_MARKS

    def _cue_before(
        self,
        d: DocState,
        doc: Doc,
        span: Span,
        cues: list[_Cue],
        quote_of_token: dict[int, int],
        k: int,
    ) -> _Cue | None:
        text = d.text
        before = text[: span.start_char].rstrip()
        if not before or before[-1] not in ":,—–-":
            return None
        inner_end = text[span.start_char : span.end_char].rstrip(ALL_MARKS + "’' ")
        final = self._clause_final(text, span.end_char)
        if not (final or inner_end[-1:] in (".", "!", "?")):
            # (he said, “I never did.” Asked why, …: a quotation ending its own sentence is
            # whole even when the next sentence follows without a break; then only a cue
            # word of the lexicon introduces it.)
            return None
        by_token = {c.token.i: c for c in cues if c.cls is not None and c.cls.direct}
        last = span.start - 1  # the colon may end the paragraph before ("as follows:⏎⏎“…”")
        while last > 0 and doc[last].is_space:
            last -= 1
        for i in range(span.start - 1, max(-1, span.start - 1 - BEFORE_WINDOW), -1):
            tok = doc[i]
            if i in quote_of_token:
                break
            if tok.text in (".", "!", "?") and i < span.start - 1:
                break
            cue = by_token.get(i)
            if cue is not None and not cue.used:
                return cue
            if before[-1] == ":" and i == last and tok.text == ":":
                noun = doc[i - 1] if i > 0 else None
                clause = []
                for t in reversed(doc[max(0, i - 12) : i]):
                    if "\n" in t.text_with_ws or t.text in (".", "!", "?"):
                        break
                    if (
                        t.text in ("-", "—", "–", "--")
                        and t.i < i - 1
                        and t.whitespace_
                        and doc[t.i - 1].whitespace_
                    ):
                        break  # "Polls were wrong - Pew Research: “…”": the name after the dash
                    clause.append(t)
                if (
                    noun is not None
                    and noun.pos_ in ("PROPN", "NOUN")
                    and noun.i not in quote_of_token
                    and not any(t.pos_ in VERB_POS for t in clause)
                ):
                    # "Kasich: ‘…’", "Transcript as follows:" — the name before the colon.
                    head = noun if noun.dep_ != "compound" else noun.head
                    return _Cue(tok, None, None, head, (tok.idx, tok.idx + 1))
                if i >= 2 and doc[i - 1].lower_ == "follows" and doc[i - 2].lower_ == "as":
                    subject = next(
                        (
                            t
                            for t in reversed(doc[max(0, i - 6) : i - 2])
                            if t.pos_ in ("NOUN", "PROPN")
                        ),
                        None,
                    )
                    if subject is not None:
                        return _Cue(tok, None, None, subject, (tok.idx, tok.idx + 1))
            if before[-1] == ":" and tok.pos_ == "VERB" and _wordlike(tok) and i >= span.start - 3:
                # X <verb>: “…” — the verb right before the colon introduces the quotation.
                subject = self.subject_of(d, tok)
                if subject is not None:
                    return _Cue(tok, None, None, subject, (tok.idx, tok.idx + len(tok.text)))
        if before[-1] == ":":
            # "Hoff’s letter makes a libertarian case: “…”" — the clause the colon ends
            # introduces the quotation; its main verb is the cue, its subject the speaker.
            colon = span.start - 1
            while colon > 0 and doc[colon].is_space:
                colon -= 1
            root: Token | None = None
            if doc[colon].text == ":" and colon > 0:
                # As Breitbart News reported, the White House was refusing …: a cue verb of
                # the clause speaks before any other verb of it.
                s0 = d.sentence_of(colon)[0]
                for i in range(colon - 1, s0 - 1, -1):
                    if d.inside[i] or "\n" in doc[i].text_with_ws:
                        break
                    cue = by_token.get(i)
                    if (
                        cue is not None
                        and not cue.used
                        and cue.subject is not None
                        and cue.subject.i < colon
                        and not d.inside[cue.subject.i]
                    ):
                        return cue
                if not final:
                    return None
                head, hops = doc[colon - 1], 0
                while hops < 6 and not (head.pos_ in VERB_POS and not d.inside[head.i]):
                    if head.head is head:
                        break
                    head, hops = head.head, hops + 1
                # (a copula counts: "the board was conclusive in its findings: “…”")
                root = head if head.pos_ in VERB_POS and not d.inside[head.i] else None
            if root is not None:
                subject = self.subject_of(d, root)
                if subject is not None and subject.i < colon:
                    return _Cue(root, None, None, subject, (root.idx, root.idx + len(root.text)))
        return None

    def _one_sentence(self, doc: Doc, start: int, end: int) -> bool:
        """True when characters ``start``..``end`` hold at most one sentence end (the cue's
        sentence between two parts of a quotation, however long it is)."""
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return True
        return sum(1 for t in span if t.is_punct and t.text[-1:] in ".!?") <= 1

    def _continuation(
        self,
        d: DocState,
        doc: Doc,
        q: QuotedSpan,
        prev: Found | None,
        paras: list[tuple[int, int]],
    ) -> Found | None:
        """Extend the previous direct quote when this quotation continues it."""
        if prev is None or prev.cue is None or prev.rule == "direct:dash":
            return None  # “…” — Ana Torres: a signed quotation is over
        text = d.text
        gap = text[prev.end : q.start]
        para_q = next((p for p in paras if p[0] <= q.start < p[1]), None)
        para_prev = next((p for p in paras if p[0] <= prev.end - 1 < p[1]), None)
        if para_q is None or para_prev is None:
            return None
        same_para = para_q == para_prev
        next_para = paras.index(para_q) == paras.index(para_prev) + 1
        cue_in_gap = prev.cue[0] >= prev.end and prev.cue[1] <= q.start
        if (
            same_para
            and cue_in_gap
            and (_words(gap) <= 12 or self._one_sentence(doc, prev.end, q.start))
        ):
            # “…,” she said during a visit to the plant on Monday. “…”: one quotation.
            pass
        elif (
            next_para
            and q.start == para_q[0]
            and (
                (
                    _words(text[prev.end : para_prev[1]]) <= 12
                    and self._one_sentence(doc, prev.end, para_prev[1])
                )
                or (cue_in_gap and self._one_sentence(doc, prev.end, para_prev[1]))
            )
        ):
            if not (
                cue_in_gap
                or prev.cue[1] <= prev.start
                or _words(text[prev.end : para_prev[1]]) == 0
            ):
                return None
        else:
            return None
        prev.end = q.end
        prev.fragments.extend(q.fragments)
        return prev

    def _unlinked(
        self,
        d: DocState,
        doc: Doc,
        q: QuotedSpan,
        span: Span,
        paras: list[tuple[int, int]],
        inside: list[bool],
        found: list[Found],
    ) -> Found | None:
        text = d.text
        body = text[q.start : q.end]
        words = _words(body)
        para = next((p for p in paras if p[0] <= q.start < p[1]), None)
        before_in_para = text[para[0] : q.start] if para else ""
        after_in_para = text[q.end : para[1]] if para else ""
        if "\n" in after_in_para.rstrip() and _closed(text, q.start, q.end):
            # A paragraph of single-line paragraphs: the quotation ends its line.
            after_in_para = after_in_para[: after_in_para.index("\n")]
        standalone = _words(after_in_para) == 0 and (
            _words(before_in_para) == 0 or before_in_para.rstrip()[-1:] in ".!?:"
        )
        named = self._colon_person(doc, span.start)
        if named is not None and words >= MIN_PARTIAL_WORDS:
            # … doesn't surprise pollster Daron Shaw: “…”: the person the colon presents.
            return Found(
                q.start,
                q.end,
                "direct",
                subject=named,
                fragments=list(q.fragments),
                rule="direct:colon",
            )
        lead = self._lead_in_verb(d, doc, span) if words >= MIN_PARTIAL_WORDS else None
        if lead is not None and not _title_case(body):
            # As The Post's columnist puts it, “…” / As the band sang, “…”: a clause ending in
            # a comma or colon right before a quotation that ends the sentence introduces it,
            # whatever its verb; that verb's person-like subject speaks.
            lead_verb, lead_subject = lead
            return Found(
                q.start,
                q.end,
                "direct",
                cue=(lead_verb.idx, lead_verb.idx + len(lead_verb.text)),
                cue_token=lead_verb.i,
                subject=lead_subject,
                fragments=list(q.fragments),
                rule="direct:lead-in",
            )
        if standalone and words >= MIN_PARTIAL_WORDS:
            subject = self._paragraph_subject(doc, para[0] if para else 0, span.start)
            if subject is None and para is not None and q.start == para[0]:
                subject = self._lead_sentence_subject(d, doc, paras, para, span.start)
            prev = next((f for f in reversed(found) if f.subject is not None or f.inherited), None)
            return Found(
                q.start,
                q.end,
                "direct",
                subject=subject,
                inherited=prev if subject is None else None,
                fragments=list(q.fragments),
                rule="direct:bare",
            )
        # A quoted phrase inside a narrative sentence: a partial quotation.
        if words < MIN_PARTIAL_WORDS or _title_case(body):
            return None
        if not any(t.pos_ in VERB_POS for t in span) and words < 6:
            return None
        verb = self._governor(span, inside)
        if verb is None:
            return None
        subject = self.subject_of(d, verb)
        start, end = self._predicate_content(d, doc, verb, q)
        if subject is not None and self.person_like(subject):
            inherited = None
            body = d.text[q.start : q.end].lstrip(ALL_MARKS + "' ")
            outside = d.text[start : q.start] + d.text[q.end : end]
            if body[:1].islower() and _words(outside) == 0:
                # that he had “very serious concerns …” / to end “the … regime”: when the
                # quotation is all the verb governs, the content is the clause around it.
                block = self._largest_block(d, doc, [t.i for t in verb.subtree])
                if block is not None and block[0] <= q.start < block[1]:
                    start, end = block[0], max(q.end, block[1])
        else:
            # "Guns are “a crisis”": the subject is the topic, not the speaker; the clause is
            # reported speech of the previous speaker.
            clause = [t.i for t in verb.subtree]
            block = self._largest_block(d, doc, clause)
            if block is not None and block[0] <= q.start and q.end <= block[1] + 1:
                start, end = block
            subject = None
            inherited = next(
                (f for f in reversed(found) if f.subject is not None or f.inherited), None
            )
            if inherited is None and self._parenthetical_cue(d, doc, span) is None:
                return None
        start, end = self._quote_core(d, start, end, [q])  # Shaw: “Historically, …”
        paren = self._parenthetical_cue(d, doc, span)
        if paren is not None:
            # South Carolina, he said, was “where we …”: the cue set off by commas speaks.
            paren.used = True
            return Found(
                start,
                end,
                "mixed",
                cue=paren.cue_span,
                cue_token=paren.token.i,
                subject=paren.subject,
                fragments=[(start, end)],
                rule="partial",
            )
        return Found(
            start,
            end,
            "mixed",
            cue=(verb.idx, verb.idx + len(verb.text)) if subject is not None else None,
            cue_token=verb.i if subject is not None else None,
            subject=subject,
            inherited=inherited,
            fragments=[(start, end)],
            rule="partial",
        )

    def _lead_in_verb(self, d: DocState, doc: Doc, span: Span) -> tuple[Token, Token] | None:
        """The verb and person-like subject of the clause that a comma or colon right before
        the quotation ends, when the quotation ends its sentence ("As X put it, “…”")."""
        text = d.text
        before = text[: span.start_char].rstrip()
        if not before or before[-1] not in ",:" or "\n" in text[len(before) : span.start_char]:
            return None
        if not self._clause_final(text, span.end_char):
            return None
        s0 = d.sentence_of(span.start)[0]
        cue_tokens = {c.token.i for c in d.cues}
        i = span.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        for tok in reversed(doc[max(s0, i - BEFORE_WINDOW) : i]):
            if d.inside[tok.i] or "\n" in tok.text_with_ws or tok.text in (".", "!", "?", ";"):
                return None
            if tok.pos_ != "VERB" or not _wordlike(tok):
                continue
            if tok.i in cue_tokens:
                return None  # a cue word of the lexicon: the other rules decide
            subject = self._syntactic_subject(tok)
            if subject is None or d.inside[subject.i] or subject.i < s0:
                return None
            if (
                subject.pos_ not in ("PROPN", "NOUN", "PRON")
                or subject.lower_ in self.lex.relatives
                or subject.lower_ in ("it", "what", "this", "that")
            ):
                return None
            return tok, subject
        return None

    def _parenthetical_cue(self, d: DocState, doc: Doc, span: Span) -> _Cue | None:
        """A cue of the quotation's sentence set off by commas before it (", he said,")."""
        s0, _s1 = d.sentence_of(span.start)
        for cue in d.cues:
            tok, subject = cue.token, cue.subject
            if (
                cue.used
                or cue.cls is None
                or not cue.cls.direct
                or subject is None
                or not s0 <= subject.i < tok.i < span.start
                or tok.i + 1 >= len(doc)
                or doc[tok.i + 1].text != ","
                or subject.left_edge.i == 0
                or doc[subject.left_edge.i - 1].text != ","
            ):
                continue
            return cue
        return None

    def _predicate_content(
        self, d: DocState, doc: Doc, verb: Token, q: QuotedSpan
    ) -> tuple[int, int]:
        """The words after the verb that hold a partial quotation (objects, purpose,
        complement), as one span; the quotation alone when they do not hold it."""
        right = [c for c in verb.children if c.i > verb.i and not c.is_punct and c.dep_ != "cc"]
        if not right:
            return q.start, q.end
        s_tok = min(c.left_edge.i for c in right)
        e_tok = max(c.right_edge.i for c in right)
        start, end = _trim(d.text, doc[s_tok].idx, doc[e_tok].idx + len(doc[e_tok].text))
        if start <= q.start and q.start < end:
            return start, max(end, q.end)
        return q.start, q.end

    @staticmethod
    def _governor(span: Span, inside: list[bool]) -> Token | None:
        """The verb outside the quotation that governs it."""
        for tok in span:
            head = tok.head
            if head.i >= span.start and head.i < span.end:
                continue
            hops = 0
            while hops < 6:
                if head.pos_ in VERB_POS and not inside[head.i] and _wordlike(head):
                    return head
                if head.head is head:
                    break
                head, hops = head.head, hops + 1
        return None

    def _paragraph_subject(self, doc: Doc, para_start: int, before_tok: int) -> Token | None:
        """The nearest person-like subject of the sentences before ``before_tok`` in its paragraph."""
        best: Token | None = None
        for tok in doc[:before_tok]:
            if tok.idx < para_start:
                continue
            if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
                continue
            if self.person_like(tok):
                best = tok
        return best

    def _lead_sentence_subject(
        self, d: DocState, doc: Doc, paras: list[tuple[int, int]], para: tuple[int, int], first: int
    ) -> Token | None:
        """He then had a question for the crowd.⏎“Who is going to pay for it?”: a quotation
        opening a paragraph after a sentence with no quotation whose subject is a person
        takes that subject (the last sentence of the paragraph before)."""
        k = paras.index(para)
        if k == 0 or first == 0:
            return None
        prev_start = paras[k - 1][0]
        i = first - 1
        while i > 0 and doc[i].is_space:
            i -= 1
        s0, s1 = d.sentence_of(i)
        if doc[s0].idx < prev_start or any(d.inside[j] for j in range(s0, s1)):
            return None
        for tok in doc[s0:s1]:
            if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and self.person_like(tok):
                return tok
        return None

    @staticmethod
    def _colon_person(doc: Doc, first: int) -> Token | None:
        """The name of a person written just before a colon that opens a quotation."""
        i = first - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 1 or doc[i].text != ":":
            return None
        name = doc[i - 1]
        if name.ent_type_ != "PERSON" or "\n" in name.text_with_ws:
            return None
        return name

    def person_like(self, tok: Token) -> bool:
        return (
            tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or tok.lower_ in self.lex.pronouns - {"it"}
            or tok.lower_ in self.lex.titles
        )
