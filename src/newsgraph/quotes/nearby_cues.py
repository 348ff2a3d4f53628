"""The cue next to a quotation: after it ("“…,” he said"), before it ("She added: “…”"),
a signature line after it ("“…” — Ana Torres") or the clause a colon ends before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.bounds import clause_final, clause_initial
from newsgraph.quotes.cues import subject_of
from newsgraph.quotes.document import VERB_POS, Cue, DocState
from newsgraph.quotes.marks import ALL_MARKS
from newsgraph.quotes.verb_subject import DASHES, wordlike

# "“…” — Ana Torres": a dash after a quotation (spaces, no-break spaces allowed around it).
_SIGNATURE = re.compile(r"\s*(?P<dash>--|[" + DASHES + r"])[ \t\u00a0]*")


def _between(doc: Doc, a: int, b: int, quote_of_token: dict[int, int]) -> bool:
    """True when tokens a..b (exclusive) hold no other quotation or paragraph break."""
    for i in range(a, b):
        if i in quote_of_token or "\n\n" in doc[i].text_with_ws or "\n" in doc[i].text:
            return False
    return True


def adjacent(d: DocState, verb: Token, span: Span, quote_of_token: dict[int, int], k: int) -> bool:
    """Is cue ``verb`` close enough to the quotation ``span`` to introduce it?"""
    doc = d.doc
    if verb.i >= span.end:
        return verb.i - span.end <= d.lex.rules.numbers.after_window and _between(
            doc, span.end, verb.i, quote_of_token
        )
    return span.start - verb.i <= d.lex.rules.numbers.complement_before_window


def cue_after(
    d: DocState,
    span: Span,
    cues: list[Cue],
    quote_of_token: dict[int, int],
    k: int,
) -> Cue | None:
    """The cue right after a quotation ("“…,” he said"), or None."""
    doc = d.doc
    text = d.text
    last_inner = text[span.start_char : span.end_char].rstrip(ALL_MARKS + "' ")
    if last_inner.endswith(".") and not last_inner.endswith("..."):
        # “… over.” opens a new sentence after it; it is the quotation's cue only when that
        # sentence is nothing but a speaker and a cue ("“… over.” Trump said.").
        tail = []
        for tok in doc[span.end : span.end + d.lex.rules.numbers.cue_sentence_tokens + 1]:
            if tok.text in (".", "!", "?") or "\n" in tok.text_with_ws:
                tail.append(tok)
                break
            tail.append(tok)
        lower_next = span.end < len(doc) and doc[span.end].is_lower
        short = (
            bool(tail)
            and tail[-1].text in (".", "!", "?")
            and len(tail) <= d.lex.rules.numbers.cue_sentence_tokens
        )
        if not (short or lower_next):  # "“… heart.” said Carly Fiorina during …"
            return None
    if not clause_initial(text, span.start_char):
        return None
    by_token = {c.token.i: c for c in cues if c.cls is not None and c.cls.direct}
    for i in range(span.end, min(len(doc), span.end + d.lex.rules.numbers.after_window)):
        tok = doc[i]
        if i in quote_of_token or "\n" in tok.text_with_ws and i > span.end:
            break
        cue = by_token.get(i)
        if cue is not None and not cue.used:
            clause = next((c for c in cue.token.children if c.dep_ == "ccomp"), None)
            if (
                clause is not None
                and not span.start <= clause.i < span.end
                and not _second_part(d, span, cue.token, clause, quote_of_token, k)
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
            and wordlike(tok)
            and i - span.end <= d.lex.rules.numbers.plain_verb_after_window
            and subject_only
            and (last_inner[-1:] in ",?!—–-" or doc[span.end].is_lower)
        ):
            # “…,” she <verb>: the verb after a quotation closed by a comma is its cue.
            subject = subject_of(d, tok)
            reports_other = any(
                c.dep_ == "ccomp" and not span.start <= c.i < span.end for c in tok.children
            )
            if subject is not None and not reports_other:
                return Cue(tok, None, None, subject, (tok.idx, tok.idx + len(tok.text)))
        if tok.text in (".", "!", "?", ";") and i > span.end:
            break
    return None


def dash_source(d: DocState, span: Span, q_end: int) -> Cue | None:
    """“…” followed by "— Name." (a signature line): the name is the speaker. Any dash
    counts, the horizontal bar (―) and a double hyphen included, glued to the closing
    mark or not ("…shame.”― Ana Torres")."""
    doc = d.doc
    text = d.text
    m = _SIGNATURE.match(text, q_end)
    if m is None or not clause_initial(text, span.start_char):
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
    if not names or len(names) > d.lex.rules.numbers.signature_tokens:
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in names):
        return None
    head = next(
        (t for t in reversed(names) if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"), names[-1]
    )
    dash_span = doc.char_span(dash0, dash1, alignment_mode="expand")
    dash = dash_span[0] if dash_span is not None and len(dash_span) else head
    cue = Cue(dash, None, None, head, (dash0, dash1))
    cue.signature = (max(name0, names[0].idx), names[-1].idx + len(names[-1].text))
    return cue


def _second_part(
    d: DocState,
    span: Span,
    verb: Token,
    clause: Token,
    quote_of_token: dict[int, int],
    k: int,
) -> bool:
    """“Now that I am retired,” he told the host, “it was hard to work there.”: the cue's
    clause is the next quotation, which goes on in the cue's sentence after a comma; the
    cue stands between two parts of one quotation (the first closed by a comma)."""
    doc = d.doc
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
    first = next((i for i in range(verb.i + 1, len(doc)) if quote_of_token.get(i) == k + 1), None)
    if first is None or d.sentence_of(first)[0] > verb.i:
        return False
    if any(t.pos_ in VERB_POS and t.i != verb.i for t in doc[span.end : first]):
        return False
    before = text[: doc[first].idx].rstrip()
    return before.endswith(",") and not any("\n" in t.text_with_ws for t in doc[verb.i : first])


def cue_before(
    d: DocState,
    span: Span,
    cues: list[Cue],
    quote_of_token: dict[int, int],
    k: int,
) -> Cue | None:
    """The cue right before a quotation ending in a comma, colon or dash ("She
    added: “…”"), or None."""
    doc = d.doc
    text = d.text
    before = text[: span.start_char].rstrip()
    if not before or before[-1] not in ":,—–-":
        return None
    inner_end = text[span.start_char : span.end_char].rstrip(ALL_MARKS + "’' ")
    final = clause_final(text, span.end_char)
    if not (final or inner_end[-1:] in (".", "!", "?")):
        # (he said, “I never did.” Asked why, …: a quotation ending its own sentence is
        # whole even when the next sentence follows without a break; then only a cue
        # word of the lexicon introduces it.)
        return None
    by_token = {c.token.i: c for c in cues if c.cls is not None and c.cls.direct}
    last = span.start - 1  # the colon may end the paragraph before ("as follows:⏎⏎“…”")
    while last > 0 and doc[last].is_space:
        last -= 1
    for i in range(span.start - 1, max(-1, span.start - 1 - d.lex.rules.numbers.before_window), -1):
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
            for t in reversed(doc[max(0, i - d.lex.rules.numbers.colon_clause_tokens) : i]):
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
                return Cue(tok, None, None, head, (tok.idx, tok.idx + 1))
            if i >= 2 and doc[i - 1].lower_ == "follows" and doc[i - 2].lower_ == "as":
                subject = next(
                    (
                        t
                        for t in reversed(
                            doc[max(0, i - 2 - d.lex.rules.numbers.as_follows_tokens) : i - 2]
                        )
                        if t.pos_ in ("NOUN", "PROPN")
                    ),
                    None,
                )
                if subject is not None:
                    return Cue(tok, None, None, subject, (tok.idx, tok.idx + 1))
        if (
            before[-1] == ":"
            and tok.pos_ == "VERB"
            and wordlike(tok)
            and i >= span.start - d.lex.rules.numbers.plain_verb_before_window
        ):
            # X <verb>: “…” — the verb right before the colon introduces the quotation.
            subject = subject_of(d, tok)
            if subject is not None:
                return Cue(tok, None, None, subject, (tok.idx, tok.idx + len(tok.text)))
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
            subject = subject_of(d, root)
            if subject is not None and subject.i < colon:
                return Cue(root, None, None, subject, (root.idx, root.idx + len(root.text)))
    return None
