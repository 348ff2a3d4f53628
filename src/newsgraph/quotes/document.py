"""What the find step works with: the per-document state and the items it produces.

:class:`DocState` holds everything the rules need to know about the one Doc being read (its
text, which tokens are inside a quotation, sentence ranges, the cue candidates). The
:class:`~newsgraph.quotes.finder.Finder` creates one per Doc and passes it to every rule;
nothing of a Doc is kept on the Finder or the component, so documents may be processed in
any order or concurrently. :class:`FindResult` is the find step's answer for one Doc.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.language.syntax import sentence_bounds
from newsgraph.quotes.lexicon import CueClass, Lexicon

VERB_POS = ("VERB", "AUX")


@dataclass
class Found:
    """One attribution found in a Doc (offsets are characters)."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: tuple[int, int] | None = None  # character span of the cue words
    cue_token: int | None = None  # token index of the cue's head word
    subject: Token | None = None  # the speaker's head token, as written
    speaker_span: tuple[int, int] | None = None  # character span of the speaker as written
    inherited: Found | None = None  # bare quote: the quote whose speaker it takes
    fragments: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""

    def speaker_anchor(self) -> int:
        """Where the speaker is written (for resolving speakers in reading order)."""
        return self.subject.idx if self.subject is not None else self.start


@dataclass
class Cue:
    """A candidate attribution: a cue word (or phrase) with its content and speaker."""

    token: Token
    cls: CueClass | None
    content: tuple[int, int] | None  # character span
    subject: Token | None
    cue_span: tuple[int, int]
    used: bool = False
    mixed: bool = False
    signature: tuple[int, int] | None = None  # "— Name": the name's character span


class Sentences:
    """The sentence of every token of one Doc, as token ranges (``Token.sent`` walks the Doc
    on each call; this is computed once per Doc)."""

    def __init__(self, doc: Doc) -> None:
        # per token: first token of its sentence, and the end (exclusive) of it
        self.start, self.end = sentence_bounds(doc)

    def of(self, i: int) -> tuple[int, int]:
        """Token range of the sentence of token ``i``."""
        return self.start[i], self.end[i]


@dataclass
class DocState:
    """What the find step knows about the one Doc it is working on; created by
    :meth:`Finder.find` for each Doc and passed to every rule (never kept on the Finder)."""

    doc: Doc
    text: str  # doc.text, read once
    lex: Lexicon  # the stage's lexicon (shared, read-only)
    inside: list[bool]  # per token: inside a quotation?
    sentences: Sentences
    cues: list[Cue] = field(default_factory=list)  # the cue candidates of the Doc

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.sentences.of(i)


@dataclass
class FindResult:
    """The find step's answer for one Doc: the attributions, and the sentence ranges the
    component needs for channels (None when the Doc has no parse)."""

    found: list[Found]
    sentences: Sentences | None
