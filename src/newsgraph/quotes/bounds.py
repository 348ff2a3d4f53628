"""Bounds of content: character spans of quotations and reported clauses.

Trimming a span to its words, telling where a quotation opens and closes its clause,
snapping a cue's content to the quotation it nearly is, and the two rules that widen a
direct quotation to the sentence it belongs to (:func:`run_on`, :func:`lead_in`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.document import VERB_POS, DocState, Found
from newsgraph.quotes.marks import ALL_MARKS, QuotedSpan

TRIM_END = ".,;:—–-(["
TRIM_START = ",;:—–-)]"
OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
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


def closed_inside(text: str, start: int, end: int) -> bool:
    """True when the quotation ``start``..``end`` ends in punctuation inside its closing mark
    (“…,” / “…!”): what follows it is no longer quoted speech."""
    body = text[start:end].rstrip().rstrip(ALL_MARKS + "’'").rstrip()
    return bool(body) and body[-1] in ",.!?;"


def is_title(text: str, small: frozenset[str]) -> bool:
    """A quoted title ("Meet the Press", "Flip the Script With Liz Plank"), not speech."""
    words = [w for w in text.strip(ALL_MARKS + " .,").split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def clause_initial(text: str, start: int) -> bool:
    """Does the quotation open a sentence, a paragraph or a clause?"""
    before = text[:start].rstrip()
    if "\n" in text[len(before) : start]:
        return True
    return not before or before[-1] in ".!?:;,—–-(" or before[-1] in ALL_MARKS


def clause_final(text: str, end: int) -> bool:
    """Does the quotation end its sentence, paragraph or clause?"""
    after = text[end:].lstrip()
    if "\n" in text[end : len(text) - len(after)]:
        return True
    return not after or after[0] in ".!?:;,—–-)" or after[0] in ALL_MARKS


def largest_block(d: DocState, idx: list[int]) -> tuple[int, int] | None:
    doc = d.doc
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
    start, end = trim_span(d.text, doc[best[0]].idx, doc[best[-1]].idx + len(doc[best[-1]].text))
    return (start, end) if end > start else None


def one_sentence(doc: Doc, start: int, end: int) -> bool:
    """True when characters ``start``..``end`` hold at most one sentence end (the cue's
    sentence between two parts of a quotation, however long it is)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return True
    return sum(1 for t in span if t.is_punct and t.text[-1:] in ".!?") <= 1


def snap(content: tuple[int, int], quoted: list[QuotedSpan]) -> tuple[int, int]:
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


def quote_core(d: DocState, start: int, end: int, quoted: list[QuotedSpan]) -> tuple[int, int]:
    """Told his supporters, “…” / “You lie!” at the president: a cue's content that is a
    whole quotation plus a lead-in ending in a comma or colon, or plus a tail after a
    quotation that closes its own sentence, is the quotation alone."""
    text = d.text
    inner = [q for q in quoted if start <= q.start and q.end <= end]
    if len(inner) != 1:
        return start, end
    q = inner[0]
    if word_count(text[q.start : q.end]) < d.lex.rules.numbers.min_partial_words:
        return start, end
    lead = text[start : q.start].strip()
    tail = text[q.end : end].strip()
    if lead and lead[-1] not in ",:":
        return start, end
    if tail and not (
        closed_inside(text, q.start, q.end) or tail.split()[0] in d.lex.rules.words.clause_conjunctions
    ):
        return start, end
    if not tail and not lead:
        return start, end
    if _holds(d, start, q.start, q) or _holds(d, q.end, end, q):
        return start, end  # said that under Obama, “the generals …”: the clause goes on
    return q.start, q.end


def _holds(d: DocState, a: int, b: int, q: QuotedSpan) -> bool:
    """True when a word between characters ``a`` and ``b`` hangs (through its heads) on a
    word of the quotation ``q``: the words outside the marks belong to the quoted clause."""
    if b <= a:
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


def predicate_content(d: DocState, verb: Token, q: QuotedSpan) -> tuple[int, int]:
    """The words after the verb that hold a partial quotation (objects, purpose,
    complement), as one span; the quotation alone when they do not hold it."""
    doc = d.doc
    right = [c for c in verb.children if c.i > verb.i and not c.is_punct and c.dep_ != "cc"]
    if not right:
        return q.start, q.end
    s_tok = min(c.left_edge.i for c in right)
    e_tok = max(c.right_edge.i for c in right)
    start, end = trim_span(d.text, doc[s_tok].idx, doc[e_tok].idx + len(doc[e_tok].text))
    if start <= q.start and q.start < end:
        return start, max(end, q.end)
    return q.start, q.end


def run_on(d: DocState, item: Found, span: Span) -> None:
    """“…” that Sanders can win: a quotation the sentence goes on from is the start of a
    longer (mixed) content, up to the end of its sentence."""
    doc = d.doc
    nxt = span.end
    while nxt < len(doc) and doc[nxt].is_space:
        return
    if nxt >= len(doc) or not doc[nxt].is_alpha or not doc[nxt].is_lower:
        return
    if doc[nxt].pos_ in ("PRON", "VERB", "AUX") or doc[nxt].lemma_ in d.lex.verbs:
        return  # “…,” he said / “…” said Smith
    if doc[nxt].pos_ == "CCONJ" or closed_inside(d.text, item.start, item.end):
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
    _s, end = trim_span(d.text, item.start, doc[end_tok].idx + len(doc[end_tok].text))
    if end > item.end:
        item.end = end
        item.kind = "mixed"
        item.fragments = [(item.start, end)]


def lead_in(d: DocState, item: Found, span: Span) -> None:
    """In past campaigns, “we felt …”: a quotation that starts in lowercase continues a
    sentence begun outside it; the content starts with that sentence (after any cue or
    speaker written before the quotation)."""
    doc = d.doc
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
    start, _e = trim_span(d.text, doc[first].idx, item.start)
    if start < item.start and word_count(d.text[start : item.start]) > 0:
        item.start = start
        item.kind = "mixed"
        item.fragments = [(start, item.end)]
