"""Lists of names: "Paris and Roxton", "Clarke and Oconee counties", "Trinidad and Tobago",
"Charleston, S.C." (a name listed beside a place, names before a plural region word, a
country whose name joins two names, an entity holding a place and its region)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.places.cues import Cues


class Lists(Cues):
    """The list rules (on top of the cue rules)."""

    def in_list(
        self, doc: Doc, s: int, e: int, starts: dict[int, int], ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """doc[s:e] is listed beside a place already found: "Paris and Roxton", "Newark,
        Heath and Pataskala", "Fargo-Moorhead". ``starts`` maps the first token of each found
        place to its end, ``ends`` its end to its start. A bare "P, X" is no list (it is how
        a place is followed by its region or an apposition): a conjunction must join them,
        or the list must go on."""
        n = len(doc)
        joins = {"and", "or", "&"}
        if e < n:
            nxt = doc[e]
            if nxt.lower_ in joins and e + 1 in starts:
                return e + 1, starts[e + 1]  # "X and P"
            if nxt.text in {"-", "–", "/"} and e + 1 in starts and doc[e - 1].whitespace_ == "":
                return e + 1, starts[e + 1]  # "Fargo-Moorhead" read from the left
            if nxt.text == ",":
                if e + 1 < n and doc[e + 1].lower_ in joins and e + 2 in starts:
                    return e + 2, starts[e + 2]  # "X, and P"
                if e + 1 in starts:
                    after = starts[e + 1]
                    if after < n and (doc[after].lower_ in joins or (
                        doc[after].text == "," and after + 1 < n
                        and (after + 1 in starts or doc[after + 1].lower_ in joins)
                    )):
                        return e + 1, after  # "X, P and Q", "X, P, Q"
        if s > 0:
            prev = doc[s - 1]
            if prev.lower_ in joins and s - 1 in ends:
                return ends[s - 1], s - 1  # "P and X"
            if prev.lower_ in joins and s >= 2 and doc[s - 2].text == "," and s - 2 in ends:
                return ends[s - 2], s - 2  # "P, and X"
            if prev.text in {"-", "–", "/"} and s - 1 in ends:
                return ends[s - 1], s - 1  # "Fargo-Moorhead", "Greenville- Spartanburg"
            if prev.text == "," and s - 1 in ends:
                first = ends[s - 1]
                # "P, Q, X": the list was going on before; "P, X and ...": it goes on after
                if first > 0 and doc[first - 1].text == "," and first - 1 in ends:
                    return first, s - 1
                if e < n and doc[e].lower_ in joins:
                    return first, s - 1
        return None

    def area_list(self, doc: Doc, texts: list[str] | None = None) -> list[tuple[int, int]]:
        """Names listed before a plural region word: "Clarke and Oconee counties", "the
        Kursk, Belgorod and Bryansk regions" (each a region the gazetteer knows)."""
        out: list[tuple[int, int]] = []
        for p, text in enumerate(texts if texts is not None else [t.text for t in doc]):
            low = text.lower()
            if not (low.endswith("s") and low in self.admin_terms):
                continue
            items: list[tuple[int, int]] = []
            j = p - 1
            while j >= 0:
                end = j + 1
                while j >= 0 and doc[j].text[:1].isupper() and not doc[j].is_punct:
                    j -= 1
                if j + 1 == end or end - (j + 1) > 3:
                    break
                items.append((j + 1, end))
                if j >= 0 and doc[j].lower_ in {",", "and", "&", "or"}:
                    j -= 1
                    if j >= 0 and doc[j].text == "," and doc[j + 1].lower_ == "and":
                        j -= 1
                    continue
                break
            if len(items) >= 2 and all(self.gaz.has(doc[a:b].text) for a, b in items):
                out.extend(items)
        return out

    def joined_names(self, doc: Doc, texts: list[str]) -> list[tuple[int, int]]:
        """Countries and regions whose own name joins two names with "and" ("Trinidad and
        Tobago", "Antigua and Barbuda"), which the model may cut in two entities."""
        out: list[tuple[int, int]] = []
        n = len(texts)
        for i in range(1, n - 1):
            if texts[i] != "and" or (out and out[-1][1] > i):
                continue
            found = None
            for a in range(max(0, i - 3), i):
                if not texts[a][:1].isupper():
                    continue
                for b in range(min(n, i + 4), i + 1, -1):
                    if texts[b - 1][:1].isupper() and self._names_big_area(doc[a:b].text):
                        found = (a, b)
                        break
                if found:
                    break
            if found:
                out.append(found)
        return out

    def split_list(self, doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
        """Split an entity "Charleston, S.C." / "Kyiv, Ukraine" into its places."""
        for i in range(s + 1, e - 1):
            if doc[i].text == ",":
                left, right = doc[s:i].text, doc[i + 1 : e].text
                if self.known(left) and self.known(right, strong=True):
                    return [(s, i), (i + 1, e)]
        return [(s, e)]
