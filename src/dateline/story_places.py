"""The town a report is about, for telling apart like stories from different places.

Two reports of shootings on one day in Memphis and in Greenwood share most of their words; the
town they name most often tells them apart. A town is a capitalised phrase of the title or the
lead that the gazetteer knows as a city (:func:`dateline.nlp.places.resolve_place`); the dateline
("CHARLOTTE, N.C. —") and the title count double.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .model import Article

LEAD_CHARS = 1500  # where a report names its town
_PHRASE = re.compile(r"\b[A-Z][a-z'’.]+(?:[ -][A-Z][a-z'’.]+){0,2}\b")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'’-]{2,40})(?:,\s*[A-Z][\w.]+)?\s*(?:\([^)]{1,40}\))?\s*[-–—,]")
_NOT_TOWN = frozenset("""The A An In On At By For From And But He She They It This That Police Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Mr Mrs Ms Dr Officer Officers Sheriff County Street Avenue Road North South East
West Man Woman Boy Girl Teen Child Deputies Deputy Chief Mayor Shooting Update Breaking News""".split())


@functools.lru_cache(maxsize=50_000)
def _city(phrase: str) -> str | None:
    """The gazetteer's name of the US city ``phrase`` names, else None."""
    from .nlp.places import resolve_place

    place = resolve_place(phrase, ("USA",))
    if place is None or not place.resolved or place.feature != "city" or place.country != "USA":
        return None
    return place.name


def _towns(text: str) -> list[str]:
    found: list[str] = []
    for m in _PHRASE.finditer(text):
        words = m.group(0).rstrip(".").split()
        while words and words[0] in _NOT_TOWN:
            words = words[1:]
        for n in range(len(words), 0, -1):  # "Detroit Police" -> "Detroit"
            city = _city(" ".join(words[:n]))
            if city is not None:
                found.append(city)
                break
    return found


def towns(article: Article) -> Counter[str]:
    """The US cities ``article``'s title and lead name, with how often (title and dateline count double)."""
    counts: Counter[str] = Counter()
    title = article.title or ""
    head = _DATELINE.match(article.text)
    if head:
        counts.update(_towns(head.group(1).strip().title()) * 2)
    counts.update(_towns(title) * 2)
    counts.update(_towns(article.text[:LEAD_CHARS]))
    return counts
