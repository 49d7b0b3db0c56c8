"""Contradictions: where a text and its sources disagree on a fact.

Two kinds are found:

* a year given for the same thing ("the existing 1962 treaty" in a quote, "the treaty ... signed
  in 1961" in the narration), within one article;
* a casualty count for one occasion ("two people were killed" in one report, "three killed" in
  another), across the articles of a story.

Each contradiction keeps both pieces of evidence with their offsets, so a reader can judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article

NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                      "twelve".split())}
_THING = r"(treaty|agreement|accord|pact|alliance|constitution|law|summit|war|armistice|ceasefire)"
_YEAR_BEFORE = re.compile(rf"\b(1[89]\d\d|20\d\d)\s+(?:\w+\s+)?{_THING}\b", re.I)
_YEAR_AFTER = re.compile(rf"\b{_THING}\b[^.;]{{0,160}}?\b(?:signed|concluded|agreed|adopted|held|"
                         rf"ratified|began|ended|fought|of)\s+(?:in\s+)?(1[89]\d\d|20\d\d)\b", re.I)
_COUNT = re.compile(r"\b(\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                    r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+|have been\s+|had been\s+)?"
                    r"(killed|dead|died|injured|wounded|hurt)\b", re.I)
_KIND = {"killed": "killed", "dead": "killed", "died": "killed", "injured": "injured",
         "wounded": "injured", "hurt": "injured"}


@dataclass(slots=True)
class Evidence:
    article: str
    start: int
    end: int
    text: str
    value: str
    in_quote: bool = False


@dataclass(slots=True)
class Contradiction:
    """Two sources that disagree on ``fact``."""

    kind: str  # "year" | "count"
    fact: str
    first: Evidence
    second: Evidence


def _in_quote(article: Article, pos: int) -> bool:
    return any(q.start <= pos < q.end and q.kind == "direct" for q in article.quotes)


def year_disagreements(article: Article) -> list[Contradiction]:
    """The same kind of thing dated to nearby but different years in one article."""
    found: dict[str, list[Evidence]] = {}
    for pattern, year_group, thing_group in ((_YEAR_BEFORE, 1, 2), (_YEAR_AFTER, 2, 1)):
        for m in pattern.finditer(article.text):
            thing = m.group(thing_group).lower()
            found.setdefault(thing, []).append(Evidence(
                article.id, m.start(), m.end(), m.group(0), m.group(year_group),
                _in_quote(article, m.start())))
    out = []
    for thing, items in found.items():
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if a.value != b.value and abs(int(a.value) - int(b.value)) <= 3:
                    out.append(Contradiction("year", f"year of the {thing}", a, b))
    return out


def _count(article: Article) -> dict[str, Evidence]:
    counts: dict[str, Evidence] = {}
    for m in _COUNT.finditer(article.text[:2000]):
        kind = _KIND[m.group(2).lower()]
        raw = m.group(1).lower()
        value = str(NUMBERS.get(raw, raw))
        counts.setdefault(kind, Evidence(article.id, m.start(), m.end(), m.group(0), value))
    return counts


def count_disagreements(articles: Iterable[Article]) -> list[Contradiction]:
    """Articles of one story that report different numbers killed or injured (first mentions)."""
    seen: dict[str, Evidence] = {}
    out = []
    for article in articles:
        for kind, ev in _count(article).items():
            first = seen.setdefault(kind, ev)
            if first.article != ev.article and first.value != ev.value:
                out.append(Contradiction("count", f"number {kind}", first, ev))
    return out


def contradictions(articles: Iterable[Article]) -> list[Contradiction]:
    """Year disagreements within each article and count disagreements within each story."""
    arts = list(articles)
    out = [c for a in arts for c in year_disagreements(a)]
    stories: dict[str, list[Article]] = {}
    for a in arts:
        if a.story:
            stories.setdefault(a.story, []).append(a)
    for members in stories.values():
        out.extend(count_disagreements(sorted(members, key=lambda a: a.published or "")))
    return out
