"""The gazetteer index built from a GeoNames-format fixture the team wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.places.gazetteer import (
    NAME_ABBR,
    NAME_OWN,
    NAME_SHORT,
    load_features,
    load_gazetteer,
    normalize,
    representative_point,
)
from newsgraph.places.geonames import build_from_geonames

FIXTURE = Path(__file__).parent / "fixtures" / "places"


@pytest.fixture(scope="module")
def fixture_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    # the fixture's 14 places, plus the team table of oceans, seas and large regions
    assert build_from_geonames(FIXTURE, dest) == 14 + len(load_features())
    return dest


def test_places_and_hierarchy(fixture_index: Path) -> None:
    gaz = load_gazetteer(fixture_index)
    (guyevo, kind), = gaz.lookup("Guyevo")
    assert kind == NAME_OWN
    assert guyevo.geonames_id == 557731 and guyevo.feature == "city"
    assert guyevo.country == "RUS" and guyevo.admin1 == "RU-KRS"
    oblast = gaz.admin1("RU.41")
    assert oblast is not None and oblast.geonames_id == 538555
    # the region's point is GeoNames' own row, not a computed one
    assert (oblast.lat, oblast.lon) == (51.5, 36.25)


def test_region_short_name_and_town(fixture_index: Path) -> None:
    gaz = load_gazetteer(fixture_index)
    kinds = {(e.feature, k) for e, k in gaz.lookup("Kursk")}
    assert ("city", NAME_OWN) in kinds and ("admin1", NAME_SHORT) in kinds


def test_aliases_codes_and_abbreviations(fixture_index: Path) -> None:
    gaz = load_gazetteer(fixture_index)
    assert [e.name for e, _ in gaz.lookup("Kiev")] == ["Kyiv"]
    assert [e.feature for e, _ in gaz.lookup("USA")] == ["country"]
    tex = gaz.lookup("Tex.")
    assert [(e.name, k) for e, k in tex] == [("Texas", NAME_ABBR)]
    assert gaz.lookup("Dnieper")[0][0].feature == "water"
    assert gaz.lookup("Atlantis") == ()


def test_build_is_deterministic(fixture_index: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    build_from_geonames(FIXTURE / "allCountries.txt", again)

    def dump(p: Path) -> list[tuple[object, ...]]:
        con = sqlite3.connect(p)
        rows = con.execute("SELECT * FROM places ORDER BY pid").fetchall()
        rows += con.execute("SELECT * FROM names ORDER BY key, pid").fetchall()
        con.close()
        return rows

    assert dump(fixture_index) == dump(again)


def test_missing_dump_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="allCountries"):
        build_from_geonames(tmp_path, tmp_path / "x.sqlite")
    with pytest.raises(FileNotFoundError, match="gazetteer build"):
        load_gazetteer(tmp_path / "absent.sqlite")


def test_normalize_and_points() -> None:
    assert normalize("St. Louis") == "saint louis"
    assert normalize("Kyïv") == "kyiv"
    assert normalize("Winston-Salem") == "winston salem"
    assert representative_point([]) is None
    lat, lon = representative_point([(10.0, 20.0), (12.0, 22.0), (11.0, 21.0)]) or (0, 0)
    assert 10 <= lat <= 12 and 20 <= lon <= 22
