"""Cue candidates: the cue verbs and "according to" phrases of a Doc, with content and speaker.

The speaker of a cue verb (:func:`subject_of`) is its syntactic subject
(:mod:`newsgraph.quotes.verb_subject`) unless that lies inside a quotation or in another
paragraph; when the parse gives none, a person-like word near the verb.

Every cue verb of the lexicon outside a quotation gives a candidate attribution: its content
is the verb's complement (clause, object, reason phrase, by the verb's class), its speaker
the verb's subject. "According to X" gives one whose speaker is X and whose content is the
clause the phrase modifies.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.quotes.bounds import largest_block, trim_span
from newsgraph.quotes.document import VERB_POS, Cue, DocState
from newsgraph.quotes.lexicon import CueClass, Lexicon
from newsgraph.quotes.verb_subject import syntactic_subject


def cue_content(d: DocState, verb: Token, cls: CueClass) -> tuple[int, int] | None:
    """Character span of what cue ``verb`` reports: its complements of ``cls``'s kinds."""
    doc = d.doc
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
    start, end = trim_span(d.text, doc[s_tok].idx, doc[e_tok].idx + len(doc[e_tok].text))
    return (start, end) if end > start else None


def verb_cues(d: DocState, inside: list[bool]) -> list[Cue]:
    """A candidate for every cue verb of the lexicon outside a quotation."""
    doc = d.doc
    cues = []
    for tok in doc:
        if inside[tok.i] or tok.pos_ not in VERB_POS:
            continue
        cls = d.lex.verbs.get(tok.lemma_.lower())
        if cls is None:
            continue
        content = cue_content(d, tok, cls)
        cue_span = (tok.idx, tok.idx + len(tok.text))
        cues.append(Cue(tok, cls, content, subject_of(d, tok), cue_span))
    return cues


def agent_cues(d: DocState, inside: list[bool]) -> list[Cue]:
    """A candidate for every "according to X" phrase: X speaks, the clause it
    modifies is the content."""
    doc = d.doc
    cues = []
    for phrase in d.lex.agent_phrases:
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
            content = largest_block(d, clause)
            cue_span = (tok.idx, last.idx + len(last.text))
            cues.append(Cue(tok, None, content, agent, cue_span))
    return cues


def gerund_doer(d: DocState, verb: Token) -> Token | None:
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
    if prev.lower_ in d.lex.rules.words.object_pronouns:
        return prev
    return None


def crosses_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text_with_ws for t in a.doc[lo:hi])


def subject_of(d: DocState, verb: Token, depth: int = 0) -> Token | None:
    """The speaker of a cue verb: its subject, or that of the clause it hangs from, or
    (when the parse gives none) the nearest person-like noun before it in its sentence."""
    found = syntactic_subject(verb, depth)
    if found is not None and not d.inside[found.i] and not crosses_paragraph(found, verb):
        return found
    if depth or any(child.dep_ in ("nsubjpass", "expl") for child in verb.children):
        return None
    for tok in reversed(verb.doc[d.sentence_of(verb.i)[0] : verb.i]):
        if d.inside[tok.i] or "\n" in tok.text_with_ws:
            break
        if person_like(d.lex, tok) and (
            tok.dep_ in ("nsubj", "appos") or tok.ent_type_ == "PERSON" or tok.pos_ == "PRON"
        ):
            return tok
    for tok in verb.doc[verb.i + 1 : verb.i + 1 + d.lex.rules.numbers.inverted_subject_tokens]:
        # Inverted: "Continued Stone: …", "said Mr. Smith".
        if d.inside[tok.i] or tok.is_punct:
            break
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.dep_ != "compound"):
            return tok
    return None


def person_like(lex: Lexicon, tok: Token) -> bool:
    """Could ``tok`` name a speaker (a named person or body, a pronoun, a title)?"""
    return (
        tok.ent_type_ in lex.rules.words.speaker_entity_labels
        or tok.lower_ in lex.pronouns - lex.rules.words.document_pronouns
        or tok.lower_ in lex.titles
    )
