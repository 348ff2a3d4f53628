"""The ``newsgraph_quotes`` spaCy component: writes ``doc._.ng_quotes``.

A :class:`~newsgraph.stage.Stage`: the options are paths of data files; the data (cue
lexicon, channel patterns, rule settings, user files included) is loaded once by
``initialize`` from :meth:`QuotesComponent.data_files`, and ``to_disk`` / ``from_disk``
(the base class's) copy those files into a saved pipeline. ``find`` returns a
:class:`~newsgraph.quotes.document.FindResult` for one Doc and keeps nothing of it;
``set_annotations`` resolves speakers and channels from that result and writes the dicts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.quotes.document import FindResult, Found, Sentences
from newsgraph.quotes.finder import Finder
from newsgraph.quotes.lexicon import CHANNELS_FILE, CUES_FILE, RULES_FILE, Lexicon, load_lexicon
from newsgraph.quotes.speakers import SpeakerResolver
from newsgraph.stage import Stage

SPEAKER_KEYS = ("name", "country", "sector", "start", "end", "actor_id")

register_extensions()  # the Doc extensions this stage writes and reads


class QuotesComponent(Stage[FindResult]):
    """Finds direct, indirect and mixed quotes with speaker, cue and channel.

    Options: ``cues`` and ``channels`` replace the packaged ``cues.yaml`` and
    ``channels.yaml``; ``rules`` names a file that overlays the packaged ``rules.yaml``
    (tuned numbers and word lists) key by key.
    """

    stage = "quotes"

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_quotes",
        *,
        cues: str | None = None,
        channels: str | None = None,
        rules: str | None = None,
    ) -> None:
        super().__init__(nlp, name)
        self.cues = cues
        self.channels = channels
        self.rules = rules

    # data ----------------------------------------------------------------------------
    def data_files(self) -> dict[str, Path | None]:
        return {
            "cues": Path(self.cues) if self.cues else CUES_FILE,
            "channels": Path(self.channels) if self.channels else CHANNELS_FILE,
            "rules": RULES_FILE,
            "user_rules": Path(self.rules) if self.rules else None,
        }

    def load_data(self, files: dict[str, Path | None]) -> Finder:
        lexicon = load_lexicon(
            files["cues"], files["channels"], files["user_rules"], packaged_rules=files["rules"]
        )
        return Finder(lexicon)

    @property
    def lexicon(self) -> Lexicon:
        finder: Finder = self.data
        return finder.lex

    # processing ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        # A data file that fails its schema check is an error of the pipeline, not of one
        # document: load (once) before the base class records per-document failures.
        _ = self.data
        return super().__call__(doc)

    def find(self, doc: Doc) -> FindResult:
        finder: Finder = self.data
        return finder.find(doc)

    def set_annotations(self, doc: Doc, result: FindResult) -> None:
        found = result.found
        lexicon = self.lexicon
        resolver = SpeakerResolver(doc, lexicon)
        speakers: dict[int, dict[str, Any] | None] = {}
        # Resolve in reading order so that pronouns and bare quotes see earlier speakers.
        order = sorted(found, key=lambda f: (f.speaker_anchor(), f.start))
        for item in order:
            if item.subject is not None:
                speakers[id(item)] = resolver.resolve(item.subject, item.speaker_span)
            elif item.inherited is not None:
                speakers[id(item)] = speakers.get(id(item.inherited))
            else:
                speakers[id(item)] = None
        out = []
        text = doc.text
        for item in found:
            spk = speakers.get(id(item))
            out.append(
                {
                    "start": item.start,
                    "end": item.end,
                    "text": text[item.start : item.end],
                    "kind": item.kind,
                    "speaker": {k: spk.get(k) for k in SPEAKER_KEYS} if spk else None,
                    "cue": text[item.cue[0] : item.cue[1]] if item.cue else None,
                    "cue_start": item.cue[0] if item.cue else None,
                    "cue_end": item.cue[1] if item.cue else None,
                    "channel": channel(lexicon, doc, item, text, result.sentences),
                }
            )
        doc._.ng_quotes = out


def channel(
    lexicon: Lexicon, doc: Doc, item: Found, text: str, sentences: Sentences | None
) -> str | None:
    """The channel named in the cue's sentence, outside the quoted content."""
    if item.cue_token is None or sentences is None:
        return None
    t0, t1 = sentences.of(item.cue_token)
    s0, s1 = doc[t0].idx, doc[t1 - 1].idx + len(doc[t1 - 1].text)
    if item.start < s1 and s0 < item.end:
        # Look only at the side of the sentence the cue is on.
        if item.cue is not None and item.cue[0] >= item.end:
            s0 = item.end
        elif item.cue is not None:
            s1 = min(s1, item.start)
    region = text[s0:s1]
    cue_at = (item.cue[0] if item.cue else s0) - s0
    for pattern in lexicon.channels:
        matches = list(pattern.finditer(region))
        if matches:
            best = min(matches, key=lambda m: abs(m.start() - cue_at))
            return best.group("channel").strip().rstrip(".,;:")
    return None


@Language.factory(
    "newsgraph_quotes",
    default_config={"cues": None, "channels": None, "rules": None},
    assigns=["doc._.ng_quotes"],
    requires=[
        # the speaker resolver reads the actors stage's output when it is there
        "doc._.ng_actors",
        "doc._.ng_actor_mentions",
        # cues, content and speakers come from the parse, tags and entities (token.pos is
        # read too, but the model's attribute_ruler that sets it declares no assigns, so
        # naming it here would show a false problem in nlp.analyze_pipes())
        "token.dep",
        "token.tag",
        "token.lemma",
        "token.ent_type",
        "doc.ents",
        "doc.sents",
    ],
)
def make_quotes(
    nlp: Language,
    name: str,
    cues: str | None,
    channels: str | None,
    rules: str | None,
) -> QuotesComponent:
    return QuotesComponent(nlp, name, cues=cues, channels=channels, rules=rules)
