"""Agents: common nouns and titles that name an actor ("Ukrainian forces", "the police",
"Hamas leader"), coded from their modifiers, possessors and prepositional phrases."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.actors.candidates import (
    MODIFIER_DEPS,
    NOUN_POS,
    PLURAL_TAGS,
    Cand,
    depth_below,
    is_plural,
    lemma_of,
    phrase_end,
)
from newsgraph.actors.lexicon import SectorRule
from newsgraph.actors.people import modifier_sector
from newsgraph.actors.scan import Context
from newsgraph.language.regions import region_country
from newsgraph.language.text import fold


def find_agents(ctx: Context) -> None:
    """Step 2: agent nouns and titles with their modifiers."""
    doc = ctx.doc
    sector_head, country_at, dict_at = ctx.sector_head, ctx.country_at, ctx.dict_at
    for head_i in sorted(sector_head):
        if head_i in ctx.consumed:
            continue
        s, e, rule = sector_head[head_i]
        head = doc[head_i]
        outer = head.head
        if (
            head.dep_ in ("compound", "amod", "nmod")
            and outer.i != head.i
            and (outer.i in sector_head or outer.i in ctx.person_tokens or outer.i in dict_at)
        ):
            continue  # a modifier of another agent: "army officers", "NATO troops"
        top = head
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if top.dep_ in ("attr", "acomp", "oprd"):
            continue  # a predicate ("they are soldiers") says what someone is
        found = agent(ctx, head, s, e, rule)
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
                and c.i not in ctx.consumed
                and c.i not in country_at
            ),
            None,
        )
        if name is not None:
            # "the militant group Hamas", "the rebel group Seleka": the name is the actor,
            # the words before it describe it (they give what the dictionary does not)
            # a generic noun's default sector ("credit rating agencies" GOV) says nothing
            ctx.described[name.i] = (
                cand.country,
                cand.sector if rule.strong or cand.sector != rule.sector else None,
            )
            ctx.mark(range(cand.start, cand.end))
            ctx.mark(cand.extra.pop("used", []))
            continue
        ctx.cands.append(cand)
        ctx.mark(range(cand.start, cand.end))
        used = cand.extra.pop("used", [])
        ctx.mark(used)
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
                ctx.cands.append(twin)


def agent(ctx: Context, head: Token, s: int, e: int, rule: SectorRule) -> Cand | None:
    """The candidate of one agent noun or title (None: not an actor here)."""
    doc, lex = ctx.doc, ctx.lex
    country_at, dict_at = ctx.country_at, ctx.dict_at
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
    definite = bool(poss) or not dets or any(d.lower_ in lex.definite_determiners for d in dets)
    indefinite = any(d.lower_ in lex.indefinite_determiners for d in dets)
    surface = " ".join(fold(t.text) for t in doc[s:e])
    plural = (surface not in lex.sectors and is_plural(head)) or rule.kind == "group"
    if rule.term == "authority" and head.tag_ not in PLURAL_TAGS:
        return None
    if rule.term == "force" and head.tag_ not in PLURAL_TAGS and not mods_all:
        return None  # "by force"
    if rule.term == "people" and not mods_all:
        return None  # "people" alone is too vague to be an actor
    country, _src = ctx.country_of_tokens(poss) if poss else (None, None)
    if country is None:  # the nearest nationality word wins
        country, _src = ctx.country_of_tokens(list(reversed(mods_all)))
    if country is None:  # "Darfur rebels", "Sindh police": a province's country
        country = modifier_region(mods_all)
    used: list[Token] = list(mods_all)
    span_end = e
    # prepositional modifiers: "Ministry of Defense of Russia", "police in Lagos"
    term_children = [c for i in sorted(term) for c in doc[i].children if c.i not in term]
    for child in term_children:
        if child.dep_ != "prep":
            continue
        if child.lower_ not in lex.belonging_preps:
            continue
        objs = [c for c in child.children if c.dep_ == "pobj"]
        for obj in objs:
            obj_tokens = [t for t in obj.subtree if not t.is_punct]
            c2, _ = ctx.country_of_tokens(obj_tokens)
            if child.lower_ in lex.stationed_preps and rule.sector == "MIL":
                continue  # "peacekeepers in Iraq" are not Iraqi; "police in Lagos" are
            if c2 is None and child.lower_ in lex.origin_preps | lex.homeland_preps:
                city_text = doc[obj.left_edge.i : obj.i + 1].text
                for cand_text in (obj.text, city_text):
                    if child.lower_ in lex.origin_preps:
                        c2 = lex.cities().get(cand_text)
                    # "the government of Sindh province", "police in Darfur"
                    c2 = c2 or region_country(cand_text)
                    if c2:
                        break
            if c2 is not None and country is None:
                country = c2
                obj_end = phrase_end(obj)
                used.extend(t for t in obj_tokens if t.i < obj_end)
                used.append(child)
                span_end = max(span_end, phrase_end(obj))
    # "a terror group based in Trinidad", "guerrillas operating in Macedonia"
    if country is None and rule.sector != "MIL":
        for acl in head.children:
            if acl.dep_ != "acl" or lemma_of(acl) not in lex.located_participles:
                continue
            for prep in acl.children:
                if prep.dep_ != "prep" or prep.lower_ not in lex.located_preps:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    c2, _ = ctx.country_of_tokens([t for t in obj.subtree if not t.is_punct])
                    c2 = c2 or lex.cities().get(obj.text) or region_country(obj.text)
                    if c2 is not None and country is None:
                        country = c2
                        used.extend([acl, prep, *obj.subtree])
                        span_end = max(span_end, phrase_end(obj))
    needs = rule.needs_modifier and not mods_all and country is None
    if needs and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    # deep fallback: "refugees fleeing the civil war in Liberia"
    if country is None and head.tag_ in PLURAL_TAGS and rule.sector != "MIL":
        for tok in head.subtree:
            if (
                tok.i in country_at
                and tok.dep_ == "pobj"
                and tok.head.lower_ in lex.origin_preps
                and depth_below(tok, head) <= lex.located_depth
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
        sector = modifier_sector(lex, mods_all, rule) or dictionary_sector(ctx, mods_all) or sector
    if any(
        fold(t.lower_) in lex.modifiers and lex.modifiers[fold(t.lower_)] == "ELI" for t in mods_all
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
        or fold(t.lemma_) in lex.modifiers
        or fold(t.lemma_) in lex.sectors
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
            if t.dep_ == "poss" and t.lemma_.lower() in lex.owner_nouns:
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


def modifier_region(mods: list[Token]) -> str | None:
    """The country of a province or region named by capitalized modifiers ("North Darfur")."""
    # the small model tags a sentence-initial "Helmand" ADJ: capitalization decides
    names = [t for t in mods if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN")]
    if not names:
        return None
    runs: list[list[Token]] = [[names[0]]]
    for tok in names[1:]:
        if tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    for run in reversed(runs):
        iso3 = region_country(" ".join(t.text for t in run))
        if iso3:
            return iso3
    return None


def dictionary_sector(ctx: Context, tokens: list[Token]) -> str | None:
    """ "Hamas leader", "the Islamic Jihad movement": a known body's sector."""
    for tok in reversed(tokens):
        if tok.i in ctx.dict_at:
            s, e = ctx.dict_at[tok.i]
            entry = ctx.entry(ctx.doc[s:e].text)
            if (
                entry is not None
                and entry.sector
                and entry.kind != "person"
                and entry.country != "IGO"  # "NATO leaders", "UN officials" stay GOV
            ):
                return entry.sector
    return None
