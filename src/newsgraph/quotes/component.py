"""The ``newsgraph_quotes`` spaCy component: writes ``doc._.ng_quotes``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.quotes.document import FindResult, Found, Sentences
from newsgraph.quotes.finder import Finder
from newsgraph.quotes.lexicon import Lexicon, load_lexicon
from newsgraph.quotes.speakers import SpeakerResolver
from newsgraph.stage import guarded

SPEAKER_KEYS = ("name", "country", "sector", "start", "end", "actor_id")


class QuotesComponent:
    """Finds direct, indirect and mixed quotes with speaker, cue and channel."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_quotes",
        *,
        cues: str | None = None,
        channels: str | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon: Lexicon = load_lexicon(cues, channels)
        self.finder = Finder(self.lexicon)

    @guarded("quotes")
    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.finder.find(doc))
        return doc

    def set_annotations(self, doc: Doc, result: FindResult) -> None:
        found = result.found
        resolver = SpeakerResolver(doc, self.lexicon)
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
                    "channel": self.channel(doc, item, text, result.sentences),
                }
            )
        doc._.ng_quotes = out

    def channel(self, doc: Doc, item: Found, text: str, sentences: Sentences | None) -> str | None:
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
        for pattern in self.lexicon.channels:
            matches = list(pattern.finditer(region))
            if matches:
                best = min(matches, key=lambda m: abs(m.start() - cue_at))
                return best.group("channel").strip().rstrip(".,;:")
        return None

    # spaCy serialization: the component has no trained state; data files are config.
    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuotesComponent:
        return self


@Language.factory(
    "newsgraph_quotes",
    default_config={"cues": None, "channels": None},
    assigns=["doc._.ng_quotes"],
)
def make_quotes(
    nlp: Language, name: str, cues: str | None, channels: str | None
) -> QuotesComponent:
    return QuotesComponent(nlp, name, cues=cues, channels=channels)
