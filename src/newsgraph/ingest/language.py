"""Language identification: the pipeline supports English only.

A cheap check on common English function words settles most articles; langdetect (seeded,
so results are deterministic) decides the rest.
"""

from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0

SUPPORTED = ("en",)
_WORD = re.compile(r"[^\W\d_]+", re.U)
_EN_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at", "it", "from", "his", "her", "said", "be", "are", "were", "has", "have", "had", "not", "but", "an", "this", "which", "their", "they", "its", "after", "who", "will", "would"]
)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:3000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) >= 8:
        share = sum(w in _EN_FUNCTION_WORDS for w in words) / len(words)
        if share >= 0.15:
            return "en"
    if len(words) < 8:
        return None  # too short to tell; not refused for that

    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return str(best.lang)
