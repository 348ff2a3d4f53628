"""One-edit spelling variants: "Afganistan" for "Afghanistan", "Mitterand" for "Mitterrand".

:class:`NearIndex` holds a fixed set of words and answers, for a word not among them, the
words one edit away (one letter inserted, deleted, replaced, or two neighbouring letters
swapped: the restricted Damerau-Levenshtein distance 1). It indexes every word and every
word with one letter deleted, so a query costs a few dictionary lookups, not a scan.

The first letter must be the same: misspellings rarely touch it (studies of spelling
errors find the initial letter right in the great majority of cases), and a different first
letter is usually another word ("Siberian" is not "Liberian"). Callers decide the rest: a
long word (short words have too many neighbours), one match only, and a word the other
tables do not already know.
"""

from __future__ import annotations

from collections.abc import Iterable


def osa_distance(a: str, b: str) -> int:
    """Restricted Damerau-Levenshtein (optimal string alignment) distance of two strings."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


class NearIndex:
    """Words one edit away from a query, among a fixed set of words."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._by_key: dict[str, set[str]] = {}
        for w in self.words:
            for key in {w} | _deletions(w):
                self._by_key.setdefault(key, set()).add(w)

    def near(self, word: str) -> set[str]:
        """The indexed words at distance exactly 1 from ``word`` with its first letter
        (empty if ``word`` is indexed)."""
        if not word or word in self.words:
            return set()
        found: set[str] = set()
        for key in {word} | _deletions(word):
            found |= self._by_key.get(key, set())
        return {w for w in found if w[0] == word[0] and osa_distance(word, w) == 1}
