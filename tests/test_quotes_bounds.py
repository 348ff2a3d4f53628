"""Quote bounds: a whole quotation is the content unless the clause goes on."""

from __future__ import annotations

import pytest

from stage_helpers import holding
from stage_helpers import quotes_of as run

pytestmark = pytest.mark.slow


def test_lead_in_after_comma_is_not_content(base_nlp, quotes) -> None:
    text = "The governor told the farmers, “our harvest will be the best in a decade.”"
    hits = holding(run(base_nlp, quotes, text), "harvest")
    assert hits, "the quotation was not found"
    assert all(q["text"].startswith("“our harvest") for q in hits), [q["text"] for q in hits]


def test_closed_quotation_does_not_run_on(base_nlp, quotes) -> None:
    text = "A man in the back row shouted “Shame on all of you!” at the council members."
    hits = holding(run(base_nlp, quotes, text), "Shame")
    assert all("council" not in q["text"] for q in hits), [q["text"] for q in hits]


def test_open_quotation_still_runs_on(base_nlp, quotes) -> None:
    text = "The engineer said the bridge is “safe for light traffic” until the spring repairs."
    hits = holding(run(base_nlp, quotes, text), "light traffic")
    assert hits and all(q["kind"] != "direct" for q in hits), [q["text"] for q in hits]


def test_person_before_colon_speaks(base_nlp, quotes) -> None:
    text = (
        "The rise in prices did not surprise the economist Maria Jensen: “Rents follow wages "
        "with a delay of about a year in every city we studied.” Her team expects more data."
    )
    hits = holding(run(base_nlp, quotes, text), "Rents follow")
    assert len(hits) == 1, [q["text"] for q in hits]
    assert hits[0]["speaker"] is not None and "Jensen" in hits[0]["speaker"]["name"]
