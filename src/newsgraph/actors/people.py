"""People: named persons with the titles and nationality words around their names, and the
later surnames of people already named."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.actors.candidates import NOUN_POS, Cand, root_of
from newsgraph.actors.lexicon import Lexicon, SectorRule
from newsgraph.actors.scan import Context
from newsgraph.language.regions import region_country
from newsgraph.language.text import fold


def find_people(ctx: Context) -> None:
    """Step 1: people, name + title context."""
    doc, lex = ctx.doc, ctx.lex
    sector_head = ctx.sector_head
    for ent in ctx.persons:
        s, e = ent.start, ent.end
        # titles the model put inside the name ("President Zelensky")
        while s < e - 1 and (
            doc[s].i in sector_head
            or any(sp[0] <= s < sp[1] for sp in ctx.sector_spans)
            or s in ctx.country_at
            or doc[s].lower_ in lex.name_prefixes
            or doc[s].is_punct
        ):
            s += 1
        if any(k in ctx.consumed for k in range(s, e)):
            continue
        root = root_of(doc, s, e)
        context = person_context(lex, doc, s, e, root, sector_head, ctx.person_tokens)
        right = appos_context(root, sector_head)
        name_text = doc[s:e].text
        title = title_rule(context, sector_head) or title_rule(right, sector_head)
        ctx_tokens = context + right
        country, _src = ctx.country_of_tokens(ctx_tokens)
        entry = ctx.entry(name_text)
        if entry is None and not is_place_name(lex, name_text):
            # "Mitterand": one edit from a leader's surname ("Ghazni" is a province)
            entry = ctx.res.dictionary.find_near(
                name_text, ctx.published, lex.fuzzy_min_surname_letters
            )
        sector = title.sector if title else None
        if title and not title.strong:
            sector = modifier_sector(lex, ctx_tokens, title) or sector
        if any(
            fold(t.lower_) in lex.modifiers and lex.modifiers[fold(t.lower_)] == "ELI"
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
        ctx.cands.append(
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
        ctx.mark(range(span_start, e))
        ctx.mark(context)
        ctx.mark(right)


def find_surnames(ctx: Context) -> None:
    """Step 1b: later surnames of people already named ("Okafor said"), whatever the model
    labelled them."""
    surnames: dict[str, int] = {}
    for cand in ctx.cands:
        if cand.person_name and len(cand.person_name) > 1:
            surnames.setdefault(cand.person_name[-1], cand.end)
    for tok in ctx.doc:
        first_end = surnames.get(tok.text)
        if first_end is None or tok.i < first_end or tok.i in ctx.consumed:
            continue
        if not (tok.is_title or tok.is_upper) or tok.pos_ not in NOUN_POS:
            continue
        ctx.cands.append(
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
        ctx.consumed.add(tok.i)


def person_context(
    lex: Lexicon,
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
    while i >= 0 and s - i <= lex.title_window_tokens and i in allowed:
        tok = doc[i]
        if tok.i in person_tokens or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"):
            break  # a participle used as an adjective ("Ousted President X") stays
        out.append(tok)
        i -= 1
    out.reverse()
    if out and out[0].is_punct:
        out = out[1:]
    return out


def appos_context(root: Token, sector_head: dict[int, tuple[int, int, SectorRule]]) -> list[Token]:
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


def title_rule(
    tokens: list[Token], sector_head: dict[int, tuple[int, int, SectorRule]]
) -> SectorRule | None:
    """The title among ``tokens`` (the last strong one, else the last one)."""
    rules = [sector_head[t.i][2] for t in tokens if t.i in sector_head]
    if not rules:
        return None
    strong = [r for r in rules if r.strong]
    return (strong or rules)[-1]


def modifier_sector(lex: Lexicon, tokens: list[Token], head_rule: SectorRule) -> str | None:
    """The sector a modifier gives a weak title or noun ("military spokesman" -> MIL)."""
    for tok in tokens:
        word = fold(tok.lemma_)
        if word in lex.modifiers and lex.modifiers[word] != "ELI":
            return lex.modifiers[word]
        rule = lex.sectors.get(word)
        if rule is not None and rule is not head_rule and rule.strong:
            return rule.sector
    return None


def is_place_name(lex: Lexicon, text: str) -> bool:
    """A city, region or country word the model called a person."""
    return (
        text in lex.cities()
        or region_country(text) is not None
        or lex.countries.lookup(text) is not None
    )
