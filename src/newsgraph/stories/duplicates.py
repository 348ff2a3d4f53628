"""Near-duplicate articles: MinHash over word shingles, candidates from LSH (``datasketch``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from newsgraph.stories.text import words

# The permutation scheme of every stored signature (datasketch 2); stored signatures can only
# be compared with ones made by the same scheme and seed.
SCHEME = "affine32"


def shingles(text: str, size: int) -> set[bytes]:
    ws = words(text)
    if len(ws) <= size:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i : i + size]).encode("utf-8") for i in range(len(ws) - size + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


def signature(text: str, size: int, num_perm: int) -> list[int]:
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME, permutations=_permutations(num_perm))
    m.update_batch(list(shingles(text, size)))
    return [int(v) for v in m.hashvalues]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal slots)."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


class Index:
    """An LSH index of signatures; ``query`` returns the keys whose estimate may pass ``threshold``."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        from datasketch import MinHashLSH

        self.num_perm = num_perm
        self.lsh: Any = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, list[int]] = {}

    def _minhash(self, sig: Sequence[int]) -> Any:
        import numpy as np
        from datasketch import MinHash

        return MinHash(
            num_perm=self.num_perm, seed=1, hashvalues=np.array(sig, dtype=np.uint32), scheme=SCHEME,
            permutations=_permutations(self.num_perm),
        )

    def add(self, key: str, sig: list[int]) -> None:
        if len(sig) != self.num_perm or key in self.signatures:
            return
        self.lsh.insert(key, self._minhash(sig))
        self.signatures[key] = sig

    def add_all(self, items: Iterable[tuple[str, list[int]]]) -> None:
        for key, sig in items:
            self.add(key, sig)

    def query(self, sig: list[int], threshold: float) -> list[tuple[str, float]]:
        """Stored keys with estimated similarity >= ``threshold``, best first."""
        if len(sig) != self.num_perm:
            return []
        found = [(k, similarity(sig, self.signatures[k])) for k in self.lsh.query(self._minhash(sig))]
        return sorted((kv for kv in found if kv[1] >= threshold), key=lambda kv: (-kv[1], kv[0]))
