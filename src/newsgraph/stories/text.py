"""Words, TF-IDF term vectors and agency credits of one article."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")

# The credit slot of a wire report, near the start of the text or of a line:
#   "LONDON, Jan 5 (Reuters) -", "(AP) —", "Xinhua | Updated: ...", "By NAME, Reuters |"
_PAREN = re.compile(r"(?:^|\n)[^\n(]{0,80}?\(\s*([A-Z][\w.&' -]{0,40}?)\s*\)\s*[-–—:]")
_BAR = re.compile(r"(?:^|\n)\s*([A-Z][\w.,&' -]{0,40}?)\s*\|")
# anywhere: "(c) 2017 The Associated Press", "Copyright 2018 Reuters"
_COPY = re.compile(r"(?:©|\([cC]\)|Copyright)\s*(?:\d{4}\s*)?([A-Z][\w.&' -]{0,40}?)(?:\.|,|\n|$| All rights)")
HEAD_CHARS = 400  # the credit slot is in the dateline or byline


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if len(w) > 2 and w not in STOP_WORDS and not w[0].isdigit()]


def term_counts(title: str | None, text: str, title_weight: int) -> Counter[str]:
    counts = Counter(content_words(text))
    if title:
        for w in content_words(title):
            counts[w] += title_weight
    return counts


def vector(counts: Mapping[str, int], df: Mapping[str, int], n_docs: int, top: int) -> dict[str, float]:
    """The ``top`` terms by (1 + log tf) * idf, L2-normalized; idf from ``df`` over ``n_docs``."""
    weights = {
        t: (1.0 + math.log(c)) * (math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0)
        for t, c in counts.items()
    }
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {t: round(w / norm, 5) for t, w in kept}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def credit(text: str, agencies: Mapping[str, str]) -> str | None:
    """The news agency a report credits in its credit slot, if the name is a known agency."""
    head = text[:HEAD_CHARS]
    for pattern, where in ((_PAREN, head), (_BAR, head), (_COPY, text)):
        for m in pattern.finditer(where):
            name = _agency(m.group(1), agencies)
            if name:
                return name
    return None


def _agency(slot: str, agencies: Mapping[str, str]) -> str | None:
    """The agency a credit slot names: the whole slot, or its last comma/slash piece
    ("By Jane Doe, Reuters"), or any of its '/'-joined parts ("AP/Reuters": the first)."""
    slot = slot.strip(" .-")
    pieces = [slot, *(p.strip(" .") for p in re.split(r"[,/;]| and ", slot))]
    for piece in pieces:
        name = agencies.get(piece.casefold())
        if name:
            return name
    return None
