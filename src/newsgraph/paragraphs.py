"""Blank lines end sentences.

A headline, a dateline block or a paragraph never runs on into the next one across a blank
line, but spaCy's parser sometimes joins them ("Marsh executive in guilty plea\\n\\nAn
executive at ..."), and a stage may then read the headline as the subject of the first
sentence. This component, placed before the parser, marks the token after a blank line as
a sentence start; the parser keeps preset boundaries. A single line break is left to the
parser: hard-wrapped text breaks lines inside sentences.

The factory ``newsgraph_paragraphs`` (:func:`make_paragraphs`) is also an entry point of the
package, so a saved pipeline holding it loads with ``spacy.load`` in a fresh process.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after a blank line as a sentence start."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and token.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component: it has no options and no data (it saves nothing with the pipeline)."""
    return paragraph_breaks
