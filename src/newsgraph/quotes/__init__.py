"""The quotes stage: who said what, through which channel.

Importing this package registers the spaCy factory ``newsgraph_quotes``, which writes
``doc._.ng_quotes``: a list of :class:`newsgraph.records.Quote` dicts. See docs/QUOTES.md.
"""

from newsgraph.datafile import DataFileError
from newsgraph.quotes.component import QuotesComponent, make_quotes
from newsgraph.quotes.document import FindResult, Found
from newsgraph.quotes.finder import Finder
from newsgraph.quotes.lexicon import Lexicon, load_lexicon
from newsgraph.quotes.marks import QuotedSpan, find_quoted_spans
from newsgraph.quotes.rules import Rules, load_rules

__all__ = [
    "DataFileError",
    "FindResult",
    "Finder",
    "Found",
    "Lexicon",
    "QuotedSpan",
    "QuotesComponent",
    "Rules",
    "find_quoted_spans",
    "load_lexicon",
    "load_rules",
    "make_quotes",
]
