"""The ``newsgraph_actors`` spaCy component: who is acting, coded by country and sector.

The text is read first (titles, nationality words, possessives, agent nouns and their
modifiers); dictionaries only add what the text does not say. The component works in two
steps, *find* (candidate mentions with what the text says about each) and *resolve* (group
mentions into actors: dictionary ids, names, surname and title chains, pronouns), then
writes ``doc._.ng_actors`` and ``doc._.ng_actor_mentions``.

The find step runs over one per-document :class:`~newsgraph.actors.scan.Context`, in this
order (each step skips tokens an earlier step used):

1. people (``people.find_people``), 1b. their later surnames (``people.find_surnames``);
2. agent nouns and titles (``agents.find_agents``);
3. dictionary names (``organizations.find_dictionary_names``);
4. countries, capitals and nationality words (``states.find_states``);
5. other organizations and nationality groups (``organizations.find_organizations``);
6. pronouns (``pronouns.find_pronouns``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.agents import find_agents
from newsgraph.actors.candidates import Cand
from newsgraph.actors.coref import resolve
from newsgraph.actors.dictionary import ActorDictionary, load_builtin, load_file
from newsgraph.actors.lexicon import Lexicon, norm
from newsgraph.actors.organizations import find_dictionary_names, find_organizations
from newsgraph.actors.people import find_people, find_surnames
from newsgraph.actors.pronouns import find_pronouns
from newsgraph.actors.scan import Resources, scan
from newsgraph.actors.states import find_states, sentence_countries
from newsgraph.extensions import register_extensions
from newsgraph.stage import guarded


@dataclass
class ActorsResult:
    """One document's actors: the candidate mentions, the actors and the mention records."""

    candidates: list[Cand]
    actors: list[dict[str, Any]]
    mentions: list[dict[str, Any]]


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
        # first tokens of every name, so that most tokens are skipped with one set lookup
        tokenizer = nlp.tokenizer
        self._res = Resources(
            lex=self.lex,
            dictionary=self.dictionary,
            country_first={"the"}
            | {norm(tokenizer(form)[0].text) for form, _word in self.lex.countries.forms() if form},
            dict_first={"the", "The"}
            | {tokenizer(form)[0].text for form in self.dictionary.forms() if form.strip()},
        )

    def find(self, doc: Doc) -> ActorsResult:
        """Candidate mentions of ``doc`` grouped into actors; nothing is kept on ``self``."""
        meta = doc._.ng_meta or {}
        published = meta.get("published") if isinstance(meta, dict) else None
        ctx = scan(doc, self._res, published)
        find_people(ctx)
        find_surnames(ctx)
        find_agents(ctx)
        find_dictionary_names(ctx)
        find_states(ctx)
        find_organizations(ctx)
        if self.resolve_pronouns:
            find_pronouns(ctx)
        cands = ctx.cands
        cands.sort(key=lambda c: (c.start, c.end))
        sent_countries, sent_adjectives = sentence_countries(doc, ctx.country_spans)
        actors, mentions = resolve(doc, cands, self.lex, sent_countries, sent_adjectives)
        return ActorsResult(candidates=cands, actors=actors, mentions=mentions)

    @guarded("actors")
    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    @staticmethod
    def set_annotations(doc: Doc, result: ActorsResult) -> None:
        doc._.ng_actors = result.actors
        doc._.ng_actor_mentions = result.mentions


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
