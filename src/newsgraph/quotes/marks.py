"""Finding quoted stretches of text by their quotation marks.

Straight (") and curly (“ ”) double marks, guillemets (« »), and the doubled apostrophe
('') some archives use. A quotation may run over several paragraphs: by the usual
convention each paragraph of it opens with a mark and only the last one closes, so an
unclosed quotation continues when the next paragraph opens with a mark; otherwise it ends
with its paragraph. Marks inside a quotation (a quotation inside a quotation) stay part of
the outer one. Single marks are not treated as top-level quotations: the apostrophe makes
them ambiguous, and in English news they mark quotations inside quotations or headlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPEN_CURLY = "“„"
CLOSE_CURLY = "”"
OPEN_GUILLEMET = "«"
CLOSE_GUILLEMET = "»"
ALL_MARKS = '"“”„«»'


@dataclass
class QuotedSpan:
    """One top-level quotation: ``start``..``end`` include the marks."""

    start: int
    end: int
    fragments: list[tuple[int, int]] = field(default_factory=list)
    absorbed: bool = False  # part of a longer reported clause (set by the finder)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph offsets: blank lines separate paragraphs when the text has any, else lines."""
    sep = "\n\n" if "\n\n" in text or "\r\n\r\n" in text else "\n"
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        nxt = text.find(sep, pos) if sep != "\n" else text.find("\n", pos)
        end = n if nxt < 0 else nxt
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = end + len(sep) if nxt >= 0 else n
    return out


def _is_space(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _straight_width(text: str, i: int) -> int:
    """1 for a straight double mark, 2 for a doubled apostrophe, 0 otherwise."""
    if text[i] == '"':
        return 1
    if text.startswith("''", i) and not text.startswith("'''", i):
        return 2
    return 0


def _line_start(text: str, i: int) -> int | None:
    """Where the line of ``i`` starts when only spaces lie between it and ``i``, else None."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j + 1 if j >= 0 and text[j] == "\n" else None


def _opens(text: str, i: int) -> bool:
    """Could a straight mark at ``i`` open a quotation (something follows it)?"""
    width = _straight_width(text, i) or 1
    return not _is_space(text, i + width)


def _closes_like(text: str, i: int, width: int) -> bool:
    """Does a straight mark at ``i`` look like a closing one (glued to the word before)?"""
    return not _is_space(text, i - 1) and (
        _is_space(text, i + width) or not text[i + width].isalnum()
    )


_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")


def _mask_markup(text: str) -> str:
    """Blank out markup tags (``<tweet author="...">``): their attribute quotes are not quotations."""
    if "<" not in text:
        return text
    return _TAG.sub(lambda m: " " * len(m.group(0)), text)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quotation of ``text``, in order."""
    text = _mask_markup(text)
    spans: list[QuotedSpan] = []
    paras = paragraphs(text)
    para_end_at = {e: k for k, (_s, e) in enumerate(paras)}
    n = len(text)
    kind: str | None = None  # "curly" | "straight" | "guillemet"
    frag_start = 0
    fragments: list[tuple[int, int]] = []
    depth = 0
    inner_straight = False
    i = 0

    def close(end: int) -> None:
        nonlocal kind, fragments
        fragments.append((frag_start, end))
        if any(text[a:b].strip(ALL_MARKS + "' \n").strip() for a, b in fragments):
            spans.append(QuotedSpan(fragments[0][0], end, fragments))
        kind = None
        fragments = []

    while i < n:
        if i in para_end_at and kind is not None:
            # The paragraph ends inside a quotation: continue it or end it here.
            k = para_end_at[i]
            nxt = paras[k + 1][0] if k + 1 < len(paras) else n
            cont = nxt < n and (
                (kind == "curly" and text[nxt] in OPEN_CURLY)
                or (kind == "straight" and _straight_width(text, nxt) > 0)
                or (kind == "guillemet" and text[nxt] == OPEN_GUILLEMET)
            )
            if cont:
                fragments.append((frag_start, i))
                frag_start = nxt
                width = _straight_width(text, nxt) if kind == "straight" else 1
                i = nxt + width
                depth = 0
                inner_straight = False
                continue
            close(i)
        c = text[i]
        width = _straight_width(text, i)
        if kind is None:
            if c in OPEN_CURLY:
                kind, frag_start, depth, inner_straight = "curly", i, 0, False
            elif c == OPEN_GUILLEMET:
                kind, frag_start, depth = "guillemet", i, 0
            elif (
                width
                and _opens(text, i)
                and not (_closes_like(text, i, width) and not _is_space(text, i - 1))
            ):
                kind, frag_start = "straight", i
                i += width
                continue
        elif kind == "curly":
            line_start = _line_start(text, i)
            if c in OPEN_CURLY and depth == 0 and line_start is not None and line_start > frag_start:
                # A line inside a paragraph that opens with a mark while the quotation is
                # unclosed reopens it, as a new paragraph would (texts that break paragraphs
                # with single line breaks): not a quotation inside the quotation.
                end = line_start
                while end > frag_start and text[end - 1].isspace():
                    end -= 1
                fragments.append((frag_start, end))
                frag_start = i
            elif c in OPEN_CURLY and depth == 0 and _closes_like(text, i, 1):
                close(i + 1)  # “It's unusual,“ said …: an opening mark typed for a closing one
            elif c in OPEN_CURLY:
                depth += 1
            elif c == CLOSE_CURLY:
                if depth:
                    depth -= 1
                else:
                    close(i + 1)
            elif width == 1:
                if inner_straight:
                    inner_straight = False
                elif _closes_like(text, i, 1) and depth == 0:
                    close(i + 1)  # a quotation opened curly and closed straight
                else:
                    inner_straight = True
        elif kind == "guillemet":
            if c == OPEN_GUILLEMET:
                depth += 1
            elif c == CLOSE_GUILLEMET:
                if depth:
                    depth -= 1
                else:
                    close(i + 1)
        elif kind == "straight" and width:
            if _is_space(text, i - 1) and not _is_space(text, i + width) and i > frag_start + 1:
                # An opening-looking mark while a straight quotation is open: the marks are out
                # of step (a stray mark before). Drop the open one and start again here.
                kind = None
                fragments = []
                kind, frag_start = "straight", i
                i += width
                continue
            close(i + width)
            i += width
            continue
        elif kind == "straight" and c == CLOSE_CURLY and _closes_like(text, i, 1):
            # Opened straight, closed curly: only when no curly quotation is open inside.
            inner = text[frag_start:i]
            if inner.count("“") <= inner.count("”"):
                close(i + 1)
        i += 1
    if kind is not None:
        end = n
        while end > frag_start and text[end - 1].isspace():
            end -= 1
        close(end)
    return spans
