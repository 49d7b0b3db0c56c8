"""Storylines: stories of different occasions linked over time by shared actors and topic.

Two stories are linked when their occasions lie within ``max_gap_days`` of each other, they share
at least ``min_actors`` actors (countries and named people, news agencies left out) and at least
one topic word of their titles and leads. Linked stories form one storyline (connected groups).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..model import Article, Story

_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset("""that this with from have were will would about after said says their there
which while when what into over also more than been they them only some such other against
before since told news year week""".split())


@dataclass(slots=True)
class Storyline:
    """Stories about one thread, in date order."""

    id: str
    stories: list[str]
    start: str | None = None
    end: str | None = None
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


def _profile(story: Story, articles: dict[str, Article]) -> tuple[set[str], set[str]]:
    actors: set[str] = set()
    words: set[str] = set()
    for aid in story.articles:
        article = articles.get(aid)
        if article is None:
            continue
        for actor in article.actors:
            if actor.role == "media":
                continue
            if actor.kind == "person":
                actors.add(actor.name)
            if actor.country:
                actors.add(actor.country)
        lead = f"{article.title or ''} {article.text[:400]}".lower()
        words |= {w for w in _WORD.findall(lead) if w not in _STOP}
    return actors, words


def _gap(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def storylines(stories: Iterable[Story], articles: dict[str, Article], max_gap_days: int = 45,
               min_actors: int = 2) -> list[Storyline]:
    """Storylines of two or more stories, oldest first."""
    ordered = sorted(stories, key=lambda s: (s.date is None, s.date or "", s.id))
    profiles = [_profile(s, articles) for s in ordered]
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            gap = _gap(a.date, ordered[j].date)
            if gap is not None and gap > max_gap_days:
                break
            shared = profiles[i][0] & profiles[j][0]
            if len(shared) >= min_actors and profiles[i][1] & profiles[j][1]:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(ordered)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        chosen = [ordered[i] for i in members]
        actors = set.intersection(*(profiles[i][0] for i in members))
        topics = set.intersection(*(profiles[i][1] for i in members))
        out.append(Storyline(
            id="l-" + hashlib.sha1(chosen[0].id.encode()).hexdigest()[:10],
            stories=[s.id for s in chosen], start=chosen[0].date, end=chosen[-1].date,
            actors=sorted(actors), topics=sorted(topics)[:12]))
    return out
