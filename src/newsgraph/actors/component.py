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
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.acronyms import link_acronyms
from newsgraph.actors.agents import find_agents
from newsgraph.actors.candidates import Cand
from newsgraph.actors.coref import resolve
from newsgraph.actors.datafiles import DataFileError
from newsgraph.actors.dictionary import (
    BUILTIN_FILES,
    ActorDictionary,
    Entry,
    load_file,
)
from newsgraph.actors.dictionary import DATA_DIR as DICTIONARY_DIR
from newsgraph.actors.ethnic import place_minorities
from newsgraph.actors.lexicon import LEXICON_FILES, Lexicon, lexicon_files
from newsgraph.actors.organizations import find_dictionary_names, find_organizations
from newsgraph.actors.people import find_people, find_surnames
from newsgraph.actors.pronouns import find_pronouns
from newsgraph.actors.scan import Resources, scan
from newsgraph.actors.states import find_states, sentence_countries
from newsgraph.extensions import register_extensions
from newsgraph.language.text import fold
from newsgraph.stage import Stage


def _builtin_key(file_name: str) -> str:
    """Data-file key of a built-in dictionary ("organizations.jsonl" -> "dictionary_organizations")."""
    return "dictionary_" + Path(file_name).stem


@dataclass
class ActorsResult:
    """One document's actors: the candidate mentions, the actors and the mention records."""

    candidates: list[Cand]
    actors: list[dict[str, Any]]
    mentions: list[dict[str, Any]]


class ActorsComponent(Stage[ActorsResult]):
    """Finds actor mentions, codes them (country, sector) and groups them into actors.

    Options are stored here; the tables and dictionaries are loaded by :meth:`load_data`
    from :meth:`data_files` (the user dictionary included), so that ``to_disk`` saves them
    with the pipeline and ``from_disk`` reads them back from there.
    """

    stage = "actors"

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_actors",
        *,
        user_dictionary: str | None = None,
        builtin_dictionary: bool = True,
        resolve_pronouns: bool = True,
        defer_missing_dictionary: bool = False,
    ) -> None:
        super().__init__(nlp, name)
        register_extensions()
        self.tokenizer = nlp.tokenizer  # keys multi-word terms when the data is loaded
        self.user_dictionary = user_dictionary
        self.builtin_dictionary = builtin_dictionary
        self.resolve_pronouns = resolve_pronouns
        # a bad user dictionary is reported now, not on the first document; a missing one
        # too, unless the caller (the factory, which spacy.load also calls before from_disk
        # brings the saved copy) defers that to when the data is loaded
        if user_dictionary and (Path(user_dictionary).exists() or not defer_missing_dictionary):
            load_file(user_dictionary)  # raises DictionaryError with the fix

    # data ----------------------------------------------------------------------------
    def data_files(self) -> dict[str, Path | None]:
        files: dict[str, Path | None] = dict(lexicon_files())
        for name in BUILTIN_FILES:
            path = DICTIONARY_DIR / name
            files[_builtin_key(name)] = path if self.builtin_dictionary else None
        files["user_dictionary"] = Path(self.user_dictionary) if self.user_dictionary else None
        return files

    def load_data(self, files: dict[str, Path | None]) -> Resources:
        lexicon_paths: dict[str, Path] = {}
        for key in LEXICON_FILES:
            path = files[key]
            if path is None:
                raise DataFileError(f"actors: the lexicon file {key!r} is not set")
            lexicon_paths[key] = path
        lex = Lexicon(self.tokenizer, lexicon_paths)
        entries: list[Entry] = []
        # built-in dictionaries first, in their fixed order (a saved index is sorted by
        # key), the user's last: later entries of the same id win
        for name in BUILTIN_FILES:
            path = files.get(_builtin_key(name))
            if path is not None:
                entries += load_file(path)
        user = files.get("user_dictionary")
        if user is not None:
            entries += load_file(user)  # raises DictionaryError with the fix
        dictionary = ActorDictionary(entries)
        # first tokens of every name, so that most tokens are skipped with one set lookup
        tokenizer = self.tokenizer
        return Resources(
            lex=lex,
            dictionary=dictionary,
            country_first={"the"}
            | {fold(tokenizer(form)[0].text) for form, _word in lex.countries.forms() if form},
            dict_first={"the", "The"}
            | {tokenizer(form)[0].text for form in dictionary.forms() if form.strip()},
        )

    @property
    def lex(self) -> Lexicon:
        return cast(Resources, self.data).lex

    @property
    def dictionary(self) -> ActorDictionary:
        return cast(Resources, self.data).dictionary

    # processing ----------------------------------------------------------------------
    def find(self, doc: Doc) -> ActorsResult:
        """Candidate mentions of ``doc`` grouped into actors; nothing is kept on ``self``."""
        meta = doc._.ng_meta or {}
        published = meta.get("published") if isinstance(meta, dict) else None
        ctx = scan(doc, cast(Resources, self.data), published)
        find_people(ctx)
        find_surnames(ctx)
        find_agents(ctx)
        find_dictionary_names(ctx)
        find_states(ctx)
        find_organizations(ctx)
        place_minorities(ctx)
        if self.resolve_pronouns:
            find_pronouns(ctx)
        cands = link_acronyms(doc, ctx.cands, ctx.lex)
        sent_countries, sent_adjectives = sentence_countries(doc, ctx.country_spans)
        actors, mentions = resolve(doc, cands, ctx.lex, sent_countries, sent_adjectives)
        return ActorsResult(candidates=cands, actors=actors, mentions=mentions)

    def __call__(self, doc: Doc) -> Doc:
        self.data  # noqa: B018 - a bad data file raises here: it is no per-document failure
        return super().__call__(doc)

    def set_annotations(self, doc: Doc, result: ActorsResult) -> None:
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
    # doc._.ng_meta (article id and date) is read too when the caller has set it; no
    # component assigns it, so it is not listed
    requires=[
        "token.dep",
        "token.head",
        "token.lemma",
        "token.pos",
        "token.tag",
        "token.ent_type",
        "token.is_sent_start",
        "doc.ents",
    ],
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
        defer_missing_dictionary=True,
    )
