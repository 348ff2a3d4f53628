"""The quotes stage: who said what, through which channel.

Importing this package registers the spaCy factory ``newsgraph_quotes``, which writes
``doc._.ng_quotes``: a list of :class:`newsgraph.records.Quote` dicts. See docs/QUOTES.md.
"""

from newsgraph.quotes.component import QuotesComponent, make_quotes
from newsgraph.quotes.finder import Finder, Found
from newsgraph.quotes.lexicon import Lexicon, load_lexicon
from newsgraph.quotes.marks import QuotedSpan, find_quoted_spans

__all__ = [
    "Finder",
    "Found",
    "Lexicon",
    "QuotedSpan",
    "QuotesComponent",
    "find_quoted_spans",
    "load_lexicon",
    "make_quotes",
]
