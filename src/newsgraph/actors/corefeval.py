"""Scoring the rule-based alias and pronoun resolution on hand-annotated texts.

A gold file is JSON Lines: ``{"text": ..., "links": [[mention, occurrence, antecedent]]}``:
the ``occurrence``-th (1-based, whole word, case-sensitive) appearance of ``mention`` refers
to the same actor as the first appearance of ``antecedent``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language


@dataclass
class CorefScore:
    links: int = 0
    correct: int = 0
    pronoun_links: int = 0
    pronoun_correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.links if self.links else 0.0

    @property
    def pronoun_accuracy(self) -> float:
        return self.pronoun_correct / self.pronoun_links if self.pronoun_links else 0.0

    @property
    def alias_accuracy(self) -> float:
        n = self.links - self.pronoun_links
        return (self.correct - self.pronoun_correct) / n if n else 0.0


def _find(text: str, word: str, occurrence: int) -> tuple[int, int] | None:
    hits = list(re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))
    if len(hits) < occurrence:
        return None
    return hits[occurrence - 1].start(), hits[occurrence - 1].end()


def _actor_at(mentions: list[dict[str, Any]], start: int, end: int) -> str | None:
    covering = [m for m in mentions if m["start"] <= start and m["end"] >= end]
    if not covering:
        return None
    return str(min(covering, key=lambda m: m["end"] - m["start"])["actor_id"])


def score(nlp: Language, path: Path) -> CorefScore:
    """Run ``nlp`` (with newsgraph_actors) over the gold texts and count correct links."""
    result = CorefScore()
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for row in rows:
        doc = nlp(row["text"])
        mentions = doc._.ng_actor_mentions or []
        pronoun_words = {"he", "she", "it", "they", "him", "her", "his", "its", "their", "them"}
        for mention, occurrence, antecedent in row["links"]:
            is_pronoun = mention.lower() in pronoun_words
            result.links += 1
            result.pronoun_links += is_pronoun
            span = _find(row["text"], mention, occurrence)
            ante = _find(row["text"], antecedent, 1)
            if span is None or ante is None:
                raise ValueError(
                    f"gold link {mention!r}/{antecedent!r} not found in {row['text']!r}"
                )
            mine = _actor_at(mentions, *span)
            target = _actor_at(mentions, *ante)
            ok = mine is not None and mine == target
            result.correct += ok
            result.pronoun_correct += ok and is_pronoun
    return result
