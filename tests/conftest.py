"""Shared test fixtures. The spaCy model loads once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    """The plain English model (no newsgraph stages). Do not add pipes to it; copy instead."""
    from newsgraph.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def analyzer():
    """A full newsgraph pipeline (every stage available), one process."""
    from newsgraph.pipeline import Analyzer

    return Analyzer(workers=1)


@pytest.fixture(scope="session")
def quotes(base_nlp: Language):
    """The quotes stage alone (run it with ``stage_helpers.quotes_of``)."""
    from newsgraph.quotes import QuotesComponent

    return QuotesComponent(base_nlp)
