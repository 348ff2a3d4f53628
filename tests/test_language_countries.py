"""The shared country table (newsgraph.language.countries): names, variants, demonyms, capitals, seats."""

from __future__ import annotations

import pytest

from newsgraph.language.countries import country_name, country_of, is_demonym, lookup


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Ukraine", "UKR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("Britain", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Ukrainian", "UKR"),
        ("Chinese", "CHN"),
        ("Britons", "GBR"),
        ("Frenchmen", "FRA"),
        ("Beijing", "CHN"),
        ("Kiev", "UKR"),
        ("Pyongyang", "PRK"),
        ("the Kremlin", "RUS"),
        ("Downing Street", "GBR"),
        ("White House", "USA"),
        ("Russia\u2019s", "RUS"),
        ("North Korean", "PRK"),
    ],
)
def test_country_of_known(text: str, iso3: str) -> None:
    assert country_of(text) == iso3


@pytest.mark.parametrize("text", ["us", "chad", "male", "Kursk", "", "the", "protesters"])
def test_country_of_unknown(text: str) -> None:
    assert country_of(text) is None


def test_is_demonym() -> None:
    assert is_demonym("Ukrainian")
    assert is_demonym("Iraqis")
    assert is_demonym("Swiss")
    assert not is_demonym("Ukraine")
    assert not is_demonym("Moscow")
    assert not is_demonym("soldiers")


def test_lookup_kind_and_name() -> None:
    word = lookup("Moscow")
    assert word is not None and word.kind == "capital"
    word = lookup("Kremlin")
    assert word is not None and word.kind == "seat"
    assert country_name("DEU") == "Germany"
