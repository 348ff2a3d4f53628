"""The one text normalizer (newsgraph.language.text) and its three keys."""

from __future__ import annotations

import pytest

from newsgraph.language.text import COUNTRY, PLACE, WORD, Normalizer, country_key, fold, place_key


@pytest.mark.parametrize(
    ("text", "key"),
    [("Kremlin\u2019s", "kremlin's"), ("\u2018Hamas\u2019", "'hamas'"), ("  U.S. ", "  u.s. ")],
)
def test_word_key(text: str, key: str) -> None:
    assert fold(text) == key == WORD(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the Kremlin\u2019s", "kremlin"),
        ("The  United\nStates", "united states"),
        ("U.S.", "u.s."),
        ("the U.S.", "u.s."),
        ("Britain,", "britain"),
        ("Filipinos'", "filipinos"),
        ("Afghan\u02bcs", "afghan"),
    ],
)
def test_country_key(text: str, key: str) -> None:
    assert country_key(text) == key == COUNTRY(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("St. John\u2019s", "saint johns"),
        ("Ft. Worth", "fort worth"),
        ("Mt. Kenya", "mount kenya"),
        ("C\u00f4te-d'Ivoire", "cote divoire"),
        ("S\u00e3o Paulo (city)", "sao paulo city"),
        ("Stanley", "stanley"),
    ],
)
def test_place_key(text: str, key: str) -> None:
    assert place_key(text) == key == PLACE(text)


def test_steps_compose() -> None:
    custom = Normalizer(drop="-", spaces=r"\s+", article=True)
    assert custom("The  Anti-War  League") == "antiwar league"
    assert Normalizer()("ABC") == "abc"  # lower case is the only step always on


def test_word_step_and_case() -> None:
    person = Normalizer(
        apostrophes="\u2019", accents=True, words=r"[\s\-.']+", stopwords=frozenset({"al", "dr"})
    )
    assert person("Dr. Bashar al-Ass\u00e1d") == "bashar assad"
    assert person("O\u2019Neill") == "o neill"
    keep_case = Normalizer(spaces=r"\s+", lower=False, article=True)
    assert keep_case("The  White House") == "White House"
