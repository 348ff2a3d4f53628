"""Organizations and groups: dictionary names, and the organizations and nationality groups
the model found that no earlier step claimed."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.actors.candidates import MODIFIER_DEPS, PLURAL_TAGS, Cand, described_by, root_of
from newsgraph.actors.lexicon import Lexicon
from newsgraph.actors.scan import Context
from newsgraph.actors.states import agentive


def find_dictionary_names(ctx: Context) -> None:
    """Step 3: dictionary names (organizations, groups)."""
    doc = ctx.doc
    for s, e in sorted(ctx.dict_spans.items()):
        if any(k in ctx.consumed for k in range(s, e)):
            continue
        text = doc[s:e].text
        entry = ctx.entry(text)
        root = root_of(doc, s, e)
        if entry is not None and entry.kind == "person":
            continue
        if not agentive(ctx.lex, root) and root.dep_ in ("pobj",):
            continue  # "at the White House": a place
        mods = [c for c in root.children if c.dep_ in ("poss", "compound", "amod") and c.i < s]
        country, _src = ctx.country_of_tokens(mods)
        desc_country, desc_sector = described_by(ctx.described, s, e)
        country = (entry.country if entry else None) or country or desc_country
        ctx.cands.append(
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
        ctx.mark(range(s, e))
        ctx.mark(mods)


def find_organizations(ctx: Context) -> None:
    """Step 5: other organizations and nationality groups the model found."""
    doc, lex = ctx.doc, ctx.lex
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP"):
            continue
        if any(k in ctx.consumed for k in range(ent.start, ent.end)):
            continue
        root = ent.root
        text = ent.text
        if ent.label_ == "NORP":
            if root.i in ctx.country_at:
                continue  # a nationality word: step 4 decided
            if root.dep_ in MODIFIER_DEPS or root.pos_ == "ADJ":
                continue  # "Kurdish" in "Kurdish towns": an attribute, not an actor
            if text in lex.cities() or not agentive(lex, root):
                continue  # a place the model took for a nationality ("Belgorod")
            inner = [t for t in ent if t.i != root.i]
            inner += [c for c in root.children if c.dep_ in MODIFIER_DEPS]
            norp_country, _src = ctx.country_of_tokens(inner)  # "Iraqi Kurds"
            desc_country, desc_sector = described_by(ctx.described, ent.start, ent.end)
            ctx.cands.append(
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
            and not agentive(lex, root)
            and root.dep_ == "pobj"
            and text in lex.cities()
        ):
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        inner = [t for t in doc[start : ent.end]]
        mods = [c for c in root.children if c.dep_ in ("poss", "compound", "amod") and c.i < start]
        country, _src = ctx.country_of_tokens(inner + mods)
        if country is None and international_ngo(lex, inner):
            country = "NGO"  # "Third World Water Forum"
        desc_country, desc_sector = described_by(ctx.described, start, ent.end)
        ctx.cands.append(
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
        ctx.mark(range(ent.start, ent.end))
        ctx.mark(mods)


def international_ngo(lex: Lexicon, tokens: list[Token]) -> bool:
    """A name like "Global Water Forum": an international word and a civil-society head."""
    words = [t.lower_ for t in tokens if not t.is_punct]
    return (
        len(words) >= 2
        and words[-1] in lex.nongovernmental_heads
        and any(w in lex.international_words for w in words[:-1])
    )
