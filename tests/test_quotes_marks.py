"""Quotation-mark scanning (no spaCy model needed)."""

from __future__ import annotations

from newsgraph.quotes.marks import find_quoted_spans, paragraphs


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted_spans(text)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "we are done" and she said “we are not” today.'
    assert texts(text) == ['"we are done"', "“we are not”"]


def test_quote_inside_quote_stays_in_the_outer_one() -> None:
    text = "“She told me ‘never again’ and “that was it,” he recalled.” Then silence."
    assert texts(text) == ["“She told me ‘never again’ and “that was it,” he recalled.”"]


def test_straight_quote_with_curly_inner_quote() -> None:
    text = 'The ad says "vote “yes” on Sunday" in red.'
    assert texts(text) == ['"vote “yes” on Sunday"']


def test_quote_over_several_paragraphs() -> None:
    text = "“The first part ends here.\n\n“The second part goes on.\n\n“And it ends,” she said."
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end].endswith("it ends,”")
    assert len(spans[0].fragments) == 3


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“An unclosed quote\n\nA narrative paragraph with no marks."
    assert texts(text) == ["“An unclosed quote"]


def test_doubled_apostrophes_and_guillemets() -> None:
    text = "''Old style quote,'' he wrote. «Une citation» ici."
    assert texts(text) == ["''Old style quote,''", "«Une citation»"]


def test_apostrophes_are_not_quotes() -> None:
    assert texts("The minister's aides won't comment on Jones' plan.") == []


def test_markup_attributes_are_not_quotes() -> None:
    text = '<tweet author="@someone" datetime="2020-01-02">Big news</tweet> and "a real one".'
    assert texts(text) == ['"a real one"']


def test_paragraphs_use_blank_lines_when_present() -> None:
    text = "one line\nsame paragraph\n\nnext paragraph"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "one line\nsame paragraph",
        "next paragraph",
    ]
    single = "a\nb"
    assert [single[s:e] for s, e in paragraphs(single)] == ["a", "b"]


def test_straight_marks_recover_after_a_stray_mark() -> None:
    text = 'The storm left 5" of rain. Then he said "we will rebuild," and "soon."'
    assert texts(text) == ['"we will rebuild,"', '"soon."']


def test_opening_mark_typed_as_closing_one() -> None:
    text = "“It is unusual,“ said the lawyer. “They rarely do that.”"
    assert texts(text) == ["“It is unusual,“", "“They rarely do that.”"]
