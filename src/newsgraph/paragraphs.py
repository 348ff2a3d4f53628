"""Blank lines end sentences.

A headline, a dateline block or a paragraph never runs on into the next one across a blank
line, but spaCy's parser sometimes joins them ("Marsh executive in guilty plea\\n\\nAn
executive at ..."), and a stage may then read the headline as the subject of the first
sentence. This component, placed before the parser, marks the token after a blank line as
a sentence start; the parser keeps preset boundaries. A single line break is left to the
parser: hard-wrapped text breaks lines inside sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    for i, token in enumerate(doc[:-1]):
        if token.is_space and token.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc
